// A stand-in for src/staff/rulebooks/worker.ts speaking the same messages, for the thread's tests: a
// draft of "hang" spins forever, of "die" exits, of "throw" fails; any other text is answered as a draft
// of it (its id "echo" and the thread's id in its name). Plain JavaScript: the thread starts without a compiler.
const { parentPort, threadId } = require('node:worker_threads');

parentPort.on('message', (m) => {
  if (m.text === 'hang') for (;;);
  if (m.text === 'die') process.exit(3);
  if (m.text === 'throw') return parentPort.postMessage({ id: m.id, ok: false, code: 'draft_failed', message: 'asked to throw' });
  const outcome = { id: 'echo', name: `thread ${threadId}`, yaml: m.text, evidence: [], review: [], leftOut: [], counts: { facilities: 0, designations: 0, guidance: 0, contacts: 0 }, empty: false };
  parentPort.postMessage({ id: m.id, ok: true, result: { kind: 'draft', outcome } });
});
