// The drafter is a capability, not a parser of the seed notices: none of the names, numbers or people of the
// hand-made books (transcribed from them) appears in its code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FACILITY_SUFFIXES, TIER_NOUNS } from '../../../src/rules/draft/cues';
import { ROOT, ruleSet } from './support';

/** Kinds of institution (社区卫生服务中心) are the drafter's vocabulary, not answers, even where a book uses one as an alias. */
const KINDS = new Set([...FACILITY_SUFFIXES, ...TIER_NOUNS.flatMap((t) => [t.name, ...t.variants])]);

it('the drafter’s code holds no facility name, person or phone number of the hand-made books', () => {
  const dir = path.join(ROOT, 'src', 'rules', 'draft');
  const code = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const answers = ruleSet().books.flatMap((b) => [
    ...(b.fallback ? [] : [b.name, ...b.aliases]),
    ...b.facilities.filter((f) => !f.generic).flatMap((f) => [f.name, ...f.aliases]).filter((n) => !KINDS.has(n)),
    ...b.contacts.filter((c) => c.kind === 'person').map((c) => c.name),
    ...[...b.facilities.flatMap((f) => f.phones), ...b.contacts.flatMap((c) => c.phones)].map((p) => p.number).filter((n) => n.length > 3),
    ...b.places.map((p) => p.name),
  ]);
  expect(answers.length).toBeGreaterThan(40);
  expect(answers.filter((a) => code.includes(a))).toEqual([]);
});
