// The staff console: sign-in, the inbox (live through server-sent events, a title badge and a tone for a
// new urgent ticket), a ticket's actions, live status, review, figures and the audit log. Every request
// that changes something carries the session's CSRF token.
(function () {
  'use strict';
  var V = window.jiuyiViews, t = V.t;
  var $ = function (id) { return document.getElementById(id); };
  var state = { me: null, csrf: null, tab: 'inbox', tickets: [], selected: null, staff: [], seenUrgent: {}, unseen: 0, intents: [] };

  function api(method, url, body) {
    var headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['x-csrf-token'] = state.csrf;
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.status === 401 && url !== '/api/v1/staff/login') { showLogin(); throw new Error('signed out'); }
        if (!res.ok) {
          var e = new Error((data.error && (data.error.detail || data.error.message)) || t('error'));
          e.code = data.error && data.error.code;
          throw e;
        }
        return data;
      });
    });
  }
  function fail(err) { if (err && err.message !== 'signed out') announce(t('error') + '：' + err.message, true); }
  function announce(text, alert) {
    $('announce').textContent = text;
    if (alert) { var d = $('detail'); var p = V.el('p', { class: 'notice', role: 'alert', text: text }); d.insertBefore(p, d.firstChild); }
  }

  // --- sign in / out -------------------------------------------------------------------------------------
  function showLogin() {
    $('app').hidden = true;
    $('login').hidden = false;
    $('login-user').focus();
  }
  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    api('POST', '/api/v1/staff/login', { username: $('login-user').value, password: $('login-pass').value })
      .then(function (me) { $('login-pass').value = ''; start(me); })
      .catch(function (e) { $('login-error').textContent = e.code === 'too_many_logins' ? t('too_many_logins') : t('wrong_login'); });
  });
  $('logout').addEventListener('click', function () {
    api('POST', '/api/v1/staff/logout', {}).catch(function () {}).then(function () { if (events) events.close(); location.reload(); });
  });

  // --- tabs ----------------------------------------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll('nav [role=tab]'), function (b) {
    b.addEventListener('click', function () { show(b.dataset.tab); });
  });
  function show(tab) {
    state.tab = tab;
    Array.prototype.forEach.call(document.querySelectorAll('nav [role=tab]'), function (b) { b.setAttribute('aria-selected', String(b.dataset.tab === tab)); });
    ['inbox', 'status', 'review', 'metrics', 'audit', 'drafter'].forEach(function (n) { $('tab-' + n).hidden = n !== tab; });
    if (tab === 'inbox') { state.unseen = 0; badge(); }
    refresh(tab);
  }
  function refresh(tab) {
    if (tab === 'inbox') return loadInbox();
    if (tab === 'status') return loadStatus();
    if (tab === 'review') return loadReview();
    if (tab === 'metrics') return loadMetrics();
    if (tab === 'audit') return loadAudit();
    // the drafter keeps its draft while other tabs are looked at: nothing to reload
  }

  // --- inbox ---------------------------------------------------------------------------------------------
  function loadInbox() {
    return api('GET', '/api/v1/tickets').then(function (d) {
      state.tickets = d.tickets;
      var ol = $('tickets');
      ol.textContent = '';
      if (!d.tickets.length) ol.appendChild(V.el('li', { class: 'empty', text: t('no_tickets') }));
      d.tickets.forEach(function (tk) { ol.appendChild(V.ticketItem(tk, tk.id === state.selected, pick)); });
      if (state.selected && !d.tickets.some(function (x) { return x.id === state.selected; })) loadDetail(state.selected);
      else if (state.selected) loadDetail(state.selected);
      else $('detail').textContent = t('pick_ticket');
    }).catch(fail);
  }
  function pick(id) {
    state.selected = id;
    Array.prototype.forEach.call(document.querySelectorAll('.ticket'), function (li) { li.classList.toggle('selected', li.dataset.id === id); });
    loadDetail(id, true);
  }
  var detailFor = null, detailKey = null;
  /** The ticket pane: re-drawn when the ticket or its state changes; otherwise only its transcript grows,
   * so a draft, a search or the focus are never lost. */
  function loadDetail(id, fresh) {
    return api('GET', '/api/v1/tickets/' + encodeURIComponent(id)).then(function (tk) {
      var d = $('detail');
      var key = id + '|' + tk.state + '|' + (tk.claimedBy || '');
      if (!fresh && detailFor === id && detailKey === key) {
        var old = d.querySelector('.transcript');
        var next = V.detail(tk, state.me, state.staff, actions).querySelector('.transcript');
        if (old && next && old.textContent !== next.textContent) { old.replaceWith(next); next.scrollTop = next.scrollHeight; }
        return;
      }
      var same = detailFor === id && !fresh;
      var draft = same && $('reply-text') ? $('reply-text').value : '';
      var query = same && $('kb-query') ? $('kb-query').value : null;
      d.textContent = '';
      d.appendChild(V.detail(tk, state.me, state.staff, actions));
      detailFor = id;
      detailKey = key;
      if (draft && $('reply-text')) $('reply-text').value = draft;
      if (query != null && $('kb-query')) { $('kb-query').value = query; $('kb-query').dispatchEvent(new Event('input')); }
      var tr = d.querySelector('.transcript');
      if (tr) tr.scrollTop = tr.scrollHeight;
    }).catch(fail);
  }
  var actions = {
    claim: function (id) { api('POST', '/api/v1/tickets/' + id + '/claim', {}).then(function () { return loadInbox(); }).catch(fail); },
    reply: function (id, text) {
      api('POST', '/api/v1/tickets/' + id + '/reply', { text: text }).then(function () { $('reply-text').value = ''; return loadDetail(id); }).catch(fail);
    },
    transfer: function (id, to) { api('POST', '/api/v1/tickets/' + id + '/transfer', { to: to }).then(loadInbox).catch(fail); },
    close: function (id, message) {
      api('POST', '/api/v1/tickets/' + id + '/close', { message: message }).then(function () { state.selected = null; return loadInbox(); }).catch(fail);
    },
    falseAlarm: function (id) { api('POST', '/api/v1/tickets/' + id + '/false-alarm', {}).then(function () { announce(t('false_alarm')); }).catch(fail); },
    kb: function (q, done) {
      if (!q.trim()) return done([]);
      api('GET', '/api/v1/kb?limit=8&q=' + encodeURIComponent(q.trim())).then(function (d) { done(d.answers); }).catch(fail);
    },
  };

  // --- other tabs ----------------------------------------------------------------------------------------
  function loadStatus() {
    return api('GET', '/api/v1/facilities').then(function (d) {
      var tab = $('tab-status');
      tab.textContent = '';
      tab.appendChild(V.statusTable(d.facilities, d.loadMarks || {}, function (f, s) {
        var body = { state: s.state };
        if (s.load) body.load = s.load;
        api('PUT', '/api/v1/status/facilities/' + encodeURIComponent(f.id), body).then(loadStatus).catch(fail);
      }));
    }).catch(fail);
  }
  function loadReview() {
    return api('GET', '/api/v1/review').then(function (d) {
      var tab = $('tab-review');
      tab.textContent = '';
      tab.appendChild(V.reviewGroups(d.groups, d.intents || state.intents, function (item, mark) {
        api('POST', '/api/v1/review/' + item.id, mark).then(loadReview).catch(fail);
      }));
    }).catch(fail);
  }
  function loadMetrics() {
    var midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    return api('GET', '/api/v1/stats?since=' + midnight.getTime()).then(function (st) {
      var tab = $('tab-metrics');
      tab.textContent = '';
      tab.appendChild(V.metrics(st));
    }).catch(fail);
  }
  function loadAudit() {
    return api('GET', '/api/v1/audit?limit=200').then(function (d) {
      var tab = $('tab-audit');
      tab.textContent = '';
      tab.appendChild(V.auditTable(d.entries));
    }).catch(fail);
  }

  // --- live ----------------------------------------------------------------------------------------------
  var events = null, timer = null;
  function badge() {
    var b = $('badge');
    b.hidden = !state.unseen;
    b.textContent = String(state.unseen);
    document.title = (state.unseen ? '(' + state.unseen + ') ' + t('new_urgent') + ' · ' : '') + t('title');
  }
  function tone() {
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var o = ctx.createOscillator(), g = ctx.createGain();
      o.frequency.value = 880;
      g.gain.value = 0.08;
      o.connect(g); g.connect(ctx.destination);
      o.start(); o.stop(ctx.currentTime + 0.35);
    } catch (e) {}
  }
  function debounce(fn, ms) { var h = null; return function () { clearTimeout(h); h = setTimeout(fn, ms); }; }
  var inboxSoon = debounce(function () { if (state.tab === 'inbox') loadInbox(); }, 150);
  function listen() {
    events = new EventSource('/api/v1/events');
    events.onopen = function () { $('live').textContent = '● ' + t('live'); $('live').className = 'live'; };
    events.onerror = function () { $('live').textContent = t('offline'); $('live').className = 'live off'; };
    events.addEventListener('ticket', function (m) {
      var e = JSON.parse(m.data);
      if ((e.event === 'ticket_opened' || e.event === 'ticket_escalated') && e.ticket.urgent && !state.seenUrgent[e.ticket.id + e.event]) {
        state.seenUrgent[e.ticket.id + e.event] = true;
        if (state.tab !== 'inbox' || document.hidden) state.unseen += 1;
        badge();
        tone();
        announce(t('new_urgent'));
      }
      inboxSoon();
    });
    events.addEventListener('status', function () { if (state.tab === 'status') loadStatus(); });
    events.addEventListener('review', function () { if (state.tab === 'review') loadReview(); });
    events.addEventListener('audit', function () { if (state.tab === 'audit') loadAudit(); });
  }
  document.addEventListener('visibilitychange', function () { if (!document.hidden && state.tab === 'inbox') { state.unseen = 0; badge(); } });

  function start(me) {
    state.me = me;
    state.csrf = me.csrf;
    $('login').hidden = true;
    $('app').hidden = false;
    $('me').textContent = me.displayName + '（' + (me.role === 'admin' ? t('admin') : t('staff')) + '）';
    // administrators draft and publish rule books (the endpoints refuse anyone else)
    document.querySelector('nav [data-tab=drafter]').hidden = me.role !== 'admin';
    if (me.role === 'admin') window.jiuyiDrafter.mount($('tab-drafter'), { api: api, announce: announce });
    api('GET', '/api/v1/staff').then(function (d) { state.staff = d.staff; }).catch(function () {});
    listen();
    show('inbox');
    // waiting times tick; the selected ticket's transcript grows while the user writes
    var ticks = 0;
    timer = setInterval(function () {
      // several instances each stream their own events: the inbox is also re-read on its own now and then
      if (++ticks % 3 === 0 && state.tab === 'inbox') loadInbox();
      Array.prototype.forEach.call(document.querySelectorAll('.waiting'), function (s) { s.textContent = t('waiting') + ' ' + V.ago(Date.now() - Number(s.dataset.since)); });
      if (state.tab === 'inbox' && state.selected && document.activeElement && document.activeElement.id !== 'reply-text') loadDetail(state.selected);
    }, 5000);
  }

  fetch('/staff/strings.json').then(function (r) { return r.json(); }).then(function (s) {
    V.init(s);
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (n) { n.textContent = t(n.dataset.t); });
    document.title = t('title');
    return api('GET', '/api/v1/staff/me').then(start);
  }).catch(function () { showLogin(); });
})();
