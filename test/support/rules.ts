// The real rule books, locales and answer domain of this checkout, loaded once per test file, and a
// renderer for answer lines so answer tests read what a user would read.
import { join } from 'node:path';
import { loadDomain, type Domain } from '../../src/answer/domain';
import { plan, type Line } from '../../src/answer/plan';
import { loadLocales, type Locales } from '../../src/render/locale';
import { render } from '../../src/render/render';
import { loadRuleSet } from '../../src/rules/load';
import type { RuleBook, RuleSet } from '../../src/rules/types';

export const ROOT = join(__dirname, '..', '..');

let cached: { rules: RuleSet; domain: Domain; locales: Locales } | undefined;
export function data() {
  if (!cached) {
    const rules = loadRuleSet(join(ROOT, 'rules'));
    cached = {
      rules,
      domain: loadDomain(join(ROOT, 'intents', 'domain', 'answers.yml'), rules.vocabulary),
      locales: loadLocales(join(ROOT, 'locales')),
    };
  }
  return cached;
}

export const book = (id: string): RuleBook => {
  const b = data().rules.byId.get(id);
  if (!b) throw new Error(`no rule book "${id}"`);
  return b;
};

/** Lines as the user reads them, in simplified Chinese. */
export function readLines(lines: Line[]): string {
  const r = render(plan('test', lines), { locales: data().locales, lang: 'zh', script: 'simplified', compact: false, toTraditional: (t) => t });
  return r.parts.join('\n');
}
