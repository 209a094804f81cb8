// `npm run -s bench -- --nlu`: the NLU (normalise, entities, the urgent detector, the intent) on a fixed corpus
// (bench/corpus/nlu.jsonl, ≥ 1,000 messages), against NLP.js (node-nlp, locale zh) trained on the same intents'
// examples and configured as a user would for classification (no sentiment, no NER, no saving), with both
// segmenters. One method for both (`method` in the JSON line): a warm-up, then `--rounds` (7) passes over the whole
// corpus each, the two in alternation (who goes first alternates too: the machine is shared), the median pass of
// each; NLP.js's cache of the utterances it has seen is emptied before each pass, so it reads every message
// afresh, as jiuyi does. Held-out accuracy of both on the intents' held-out examples. Pinned to one CPU like
// --core (`--cpu=N`, `--no-pin`), so that neither engine's collector runs beside it on another. The last line is JSON.
import { join } from 'node:path';
import type { RuleSet } from '../src/rules/types';
import { fromOf, load } from './built';
import { readCorpus } from './corpus';
import { cpuMicros, machine, median, percentile, pinnedRerun, summarisePasses, warmUp, type Pass } from './measure';
import type { NluEngine } from '../src/nlu';
import type { Segmenter } from '../src/nlu/segment';

const ROOT = join(__dirname, '..');

interface PeerDomain {
  cache?: { results: Record<string, unknown> };
}
interface Peer {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
  nlp: { nluManager: { domainManagers: Record<string, { domains: Record<string, PeerDomain> }> } };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const METHOD =
  'same for both: warm-up on the training examples, then passes over the corpus for the same number of seconds each, then alternating passes over the whole corpus (the first engine alternating), ' +
  'the median pass of each by wall time; latency percentiles over every message of every pass; NLP.js: sentiment off, NER off, its utterance cache emptied before each pass; ' +
  'accuracy of both on the intents\u2019 held-out examples';

/** Empties NLP.js's per-utterance cache (tokens of every text it has processed, kept for an hour). */
function forget(peer: Peer): void {
  for (const dm of Object.values(peer.nlp.nluManager.domainManagers))
    for (const d of Object.values(dm.domains)) if (d.cache) d.cache.results = {};
}

/** One pass of the jiuyi NLU over the corpus; latencies (µs) into `lat` from `offset` when given. */
function ourPass(nlu: NluEngine, corpus: string[], lat?: Float64Array, offset = 0): Pass {
  const c0 = cpuMicros();
  const w0 = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i++) {
    const t = process.hrtime.bigint();
    nlu.analyse(corpus[i] as string);
    if (lat) lat[offset + i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  return { messages: corpus.length, wallS: Number(process.hrtime.bigint() - w0) / 1e9, cpuS: (cpuMicros() - c0) / 1e6 };
}

async function peerPass(peer: Peer, corpus: string[], lat?: Float64Array, offset = 0): Promise<Pass> {
  forget(peer);
  const c0 = cpuMicros();
  const w0 = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i++) {
    const t = process.hrtime.bigint();
    await peer.process('zh', corpus[i] as string);
    if (lat) lat[offset + i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  return { messages: corpus.length, wallS: Number(process.hrtime.bigint() - w0) / 1e9, cpuS: (cpuMicros() - c0) / 1e6 };
}

function latency(lat: Float64Array): { p50_us: number; p99_us: number } {
  const s = Float64Array.from(lat).sort();
  return { p50_us: Number(percentile(s, 50).toFixed(1)), p99_us: Number(percentile(s, 99).toFixed(1)) };
}

function heldOut(nlu: NluEngine): { text: string; intent: string }[] {
  return nlu.data.intents.flatMap((i) => i.tests.map((text) => ({ text, intent: i.intent })));
}

export async function run(args: string[]): Promise<void> {
  if (pinnedRerun('--nlu', args, args.find((a) => a.startsWith('--cpu='))?.split('=')[1] ?? '0')) return;
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 7);
  const warmupS = Number(args.find((a) => a.startsWith('--warmup='))?.split('=')[1] ?? 10);
  const corpus = readCorpus();
  const avgLen = corpus.reduce((s, t) => s + t.length, 0) / corpus.length;
  log(`corpus: ${corpus.length} messages (${avgLen.toFixed(1)} characters on average), ${rounds} passes each`);

  // start-up: importing the NLU (natural, opencc, jieba) and loading/training it
  const from = fromOf(args);
  const { loadRuleSet } = load<typeof import('../src/rules/load')>(from, 'rules/load');
  const rules: RuleSet = loadRuleSet(join(ROOT, 'rules'));
  const t0 = performance.now();
  const { createNlu } = load<typeof import('../src/nlu')>(from, 'nlu/index');
  const nlu = createNlu(rules, { segmenter: 'node-rs' });
  const startupMs = performance.now() - t0;
  log(`jiuyi NLU start-up ${startupMs.toFixed(0)} ms (${Object.entries(nlu.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`);

  const tests = heldOut(nlu);
  const accuracy = tests.filter((t) => nlu.analyse(t.text).intent.name === t.intent).length / tests.length;

  // the peer: NLP.js trained on the same examples, as a user would set it up to classify
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NlpManager } = require('node-nlp') as { NlpManager: new (o: object) => Peer };
  const p0 = performance.now();
  const peer = new NlpManager({ languages: ['zh'], forceNER: false, autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false } });
  for (const i of nlu.data.intents) for (const e of i.examples) peer.addDocument('zh', e, i.intent);
  await peer.train();
  const peerTrainMs = performance.now() - p0;
  let peerOk = 0;
  for (const t of tests) if ((await peer.process('zh', t.text)).intent === t.intent) peerOk++;
  const peerAcc = peerOk / tests.length;

  // warm-up, the same for both: three passes over the training examples, then passes over the corpus for
  // `--warmup` seconds each (V8 optimises for a while: see warmUp in measure.ts)
  const examples = nlu.data.intents.flatMap((i) => i.examples);
  for (let r = 0; r < 3; r++) {
    ourPass(nlu, examples);
    await peerPass(peer, examples);
  }
  const ourWarm = await warmUp(() => ourPass(nlu, corpus), warmupS, 1);
  const peerWarm = await warmUp(() => peerPass(peer, corpus), warmupS, 1);
  const ourLat = new Float64Array(corpus.length * rounds);
  const peerLat = new Float64Array(corpus.length * rounds);
  const ours: Pass[] = [];
  const theirs: Pass[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      ours.push(ourPass(nlu, corpus, ourLat, r * corpus.length));
      theirs.push(await peerPass(peer, corpus, peerLat, r * corpus.length));
    } else {
      theirs.push(await peerPass(peer, corpus, peerLat, r * corpus.length));
      ours.push(ourPass(nlu, corpus, ourLat, r * corpus.length));
    }
  }
  const o = { ...summarisePasses(ours), ...latency(ourLat) };
  const p = { ...summarisePasses(theirs), ...latency(peerLat) };
  const roundRatios = ours.map((x, r) => (theirs[r] as Pass).wallS / x.wallS);
  const ratio = o.msgs_per_s / p.msgs_per_s;
  log(`jiuyi NLU (node-rs): ${o.msgs_per_s} msgs/s (passes ${o.passes.join(', ')}), ${o.cpu_us_per_msg} µs CPU a message, p50 ${o.p50_us} µs, p99 ${o.p99_us} µs, held-out accuracy ${(accuracy * 100).toFixed(1)}% (${tests.length})`);
  log(`NLP.js (node-nlp zh): ${p.msgs_per_s} msgs/s (passes ${p.passes.join(', ')}), ${p.cpu_us_per_msg} µs CPU a message, p50 ${p.p50_us} µs, p99 ${p.p99_us} µs, held-out accuracy ${(peerAcc * 100).toFixed(1)}%, trained in ${peerTrainMs.toFixed(0)} ms`);
  log(`ratio ${ratio.toFixed(1)}× (median passes; pass by pass ${roundRatios.map((x) => x.toFixed(1)).join(', ')}); CPU a message ${(p.cpu_us_per_msg / o.cpu_us_per_msg).toFixed(1)}×`);

  // segmenters: cut alone over the corpus (median of interleaved passes), and the whole NLU with nodejieba
  const { createSegmenter } = await import('../src/nlu/segment');
  const segmenters: Record<string, { us_per_msg: number; load_ms: number; accuracy?: number; nlu_msgs_per_s?: number }> = {};
  const loaded: Segmenter[] = [nlu.segmenter];
  try {
    loaded.push(createSegmenter('nodejieba', nlu.lexicon.words));
  } catch (err) {
    log(`segmenter nodejieba: not available (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const segUs: number[][] = loaded.map(() => []);
  for (const seg of loaded) for (const text of corpus) seg.cut(text);
  for (let r = 0; r < rounds; r++) {
    loaded.forEach((seg, k) => {
      const s0 = process.hrtime.bigint();
      for (const text of corpus) seg.cut(text);
      (segUs[k] as number[]).push(Number(process.hrtime.bigint() - s0) / 1000 / corpus.length);
    });
  }
  loaded.forEach((seg, k) => {
    const us = median(segUs[k] as number[]);
    segmenters[seg.name] = { us_per_msg: Number(us.toFixed(2)), load_ms: Number(seg.loadMs.toFixed(0)) };
    log(`segmenter ${seg.name}: ${us.toFixed(2)} µs a message, loaded in ${seg.loadMs.toFixed(0)} ms (with the user dictionary)`);
  });
  if (loaded.length > 1) {
    const nj = createNlu(rules, { segmenter: 'nodejieba' });
    const acc = tests.filter((t) => nj.analyse(t.text).intent.name === t.intent).length / tests.length;
    ourPass(nj, corpus);
    const lat = new Float64Array(corpus.length * rounds);
    const passes: Pass[] = [];
    for (let r = 0; r < rounds; r++) passes.push(ourPass(nj, corpus, lat, r * corpus.length));
    const m = { ...summarisePasses(passes), ...latency(lat) };
    (segmenters.nodejieba as { accuracy?: number; nlu_msgs_per_s?: number }).accuracy = Number(acc.toFixed(4));
    (segmenters.nodejieba as { accuracy?: number; nlu_msgs_per_s?: number }).nlu_msgs_per_s = m.msgs_per_s;
    log(`jiuyi NLU (nodejieba): ${m.msgs_per_s} msgs/s, p50 ${m.p50_us} µs, p99 ${m.p99_us} µs, held-out accuracy ${(acc * 100).toFixed(1)}%`);
  }

  const result = {
    nlu: {
      msgs_per_s: o.msgs_per_s,
      passes: o.passes,
      cpu_us_per_msg: o.cpu_us_per_msg,
      p50_us: o.p50_us,
      p99_us: o.p99_us,
      accuracy: Number(accuracy.toFixed(4)),
      startup_ms: Math.round(startupMs),
      segmenter: nlu.segmenter.name,
    },
    peer: {
      name: 'node-nlp',
      msgs_per_s: p.msgs_per_s,
      passes: p.passes,
      cpu_us_per_msg: p.cpu_us_per_msg,
      p50_us: p.p50_us,
      p99_us: p.p99_us,
      accuracy: Number(peerAcc.toFixed(4)),
      train_ms: Math.round(peerTrainMs),
    },
    ratio: Number(ratio.toFixed(1)),
    ratio_by_pass: roundRatios.map((x) => Number(x.toFixed(1))),
    held_out: tests.length,
    method: `${METHOD}; warm-up ${warmupS} s each (${ourWarm.length} and ${peerWarm.length} passes); ${rounds} passes of ${corpus.length} messages; jiuyi ${from === 'dist' ? 'as built (dist/)' : 'from src/ through tsx'}; ${process.env.JIUYI_BENCH_PINNED ? `pinned to CPU ${process.env.JIUYI_BENCH_PINNED} (taskset)` : 'not pinned'}`,
    machine: machine(),
    segmenters,
  };
  log(JSON.stringify(result));
}
