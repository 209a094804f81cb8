// `npm run -s jiuyi -- nlu "<text>"` prints the Analysis as JSON; `nlu eval` reports held-out intent
// accuracy with a confusion summary. The segmenter comes from JIUYI_SEGMENTER (read here, at the edge).
import { loadRuleSet } from '../rules/load';
import { createNlu, type NluEngine } from '../nlu';
import type { SegmenterName } from '../nlu/segment';

export interface EvalResult {
  total: number;
  correct: number;
  accuracy: number;
  /** expected → predicted → count, misses only */
  confusion: Record<string, Record<string, number>>;
  misses: { text: string; expected: string; got: string; confidence: number }[];
}

export function evaluate(nlu: NluEngine): EvalResult {
  let total = 0;
  let correct = 0;
  const confusion: EvalResult['confusion'] = {};
  const misses: EvalResult['misses'] = [];
  for (const intent of nlu.data.intents) {
    for (const text of intent.tests) {
      total++;
      const a = nlu.analyse(text);
      if (a.intent.name === intent.intent) correct++;
      else {
        const row = (confusion[intent.intent] ??= {});
        row[a.intent.name] = (row[a.intent.name] ?? 0) + 1;
        misses.push({ text, expected: intent.intent, got: a.intent.name, confidence: a.intent.confidence });
      }
    }
  }
  return { total, correct, accuracy: total ? correct / total : 0, confusion, misses };
}

function segmenterFromEnv(): SegmenterName {
  const v = process.env.JIUYI_SEGMENTER;
  return v === 'nodejieba' ? 'nodejieba' : 'node-rs';
}

export async function run(args: string[]): Promise<number> {
  const [first, ...rest] = args;
  if (!first || first === 'help' || first === '--help') {
    process.stderr.write('usage: nlu "<text>" | nlu eval [--misses]\n');
    return first ? 0 : 2;
  }
  const nlu = createNlu(loadRuleSet(process.env.JIUYI_RULES_DIR ?? 'rules'), { segmenter: segmenterFromEnv() });
  if (first === 'eval') {
    const r = evaluate(nlu);
    const lines = [
      `held-out intent accuracy: ${r.correct}/${r.total} (${(r.accuracy * 100).toFixed(1)}%)  segmenter ${nlu.segmenter.name}, start-up ${nlu.startupMs.toFixed(0)} ms, ${nlu.model.labels.length} intents, fallback below ${nlu.threshold}`,
    ];
    const pairs = Object.entries(r.confusion).flatMap(([exp, row]) => Object.entries(row).map(([got, n]) => ({ exp, got, n })));
    pairs.sort((a, b) => b.n - a.n);
    if (pairs.length) lines.push('confusions (expected → predicted: count):', ...pairs.map((p) => `  ${p.exp} → ${p.got}: ${p.n}`));
    if (rest.includes('--misses') || r.misses.length <= 20) {
      for (const m of r.misses) lines.push(`  miss: ${m.text}  [${m.expected} → ${m.got} ${m.confidence.toFixed(2)}]`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return r.accuracy >= 0.95 ? 0 : 1;
  }
  const text = [first, ...rest].join(' ');
  const a = nlu.analyse(text);
  process.stdout.write(JSON.stringify(a, null, 2) + '\n');
  return 0;
}
