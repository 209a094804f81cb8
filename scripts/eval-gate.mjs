#!/usr/bin/env node
// Fails CI when a set of conversation cases falls below its bar.
//   node scripts/eval-gate.mjs SCORER CASES REPLIES [--turns 0.97] [--recall 1] [--precision 0.95]
// Defaults are the bar for dev.jsonl and dev2.jsonl: 97% of turns, every urgent turn caught, and at most one
// urgent reply in twenty where none was due.
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const [scorer, cases, replies] = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
if (!scorer || !cases || !replies) {
  console.error('usage: eval-gate.mjs SCORER CASES REPLIES [--turns R] [--recall R] [--precision R]');
  process.exit(2);
}
const bar = { turns: flag('turns', 0.97), recall: flag('recall', 1), precision: flag('precision', 0.95) };
// With --json the scorer prints the JSON report, then its summary line.
const out = execFileSync(process.execPath, [scorer, cases, replies, '--json'], { encoding: 'utf8', maxBuffer: 1e8 });
const s = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1));
const ok = s.turns.rate >= bar.turns && s.urgent.recall >= bar.recall && s.urgent.precision >= bar.precision;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(
  `eval gate ${cases}: turns ${pct(s.turns.rate)} (bar ${pct(bar.turns)}), urgent recall ${s.urgent.recall.toFixed(2)} (bar ${bar.recall.toFixed(2)}), ` +
    `precision ${s.urgent.precision.toFixed(2)} (bar ${bar.precision.toFixed(2)}): ${ok ? 'pass' : 'FAIL'}`,
);
process.exit(ok ? 0 : 1);
