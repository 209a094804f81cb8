// `npm run -s bench -- --nlu`: the NLU on a fixed corpus (bench/corpus/nlu.jsonl, ≥ 1,000 messages),
// side by side with NLP.js (node-nlp, locale zh) trained on the same intents files, with both
// segmenters. Accuracy is on the intents' held-out utterances. The last line is one JSON object.
import { join } from 'node:path';
import type { RuleSet } from '../src/rules/types';
import { readCorpus } from './corpus';
import type { NluEngine } from '../src/nlu';
import type { Segmenter } from '../src/nlu/segment';

const ROOT = join(__dirname, '..');

interface Peer {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

interface Timing {
  msgsPerS: number;
  p50: number;
  p99: number;
}

/** One round over the corpus: latencies into `lat` from `offset`, returns the round's seconds. */
function round(nlu: NluEngine, corpus: string[], lat: Float64Array, offset: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i++) {
    const t0 = process.hrtime.bigint();
    nlu.analyse(corpus[i] as string);
    lat[offset + i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function summarise(lat: Float64Array, bestRoundS: number, n: number): Timing {
  const sorted = Float64Array.from(lat).sort();
  return { msgsPerS: n / bestRoundS, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function measure(nlu: NluEngine, corpus: string[], rounds: number): Timing {
  for (let i = 0; i < 300; i++) nlu.analyse(corpus[i % corpus.length] as string); // warm-up
  const lat = new Float64Array(corpus.length * rounds);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) best = Math.min(best, round(nlu, corpus, lat, r * corpus.length));
  return summarise(lat, best, corpus.length);
}

function heldOut(nlu: NluEngine): { text: string; intent: string }[] {
  return nlu.data.intents.flatMap((i) => i.tests.map((text) => ({ text, intent: i.intent })));
}

export async function run(args: string[]): Promise<void> {
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
  const corpus = readCorpus();
  const avgLen = corpus.reduce((s, t) => s + t.length, 0) / corpus.length;
  log(`corpus: ${corpus.length} messages (${avgLen.toFixed(1)} characters on average), ${rounds} rounds`);

  // start-up: importing the NLU (natural, opencc, jieba) and loading/training it
  const { loadRuleSet } = await import('../src/rules/load');
  const rules: RuleSet = loadRuleSet(join(ROOT, 'rules'));
  const t0 = performance.now();
  const { createNlu } = await import('../src/nlu');
  const nlu = createNlu(rules, { segmenter: 'node-rs' });
  const startupMs = performance.now() - t0;
  log(`jiuyi NLU start-up ${startupMs.toFixed(0)} ms (${Object.entries(nlu.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`);

  const tests = heldOut(nlu);
  const accuracy = tests.filter((t) => nlu.analyse(t.text).intent.name === t.intent).length / tests.length;

  // the peer: NLP.js trained on the same examples
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NlpManager } = require('node-nlp') as { NlpManager: new (o: object) => Peer };
  const p0 = performance.now();
  const peer = new NlpManager({ languages: ['zh'], forceNER: false, autoSave: false, nlu: { log: false } });
  for (const i of nlu.data.intents) for (const e of i.examples) peer.addDocument('zh', e, i.intent);
  await peer.train();
  const peerTrainMs = performance.now() - p0;
  let peerOk = 0;
  for (const t of tests) if ((await peer.process('zh', t.text)).intent === t.intent) peerOk++;
  const peerAcc = peerOk / tests.length;

  // throughput. NLP.js caches each utterance's tokens, so it sees each corpus message once (a first
  // pass, as live traffic would be); ours keeps nothing between messages. The corpus is cut into
  // chunks, ours and the peer's timed chunk by chunk, interleaved (the machine is shared); ours takes
  // the best of `rounds` passes over each chunk. Both are warmed up first on the training examples.
  const examples = nlu.data.intents.flatMap((i) => i.examples);
  for (let r = 0; r < 3; r++) for (const text of examples) nlu.analyse(text);
  for (const text of examples) await peer.process('zh', text);
  const lat = new Float64Array(corpus.length * rounds);
  const chunk = 100;
  let ourS = 0;
  let peerS = 0;
  for (let start = 0; start < corpus.length; start += chunk) {
    const part = corpus.slice(start, start + chunk);
    let best = Infinity;
    for (let r = 0; r < rounds; r++) best = Math.min(best, round(nlu, part, lat, r * corpus.length + start));
    ourS += best;
    const q0 = process.hrtime.bigint();
    for (const text of part) await peer.process('zh', text);
    peerS += Number(process.hrtime.bigint() - q0) / 1e9;
  }
  const ours = summarise(lat, ourS, corpus.length);
  const peerRate = corpus.length / peerS;
  log(`jiuyi NLU (node-rs): ${ours.msgsPerS.toFixed(0)} msgs/s, p50 ${ours.p50.toFixed(1)} µs, p99 ${ours.p99.toFixed(1)} µs, held-out accuracy ${(accuracy * 100).toFixed(1)}% (${tests.length})`);
  log(`NLP.js (node-nlp zh): ${peerRate.toFixed(0)} msgs/s, held-out accuracy ${(peerAcc * 100).toFixed(1)}%, trained in ${peerTrainMs.toFixed(0)} ms`);

  // segmenters: cut alone over the corpus (best of interleaved rounds), and the whole NLU with nodejieba
  const { createSegmenter } = await import('../src/nlu/segment');
  const segmenters: Record<string, { us_per_msg: number; load_ms: number }> = {};
  const loaded: Segmenter[] = [nlu.segmenter];
  try {
    loaded.push(createSegmenter('nodejieba', nlu.lexicon.words));
  } catch (err) {
    log(`segmenter nodejieba: not available (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const bestUs = loaded.map(() => Infinity);
  for (const seg of loaded) for (const text of corpus) seg.cut(text);
  for (let r = 0; r < rounds; r++) {
    loaded.forEach((seg, k) => {
      const s0 = process.hrtime.bigint();
      for (const text of corpus) seg.cut(text);
      bestUs[k] = Math.min(bestUs[k] as number, Number(process.hrtime.bigint() - s0) / 1000 / corpus.length);
    });
  }
  loaded.forEach((seg, k) => {
    segmenters[seg.name] = { us_per_msg: Number((bestUs[k] as number).toFixed(2)), load_ms: Number(seg.loadMs.toFixed(0)) };
    log(`segmenter ${seg.name}: ${(bestUs[k] as number).toFixed(2)} µs a message, loaded in ${seg.loadMs.toFixed(0)} ms (with the user dictionary)`);
  });
  if (loaded.length > 1) {
    const nj = createNlu(rules, { segmenter: 'nodejieba' });
    const acc = tests.filter((t) => nj.analyse(t.text).intent.name === t.intent).length / tests.length;
    const m = measure(nj, corpus, Math.max(1, Math.floor(rounds / 2)));
    log(`jiuyi NLU (nodejieba): ${m.msgsPerS.toFixed(0)} msgs/s, p50 ${m.p50.toFixed(1)} µs, p99 ${m.p99.toFixed(1)} µs, held-out accuracy ${(acc * 100).toFixed(1)}%`);
  }

  const result = {
    nlu: {
      msgs_per_s: Math.round(ours.msgsPerS),
      p50_us: Number(ours.p50.toFixed(1)),
      p99_us: Number(ours.p99.toFixed(1)),
      accuracy: Number(accuracy.toFixed(4)),
      startup_ms: Math.round(startupMs),
      segmenter: nlu.segmenter.name,
    },
    peer: { name: 'node-nlp', msgs_per_s: Math.round(peerRate), accuracy: Number(peerAcc.toFixed(4)) },
    ratio: Number((ours.msgsPerS / peerRate).toFixed(1)),
    segmenters,
  };
  log(JSON.stringify(result));
}
