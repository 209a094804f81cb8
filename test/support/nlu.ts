// Shared NLU fixture: the real rule books and intents, loaded once per test file.
import { join } from 'node:path';
import { loadRuleSet } from '../../src/rules/load';
import { createNlu, type NluEngine } from '../../src/nlu';
import type { SegmenterName } from '../../src/nlu/segment';
import type { RuleSet } from '../../src/rules/types';

export const ROOT = join(__dirname, '..', '..');

let rules: RuleSet | undefined;
export function realRules(): RuleSet {
  rules ??= loadRuleSet(join(ROOT, 'rules'));
  return rules;
}

const engines = new Map<SegmenterName, NluEngine>();
export function realNlu(segmenter: SegmenterName = 'node-rs'): NluEngine {
  let e = engines.get(segmenter);
  if (!e) {
    e = createNlu(realRules(), { segmenter, intentsDir: join(ROOT, 'intents') });
    engines.set(segmenter, e);
  }
  return e;
}

/** The red-flag classes the real detector raises for a message, as the pipeline reads it (normalised first). */
export function urgentFlags(text: string): string[] {
  const nlu = realNlu();
  return nlu.urgent.detect(nlu.normalise(text).text).flags.map((f) => f.id);
}

/** The real detector's whole verdict for a message, normalised first (flags, caution, mentions and their scopes). */
export function urgentVerdict(text: string): ReturnType<NluEngine['urgent']['detect']> {
  const nlu = realNlu();
  return nlu.urgent.detect(nlu.normalise(text).text);
}

/** The red-flag classes the concept rules raise for a message (the scorer's alone left out): for tests of what the
 * rules hold without it. */
export function ruleFlags(text: string): string[] {
  const nlu = realNlu();
  const v = nlu.urgent.detect(nlu.normalise(text).text);
  return v.by === 'rules' || v.by === 'both' ? v.flags.map((f) => f.id) : [];
}

/** Expects the concept rules, without the scorer, to raise `flag` for the message. */
export function byRules(text: string, flag: string): void {
  expect(ruleFlags(text)).toContain(flag);
}
