import { readFileSync } from 'node:fs';
import { loadRuleSet } from '../src/rules/load';
import { createNlu } from '../src/nlu';
const corpus = readFileSync('bench/corpus/nlu.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
const nlu = createNlu(loadRuleSet('rules'));
for (let r = 0; r < 30; r++) for (const t of corpus) nlu.analyse(t);
