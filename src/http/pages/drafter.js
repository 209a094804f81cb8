// The 起草规则 page of the staff console (administrators): paste a notice or upload a .txt, draft it, read
// the draft YAML beside the notice with each value's sentence highlighted, edit it, check it as `rules
// validate` would (problems beside the editor, with their lines), and publish it into the rules directory;
// the running service reloads it at once. Requests go through the console's api() (CSRF on changes).
(function (global) {
  'use strict';
  var V = global.jiuyiViews, el = V.el, t = V.t, D = global.jiuyiDrafterViews;
  var MAX_CHARS = 100000, MAX_FILE = 1048576, CHECK_AFTER_MS = 800;
  var api = null, announce = function () {}, $ = {};
  var s = null; // the draft being edited: { text, evidence, byPath, review, leftOut, paths, problems, checked, valid, replaces, selected, published }

  function mount(root, deps) {
    if (api) return;
    api = deps.api;
    announce = deps.announce || announce;
    $.input = el('textarea', { id: 'notice-input', 'aria-label': t('draft_paste'), placeholder: t('draft_paste_placeholder'), rows: '10' });
    $.file = el('input', { id: 'notice-file', type: 'file', accept: '.txt,text/plain', 'aria-label': t('draft_upload'), onchange: function () { readFile($.file.files[0]); } });
    $.id = el('input', { id: 'draft-id', placeholder: t('draft_id_placeholder'), 'aria-label': t('draft_id'), maxlength: '64', size: '16', pattern: '[a-z][a-z0-9_]*' });
    $.run = el('button', { id: 'draft-run', type: 'button', class: 'primary', text: t('draft_run'), onclick: draft });
    $.error = el('div', { id: 'draft-error', class: 'error', role: 'alert' });
    $.form = el('details', { class: 'draft-input', open: true }, [
      el('summary', { text: t('draft_new') }),
      el('p', { class: 'muted', text: t('draft_intro') }),
      $.input,
      el('div', { class: 'actions' }, [el('label', {}, [t('draft_upload') + ' ', $.file]), el('label', {}, [t('draft_id') + ' ', $.id]), $.run]),
    ]);
    $.summary = el('p', { id: 'draft-summary', class: 'summary' });
    $.notice = el('pre', { id: 'notice-text', class: 'notice-text', 'aria-label': t('draft_notice'), onclick: pickInNotice });
    $.rows = el('div', { class: 'rows', 'aria-hidden': 'true' });
    $.yaml = el('textarea', { id: 'yaml-text', class: 'yaml', wrap: 'off', spellcheck: 'false', 'aria-label': t('draft_editor'), oninput: edited, onclick: caret, onkeyup: caret, onscroll: scrolled });
    $.publishId = el('input', { id: 'publish-id', 'aria-label': t('draft_id'), maxlength: '64', size: '14', oninput: edited });
    $.replace = el('input', { id: 'replace-ok', type: 'checkbox', onchange: buttons });
    $.replaceLabel = el('label', { class: 'replace', hidden: true }, [$.replace, ' ', el('span')]);
    $.check = el('button', { id: 'draft-check', type: 'button', text: t('draft_check'), onclick: function () { check(true); } });
    $.publish = el('button', { id: 'draft-publish', type: 'button', class: 'primary', text: t('draft_publish'), disabled: true, onclick: publish });
    $.status = el('p', { id: 'check-status', role: 'status' });
    $.problems = el('div');
    $.review = el('div');
    $.leftOut = el('div');
    $.card = el('div', { id: 'evidence-card', 'aria-live': 'polite' });
    $.work = el('div', { class: 'draft-work', hidden: true }, [
      el('section', { class: 'pane notice-pane' }, [el('h3', { text: t('draft_notice') }), $.notice]),
      el('section', { class: 'pane editor-pane' }, [
        el('h3', { text: t('draft_editor') }),
        el('div', { class: 'actions' }, [el('label', {}, [t('draft_id') + ' ', $.publishId]), $.check, $.publish, $.replaceLabel]),
        $.status,
        el('div', { class: 'editor' }, [$.rows, $.yaml]),
      ]),
      el('aside', { class: 'pane side-pane' }, [
        el('h3', { text: t('draft_evidence') }), $.card,
        el('h3', { text: t('draft_problems') }), $.problems,
        el('h3', { text: t('draft_review') }), $.review,
        el('h3', { text: t('draft_left_out') }), $.leftOut,
      ]),
    ]);
    root.appendChild(el('div', { class: 'drafter' }, [$.form, $.error, $.summary, $.work]));
  }

  function fail(key, detail, vars) {
    $.error.textContent = '';
    $.error.appendChild(el('strong', { text: t(key, vars) }));
    if (detail) $.error.appendChild(el('pre', { text: detail }));
    announce(t(key, vars));
  }
  function failed(err) {
    if (err && err.message === 'signed out') return;
    var key = err && err.code ? 'draft_err_' + err.code : 'error';
    fail(t(key) === key ? 'error' : key, err && err.message);
  }

  // --- the notice: pasted, or read from a .txt (UTF-8, else GB18030: notices are often saved in GBK) ---
  function readFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE) return fail('draft_err_file_big', null, { size: D.size(file.size) });
    file.arrayBuffer().then(function (buf) {
      var bytes = new Uint8Array(buf);
      if (bytes.indexOf(0) >= 0) return fail('draft_err_not_text');
      var text;
      try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { text = new TextDecoder('gb18030').decode(bytes); }
      $.input.value = text.replace(/^\uFEFF/, '');
      $.file.value = '';
      $.error.textContent = '';
      announce(t('draft_read_file', { name: file.name, n: $.input.value.length }));
      $.run.focus();
    });
  }

  function draft() {
    var text = $.input.value;
    if (!text.trim()) return fail('draft_err_empty');
    if (text.length > MAX_CHARS) return fail('draft_err_too_long', null, { n: text.length });
    $.error.textContent = '';
    $.run.disabled = true;
    $.run.textContent = t('draft_running');
    var body = { text: text };
    if ($.id.value.trim()) body.id = $.id.value.trim();
    api('POST', '/api/v1/admin/drafts', body).then(show, failed).then(function () { $.run.disabled = false; $.run.textContent = t('draft_run'); });
  }

  function show(d) {
    var byPath = {};
    d.evidence.forEach(function (e) { if (!byPath[e.path]) byPath[e.path] = e; });
    s = { text: d.text, evidence: d.evidence, byPath: byPath, review: d.review, leftOut: d.leftOut, selected: null, published: null };
    $.summary.textContent = t('draft_summary', { name: d.name, id: d.id, facilities: d.counts.facilities, designations: d.counts.designations, guidance: d.counts.guidance, contacts: d.counts.contacts, review: d.review.length, leftOut: d.leftOut.length });
    $.yaml.value = d.yaml;
    $.publishId.value = d.id;
    $.form.open = false;
    $.work.hidden = false;
    checked(d.check, d.yaml);
    $.leftOut.textContent = '';
    $.leftOut.appendChild(D.leftOutList(d.leftOut, function (i) { select({ leftOut: d.leftOut[i] }); }));
    select(null);
  }

  // --- selection: a value of the YAML ⇄ its sentence in the notice ---------------------------------------
  function lineOf(path) {
    for (var i = 0; i < s.paths.length; i++) if (s.paths[i].path === path) return s.paths[i].line;
    return null;
  }
  function select(sel) {
    s.selected = sel;
    var marks = s.leftOut.map(function (l) { return { start: l.start, end: l.end, cls: 'left-out', title: l.reason }; });
    var reviewed = {};
    (s.reviewItems || []).forEach(function (r) { reviewed[r.path] = true; });
    s.evidence.forEach(function (e) { marks.push({ start: e.start, end: e.end, cls: reviewed[e.path] ? 'read to-review' : 'read' }); });
    var ev = sel && sel.evidence;
    if (ev) {
      marks.push({ start: ev.start, end: ev.end, cls: 'ev-sentence' });
      if (ev.valueStart != null) marks.push({ start: ev.valueStart, end: ev.valueEnd, cls: 'ev-value' });
    }
    if (sel && sel.leftOut) marks.push({ start: sel.leftOut.start, end: sel.leftOut.end, cls: 'ev-sentence' });
    $.notice.textContent = '';
    $.notice.appendChild(D.noticeText(s.text, marks));
    $.card.textContent = '';
    $.card.appendChild(D.evidenceCard(ev || null, sel && sel.path));
    var hit = $.notice.querySelector('.ev-sentence');
    // the pre is positioned: a mark's offsetTop is from its top
    if (hit) $.notice.scrollTop = Math.max(0, hit.offsetTop - $.notice.clientHeight / 3);
    drawRows();
  }
  function caret() {
    if (!s) return;
    var lines = $.yaml.value.split('\n');
    var p = D.pathAt(s.paths, lines, D.lineAt($.yaml.value, $.yaml.selectionStart));
    if (!p) return select(null);
    if (s.selected && s.selected.path === p.path) return;
    select({ path: p.path, range: p, evidence: D.evidenceFor(s.byPath, s.evidence, p.path) });
  }
  function goToLine(line) {
    var at = D.offsetOfLine($.yaml.value, line);
    var end = $.yaml.value.indexOf('\n', at);
    $.yaml.focus({ preventScroll: true });
    $.yaml.setSelectionRange(at, end < 0 ? $.yaml.value.length : end);
    var lh = parseFloat(getComputedStyle($.yaml).lineHeight) || 20;
    $.yaml.scrollTop = Math.max(0, (line - 4) * lh);
    scrolled();
    caret();
  }
  /** A click in the notice: the value read from the sentence clicked (the value itself when on it). */
  function pickInNotice(ev) {
    var span = ev.target.closest && ev.target.closest('[data-at]');
    if (!s || !span) return;
    var at = Number(span.dataset.at), best = null;
    s.evidence.forEach(function (e) {
      if (e.start > at || at >= e.end) return;
      var onValue = e.valueStart != null && e.valueStart <= at && at < e.valueEnd;
      var score = (onValue ? 0 : 1e6) + (e.end - e.start);
      if (!best || score < best.score) best = { e: e, score: score };
    });
    if (!best) return;
    var line = lineOf(best.e.path);
    if (line) goToLine(line);
    else select({ path: best.e.path, evidence: best.e });
  }

  // --- the editor ----------------------------------------------------------------------------------------
  function drawRows() {
    var lines = $.yaml.value.split('\n');
    var review = D.reviewLines(lines), bad = {}, sel = s && s.selected && s.selected.range;
    ((s && s.problems) || []).forEach(function (p) { if (p.own && p.line != null) bad[p.line] = true; });
    $.rows.textContent = '';
    $.rows.appendChild(D.rows(lines.length, function (n) {
      return (bad[n] ? 'problem ' : '') + (review[n] ? 'review ' : '') + (sel && sel.line <= n && n <= sel.end ? 'selected' : '');
    }));
    scrolled();
  }
  function scrolled() { $.rows.style.transform = 'translateY(' + -$.yaml.scrollTop + 'px)'; }

  var timer = null;
  function edited() {
    if (!s) return;
    s.valid = false;
    s.checked = null;
    $.status.textContent = t('draft_stale');
    $.status.className = '';
    buttons();
    drawRows();
    clearTimeout(timer);
    timer = setTimeout(function () { check(false); }, CHECK_AFTER_MS);
  }
  function check(asked) {
    clearTimeout(timer);
    var yaml = $.yaml.value, id = $.publishId.value.trim();
    if (asked) { $.status.textContent = t('draft_checking'); $.status.className = ''; }
    return api('POST', '/api/v1/admin/rules/' + encodeURIComponent(id || '-') + '/check', { yaml: yaml }).then(function (c) {
      if ($.yaml.value !== yaml || $.publishId.value.trim() !== id) return;
      checked(c, yaml);
      var first = c.problems.filter(function (p) { return p.own && p.line != null; })[0];
      if (asked && first) goToLine(first.line);
    }, function (err) {
      s.problems = [{ own: true, path: '', message: err.message }];
      s.valid = false;
      renderProblems();
      $.status.textContent = t(err.code ? 'draft_err_' + err.code : 'error');
      $.status.className = 'bad';
      buttons();
    });
  }
  function checked(c, yaml) {
    s.paths = c.paths;
    s.problems = c.problems;
    s.valid = c.valid;
    s.checked = yaml;
    s.replaces = c.replaces || null;
    $.status.textContent = c.valid ? t('draft_valid') : t('draft_invalid', { n: c.problems.length });
    $.status.className = c.valid ? 'good' : 'bad';
    $.replace.checked = false;
    $.replaceLabel.hidden = !s.replaces;
    if (s.replaces) $.replaceLabel.lastChild.textContent = t('draft_replace', { name: s.replaces.name || c.id, file: s.replaces.file });
    renderProblems();
    buttons();
    drawRows();
    // the selected value's lines, where they are now
    if (s.selected && s.selected.path) s.selected.range = s.paths.filter(function (p) { return p.path === s.selected.path; })[0] || null;
    if (s.selected) select(s.selected);
  }
  function renderProblems() {
    $.problems.textContent = '';
    $.problems.appendChild(D.problemList(s.problems, goToLine));
    // what is still to review: the REVIEW comments left in the YAML (settled ones are deleted)
    s.reviewItems = D.reviewItems($.yaml.value.split('\n'), s.paths);
    $.review.textContent = '';
    $.review.appendChild(D.reviewList(s.reviewItems, goToLine));
  }
  function buttons() {
    $.publish.disabled = !s || !s.valid || s.checked !== $.yaml.value || (s.replaces && !$.replace.checked);
  }

  function publish() {
    var yaml = $.yaml.value, id = $.publishId.value.trim();
    $.publish.disabled = true;
    $.status.textContent = t('draft_publishing');
    $.status.className = '';
    api('PUT', '/api/v1/admin/rules/' + encodeURIComponent(id), { yaml: yaml, replace: Boolean(s.replaces && $.replace.checked) }).then(function (r) {
      $.error.textContent = '';
      $.status.textContent = t('draft_published', { file: r.file, n: r.localities }) + (r.backup ? ' ' + t('draft_published_backup', { backup: r.backup }) : '');
      $.status.className = 'good published';
      announce($.status.textContent);
      // published: it now exists, so publishing again replaces it
      s.replaces = { file: r.file, name: id };
      $.replace.checked = false;
      $.replaceLabel.hidden = false;
      $.replaceLabel.lastChild.textContent = t('draft_replace', { name: id, file: r.file });
      buttons();
    }, function (err) {
      failed(err);
      $.status.textContent = t(err.code ? 'draft_err_' + err.code : 'error');
      $.status.className = 'bad';
      buttons();
    });
  }

  global.jiuyiDrafter = { mount: mount };
})(window);
