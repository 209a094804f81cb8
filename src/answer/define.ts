// "晋江的特定对象包括哪些人", "Who counts as special groups?": a group of audiences the message names, asked what it
// means (answers.yml `defineCues`) — the audiences of the group that the rule book names. Pure.
import type { AnswerInput, AnswerResult } from './answer';
import { say, type Line } from './plan';
import { lowerCase } from './domain';
import { cueScan } from '../data/cue-scan';

export function defineGroup(a: AnswerInput): AnswerResult | undefined {
  const text = a.text.toLowerCase();
  if (!cueScan(lowerCase(a.domain.defineCues)).any(text)) return undefined;
  const v = a.rules.vocabulary;
  const lines: Line[] = [];
  for (const g of v.groups.filter((x) => a.slots.audiences?.includes(x.id))) {
    const members = v.audiences.filter((x) => x.groups.includes(g.id) && a.book.audiences.includes(x.id)).map((x) => x.name);
    if (members.length) lines.push(say('group_members', { group: g.name, members }));
  }
  return lines.length ? { kind: 'answer', lines, session: a.session, found: true } : undefined;
}
