import { readFileSync } from 'node:fs';
import { loadRuleSet } from '../src/rules/load';
import { createNlu } from '../src/nlu';
import { extractEntities } from '../src/nlu/entities';
const corpus = readFileSync('bench/corpus/nlu.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
const nlu = createNlu(loadRuleSet('rules'));
const normed = corpus.map((t) => nlu.prepare(t).norm.text);
for (let r = 0; r < 200; r++) for (const t of normed) extractEntities(t, nlu.lexicon, () => 0);
