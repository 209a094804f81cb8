// Coverage of the rule books' facts: for every fact unit, a question built from the fact's own words — the
// two or three words of it that the rest of its book least uses, in a question frame — is put to the whole
// core in a conversation that names the locality; the fact is covered when the reply states it (a passage of
// it, or its phone number) and cites the notice. In Chinese for every fact, and in English for those whose
// words the English glossary can say. Pure given the core and the rules.
import type { Core } from '../core/types';
import { newSession, type Session } from '../core/types';
import { citation } from '../rules/query';
import { EMPTY_STATUS, type RuleSet } from '../rules/types';
import { buildFactIndex, wordsOf, type Tokenize } from './retrieve';
import type { FactUnit } from './facts';

export interface CoverageCase {
  book: string;
  unit: string;
  lang: 'zh' | 'en';
  question: string;
  /** What the reply must say for the fact to count as answered. */
  expect: string;
  covered: boolean;
  cited: boolean;
}

export interface CoverageReport {
  cases: CoverageCase[];
  zh: { covered: number; total: number };
  en: { covered: number; total: number };
}

const FRAMES_ZH = ['{w}是怎么规定的？', '请问{w}有什么说法？', '关于{w}，通告怎么说？', '{w}的情况能说说吗？'];
const FRAMES_EN = ['What does the notice say about {w}?', 'Can you tell me about {w}?'];

/** The passage a reply must carry: a phone number, else the start of the fact's first sentence. */
function passage(u: FactUnit): string {
  const phone = /\d{7,}|\d{3,4}-\d{7,8}/.exec(u.text)?.[0];
  if (phone) return phone;
  const first = (u.sentences.find((s) => s && s.length >= 4) ?? u.text).replace(/^[“"「]/, '');
  return first.slice(0, Math.min(10, first.length));
}

/** The fact's most particular words: those of its text fewest other facts of the book have — not the words
 * of who asks (封控区, 密接), which say which designation, not which fact; its title's when it has no other. */
function salient(u: FactUnit, units: readonly FactUnit[], tokenize: Tokenize, n: number, asker: ReadonlySet<string>): string[] {
  const spread = (w: string): number => units.filter((x) => x.text.includes(w)).length;
  const pick = (text: string): string[] =>
    [...new Set(wordsOf(text, tokenize))].filter((w) => !/^\d+$/.test(w) && ![...asker].some((a) => a.includes(w) || w.includes(a))).sort((a, b) => spread(a) - spread(b) || b.length - a.length);
  const own = pick(u.text);
  return (own.length ? own : pick(u.keys)).slice(0, n);
}

export function coverage(core: Core, rules: RuleSet, tokenize: Tokenize, english: ReadonlyMap<string, string>, cues: Readonly<Record<string, readonly string[]>> = {}): CoverageReport {
  const cases: CoverageCase[] = [];
  const asker = new Set([...rules.vocabulary.audiences, ...rules.vocabulary.groups].flatMap((a) => [a.name, ...a.synonyms]).filter((w) => w.length >= 2));
  let k = 0;
  for (const book of rules.books) {
    const index = buildFactIndex(book, rules.vocabulary, tokenize, cues);
    const cite = citation(book).text;
    for (const u of index.units) {
      if (u.kind === 'source') continue;
      const words = salient(u, index.units, tokenize, 3, asker);
      if (!words.length) continue;
      const expect = passage(u);
      const zh = (FRAMES_ZH[k++ % FRAMES_ZH.length] as string).replace('{w}', words.join(''));
      cases.push(ask(core, book.fallback ? `农村方案里，${zh}` : `我在${book.name}。${zh}`, book.id, u.id, 'zh', expect, cite));
      // in English: the fact's words the glossary can say, the most particular first
      const spread = (w: string): number => index.units.filter((x) => x.text.includes(w)).length;
      const en = [...english.keys()]
        .filter((zh) => zh.length >= 2 && u.text.includes(zh) && !asker.has(zh))
        .sort((a, b) => spread(a) - spread(b))
        .slice(0, 2)
        .map((zh) => english.get(zh) as string);
      if (en.length && spread([...english.keys()].find((zh) => english.get(zh) === en[0]) ?? '') <= 3) {
        const q = (FRAMES_EN[k % FRAMES_EN.length] as string).replace('{w}', en.join(' and '));
        cases.push(ask(core, book.fallback ? `In the rural plan: ${q}` : `I'm in ${book.name}. ${q}`, book.id, u.id, 'en', expect, cite));
      }
    }
  }
  const tally = (lang: 'zh' | 'en') => ({ covered: cases.filter((c) => c.lang === lang && c.covered && c.cited).length, total: cases.filter((c) => c.lang === lang).length });
  return { cases, zh: tally('zh'), en: tally('en') };
}

function ask(core: Core, question: string, book: string, unit: string, lang: 'zh' | 'en', expect: string, cite: string): CoverageCase {
  const session: Session = newSession();
  const r = core.turn({ channel: 'cli', messageId: 'coverage', user: 'coverage', chat: 'coverage', kind: 'text', text: question, sentAt: 0 }, session, { status: EMPTY_STATUS, now: 0 });
  const text = r.reply?.parts.join('\n') ?? '';
  const squash = (s: string): string => s.replace(/[\s\-—]/g, '');
  return { book, unit, lang, question, expect, covered: squash(text).includes(squash(expect)), cited: text.includes(cite.slice(0, 8)) };
}
