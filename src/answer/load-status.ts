// Clinic load marks (Longkou's blue / yellow / red / ×) and today's marks from the live status.
import type { LiveStatus, RuleBook } from '../rules/types';
import { say, type Line } from './plan';

export function loadStatusAnswer(book: RuleBook, marks: readonly string[], status: LiveStatus): Line[] {
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
