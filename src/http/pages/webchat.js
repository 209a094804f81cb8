// The web chat: a conversation with its token (issued by the server, kept in localStorage), the history of
// this browser session (sessionStorage) and a "start over"; a typing indicator; a message that fails is
// resent with the same id (the server answers it once); staff replies and the closing message arrive
// through the mailbox while a person holds the conversation. Server text goes in with textContent only.
(function () {
  'use strict';
  var K = { user: 'jiuyi.user', token: 'jiuyi.token', history: 'jiuyi.history', handoff: 'jiuyi.handoff', locale: 'jiuyi.locale' };
  var $ = function (id) { return document.getElementById(id); };
  var list = $('messages'), form = $('composer'), input = $('input'), send = $('send');
  var banner = $('urgent-banner'), note = $('handoff-note'), typing = $('typing'), startOver = $('start-over');
  var strings = null, locale = 'zh-CN', pending = false, polling = null, history = [];

  var store = {
    get: function (s, k) { try { return s.getItem(k); } catch (e) { return null; } },
    set: function (s, k, v) { try { if (v == null) s.removeItem(k); else s.setItem(k, v); } catch (e) {} },
  };
  function t(key) { return (strings && strings[locale] && strings[locale][key]) || key; }
  function newId() { return self.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now(); }

  function guessLocale() {
    var saved = store.get(localStorage, K.locale);
    if (saved) return saved;
    var l = (navigator.language || 'zh-CN').toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(l)) return 'zh-TW';
    return /^zh/.test(l) ? 'zh-CN' : 'en';
  }
  function applyStrings() {
    document.documentElement.lang = locale === 'en' ? 'en' : locale;
    document.title = t('title') + ' · jiuyi';
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (el) { el.textContent = t(el.dataset.t); });
    input.placeholder = t('placeholder');
  }
  function setLocale(reply) {
    var next = reply.lang === 'en' ? 'en' : reply.script === 'traditional' ? 'zh-TW' : reply.lang === 'zh' ? 'zh-CN' : locale;
    if (next === locale) return;
    locale = next;
    store.set(localStorage, K.locale, locale);
    applyStrings();
  }

  // --- the transcript ------------------------------------------------------------------------------------
  function render(entry, live) {
    var div = document.createElement('div');
    div.className = 'msg ' + entry.kind + (entry.urgent ? ' urgent' : '') + (entry.failed ? ' failed' : '');
    if (entry.who) {
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = entry.who;
      div.appendChild(who);
    }
    div.appendChild(entry.kind === 'user' ? document.createTextNode(entry.text) : window.jiuyiLinkify(entry.text));
    if (entry.failed) {
      var again = document.createElement('button');
      again.type = 'button';
      again.className = 'resend';
      again.textContent = t('failed') + ' ' + t('resend');
      again.addEventListener('click', function () { resend(entry); });
      div.appendChild(again);
    }
    entry.node = div;
    list.appendChild(div);
    if (live && entry.quickReplies && entry.quickReplies.length) {
      var box = document.createElement('div');
      box.className = 'quick-replies';
      entry.quickReplies.forEach(function (q) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = q.label;
        b.addEventListener('click', function () {
          Array.prototype.forEach.call(box.querySelectorAll('button'), function (x) { x.disabled = true; });
          ask(q.label, q.value);
        });
        box.appendChild(b);
      });
      list.appendChild(box);
    }
    list.scrollTop = list.scrollHeight;
    return div;
  }
  function add(entry) {
    history.push(entry);
    save();
    render(entry, true);
    return entry;
  }
  function rerender(entry) {
    var old = entry.node;
    var div = render(entry, false);
    if (old && old.parentNode) old.parentNode.replaceChild(div, old);
    save();
  }
  function toJSON(e) { return { kind: e.kind, text: e.text, who: e.who, urgent: e.urgent, id: e.id, choice: e.choice, failed: e.failed, quickReplies: e.quickReplies }; }
  function save() { store.set(sessionStorage, K.history, JSON.stringify(history.slice(-200).map(toJSON))); }

  // --- the conversation ----------------------------------------------------------------------------------
  function conversation() { return { user: store.get(localStorage, K.user), token: store.get(localStorage, K.token) }; }
  function forget() { store.set(localStorage, K.user, null); store.set(localStorage, K.token, null); store.set(localStorage, K.handoff, null); }

  function ensureConversation() {
    var c = conversation();
    if (c.user && c.token) return Promise.resolve(c);
    return fetch('api/v1/conversations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'web' }) })
      .then(function (res) { if (!res.ok) throw new Error('status ' + res.status); return res.json(); })
      .then(function (d) { store.set(localStorage, K.user, d.user); store.set(localStorage, K.token, d.token); return conversation(); });
  }

  function showReply(r) {
    setLocale(r);
    if (r.urgent) banner.classList.add('show');
    if (r.handoff || r.held) { note.classList.add('show'); startPolling(); }
    if (r.duplicate && !r.text) return;
    if (r.held && !r.text) { add({ kind: 'system', text: t('held') }); return; }
    add({ kind: 'bot', text: r.text, urgent: r.urgent, quickReplies: r.quickReplies, who: r.urgent ? t('urgent') : t('bot') });
  }

  function busy(on) {
    pending = on;
    send.disabled = on;
    typing.hidden = !on;
    if (on) list.scrollTop = list.scrollHeight;
  }

  /** Posts a user entry; on a network failure or a 5xx it is retried twice with the same id (the server
   * answers an id once), then offered for resending. A lost conversation token starts a new conversation. */
  function post(entry) {
    busy(true);
    var attempt = 0, renewed = false;
    function go() {
      return ensureConversation()
        .then(function (c) {
          var body = { user: c.user, text: entry.text, channel: 'web', id: entry.id };
          if (entry.choice) body.choice = entry.choice;
          return fetch('api/v1/messages', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-conversation-token': c.token },
            body: JSON.stringify(body),
          });
        })
        .then(function (res) { return res.json().catch(function () { return null; }).then(function (data) { return { res: res, data: data }; }); })
        .then(function (r) {
          if (r.res.ok) {
            if (entry.failed) { entry.failed = false; rerender(entry); }
            showReply(r.data);
            return;
          }
          var error = (r.data && r.data.error) || {};
          if (error.code === 'conversation_token' && !renewed) {
            renewed = true;
            forget();
            add({ kind: 'system', text: t('new_conversation') });
            return go();
          }
          if (r.res.status >= 500) throw new Error('server ' + r.res.status);
          add({ kind: 'system', text: error.detail || error.message || t('error') });
        })
        .catch(function () {
          attempt += 1;
          if (attempt <= 2) return new Promise(function (ok) { setTimeout(ok, 800 * attempt * attempt); }).then(go);
          failed(entry);
        });
    }
    return go().then(function () { busy(false); input.focus(); });
  }
  function failed(entry) {
    entry.failed = true;
    rerender(entry);
    add({ kind: 'system', text: t('offline') });
  }
  function resend(entry) {
    if (!pending) post(entry);
  }

  function ask(text, choice) {
    text = text.trim();
    if (!text || pending) return;
    var entry = add({ kind: 'user', text: text, id: newId(), choice: choice });
    post(entry);
  }

  // --- the mailbox, while a person holds the conversation ----------------------------------------------
  function poll() {
    var c = conversation();
    if (!c.user || !c.token) return;
    fetch('api/v1/messages?channel=web&user=' + encodeURIComponent(c.user), { headers: { 'x-conversation-token': c.token } })
      .then(function (res) { return res.ok ? res.json() : { messages: [] }; })
      .then(function (data) {
        (data.messages || []).forEach(function (m) {
          if (m.urgent) banner.classList.add('show');
          var staff = m.kind === 'staff' || m.kind === 'closed';
          add({ kind: staff ? 'staff' : 'bot', text: m.text, urgent: m.urgent && !staff, who: staff ? (m.staff || t('staff')) : t('bot'), quickReplies: m.quickReplies });
          if (m.kind === 'closed') {
            add({ kind: 'system', text: t('closed') });
            note.classList.remove('show');
            stopPolling();
          }
        });
      })
      .catch(function () {});
  }
  function startPolling() {
    if (polling) return;
    store.set(localStorage, K.handoff, '1');
    polling = setInterval(poll, 3000);
    poll();
  }
  function stopPolling() {
    if (polling) clearInterval(polling);
    polling = null;
    store.set(localStorage, K.handoff, null);
  }

  // --- start over ----------------------------------------------------------------------------------------
  var confirming = null;
  startOver.addEventListener('click', function () {
    if (!confirming) {
      startOver.classList.add('confirm');
      startOver.textContent = t('start_over_confirm');
      confirming = setTimeout(function () { confirming = null; startOver.classList.remove('confirm'); startOver.textContent = t('start_over'); }, 5000);
      return;
    }
    clearTimeout(confirming);
    confirming = null;
    startOver.classList.remove('confirm');
    startOver.textContent = t('start_over');
    stopPolling();
    forget();
    history = [];
    store.set(sessionStorage, K.history, null);
    list.textContent = '';
    banner.classList.remove('show');
    note.classList.remove('show');
    add({ kind: 'system', text: t('greeting') });
    input.focus();
  });

  // --- composer ------------------------------------------------------------------------------------------
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (pending) return;
    var text = input.value;
    if (!text.trim()) return;
    input.value = '';
    ask(text);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      if (!pending) form.requestSubmit();
    }
  });

  // --- start ---------------------------------------------------------------------------------------------
  function boot() {
    locale = guessLocale();
    applyStrings();
    try { history = JSON.parse(store.get(sessionStorage, K.history) || '[]'); } catch (e) { history = []; }
    if (history.length) history.forEach(function (e, i) { render(e, i === history.length - 1); });
    else add({ kind: 'system', text: t('greeting') });
    if (history.some(function (e) { return e.urgent; })) banner.classList.add('show');
    if (store.get(localStorage, K.handoff)) { note.classList.add('show'); startPolling(); }
    input.focus();
  }
  fetch('webchat/strings.json')
    .then(function (res) { return res.json(); })
    .then(function (s) { strings = s; }, function () {})
    .then(boot);
})();
