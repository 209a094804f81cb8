// The staff console's views: DOM built from data with textContent only (server text is never parsed as
// HTML), phone numbers as tel: links with a copy button, small charts as inline SVG.
(function (global) {
  'use strict';
  var S = null; // strings (locales/console/zh-CN.yml)
  function t(key, vars) {
    var s = (S && S.ui[key]) || key;
    if (vars) Object.keys(vars).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); });
    return s;
  }
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k === 'text') n.textContent = v;
      else if (k === 'class') n.className = v;
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach(function (c) { if (c != null) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }
  function rich(text) { return global.jiuyiLinkify(text || '', { copyLabel: t('copy'), copiedLabel: t('copied') }); }
  function ago(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return s + ' 秒';
    var m = Math.floor(s / 60);
    if (m < 60) return m + ' 分钟';
    return Math.floor(m / 60) + ' 小时 ' + (m % 60) + ' 分';
  }
  function time(at) { return new Date(at).toLocaleString('zh-CN', { hour12: false }); }
  function clock(at) { return new Date(at).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' }); }
  function tableOf(map, key) { return (S && S[map] && S[map][key]) || key; }

  // --- inbox ---------------------------------------------------------------------------------------------
  function ticketItem(tk, selected, onPick) {
    var li = el('li', {
      class: 'ticket' + (tk.urgent ? ' urgent' : '') + (selected ? ' selected' : ''),
      tabindex: '0', 'data-id': tk.id, 'aria-current': selected ? 'true' : null,
      onclick: function () { onPick(tk.id); },
      onkeydown: function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(tk.id); } },
    }, [
      el('div', { class: 'row' }, [
        el('span', {}, [tk.urgent ? el('span', { class: 'tag urgent', text: t('urgent') }) : null, ' ', tk.localityName || t('unknown_locality')]),
        el('span', { class: 'waiting', 'data-since': String(tk.createdAt), text: t('waiting') + ' ' + ago(Date.now() - tk.createdAt) }),
      ]),
      el('div', { class: 'reason', text: tk.reasonText }),
      el('div', { class: 'row' }, [
        el('span', { text: tableOf('channels', tk.channel) }),
        el('span', { class: 'tag ' + tk.state, text: tk.state === 'claimed' ? t('held_by') + '：' + (tk.claimedByName || tk.claimedBy) : tableOf('states', tk.state) }),
      ]),
    ]);
    return li;
  }

  function transcript(lines) {
    return el('ol', { class: 'transcript', 'aria-label': t('transcript') }, lines.map(function (l) {
      var who = l.from === 'user' ? t('from_user') : l.from === 'bot' ? t('from_bot') : t('from_staff');
      return el('li', { class: 'line ' + l.from }, [el('span', { class: 'who', text: who + ' · ' + clock(l.at) }), rich(l.text)]);
    }));
  }

  /** The ticket pane: header, actions, transcript, reply box with canned answers beside it. */
  function detail(tk, me, staff, act) {
    var mine = tk.state === 'claimed' && tk.claimedBy === me.username;
    var heldElsewhere = tk.state === 'claimed' && !mine && me.role !== 'admin';
    var closing = el('input', { id: 'close-message', 'aria-label': t('close_message'), value: t('close_default'), size: '40' });
    var others = staff.filter(function (s) { return s.username !== tk.claimedBy; });
    var to = el('select', { id: 'transfer-to', 'aria-label': t('transfer_to') }, others.map(function (s) { return el('option', { value: s.username, text: s.displayName }); }));
    var reply = el('textarea', { id: 'reply-text', 'aria-label': t('reply_placeholder'), placeholder: t('reply_placeholder'), maxlength: '4000', disabled: heldElsewhere || tk.state === 'closed' });
    var kbInput = el('input', { id: 'kb-query', type: 'search', placeholder: t('kb_placeholder'), 'aria-label': t('kb') });
    var kbList = el('ol', { id: 'kb-results', 'aria-live': 'polite' });
    var searchTimer = null;
    kbInput.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () { act.kb(kbInput.value, function (answers) { renderKb(kbList, answers, reply); }); }, 250);
    });
    if (tk.localityName) kbInput.value = tk.localityName.replace(/市$|区$/, '') + ' ';
    return el('div', {}, [
      el('h2', {}, [tk.urgent ? el('span', { class: 'tag urgent', text: t('urgent') }) : null, ' ', tk.reasonText]),
      el('p', { class: 'meta', text: [tk.localityName || t('unknown_locality'), tableOf('channels', tk.channel), t('waiting') + ' ' + ago(Date.now() - tk.createdAt), tableOf('states', tk.state) + (tk.claimedBy ? '（' + (tk.claimedByName || tk.claimedBy) + '）' : '')].join(' · ') }),
      heldElsewhere ? el('p', { class: 'notice', role: 'note', text: t('held_elsewhere', { name: tk.claimedByName || tk.claimedBy }) }) : null,
      el('div', { class: 'actions' }, [
        tk.state === 'open' ? el('button', { id: 'claim', class: 'primary', text: t('claim'), onclick: function () { act.claim(tk.id); } }) : null,
        tk.state !== 'closed' && !heldElsewhere && others.length ? el('span', {}, [to, ' ', el('button', { id: 'transfer', text: t('transfer'), onclick: function () { act.transfer(tk.id, to.value); } })]) : null,
        tk.urgent ? el('button', { id: 'false-alarm', text: t('false_alarm'), onclick: function () { act.falseAlarm(tk.id); } }) : null,
      ]),
      transcript(tk.transcript || tk.lastMessages || []),
      tk.state === 'closed' ? null : el('div', { class: 'compose' }, [
        el('div', {}, [
          reply,
          el('div', { class: 'actions' }, [
            el('button', { id: 'send-reply', class: 'primary', disabled: heldElsewhere, text: t('reply'), onclick: function () { if (reply.value.trim()) act.reply(tk.id, reply.value); } }),
            closing,
            el('button', { id: 'close-ticket', class: 'danger', disabled: heldElsewhere, text: t('close'), onclick: function () { act.close(tk.id, closing.value); } }),
          ]),
        ]),
        el('aside', { class: 'kb', 'aria-label': t('kb') }, [el('strong', { text: t('kb') }), kbInput, kbList]),
      ]),
    ]);
  }

  function renderKb(list, answers, reply) {
    list.textContent = '';
    answers.forEach(function (a) {
      list.appendChild(el('li', {}, [
        el('h3', { text: a.title }),
        el('div', {}, [rich(a.text)]),
        el('button', { class: 'insert', text: t('insert'), onclick: function () {
          var at = reply.selectionStart != null ? reply.selectionStart : reply.value.length;
          reply.value = reply.value.slice(0, at) + (at && reply.value[at - 1] !== '\n' ? '\n' : '') + a.text + reply.value.slice(at);
          reply.focus();
        } }),
      ]));
    });
  }

  // --- live status ---------------------------------------------------------------------------------------
  function statusTable(facilities, marks, onSet) {
    var byLocality = {};
    facilities.forEach(function (f) { (byLocality[f.localityName] = byLocality[f.localityName] || []).push(f); });
    return el('div', {}, Object.keys(byLocality).map(function (name) {
      return el('table', { class: 'status' }, [
        el('caption', { text: name }),
        el('thead', {}, [el('tr', {}, [t('facility'), t('state'), t('load'), t('changed_by')].map(function (h) { return el('th', { text: h }); }))]),
        el('tbody', {}, byLocality[name].map(function (f) {
          var seg = el('span', { class: 'seg', role: 'group', 'aria-label': f.name }, ['open', 'full', 'closed'].map(function (s) {
            return el('button', { class: s, 'data-state': s, 'aria-pressed': String(f.state === s), text: tableOf('facility_states', s), onclick: function () { onSet(f, { state: s, load: f.load }); } });
          }));
          var loads = marks[f.locality];
          var load = loads ? el('select', { 'aria-label': t('load') + ' ' + f.name, onchange: function (e) { onSet(f, { state: f.state, load: e.target.value || undefined }); } },
            [el('option', { value: '', text: t('no_load') })].concat(loads.map(function (m) { return el('option', { value: m.id, selected: f.load === m.id, text: m.name + '：' + m.meaning }); }))) : el('span', { class: 'load-' + (f.load || ''), text: f.load || '' });
          return el('tr', { 'data-facility': f.id }, [
            el('td', { text: f.name }), el('td', {}, [seg]), el('td', {}, [load]),
            el('td', { class: 'changed', text: f.changedByName ? f.changedByName + ' · ' + (f.updatedAt ? time(f.updatedAt) : '') : '' }),
          ]);
        })),
      ]);
    }));
  }

  // --- review --------------------------------------------------------------------------------------------
  function reviewGroups(groups, intents, onMark) {
    if (!groups.length) return el('p', { text: t('review_empty') });
    var list = el('datalist', { id: 'intents' }, intents.map(function (i) { return el('option', { value: i }); }));
    return el('div', {}, [list].concat(groups.map(function (g) {
      return el('section', { class: 'group' }, [
        el('h3', { text: g.localityName + ' · ' + g.intent + '（' + g.items.length + '）' }),
      ].concat(g.items.map(function (i) {
        var intent = el('input', { list: 'intents', placeholder: t('right_intent'), 'aria-label': t('right_intent'), value: i.rightIntent || '' });
        var note = el('input', { placeholder: t('note'), 'aria-label': t('note'), value: i.note || '' });
        var mark = function (verdict) { return function () { onMark(i, { verdict: verdict, rightIntent: intent.value.trim() || undefined, note: note.value.trim() || undefined }); }; };
        return el('div', { class: 'item', 'data-review': i.id }, [
          el('div', { class: 'row' }, [el('span', { class: 'tag', text: tableOf('review_reasons', i.reason) }), ' ', el('span', { text: time(i.at) + ' · ' + tableOf('channels', i.channel) }), i.verdict ? el('span', { class: 'tag claimed', text: tableOf('verdicts', i.verdict) }) : null]),
          el('div', { class: 'said', text: i.text }),
          el('div', { class: 'bot' }, [el('span', { text: t('bot_reply') + '：' }), i.reply]),
          el('div', { class: 'marks' }, [
            el('button', { class: 'fine', text: t('review_fine'), onclick: mark('fine') }),
            el('button', { class: 'wrong', text: t('review_wrong'), onclick: mark('wrong') }),
            el('button', { class: 'train', text: t('review_train'), onclick: mark('train') }),
            intent, note,
          ]),
        ]);
      })));
    })));
  }

  // --- figures -------------------------------------------------------------------------------------------
  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text != null) n.textContent = text;
    return n;
  }
  /** Horizontal bars: one row per label. */
  function bars(rows, title) {
    var h = 22, w = 600, left = 140, max = Math.max(1, Math.max.apply(null, rows.map(function (r) { return r.value; })));
    var s = svg('svg', { viewBox: '0 0 ' + w + ' ' + Math.max(h, rows.length * h), role: 'img', 'aria-label': title });
    rows.forEach(function (r, i) {
      var y = i * h;
      s.appendChild(svg('text', { x: left - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12, fill: '#1f2328' }, r.label));
      s.appendChild(svg('rect', { x: left, y: y + 3, width: Math.max(1, ((w - left - 50) * r.value) / max), height: h - 6, fill: r.colour || '#0969da', rx: 2 }));
      s.appendChild(svg('text', { x: left + 4 + ((w - left - 50) * r.value) / max, y: y + 15, 'font-size': 12, fill: '#1f2328' }, String(r.value)));
    });
    return s;
  }
  /** Columns: messages an hour. */
  function columns(values, title) {
    var w = 600, h = 120, n = Math.max(values.length, 1), max = Math.max(1, Math.max.apply(null, values)), bw = w / n;
    var s = svg('svg', { viewBox: '0 0 ' + w + ' ' + (h + 16), role: 'img', 'aria-label': title });
    values.forEach(function (v, i) {
      var bh = (h * v) / max;
      s.appendChild(svg('rect', { x: i * bw + 1, y: h - bh, width: Math.max(1, bw - 2), height: bh, fill: '#0969da' }));
      if (i % 3 === 0) s.appendChild(svg('text', { x: i * bw + bw / 2, y: h + 13, 'text-anchor': 'middle', 'font-size': 10, fill: '#57606a' }, String(i)));
    });
    return s;
  }
  function seconds(ms) { return ms == null ? '—' : ms < 60000 ? Math.round(ms / 1000) + ' 秒' : (ms / 60000).toFixed(1) + ' 分钟'; }
  function metrics(st) {
    var hours = [];
    var now = new Date(st.until), start = new Date(st.since);
    var n = Math.max(1, Math.ceil((now - start) / 3600000));
    for (var i = 0; i < n; i++) hours.push(0);
    st.byHour.forEach(function (h) { if (h.hour < n) hours[h.hour] = h.messages; });
    return el('div', {}, [
      el('div', { class: 'cards' }, [
        el('div', { class: 'stat', id: 'stat-messages' }, [el('span', { text: t('messages_today') }), el('b', { text: String(st.messages) })]),
        el('div', { class: 'stat urgent', id: 'stat-urgent' }, [el('span', { text: t('urgent_today') }), el('b', { text: String(st.urgent) })]),
        el('div', { class: 'stat', id: 'stat-open' }, [el('span', { text: t('open_tickets') }), el('b', { text: String(st.openTickets) })]),
        el('div', { class: 'stat', id: 'stat-claim' }, [el('span', { text: t('time_to_claim') + '（' + st.timeToClaim.n + '）' }), el('b', { text: seconds(st.timeToClaim.p50Ms) }), el('span', { text: t('p90') + ' ' + seconds(st.timeToClaim.p90Ms) })]),
      ]),
      el('div', { class: 'chart' }, [el('h3', { text: t('by_locality') }), bars(st.byLocality.map(function (r) { return { label: r.name, value: r.messages }; }), t('by_locality'))]),
      el('div', { class: 'chart' }, [el('h3', { text: t('urgent_today') + ' / ' + t('open_tickets') }), bars(st.byLocality.map(function (r) { return { label: r.name, value: r.urgent, colour: '#cf222e' }; }), t('urgent_today'))]),
      el('div', { class: 'chart' }, [el('h3', { text: t('by_hour') }), columns(hours, t('by_hour'))]),
    ]);
  }

  function auditTable(entries) {
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, [t('when'), t('who'), t('action'), t('target'), t('detail')].map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, entries.map(function (e) {
        return el('tr', {}, [el('td', { text: time(e.at) }), el('td', { text: e.actorName }), el('td', { text: tableOf('actions', e.action) }), el('td', { text: e.target || '' }), el('td', { text: e.detail ? JSON.stringify(e.detail) : '' })]);
      })),
    ]);
  }

  global.jiuyiViews = {
    init: function (strings) { S = strings; },
    t: t, el: el, ago: ago, ticketItem: ticketItem, detail: detail, statusTable: statusTable,
    reviewGroups: reviewGroups, metrics: metrics, auditTable: auditTable,
  };
})(window);
