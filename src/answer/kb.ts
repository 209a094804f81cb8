// Canned answers for hotline staff: every question a rule book answers, rendered by the same answer
// functions and renderer as the bot's replies, indexed by keywords, so the bot and the hotline never
// disagree.
import type { CannedAnswer } from '../core/types';
import type { Nlu } from '../nlu/types';
import type { Locales } from '../render/locale';
import { render } from '../render/render';
import type { LiveStatus, RuleBook, RuleSet } from '../rules/types';
import { contactAnswer } from './contacts';
import { designationAnswer } from './designation';
import type { Domain } from './domain';
import { loadStatusAnswer } from './load-status';
import { plan, type Line } from './plan';
import { topicLines } from './topics';

interface Entry {
  locality: string;
  title: string;
  keywords: string[];
  lines(status: LiveStatus): Line[];
}

interface KbDeps {
  rules: RuleSet;
  nlu: Nlu;
  locales: Locales;
  domain: Domain;
  toTraditional: (t: string) => string;
}

const FACILITY_TOPICS = ['address', 'hours', 'departments', 'experts', 'insurance'];

function entriesOf(book: RuleBook, d: KbDeps): Entry[] {
  const v = d.rules.vocabulary;
  const place = [book.name, ...book.aliases, ...book.places.flatMap((p) => [p.name, ...p.aliases])];
  const term = (list: { id: string; name: string; synonyms: string[] }[], id: string) => list.find((t) => t.id === id);
  const out: Entry[] = [];
  const base = { text: '', departments: d.domain.departments };
  for (const category of [...new Set(book.designations.map((x) => x.category))]) {
    const c = term(v.categories, category);
    const audiences = [...new Set(book.designations.filter((x) => x.category === category).flatMap((x) => x.audiences))];
    const query = (audience?: string) => ({
      categories: [category], audience, status: { facilities: {} }, assumedFull: [], vocabulary: v,
      categoryTopics: {}, fallbackTopics: [], topicQuery: base,
    });
    const whole = designationAnswer(book, query());
    const variants = whole.kind === 'answer' ? [undefined] : audiences;
    for (const audience of variants) {
      const a = audience ? term(v.audiences, audience) : undefined;
      out.push({
        locality: book.id,
        title: `${book.name} · ${a ? `${a.name} · ` : ''}${c?.name ?? category} · 定点医院`,
        keywords: [...place, ...(c ? [c.name, ...c.synonyms] : []), ...(a ? [a.name, ...a.synonyms] : []), '定点医院', '后备医院'],
        lines: (status) => {
          const r = designationAnswer(book, { ...query(audience), status });
          return r.kind === 'answer' ? r.lines : [];
        },
      });
    }
  }
  const topics = new Set([
    ...book.guidance.map((g) => g.topic),
    ...book.stats.map((s) => s.topic),
    ...book.facilities.flatMap((f) => f.services.map((s) => s.id)),
    ...FACILITY_TOPICS,
  ]);
  for (const topic of topics) {
    const t = term(v.topics, topic);
    if (!topicLines(book, { ...base, topics: [topic] }).length) continue;
    out.push({
      locality: book.id,
      title: `${book.name} · ${t?.name ?? topic}`,
      keywords: [...place, ...(t ? [t.name, ...t.synonyms] : []), ...book.facilities.filter((f) => !f.generic).flatMap((f) => [f.name, ...f.aliases])],
      lines: () => topicLines(book, { ...base, topics: [topic] }),
    });
  }
  out.push({
    locality: book.id,
    title: `${book.name} · 联系电话`,
    keywords: [...place, '电话', '热线', '咨询电话', '联系方式', ...book.contacts.flatMap((c) => [c.name, c.role ?? ''])].filter(Boolean),
    lines: () => contactAnswer(book, { text: '', channels: [], knownNumbers: new Set() }).lines,
  });
  if (book.loadMarks)
    out.push({
      locality: book.id,
      title: `${book.name} · 接诊量标识`,
      keywords: [...place, book.loadMarks.area, ...book.loadMarks.marks.flatMap((m) => [m.name, ...m.synonyms]), '标识', '颜色'],
      lines: (status) => loadStatusAnswer(book, [], status),
    });
  return out;
}

/** Builds the index once; the returned function answers a keyword query against the live status. */
export function buildKb(d: KbDeps): (query: string, status: LiveStatus) => CannedAnswer[] {
  const entries = d.rules.books.flatMap((b) => entriesOf(b, d));
  return (query, status) => {
    const terms = query
      .split(/\s+/)
      .map((t) => d.nlu.analyse(t).normalised.trim())
      .filter((t) => t.length > 0);
    if (!terms.length) return [];
    const scored = entries
      .map((e) => ({ e, score: terms.filter((t) => e.keywords.some((k) => k.includes(t) || (k.length >= 2 && t.includes(k)))).length }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.e.keywords.length - b.e.keywords.length);
    const top = scored.length && scored[0] ? scored.filter((x) => x.score === scored[0]?.score).slice(0, 10) : [];
    return top.map(({ e }) => {
      const book = d.rules.byId.get(e.locality) as RuleBook;
      const reply = render(plan('kb', e.lines(status), { locality: book.id, cite: [book] }), {
        locales: d.locales, lang: 'zh', script: 'simplified', compact: true, toTraditional: d.toTraditional,
      });
      return { locality: e.locality, title: e.title, text: reply.parts.join('\n'), keywords: e.keywords };
    });
  };
}
