// The web chat page served at GET /: one self-contained HTML document (no build step, no external assets).
// Every text from the server is put in the page with textContent (never innerHTML), so it is escaped.
export const WEBCHAT_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>就医助手 · jiuyi</title>
<style>
  :root { --fg:#1f2328; --muted:#656d76; --bg:#f6f8fa; --bot:#fff; --me:#d7ecff; --accent:#0969da; --red:#cf222e; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { font: 16px/1.5 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
         color: var(--fg); background: var(--bg); display: flex; flex-direction: column; }
  header { padding: 10px 16px; background: #fff; border-bottom: 1px solid #d0d7de; }
  header h1 { font-size: 18px; margin: 0; }
  header p { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
  #urgent-banner { display: none; background: var(--red); color: #fff; padding: 12px 16px; font-weight: 700; font-size: 18px; }
  #urgent-banner.show { display: block; }
  #urgent-banner a { color: #fff; }
  #handoff-note { display: none; background: #fff8c5; padding: 8px 16px; font-size: 14px; border-bottom: 1px solid #d4a72c; }
  #handoff-note.show { display: block; }
  main { flex: 1; overflow-y: auto; padding: 12px 12px 4px; }
  .msg { max-width: 88%; margin: 6px 0; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; word-break: break-word; }
  .msg.user { margin-left: auto; background: var(--me); border-bottom-right-radius: 4px; }
  .msg.bot { background: var(--bot); border: 1px solid #d0d7de; border-bottom-left-radius: 4px; }
  .msg.bot.urgent { border: 2px solid var(--red); background: #fff0f0; }
  .msg.staff { background: #eafbea; border: 1px solid #4ac26b; }
  .msg.system { background: transparent; color: var(--muted); font-size: 13px; text-align: center; max-width: 100%; }
  .msg .who { display: block; font-size: 12px; color: var(--muted); margin-bottom: 2px; }
  .quick-replies { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 8px; }
  .quick-replies button { border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 16px;
                          padding: 6px 12px; font-size: 15px; cursor: pointer; }
  .quick-replies button:disabled { opacity: .5; cursor: default; }
  form { display: flex; gap: 8px; padding: 10px 12px; background: #fff; border-top: 1px solid #d0d7de; }
  textarea { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #d0d7de; border-radius: 8px; resize: none; height: 44px; }
  form button { font: inherit; padding: 0 18px; border: 0; border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }
  form button:disabled { opacity: .6; }
</style>
</head>
<body>
<header>
  <h1>就医助手</h1>
  <p>说明您所在的地方和需要的就医服务，我会按当地官方通告回答。紧急情况请直接拨打 120。</p>
</header>
<div id="urgent-banner" role="alert">⚠ 紧急情况：请立即拨打 <a href="tel:120">120</a> 急救电话</div>
<div id="handoff-note" role="status">已转给值班人员，他们的回复会显示在这里。</div>
<main id="messages" aria-live="polite"></main>
<form id="composer">
  <textarea id="input" name="text" maxlength="2000" placeholder="例如：忻州封控区做透析去哪家医院？" aria-label="消息"></textarea>
  <button id="send" type="submit">发送</button>
</form>
<script>
(function () {
  'use strict';
  var KEY = 'jiuyi.user';
  var user = null;
  try { user = localStorage.getItem(KEY); } catch (e) {}
  if (!user) {
    user = 'web-' + (self.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());
    try { localStorage.setItem(KEY, user); } catch (e) {}
  }
  var list = document.getElementById('messages');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var send = document.getElementById('send');
  var banner = document.getElementById('urgent-banner');
  var note = document.getElementById('handoff-note');
  var polling = null;

  function newId() { return crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now(); }

  function add(kind, text, opts) {
    opts = opts || {};
    var div = document.createElement('div');
    div.className = 'msg ' + kind + (opts.urgent ? ' urgent' : '');
    if (opts.who) {
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = opts.who;
      div.appendChild(who);
    }
    div.appendChild(document.createTextNode(text));
    list.appendChild(div);
    if (opts.quickReplies && opts.quickReplies.length) {
      var box = document.createElement('div');
      box.className = 'quick-replies';
      opts.quickReplies.forEach(function (q) {
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

  function showReply(r) {
    if (r.urgent) banner.classList.add('show');
    if (r.handoff || r.held) { note.classList.add('show'); startPolling(); }
    if (r.duplicate) return;
    if (r.held && !r.text) { add('system', '（消息已转给值班人员）'); return; }
    add('bot', r.text, { urgent: r.urgent, quickReplies: r.quickReplies, who: r.urgent ? '紧急' : '就医助手' });
  }

  function ask(text, choice) {
    text = text.trim();
    if (!text) return;
    add('user', text);
    send.disabled = true;
    var body = { user: user, text: text, channel: 'web', id: newId() };
    if (choice) body.choice = choice;
    fetch('api/v1/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (data) {
          if (res.ok) { showReply(data); return; }
          var e = data && data.error ? (data.error.detail || data.error.message) : '出错了';
          add('system', e);
        });
      })
      .catch(function () { add('system', '网络连接失败，请稍后再试。紧急情况请拨打 120。'); })
      .then(function () { send.disabled = false; input.focus(); });
  }

  function poll() {
    fetch('api/v1/messages?channel=web&user=' + encodeURIComponent(user))
      .then(function (res) { return res.ok ? res.json() : { messages: [] }; })
      .then(function (data) {
        (data.messages || []).forEach(function (m) {
          if (m.urgent) banner.classList.add('show');
          add(m.kind === 'staff' ? 'staff' : 'bot', m.text, { urgent: m.urgent, who: m.kind === 'staff' ? '值班人员' : '就医助手', quickReplies: m.quickReplies });
        });
      })
      .catch(function () {});
  }

  function startPolling() {
    if (polling) return;
    polling = setInterval(poll, 4000);
    try { localStorage.setItem(KEY + '.handoff', '1'); } catch (e) {}
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value;
    input.value = '';
    ask(text);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); form.requestSubmit(); }
  });
  try { if (localStorage.getItem(KEY + '.handoff')) startPolling(); } catch (e) {}
  add('system', '您好，请问您在哪里、需要什么就医服务？');
  input.focus();
})();
</script>
</body>
</html>
`;
