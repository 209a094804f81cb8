// Loads everything the core needs, once, from the data directories: rule books, the NLU (trained
// from intents/), the answer domain and the reply templates. Fails loudly on invalid data.
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { loadDomain } from '../answer/domain';
import { dataDir } from '../data/root';
import { createNlu, defaultCacheDir, type NluEngine } from '../nlu';
import { useParsedCache } from '../data/parsed-cache';
import type { RuleSet } from '../rules/types';
import { LocaleError, loadLocales } from '../render/locale';
import { buildRuleSet, loadRuleSet, type RuleFile } from '../rules/load';
import { createCore } from './core';
import type { Core } from './types';

export interface CoreOptions {
  rulesDir: string;
  /** The rule files themselves (a snapshot read once, so that every thread's core holds the same rules);
   * read from `rulesDir` when absent. */
  ruleFiles?: RuleFile[];
  intentsDir: string;
  localesDir: string;
  segmenter: 'node-rs' | 'nodejieba';
  /** Load OpenCC's tables now rather than on the first traditional-script reply (a quarter of a second of
   * that reply's time). */
  preloadTraditional?: boolean;
}

/** The data directories of this checkout. */
export const DEFAULT_DIRS = {
  rulesDir: dataDir('rules'),
  intentsDir: dataDir('intents'),
  localesDir: dataDir('locales'),
};

export async function loadCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  return (await loadCoreParts(opts)).core;
}

/** The core with the parts it was made of (the rule books, the NLU), for the tools that need both. */
export async function loadCoreParts(opts: Partial<CoreOptions> = {}): Promise<{ core: Core; rules: RuleSet; nlu: NluEngine }> {
  const o: CoreOptions = { ...DEFAULT_DIRS, segmenter: 'node-rs', ...opts };
  // the data files as validated at the last start, when unchanged (the cache beside the trained models)
  const parsed = useParsedCache(defaultCacheDir());
  let rules: RuleSet, domain: ReturnType<typeof loadDomain>, locales: ReturnType<typeof loadLocales>, nlu: NluEngine;
  try {
    rules = o.ruleFiles ? buildRuleSet(o.ruleFiles) : loadRuleSet(o.rulesDir);
    domain = loadDomain(join(o.intentsDir, 'domain', 'answers.yml'), rules.vocabulary);
    locales = loadLocales(o.localesDir);
    const unsaid = domain.particulars.filter((p) => !(`particular_${p.id}` in locales.zh));
    if (unsaid.length) throw new LocaleError(unsaid.map((p) => `${join(o.localesDir, 'zh-CN.yml')}: messages.particular_${p.id}: missing (answers.yml particulars names "${p.id}")`).join('\n'));
    nlu = createNlu(rules, { segmenter: o.segmenter, intentsDir: o.intentsDir });
  } finally {
    parsed.save();
  }
  // Loading OpenCC's simplified → traditional tables takes a quarter of a second: done on the first
  // traditional reply unless `preloadTraditional` (the core worker threads load them before they take
  // turns). Replies are made of the same facts over and over, so each line's conversion is remembered (a
  // bounded table, emptied when full).
  const load = () => OpenCC.Converter({ from: 'cn', to: 'tw' });
  let converter: ((text: string) => string) | undefined = o.preloadTraditional ? load() : undefined;
  const lines = new Map<string, string>();
  const line = (text: string): string => {
    let out = lines.get(text);
    if (out === undefined) {
      if (lines.size >= 5000) lines.clear();
      lines.set(text, (out = (converter ??= load())(text)));
    }
    return out;
  };
  const toTraditional = (text: string): string => text.split('\n').map(line).join('\n');
  const core = createCore({ rules, nlu, locales, domain, toTraditional, tokenize: (t) => nlu.segmenter.cut(t), topicCues: nlu.data.lexicon.topics });
  return { core, rules, nlu };
}
