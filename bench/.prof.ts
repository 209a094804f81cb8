import { readFileSync } from 'node:fs';
import { loadRuleSet } from '../src/rules/load';
import { createNlu } from '../src/nlu';
import { createNormaliser } from '../src/nlu/normalise';
import { extractEntities } from '../src/nlu/entities';
import { createRedFlagDetector } from '../src/nlu/redflags';
const corpus = readFileSync('bench/corpus/nlu.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
const nlu = createNlu(loadRuleSet('rules'));
const norm = createNormaliser({ forwardPrefixes: nlu.data.lexicon.forward_prefixes });
const rf = createRedFlagDetector(nlu.data.redflags);
const normed = corpus.map((t) => norm(t).text);
function time(name: string, f: (t: string, i: number) => unknown, xs: string[]) {
  for (let i = 0; i < 500; i++) f(xs[i % xs.length] as string, i % xs.length);
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < 3; r++) xs.forEach((x, i) => f(x, i));
  console.log(name, (Number(process.hrtime.bigint() - t0) / 1000 / (xs.length * 3)).toFixed(2), 'us');
}
time('normalise', (t) => norm(t), corpus);
time('cut', (t) => nlu.segmenter.cut(t), normed);
time('entities', (t) => extractEntities(t, nlu.lexicon, () => 0), normed);
time('redflags', (t) => rf.detect(t), normed);
const feats = corpus.map((t) => nlu.prepare(t).features);
time('prepare', (t) => nlu.prepare(t), corpus);
time('score', (_t, i) => nlu.model.score(feats[i] as string[]), corpus);
time('analyse', (t) => nlu.analyse(t), corpus);
console.log('regexes in lexicon', nlu.lexicon.regexes.length);
