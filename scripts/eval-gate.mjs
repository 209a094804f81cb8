#!/usr/bin/env node
// Fails CI when the conversation cases fall below the bar: 97% of turns, and every urgent case caught.
//   node scripts/eval-gate.mjs SCORER CASES REPLIES
import { execFileSync } from 'node:child_process';

const [scorer, cases, replies] = process.argv.slice(2);
if (!scorer || !cases || !replies) {
  console.error('usage: eval-gate.mjs SCORER CASES REPLIES');
  process.exit(2);
}
// With --json the scorer prints the JSON report, then its summary line.
const out = execFileSync(process.execPath, [scorer, cases, replies, '--json'], { encoding: 'utf8' });
const s = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1));
const ok = s.turns.rate >= 0.97 && s.urgent.recall === 1;
console.log(`eval gate: turns ${(100 * s.turns.rate).toFixed(1)}% (bar 97%), urgent recall ${s.urgent.recall.toFixed(2)} (bar 1.00): ${ok ? 'pass' : 'FAIL'}`);
process.exit(ok ? 0 : 1);
