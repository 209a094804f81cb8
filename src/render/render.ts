// Rendering a reply plan: locale templates in the user's language, the notice's facts as they stand,
// numbered steps, a citation line per rule book, then the user's script (traditional input gets a
// traditional reply).
import type { Line, Plan } from '../answer/plan';
import type { Reply } from '../core/types';
import { citation } from '../rules/query';
import { format, type Locales, type Messages } from './locale';

export interface RenderOptions {
  locales: Locales;
  lang: 'zh' | 'en';
  script: 'simplified' | 'traditional';
  /** A family doctor or hotline operator: a compact answer to forward as it is. */
  compact: boolean;
  /** Simplified → traditional (OpenCC), loaded once by the caller. */
  toTraditional: (text: string) => string;
  /** The vocabulary's names in English (儿童 → children), for values a template shows in an English reply. */
  names?: ReadonlyMap<string, string>;
}


/** A vocabulary name as the reply shows it (its English name in an English reply). */
const shownName = (x: string, names?: ReadonlyMap<string, string>): string => names?.get(x) ?? x;

function lineText(line: Line, messages: Messages, names?: ReadonlyMap<string, string>): string {
  if ('fact' in line) return line.fact;
  if ('steps' in line) {
    const body = line.steps.length > 1 ? line.steps.map((s, i) => `${i + 1}. ${s}`).join('\n') : (line.steps[0] ?? '');
    return line.title && line.steps.length > 1 ? `${line.title}：\n${body}` : body;
  }
  const sep = messages.list_sep ?? '、';
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(line.vars ?? {}))
    vars[k] = Array.isArray(v)
      ? v.map((x) => (typeof x === 'string' ? shownName(x, names) : lineText(x as Line, messages, names))).join(sep)
      : typeof v === 'string' ? shownName(v, names) : (v as number);
  return format(messages, line.key, vars);
}

export function render(p: Plan, o: RenderOptions): Reply {
  const messages = o.locales[o.lang];
  const names = o.lang === 'en' ? o.names : undefined;
  const body = p.lines.map((l) => lineText(l, messages, names)).filter(Boolean);
  const cite = p.cite.map((b) => format(messages, 'citation', { source: citation(b).text }));
  const head = o.compact && p.locality && p.cite[0] ? [format(messages, 'compact_head', { locality: p.cite[0].name })] : [];
  // An urgent reply's first part is the emergency instruction alone, so that it is sent first.
  const split = p.firstPart ? p.lines.slice(0, p.firstPart).map((l) => lineText(l, messages, names)).filter(Boolean).length : 0;
  const parts = (split > 0 ? [body.slice(0, split), [...head, ...body.slice(split), ...cite]] : [[...head, ...body, ...cite]])
    .map((lines) => lines.join('\n'))
    .filter(Boolean);
  const script = o.script === 'traditional' && o.lang === 'zh' ? 'traditional' : 'simplified';
  const convert = script === 'traditional' ? o.toTraditional : (t: string) => t;
  return {
    parts: parts.map(convert),
    urgent: p.urgent,
    handoff: p.handoff,
    ask: p.ask,
    quickReplies: o.compact && !p.ask ? [] : p.quickReplies.map((q) => ({ label: convert(q.label), value: q.value })),
    handoffReason: p.handoffReason,
    locality: p.locality,
    intent: p.intent,
    sources: p.cite.map((b) => b.id),
    ...(p.review ? { review: p.review } : {}),
    script,
    lang: o.lang,
  };
}
