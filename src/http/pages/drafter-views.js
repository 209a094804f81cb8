// The 起草规则 page's views and the small reckonings behind them: the notice's text with marks (a value's
// sentence, the value itself, what is to review, the numbers left out), the editor's rows (line numbers;
// review, problem and selected lines), the lists beside the editor, and which value a line of the YAML
// belongs to. DOM built with textContent only: server text is never parsed as HTML.
(function (global) {
  'use strict';
  var V = global.jiuyiViews, el = V.el, t = V.t;

  // --- the YAML: lines, paths, evidence ------------------------------------------------------------------
  function lineAt(text, offset) {
    var n = 1;
    for (var i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  }
  function offsetOfLine(text, line) {
    var at = 0;
    for (var n = 1; n < line; n++) {
      var next = text.indexOf('\n', at);
      if (next < 0) return text.length;
      at = next + 1;
    }
    return at;
  }
  var isComment = function (l) { return /^\s*#/.test(l); };
  /** The value a line belongs to: a comment above a value is the value's; the deepest path spanning it. */
  function pathAt(paths, lines, line) {
    while (line <= lines.length && (isComment(lines[line - 1]) || !lines[line - 1].trim())) line++;
    var best = null;
    paths.forEach(function (p) { if (p.line <= line && line <= p.end && (!best || p.line >= best.line)) best = p; });
    return best;
  }
  function parent(path) {
    var m = /^(.*)(?:\.[^.[\]]+|\[\d+\])$/.exec(path);
    return m ? m[1] : '';
  }
  /** The evidence of a path, else of the nearest value around it that has some. */
  function evidenceFor(byPath, evidence, path) {
    for (var p = path; p; p = parent(p)) if (byPath[p]) return byPath[p];
    for (var i = 0; i < evidence.length; i++) {
      var e = evidence[i].path;
      if (e.indexOf(path + '.') === 0 || e.indexOf(path + '[') === 0) return evidence[i];
    }
    return null;
  }
  /** Lines marked `# REVIEW:` and the value under each. */
  function reviewLines(lines) {
    var out = {}, pending = false;
    lines.forEach(function (l, i) {
      if (/^\s*#\s*REVIEW:/.test(l)) { out[i + 1] = true; pending = true; }
      else if (pending && !isComment(l) && l.trim()) { out[i + 1] = true; pending = false; }
    });
    return out;
  }

  // --- the notice ----------------------------------------------------------------------------------------
  /** The text cut at every mark's ends; each piece a span with the classes of the marks over it. */
  function noticeText(text, marks) {
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m.start, m.end); });
    cuts = cuts.filter(function (c) { return c >= 0 && c <= text.length; }).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      if (a === b) continue;
      var over = marks.filter(function (m) { return m.start <= a && m.end >= b; });
      var classes = over.map(function (m) { return m.cls; });
      var title = over.filter(function (m) { return m.title; }).map(function (m) { return m.title; }).join('\n');
      frag.appendChild(el('span', { class: classes.join(' ') || null, 'data-at': String(a), title: title || null, text: text.slice(a, b) }));
    }
    return frag;
  }

  // --- the editor's rows ---------------------------------------------------------------------------------
  function rows(count, classOf) {
    var frag = document.createDocumentFragment();
    for (var n = 1; n <= count; n++) frag.appendChild(el('div', { class: 'row ' + classOf(n), 'data-line': String(n) }, [el('span', { class: 'no', text: String(n) })]));
    return frag;
  }

  // --- beside the editor ---------------------------------------------------------------------------------
  function problemList(problems, onPick) {
    if (!problems.length) return el('p', { class: 'muted', text: t('draft_no_problems') });
    return el('ol', { id: 'draft-problems', class: 'picks' }, problems.map(function (p) {
      return el('li', { class: p.own ? 'problem' : 'problem other' }, [
        el('button', { type: 'button', class: 'plain', 'data-line': p.line != null ? String(p.line) : null, onclick: function () { if (p.own && p.line != null) onPick(p.line); } }, [
          el('b', { text: p.own ? (p.line != null ? 'L' + p.line : '') : t('draft_other_file') + ' ' + p.file + (p.line != null ? ':' + p.line : '') }),
          ' ', p.path ? el('code', { text: p.path }) : null, ' ', p.message,
        ]),
      ]);
    }));
  }
  /** The `# REVIEW:` comments of the YAML, each with the value under it. */
  function reviewItems(lines, paths) {
    var out = [];
    lines.forEach(function (l, i) {
      var m = /^\s*#\s*REVIEW:\s*(.*)$/.exec(l);
      if (!m) return;
      var p = pathAt(paths, lines, i + 1);
      out.push({ line: p ? p.line : i + 1, path: p ? p.path : '', reason: m[1] });
    });
    return out;
  }
  function reviewList(items, onPick) {
    if (!items.length) return el('p', { class: 'muted', text: t('draft_no_review') });
    return el('ol', { id: 'draft-review', class: 'picks' }, items.map(function (r) {
      return el('li', { class: 'review' }, [
        el('button', { type: 'button', class: 'plain', 'data-path': r.path, onclick: function () { onPick(r.line); } }, [
          el('b', { text: 'L' + r.line }), ' ', r.path ? el('code', { text: r.path }) : null, ' ', r.reason,
        ]),
      ]);
    }));
  }
  function leftOutList(leftOut, onPick) {
    if (!leftOut.length) return el('p', { class: 'muted', text: t('draft_no_left_out') });
    return el('ol', { id: 'draft-left-out', class: 'picks' }, leftOut.map(function (l, i) {
      return el('li', {}, [
        el('button', { type: 'button', class: 'plain', onclick: function () { onPick(i); } }, [el('s', { class: 'number', text: l.number }), ' ', l.reason, ' ', el('span', { class: 'muted', text: '（' + t('draft_line', { n: l.line }) + '）' })]),
      ]);
    }));
  }
  function evidenceCard(e, path) {
    if (!path) return el('p', { class: 'muted', text: t('draft_pick_value') });
    if (!e) return el('div', {}, [el('code', { text: path }), el('p', { class: 'muted', text: t('draft_no_evidence') })]);
    return el('div', {}, [
      el('div', {}, [el('code', { text: e.path }), ' ', el('span', { class: 'muted', text: t('draft_line', { n: e.line }) })]),
      el('p', { class: 'value', text: e.value }),
      el('blockquote', { text: e.quote }),
    ]);
  }

  function size(bytes) { return bytes < 1048576 ? Math.round(bytes / 1024) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB'; }

  global.jiuyiDrafterViews = {
    lineAt: lineAt, offsetOfLine: offsetOfLine, pathAt: pathAt, evidenceFor: evidenceFor, reviewLines: reviewLines,
    noticeText: noticeText, rows: rows, problemList: problemList, reviewItems: reviewItems, reviewList: reviewList, leftOutList: leftOutList,
    evidenceCard: evidenceCard, size: size,
  };
})(window);
