// A stand-in for src/service/core-worker.ts speaking the same messages, for the pool's tests: it becomes
// ready after `workerData.readyAfterMs`, answers "worker:<text>" (the intent names the thread), throws on "throw", exits on "die" and
// spins forever on "hang". A reload (prepare with `options.prefix`, then commit) makes it answer
// "worker:<prefix><text>"; `options.fail` makes the prepare fail, `options.busyMs` holds the thread that
// long first (the real worker trains new models, seconds, on its own thread). Plain JavaScript, so the thread starts
// without a compiler.
const { parentPort, threadId, workerData } = require('node:worker_threads');

const data = workerData || {};
let prefix = data.prefix || '';
let next = null;
setTimeout(() => {
  parentPort.on('message', (r) => {
    if (r.control === 'prepare') {
      for (const until = Date.now() + (r.options.busyMs || 0); Date.now() < until; );
      if (r.options.fail) parentPort.postMessage({ kind: 'prepare-failed', id: r.id, error: 'cannot load the new rule books' });
      else {
        next = { id: r.id, prefix: r.options.prefix || '' };
        parentPort.postMessage({ kind: 'prepared', id: r.id });
      }
      return;
    }
    if (r.control) {
      if (next && next.id === r.id && r.control === 'commit') prefix = next.prefix;
      next = null;
      return;
    }
    const text = prefix + r.inbound.text;
    if (text === 'die') process.exit(3);
    if (text === 'hang') for (;;);
    if (text === 'throw') {
      parentPort.postMessage({ kind: 'error', id: r.id, error: { name: 'RangeError', message: 'asked to throw' } });
      return;
    }
    const reply = { parts: [`worker:${text}`], urgent: false, handoff: false, ask: null, quickReplies: [], intent: 'echo', sources: [], script: 'simplified', lang: 'zh' };
    parentPort.postMessage({ kind: 'done', id: r.id, outcome: { reply, session: { ...r.session, turns: r.session.turns + 1 }, intent: `echo@${threadId}` } });
  });
  if (data.failToLoad) parentPort.postMessage({ kind: 'failed', error: 'no data' });
  else parentPort.postMessage({ kind: 'ready' });
}, data.readyAfterMs || 0);
