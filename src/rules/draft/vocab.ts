// The bot's vocabulary (rules/vocabulary.yml: categories, audiences, audience groups, topics with their
// synonyms) matched in the notice, leftmost-longest within each kind. Notices write two statuses at once
// as 封(管)控区 (封控区 and 管控区): both readings are matched.
import type { Vocabulary } from '../types';
import { nfkc } from './text';

export type TermKind = 'category' | 'audience' | 'group' | 'topic';

export interface TermHit {
  kind: TermKind;
  id: string;
  /** Index range in the searched string. */
  start: number;
  end: number;
  surface: string;
}

export interface VocabMatcher {
  vocabulary: Vocabulary;
  find(norm: string, kinds?: TermKind[]): TermHit[];
  /** Audience ids of a group (特定对象 → its members). */
  members(group: string): string[];
  name(kind: TermKind, id: string): string;
}

/** Synonyms too loose to read a formal notice by (one character; words that are mostly something else). */
const TOO_LOOSE = new Set(['癌', '娃', '生产', '隔离', '阳性', '线上', '在家', '居家', '附近', '护理', '手术', '电话', '住院', '入院', '晚上', '有没有', '在哪', '大夫', '防护', '标识', '标了']);

export function vocabMatcher(vocabulary: Vocabulary): VocabMatcher {
  const table = new Map<string, { kind: TermKind; id: string }[]>();
  const add = (kind: TermKind, id: string, surface: string) => {
    const s = nfkc(surface).trim();
    if (s.length < 2 || TOO_LOOSE.has(s)) return;
    const list = table.get(s) ?? [];
    if (!list.some((e) => e.kind === kind && e.id === id)) list.push({ kind, id });
    table.set(s, list);
  };
  for (const t of vocabulary.categories) [t.name, ...t.synonyms].forEach((s) => add('category', t.id, s));
  for (const t of vocabulary.audiences) [t.name, ...t.synonyms].forEach((s) => add('audience', t.id, s));
  for (const t of vocabulary.groups) [t.name, ...t.synonyms].forEach((s) => add('group', t.id, s));
  for (const t of vocabulary.topics) [t.name, ...t.synonyms].forEach((s) => add('topic', t.id, s));
  const maxLen = Math.max(...[...table.keys()].map((k) => k.length));

  function scan(norm: string, kinds: Set<TermKind>): TermHit[] {
    const hits: TermHit[] = [];
    const taken = new Map<TermKind, number>();
    for (let i = 0; i < norm.length; i++) {
      for (let len = Math.min(maxLen, norm.length - i); len >= 2; len--) {
        const s = norm.slice(i, i + len);
        const entries = table.get(s);
        if (!entries) continue;
        for (const e of entries) {
          if (!kinds.has(e.kind) || (taken.get(e.kind) ?? 0) > i) continue;
          hits.push({ kind: e.kind, id: e.id, start: i, end: i + len, surface: s });
          taken.set(e.kind, i + len);
        }
      }
    }
    return hits;
  }

  return {
    vocabulary,
    find(norm, kinds = ['category', 'audience', 'group', 'topic']) {
      const want = new Set(kinds);
      const hits = scan(norm, want);
      // 封(管)控区: read 封控区 and 管控区 at the span of the whole notation
      const ALT = /([\u4e00-\u9fa5])[(（]([\u4e00-\u9fa5])[)）]([\u4e00-\u9fa5]{1,3})/g;
      for (let m = ALT.exec(norm); m; m = ALT.exec(norm)) {
        const [whole, a, b, c] = m as unknown as [string, string, string, string];
        for (const reading of [a + c, b + c]) {
          for (const h of scan(reading, want)) {
            if (h.start === 0 && !hits.some((x) => x.kind === h.kind && x.id === h.id && x.start === m!.index)) {
              hits.push({ ...h, start: m.index, end: m.index + whole.length, surface: whole });
            }
          }
        }
      }
      return hits.sort((x, y) => x.start - y.start);
    },
    members(group) {
      return vocabulary.audiences.filter((a) => a.groups.includes(group)).map((a) => a.id);
    },
    name(kind, id) {
      const list = kind === 'category' ? vocabulary.categories : kind === 'audience' ? vocabulary.audiences : kind === 'group' ? vocabulary.groups : vocabulary.topics;
      return list.find((t) => t.id === id)?.name ?? id;
    },
  };
}
