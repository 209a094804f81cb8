import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { createNormaliser } from '../src/nlu/normalise';
import { loadIntentsData } from '../src/nlu/data';
const corpus = readFileSync('bench/corpus/nlu.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
const norm = createNormaliser({ forwardPrefixes: loadIntentsData('intents').lexicon.forward_prefixes });
const conv = OpenCC.Converter({ from: 'tw', to: 'cn' });
let n = 0; for (const t of corpus) if (norm(t).script === 'traditional') n++;
console.log('trad', n);
function time(name: string, f: (t: string) => unknown) { for (let i = 0; i < 3000; i++) f(corpus[i % corpus.length] as string); const a = process.hrtime.bigint(); for (let r = 0; r < 5; r++) for (const t of corpus) f(t); console.log(name, Number(process.hrtime.bigint() - a) / 1000 / corpus.length / 5); }
time('norm', norm); time('conv', conv); time('nfkc', (t) => t.normalize('NFKC'));
