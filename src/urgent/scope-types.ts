// What scope says of a mention, and which readings a concept is never given (concepts.yml `in_force`).
import type { Mention } from './mentions';

export interface Scope {
  negated: boolean;
  resolved: boolean;
  past: boolean;
  history: boolean;
  hypothetical: boolean;
  knowledge: boolean;
  figurative: boolean;
  reported: boolean;
  /** Reported because it is an animal's (or a bot's): set only then. A message whose every mention is one says nothing
   * of a person, and the scorer is not asked. */
  animal?: boolean;
}

export const SCOPE_KEYS = ['negated', 'resolved', 'past', 'history', 'hypothetical', 'knowledge', 'figurative', 'reported'] as const;

export const inScope = (s: Scope): boolean => !SCOPE_KEYS.some((k) => s[k]);

export interface ScopeReader {
  /** Scope of every mention, in the same order. */
  read(text: string, mentions: readonly Mention[]): Scope[];
  /** Whether the mention's clause says it is happening now (脑梗了, 突然, 怀疑). */
  isNow(text: string, m: Mention): boolean;
  /** Whether the message asks what to do if something past comes back (如果再发生，应该怎么办). */
  recurs(text: string): boolean;
  /** Someone's case said to be in a hospital's hands (救护车拉走了: `handled`), anywhere in the message. */
  inCare(text: string): boolean;
  /** Per character of the lower-cased text: 1 when its clause carries a scope cue (a negation, a past
   * time, a hypothetical, a question about knowledge, a figure of speech…), for the scorer's features. */
  marks(text: string): Uint8Array;
}

/** Concepts a scope reading never applies to (concepts.yml `in_force`), by reading. */
export interface InForce {
  past: ReadonlySet<string>;
  resolved: ReadonlySet<string>;
  figurative: ReadonlySet<string>;
  /** Said to someone (a goodbye): 你 before it is no remark about the bot. */
  addressed: ReadonlySet<string>;
  /** Kept for a while (安眠药攒了好几个月了): a duration after it is how long, not a diagnosis of the past. */
  history: ReadonlySet<string>;
  /** Asked by its nature (跳下去会不会很痛): its question is neither knowledge sought nor a supposition. */
  asked: ReadonlySet<string>;
  /** A plan a joke word takes nothing back from (走进去就不出来了…哈哈 开玩笑哩): figurative by no joke. */
  joked: ReadonlySet<string>;
  /** Signs of a class whose lasting counts (classes.yml `lasting_counts`): a span of months before them is no history. */
  lasting?: ReadonlySet<string>;
}
export const NONE_IN_FORCE: InForce = { past: new Set(), resolved: new Set(), figurative: new Set(), addressed: new Set(), history: new Set(), asked: new Set(), joked: new Set() };

