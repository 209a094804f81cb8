// The draft written as YAML with its evidence as comments: above each value, the line of the notice and
// the sentence it was read from; `# REVIEW:` where the drafter is unsure; the numbers left out in the
// header. Written with `yaml` (eemeli/yaml), which keeps comments on nodes; js-yaml cannot write them.
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DraftBook } from './book';
import type { Evidence, LeftOut, Review } from './evidence';

const WIDTH = 90;

/** The sentence shortened around the value when it is long. */
export function excerpt(e: Pick<Evidence, 'sentence' | 'value'>): string {
  const s = e.sentence.replace(/\s+/g, ' ');
  if (s.length <= WIDTH) return s;
  const at = Math.max(0, s.indexOf(e.value.slice(0, 12)));
  const from = Math.max(0, Math.min(at - 30, s.length - WIDTH));
  return `${from > 0 ? '…' : ''}${s.slice(from, from + WIDTH)}${from + WIDTH < s.length ? '…' : ''}`;
}

function parsePath(p: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /([a-zA-Z_]+)|\[(\d+)\]/g;
  let last = 0;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    if (p.slice(last, m.index).replace(/\./g, '')) return undefined;
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
    last = m.index + m[0].length;
  }
  return last === p.length ? out : undefined;
}

/** Puts comment lines before the node at `path` (before its key in a map, before its item in a list). */
function annotate(doc: Document, path: (string | number)[], lines: string[]): boolean {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined;
  const text = lines.map((l) => ` ${l}`).join('\n');
  const add = (node: { commentBefore?: string | null }) => {
    node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${text}` : text;
  };
  if (typeof last === 'number' && isSeq(parent)) {
    const item = (parent as YAMLSeq).items[last] as Node | undefined;
    if (!item) return false;
    add(item as { commentBefore?: string | null });
    return true;
  }
  if (typeof last === 'string' && isMap(parent)) {
    const map = parent as YAMLMap;
    const i = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === last);
    if (i < 0) return false;
    // the first key of a map inside a list: the comment goes before the list item
    if (i === 0 && parentPath.length && typeof parentPath[parentPath.length - 1] === 'number') {
      add(map as { commentBefore?: string | null });
      return true;
    }
    add((map.items[i] as Pair<Node, Node>).key as { commentBefore?: string | null });
    return true;
  }
  return false;
}

/** The book as written: empty optional lists left out, as in the hand-made books (the schema defaults them to []). */
function written(book: DraftBook): object {
  const drop = <T extends object>(o: T, keys: string[]): T =>
    Object.fromEntries(Object.entries(o).filter(([k, v]) => !(keys.includes(k) && Array.isArray(v) && v.length === 0))) as T;
  return {
    ...book,
    facilities: book.facilities.map((f) => drop(f, ['phones', 'departments', 'hours', 'services', 'insurance', 'notes'])),
    designations: book.designations.map((d) => drop(d, ['backups'])),
    guidance: book.guidance.map((g) => drop(g, ['audiences', 'categories', 'facilities', 'contacts'])),
  };
}

export function writeYaml(book: DraftBook, evidence: Evidence[], review: Review[], leftOut: LeftOut[], from: string): string {
  const doc = new Document(written(book));
  // short lists of ids on one line, phones as {number, label}
  const flow = (path: (string | number)[]) => {
    const n = doc.getIn(path, true);
    if (isSeq(n) || isMap(n)) n.flow = true;
  };
  flow(['aliases']);
  if (book.within) flow(['within']);
  flow(['audiences']);
  book.places.forEach((_, i) => flow(['places', i]));
  book.facilities.forEach((f, i) => {
    flow(['facilities', i, 'aliases']);
    f.phones.forEach((_, j) => flow(['facilities', i, 'phones', j]));
    if (f.departments.length) flow(['facilities', i, 'departments']);
  });
  book.designations.forEach((d, i) => {
    flow(['designations', i, 'audiences']);
    flow(['designations', i, 'facilities']);
    d.backups.forEach((_, j) => flow(['designations', i, 'backups', j]));
  });
  book.guidance.forEach((g, i) => (['audiences', 'categories', 'facilities', 'contacts'] as const).forEach((k) => g[k].length && flow(['guidance', i, k])));
  book.contacts.forEach((c, i) => {
    flow(['contacts', i, 'topics']);
    c.phones.forEach((_, j) => flow(['contacts', i, 'phones', j]));
  });
  for (const key of ['date', 'published'] as const) {
    const n = doc.getIn(['source', key], true);
    if (isScalar(n)) n.type = 'QUOTE_SINGLE';
  }

  const unplaced: string[] = [];
  const notes = new Map<string, string[]>();
  const same = (a: string, b: string) => a.replace(/[\s\p{P}]/gu, '') === b.replace(/[\s\p{P}]/gu, '');
  for (const e of evidence) (notes.get(e.path) ?? notes.set(e.path, []).get(e.path)!).push(`L${e.line}: ${same(e.value, e.sentence) ? '(as printed)' : excerpt(e)}`);
  for (const r of review) (notes.get(r.path) ?? notes.set(r.path, []).get(r.path)!).push(`REVIEW: ${r.reason}`);
  for (const [p, lines] of notes) {
    const path = parsePath(p);
    if (!path || !annotate(doc, path, lines)) unplaced.push(...lines.map((l) => `${p}: ${l}`));
  }

  const header = [
    ` DRAFT rule book, drafted from ${from} by \`jiuyi rules draft\`: not reviewed yet.`,
    ' Above each value: the line of the notice (L…) and the sentence it was read from; the side file',
    ' <file>.evidence.json has the same with character offsets. "REVIEW:" marks what the drafter was unsure of.',
    ' Check every value against the notice, fix what is wrong, then `npm run -s jiuyi -- rules validate`.',
    ` ${review.length} value${review.length === 1 ? '' : 's'} to review; ${leftOut.length} number${leftOut.length === 1 ? '' : 's'} left out.`,
  ];
  if (leftOut.length) {
    header.push('', ' Numbers left out (not contacts of the notice):');
    for (const l of leftOut) header.push(`   ${l.number} (L${l.line}): ${l.reason}`);
  }
  if (unplaced.length) header.push('', ...unplaced.map((u) => ` ${u}`));
  doc.commentBefore = header.join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
