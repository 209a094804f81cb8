// Cross-checks over schema-valid rule books: references resolve, ids are unique, vocabulary ids exist,
// and every place name resolves to one locality only. Pure: returns the problems found.
import * as path from 'node:path';
import type { RuleBook, Vocabulary } from './types';

import type { Problem } from '../data/yaml';
import { closest, didYouMean } from '../data/suggest';

export type { Problem };

type Report = (path: string, message: string) => void;

/**
 * All cross-file and cross-reference problems of a vocabulary and its books. When two books claim the same
 * id or place, the problem is charged to the one that looks like the copy, not the original: `precedence`
 * puts first the books whose id matches their file name, then the older files (a copy is newer), then by
 * name; the books are examined in that order.
 */
export function crossCheck(vocab: Vocabulary, vocabFile: string, unordered: RuleBook[], mtimes: ReadonlyMap<string, number> = new Map()): Problem[] {
  const problems: Problem[] = [];
  const books = [...unordered].sort(precedence(mtimes));
  checkVocabulary(vocab, (p, m) => problems.push({ file: vocabFile, path: p, message: m }));
  const facilityOwner = new Map<string, string>();
  for (const book of books) {
    const report: Report = (p, m) => problems.push({ file: book.file, path: p, message: m });
    checkBook(book, vocab, report);
    book.facilities.forEach((f, i) => {
      const owner = facilityOwner.get(f.id);
      // Live status is keyed by facility id, so ids must be unique across all books.
      if (owner && owner !== book.file) report(`facilities[${i}].id`, `facility id "${f.id}" is already used in ${owner}`);
      else facilityOwner.set(f.id, book.file);
    });
  }
  checkBookIds(books, problems);
  checkPlaces(books, problems);
  const fallbacks = books.filter((b) => b.fallback);
  if (fallbacks.length > 1) {
    for (const b of fallbacks.slice(1)) {
      problems.push({ file: b.file, path: 'fallback', message: `only one fallback rule book is allowed (${fallbacks[0]?.file} is one)` });
    }
  }
  return problems;
}

const idMatchesFile = (b: RuleBook) => b.id === path.basename(b.file).replace(/\.ya?ml$/, '');

function precedence(mtimes: ReadonlyMap<string, number>): (a: RuleBook, b: RuleBook) => number {
  return (a, b) =>
    Number(idMatchesFile(b)) - Number(idMatchesFile(a)) ||
    (mtimes.get(a.file) ?? 0) - (mtimes.get(b.file) ?? 0) ||
    a.file.localeCompare(b.file);
}

function checkVocabulary(vocab: Vocabulary, report: Report): void {
  const groups = new Set(vocab.groups.map((g) => g.id));
  for (const key of ['categories', 'audiences', 'topics', 'groups'] as const) {
    duplicates(vocab[key].map((t) => t.id), (i, v) => report(`${key}[${i}].id`, `duplicate id "${v}"`));
  }
  // A synonym shared by two categories (or two audiences) would make the NLU's reading ambiguous.
  for (const key of ['categories', 'audiences'] as const) {
    const seen = new Map<string, string>();
    vocab[key].forEach((t, i) => {
      for (const [j, s] of [t.name, ...t.synonyms].entries()) {
        const other = seen.get(s);
        if (other && other !== t.id) report(`${key}[${i}]${j === 0 ? '.name' : `.synonyms[${j - 1}]`}`, `"${s}" is already a synonym of "${other}"`);
        seen.set(s, t.id);
      }
    });
  }
  vocab.audiences.forEach((a, i) =>
    a.groups.forEach((g, j) => {
      if (!groups.has(g)) report(`audiences[${i}].groups[${j}]`, `unknown group "${g}"${didYouMean(g, groups)}`);
    }),
  );
}

function checkBook(book: RuleBook, vocab: Vocabulary, report: Report): void {
  const categories = new Set(vocab.categories.map((t) => t.id));
  const audiences = new Set(vocab.audiences.map((t) => t.id));
  const topics = new Set(vocab.topics.map((t) => t.id));
  const facilities = new Set(book.facilities.map((f) => f.id));
  const contacts = new Set(book.contacts.map((c) => c.id));
  const guidance = new Set(book.guidance.map((g) => g.id));
  const own = new Set(book.audiences);
  const expectedId = path.basename(book.file).replace(/\.ya?ml$/, '');
  if (book.id !== expectedId) report('id', `id "${book.id}" must match the file name ("${expectedId}")`);

  const known = (set: Set<string>, what: string, names?: Map<string, string>) => (p: string, v: string) => {
    if (set.has(v)) return;
    // "did you mean": the closest id, or the id of the closest name (a facility written by its name)
    const byName = names && closest(v, names.keys());
    const hint = byName ? ` (did you mean "${names.get(byName)}", ${byName}?)` : didYouMean(v, set);
    report(p, `unknown ${what} "${v}"${hint}`);
  };
  const category = known(categories, 'category');
  const topic = known(topics, 'topic');
  const facility = known(facilities, 'facility', new Map(book.facilities.flatMap((f) => [f.name, ...f.aliases].map((n) => [n, f.id] as [string, string]))));
  const contact = known(contacts, 'contact');
  const audience = (p: string, v: string) => {
    if (!audiences.has(v)) report(p, `unknown audience "${v}"${didYouMean(v, audiences)}`);
    else if (!own.has(v)) report(p, `audience "${v}" is not listed in this book's audiences`);
  };

  book.audiences.forEach((a, i) => {
    if (!audiences.has(a)) report(`audiences[${i}]`, `unknown audience "${a}"${didYouMean(a, audiences)}`);
  });
  duplicates(book.audiences, (i, v) => report(`audiences[${i}]`, `duplicate audience "${v}"`));
  duplicates(book.facilities.map((f) => f.id), (i, v) => report(`facilities[${i}].id`, `duplicate id "${v}"`));
  duplicates(book.contacts.map((c) => c.id), (i, v) => report(`contacts[${i}].id`, `duplicate id "${v}"`));
  duplicates(book.guidance.map((g) => g.id), (i, v) => report(`guidance[${i}].id`, `duplicate id "${v}"`));
  duplicates(book.stats.map((s) => s.id), (i, v) => report(`stats[${i}].id`, `duplicate id "${v}"`));
  const facilityNames = new Map<string, string>();
  book.facilities.forEach((f, i) =>
    [f.name, ...f.aliases].forEach((n, j) => {
      const p = j === 0 ? `facilities[${i}].name` : `facilities[${i}].aliases[${j - 1}]`;
      const prev = facilityNames.get(n);
      if (prev) report(p, `facility name "${n}" is already used at ${prev}`);
      else facilityNames.set(n, p);
    }),
  );

  book.facilities.forEach((f, i) => {
    duplicates(f.services.map((s) => s.id), (j, v) => report(`facilities[${i}].services[${j}].id`, `duplicate id "${v}"`));
    f.services.forEach((s, j) => (s.contacts ?? []).forEach((c, k) => contact(`facilities[${i}].services[${j}].contacts[${k}]`, c)));
    if (f.experts?.count !== undefined && f.experts.count !== f.experts.specialties.length) {
      report(`facilities[${i}].experts`, `count ${f.experts.count} but ${f.experts.specialties.length} specialties listed`);
    }
  });

  const seenDesignation = new Map<string, number>();
  book.designations.forEach((d, i) => {
    const p = `designations[${i}]`;
    category(`${p}.category`, d.category);
    d.audiences.forEach((a, j) => audience(`${p}.audiences[${j}]`, a));
    d.facilities.forEach((f, j) => facility(`${p}.facilities[${j}]`, f));
    d.backups.forEach((b, j) => {
      facility(`${p}.backups[${j}].facility`, b.facility);
      if (b.order !== j + 1) report(`${p}.backups[${j}].order`, `backups must be listed in order 1, 2, 3…; found ${b.order} at position ${j + 1}`);
      if (d.facilities.includes(b.facility)) report(`${p}.backups[${j}].facility`, `"${b.facility}" is both designated and a backup`);
    });
    if (d.backups.length > 0 && !d.activation) report(`${p}.activation`, 'a designation with backups must say when they activate');
    for (const a of d.audiences.length ? d.audiences : ['*']) {
      const key = `${a}/${d.category}`;
      const before = seenDesignation.get(key);
      if (before !== undefined) report(p, `audience "${a}" × category "${d.category}" is already designated in designations[${before}]`);
      else seenDesignation.set(key, i);
    }
  });

  book.guidance.forEach((g, i) => {
    const p = `guidance[${i}]`;
    topic(`${p}.topic`, g.topic);
    g.audiences.forEach((a, j) => audience(`${p}.audiences[${j}]`, a));
    g.categories.forEach((c, j) => category(`${p}.categories[${j}]`, c));
    g.facilities.forEach((f, j) => facility(`${p}.facilities[${j}]`, f));
    g.contacts.forEach((c, j) => contact(`${p}.contacts[${j}]`, c));
  });

  book.contacts.forEach((c, i) => {
    c.topics.forEach((t, j) => topic(`contacts[${i}].topics[${j}]`, t));
    if (c.facility) facility(`contacts[${i}].facility`, c.facility);
  });
  book.stats.forEach((s, i) => {
    topic(`stats[${i}].topic`, s.topic);
    s.answers?.forEach((t, j) => topic(`stats[${i}].answers[${j}]`, t));
  });
  if (book.loadMarks) duplicates(book.loadMarks.marks.map((m) => m.id), (i, v) => report(`loadMarks.marks[${i}].id`, `duplicate id "${v}"`));
  // a number on the page that is no medical contact cannot be one of the book's contacts too
  const phones = new Set(book.contacts.flatMap((c) => c.phones.map((p) => p.number.replace(/\D/g, ''))));
  book.otherNumbers.forEach((o, i) => {
    if (phones.has(o.number.replace(/\D/g, ''))) report(`otherNumbers[${i}].number`, `"${o.number}" is also a contact's phone`);
  });
  if (book.escalation) contact('escalation', book.escalation);
  if (book.emergency && !guidance.has(book.emergency)) report('emergency', `unknown guidance "${book.emergency}"${didYouMean(book.emergency, guidance)}`);
}

function checkBookIds(books: RuleBook[], problems: Problem[]): void {
  const seen = new Map<string, string>();
  for (const b of books) {
    const other = seen.get(b.id);
    if (other) problems.push({ file: b.file, path: 'id', message: `locality id "${b.id}" is already used by ${other}` });
    else seen.set(b.id, b.file);
  }
}

/** Every name, alias and place (with its aliases) belongs to one book only; `within` names belong to none. */
function checkPlaces(books: RuleBook[], problems: Problem[]): void {
  const owner = new Map<string, { book: RuleBook; path: string }>();
  const claim = (book: RuleBook, p: string, name: string) => {
    const prev = owner.get(name);
    if (prev && prev.book !== book) {
      problems.push({ file: book.file, path: p, message: `place "${name}" already resolves to "${prev.book.id}" (${prev.book.file}: ${prev.path})` });
    } else if (prev) {
      problems.push({ file: book.file, path: p, message: `place "${name}" is listed twice (also at ${prev.path})` });
    } else owner.set(name, { book, path: p });
  };
  for (const b of books) {
    claim(b, 'name', b.name);
    b.aliases.forEach((a, i) => claim(b, `aliases[${i}]`, a));
    b.places.forEach((pl, i) => {
      claim(b, `places[${i}].name`, pl.name);
      pl.aliases.forEach((a, j) => claim(b, `places[${i}].aliases[${j}]`, a));
    });
  }
  for (const b of books) {
    (b.within ?? []).forEach((w, i) => {
      const o = owner.get(w);
      if (o) problems.push({ file: b.file, path: `within[${i}]`, message: `"${w}" is a place of "${o.book.id}"; a containing area cannot also be a place` });
    });
  }
}

function duplicates(values: string[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) report(i, v);
    seen.add(v);
  });
}
