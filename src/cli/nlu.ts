// `npm run -s jiuyi -- nlu "<text>"` prints the Analysis as JSON; `nlu eval` reports held-out intent
// accuracy with a confusion summary. The segmenter comes from JIUYI_SEGMENTER (read here, at the edge).
import { loadRuleSet } from '../rules/load';
import { createNlu, type NluEngine } from '../nlu';
import type { SegmenterName } from '../nlu/segment';
import { blind, fullModel, heldOutFamilies, type HeldOutReport } from '../urgent/evaluate';
import { readCorpus } from '../urgent/data';
import { join } from 'node:path';

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
    process.stderr.write('usage: nlu "<text>" | nlu eval [--misses] | nlu urgent-eval [--threshold T] [--threshold-unseen T] [--blind] [--misses]\n');
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
  if (first === 'urgent-eval') return urgentEval(nlu, rest);
  const text = [first, ...rest].join(' ');
  const a = nlu.analyse(text);
  process.stdout.write(JSON.stringify(a, null, 2) + '\n');
  return 0;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function table(title: string, rows: HeldOutReport['byFamily']): string[] {
  const out = [title, `  ${'name'.padEnd(20)} ${'urgent'.padStart(6)} ${'recall'.padStart(7)} ${'other'.padStart(6)} ${'false alarms'.padStart(12)} ${'precision'.padStart(9)}`];
  for (const [name, c] of Object.entries(rows).sort()) {
    out.push(`  ${name.padEnd(20)} ${String(c.tp + c.fn).padStart(6)} ${(c.tp + c.fn ? pct(c.recall) : '-').padStart(7)} ${String(c.fp + c.tn).padStart(6)} ${String(c.fp).padStart(12)} ${(c.tp + c.fp ? pct(c.precision) : '-').padStart(9)}`);
  }
  return out;
}

/** `nlu urgent-eval`: leave-one-family-out over the urgent corpus (and the blind set with --blind). */
function urgentEval(nlu: NluEngine, args: string[]): number {
  const t = args.indexOf('--threshold');
  const u = args.indexOf('--threshold-unseen');
  const threshold = { open: t >= 0 ? Number(args[t + 1]) : nlu.urgent.threshold, unseen: u >= 0 ? Number(args[u + 1]) : nlu.urgent.thresholdUnseen, across: nlu.urgent.thresholdAcross };
  const inputs = {
    data: nlu.data.urgent,
    detector: nlu.urgent,
    normalise: (x: string) => nlu.normalise(x).text,
    extraNegatives: nlu.data.intents.flatMap((i) => i.examples),
  };
  const r = heldOutFamilies(inputs, threshold);
  const corpus = nlu.data.urgent.corpus;
  const lines = [
    `urgent corpus: ${corpus.filter((e) => e.urgent).length} urgent, ${corpus.filter((e) => !e.urgent).length} not urgent, ${new Set(corpus.map((e) => e.family)).size} phrasing families`,
    `held out by family (scorer trained on the other families), thresholds ${threshold.open} (a red-flag concept of the scorer's class found) / ${threshold.unseen} (none):`,
    `  recall ${pct(r.overall.recall)} (${r.overall.tp}/${r.overall.tp + r.overall.fn}), precision ${pct(r.overall.precision)} (${r.overall.fp} false alarms); rules alone: recall ${pct(r.rulesOnly.recall)}, precision ${pct(r.rulesOnly.precision)}`,
    ...table('by class:', r.byClass),
    ...table('by family (each held out in turn):', r.byFamily),
    ...(() => {
      // the rule the scorer.yml thresholds are chosen by: the highest held-out recall with precision ≥ 90% and at
      // most 1% of the everyday questions raised (they are most of what residents write)
      const best = [...r.sweep].filter((s) => s.precision >= 0.9 && s.everyday <= 0.01).sort((a, b) => b.recall - a.recall || b.precision - a.precision)[0];
      return best
        ? [`thresholds chosen on held-out families (highest recall with precision ≥ 90% and ≤ 1% of everyday questions raised): ${best.open} / ${best.unseen} → recall ${pct(best.recall)}, precision ${pct(best.precision)}, everyday questions raised ${pct(best.everyday)}`]
        : [];
    })(),
  ];
  let blindReport: HeldOutReport | undefined;
  if (args.includes('--blind')) {
    const entries = readCorpus(join(nlu.data.urgent.dir, 'blind'), new Set(Object.keys(nlu.data.urgent.classes.classes)));
    blindReport = blind(inputs, entries, fullModel(inputs), threshold);
    lines.push(
      `blind set (${entries.length} messages never tuned on; scorer trained on the whole corpus): recall ${pct(blindReport.overall.recall)} (${blindReport.overall.tp}/${blindReport.overall.tp + blindReport.overall.fn}), precision ${pct(blindReport.overall.precision)} (${blindReport.overall.fp} false alarms)`,
      ...table('blind, by family:', blindReport.byFamily),
    );
  }
  if (args.includes('--misses')) {
    for (const m of r.misses) lines.push(`  miss [${m.entry.family}/${m.entry.class}] ${m.score.toFixed(2)} ${m.entry.text}`);
    for (const m of r.falseAlarms) lines.push(`  false alarm [${m.entry.family}/${m.entry.class}] ${m.rules.join(',') || `scorer ${m.score.toFixed(2)} ${m.best}`} ${m.entry.text}`);
    for (const m of blindReport?.misses ?? []) lines.push(`  blind miss [${m.entry.family}/${m.entry.class}] ${m.score.toFixed(2)} ${m.entry.text}`);
    for (const m of blindReport?.falseAlarms ?? []) lines.push(`  blind false alarm [${m.entry.family}/${m.entry.class}] ${m.rules.join(',') || `scorer ${m.score.toFixed(2)} ${m.best}`} ${m.entry.text}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  const summary = { threshold, heldOut: { recall: r.overall.recall, precision: r.overall.precision, byClass: r.byClass, byFamily: r.byFamily }, blind: blindReport && { recall: blindReport.overall.recall, precision: blindReport.overall.precision } };
  process.stdout.write(JSON.stringify(summary) + '\n');
  return 0;
}
