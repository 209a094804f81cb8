// A stand-in for src/service/core-worker.ts speaking the same messages, for the pool's tests: it becomes
// ready after `workerData.readyAfterMs`, answers "worker:<text>" (the intent names the thread), throws on "throw", exits on "die" and
// spins forever on "hang". Plain JavaScript, so the thread starts without a compiler.
const { parentPort, threadId, workerData } = require('node:worker_threads');

const data = workerData || {};
setTimeout(() => {
  parentPort.on('message', (r) => {
    const text = r.inbound.text;
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
