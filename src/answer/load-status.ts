// Clinic load marks (Longkou's blue / yellow / red / ×) and today's marks from the live status.
import type { LiveStatus, RuleBook } from '../rules/types';
import { say, type Line } from './plan';
import type { AnswerInput, AnswerResult } from './answer';
import { escapeRegExp } from '../data/regex';
import { dedupe } from './topics';

/**
 * Marks the text names: by their full names (蓝色, 标红), and by single characters only where they are listed
 * together (蓝、黄、红; 红码 is a health code, not a mark). Two or more named: all of them are meant.
 */
function namedMarks(book: RuleBook, marks: readonly string[], text: string): readonly string[] {
  const all = book.loadMarks?.marks ?? [];
  const single = new Map<string, string>();
  for (const m of all) for (const s of m.synonyms) if (s.length === 1 && /[\u3400-\u9fff×]/.test(s)) single.set(s, m.id);
  const chars = [...single.keys()].map(escapeRegExp).join('');
  const listed = chars ? [...text.matchAll(new RegExp(`[${chars}](?:[、，,/和与及或]?[${chars}])+`, 'gu'))].flatMap((m) => [...m[0]].map((c) => single.get(c))) : [];
  const full = all.filter((m) => m.synonyms.some((s) => s.length >= 2 && text.includes(s))).map((m) => m.id);
  const named = new Set([...full, ...listed.filter((x): x is string => !!x)]);
  return named.size >= 2 ? [...new Set([...marks, ...named])] : marks;
}

export function loadStatusAnswer(book: RuleBook, said: readonly string[], status: LiveStatus, text = ''): Line[] {
  const marks = namedMarks(book, said, text);
  const lines: Line[] = [];
  for (const f of book.facilities) {
    const load = status.facilities[f.id]?.load;
    const mark = load && book.loadMarks?.marks.find((m) => m.id === load);
    if (mark) lines.push(say('load_status_now', { facility: f.name, load: `${mark.name}（${mark.meaning}）` }));
  }
  if (!book.loadMarks) return lines;
  // "蓝、黄、红分别是什么意思": every mark when several are asked about together
  const asked = marks.length === 1 ? book.loadMarks.marks.filter((m) => marks.includes(m.id)) : [];
  if (!asked.length) lines.push(say('load_marks_head', { area: book.loadMarks.area }));
  for (const m of asked.length ? asked : book.loadMarks.marks) lines.push(say('load_mark', { mark: m.name, meaning: m.meaning }));
  return lines;
}

/** An answer with the meaning of a load mark the message asks about beside it (孩子发烧…牌子上画个黄的 是么意思), once;
 * every mark's when it asks how busy the clinics are. */
export function withLoadMarks(a: AnswerInput, r: AnswerResult): AnswerResult {
  // (or how busy the clinics are, no mark named: which clinic is quiet — every mark, and today's where known)
  if (r.kind !== 'answer' || (!a.slots.loadMarks.length && !a.slots.topics.includes('load_mark'))) return r;
  const marks = loadStatusAnswer(a.book, a.slots.loadMarks, a.status, a.text);
  return marks.length ? { ...r, lines: dedupe([...r.lines, ...marks]), found: true } : r;
}
