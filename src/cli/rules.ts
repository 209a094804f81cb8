// `rules validate [DIR]` and `rules show <locality> [DIR]`.
import { loadRuleSet, RuleBookError } from '../rules/load';
import { citation, chineseDate } from '../rules/query';
import type { RuleBook, RuleSet } from '../rules/types';

const USAGE =
  'usage: rules validate [DIR] | rules show <locality> [DIR] | rules reload [--url URL] | rules draft NOTICE.txt [--id ID] [-o FILE] | rules draft-eval [--seeds DIR] | rules coverage [--misses]';

/** Runs the `rules` command; returns the exit code. */
export async function run(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validate(rest[0] ?? 'rules', out, err);
  if (sub === 'show' && rest[0]) return show(rest[0], rest[1] ?? 'rules', out, err);
  if (sub === 'draft') return (await import('./rules-draft')).draft(rest, out, err);
  if (sub === 'draft-eval') return (await import('./rules-draft')).draftEval(rest, out, err);
  if (sub === 'coverage') return (await import('./rules-coverage')).run(rest, out);
  if (sub === 'reload') return reload(rest, out, err);
  err(`${USAGE}\n`);
  return 2;
}

/** What `rules validate` prints about an invalid rules directory (the service prints the same at start). */
export function ruleBookReport(e: RuleBookError, dir: string): string {
  return `${e.message}\n${e.problems.length} problem${e.problems.length === 1 ? '' : 's'} in ${dir}\n`;
}

function load(dir: string, err: (s: string) => void): RuleSet | undefined {
  try {
    return loadRuleSet(dir);
  } catch (e) {
    if (!(e instanceof RuleBookError)) throw e;
    err(ruleBookReport(e, dir));
    return undefined;
  }
}

/** `rules reload [--url URL]`: asks the running service to reload its rule books (POST /api/v1/admin/reload
 * with JIUYI_ADMIN_TOKEN from the environment or .env; the URL defaults to this machine's PORT). */
async function reload(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { loadConfig } = await import('../config');
  let token = process.env.JIUYI_ADMIN_TOKEN;
  let port = process.env.PORT || '8080';
  try {
    const c = loadConfig();
    token = c.adminToken;
    port = String(c.port || 8080);
  } catch {
    // an incomplete environment: what is set above will do
  }
  const i = args.indexOf('--url');
  const url = (i >= 0 ? args[i + 1] : undefined) ?? `http://127.0.0.1:${port}`;
  if (!token) {
    err('rules reload: set JIUYI_ADMIN_TOKEN (the service\'s) to reload\n');
    return 2;
  }
  let res: Response;
  try {
    res = await fetch(`${url.replace(/\/$/, '')}/api/v1/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch (e) {
    err(`rules reload: no service at ${url} (${(e as Error).message})\n`);
    return 2;
  }
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; unchanged?: boolean; localities?: number; ms?: number; error?: { message?: string; detail?: string } };
  if (res.ok && body.ok) {
    out(body.unchanged ? `${url}: the rule books are unchanged\n` : `${url}: rule books reloaded, ${body.localities} localities, in ${body.ms} ms\n`);
    return 0;
  }
  err(`${url}: ${body.error?.message ?? res.statusText}\n${body.error?.detail ? `${body.error.detail}\n` : ''}`);
  return 1;
}

function validate(dir: string, out: (s: string) => void, err: (s: string) => void): number {
  const set = load(dir, err);
  if (!set) return 1;
  const v = set.vocabulary;
  const lines = [`${dir}: ok, ${set.books.length} rule books; vocabulary: ${v.categories.length} categories, ${v.audiences.length} audiences, ${v.topics.length} topics`];
  for (const b of set.books) {
    lines.push(
      `  ${b.id.padEnd(9)} ${b.name}${b.fallback ? ' (fallback)' : ''}: ${b.facilities.length} facilities, ${b.designations.length} designations, ` +
        `${b.guidance.length} guidance, ${b.contacts.length} contacts, ${b.places.length} places`,
    );
  }
  out(`${lines.join('\n')}\n`);
  return 0;
}

function show(locality: string, dir: string, out: (s: string) => void, err: (s: string) => void): number {
  const set = load(dir, err);
  if (!set) return 1;
  const book = set.byId.get(locality) ?? set.books.find((b) => b.name === locality || b.aliases.includes(locality));
  if (!book) {
    err(`unknown locality "${locality}"; known: ${set.books.map((b) => b.id).join(', ')}\n`);
    return 1;
  }
  out(`${describe(book, set).join('\n')}\n`);
  return 0;
}

/** A readable dump of one rule book, in the notice's order. */
export function describe(book: RuleBook, set: RuleSet): string[] {
  const name = (kind: 'categories' | 'audiences' | 'topics', id: string) => set.vocabulary[kind].find((t) => t.id === id)?.name ?? id;
  const fac = (id: string) => book.facilities.find((f) => f.id === id)?.name ?? id;
  const L: string[] = [];
  L.push(`${book.name} (${book.id}, ${book.kind}${book.fallback ? ', fallback' : ''})${book.parent ? ` — ${book.parent}` : ''}`);
  if (book.aliases.length) L.push(`  aliases: ${book.aliases.join('、')}`);
  if (book.within?.length) L.push(`  within (not covered as a whole): ${book.within.join('、')}`);
  L.push(`  source: ${citation(book).text}`);
  if (book.places.length) L.push(`  places: ${book.places.map((p) => p.name).join('、')}`);
  if (book.audiences.length) L.push(`  audiences: ${book.audiences.map((a) => name('audiences', a)).join('、')}`);
  L.push('', 'Facilities');
  for (const f of book.facilities) {
    L.push(`  ${f.name}${f.generic ? ' (generic)' : ''} [${f.id}]`);
    if (f.address) L.push(`    address: ${f.address}`);
    if (f.phones.length) L.push(`    phones: ${f.phones.map((p) => (p.label ? `${p.label} ${p.number}` : p.number)).join('；')}`);
    if (f.departments.length) L.push(`    departments: ${f.departments.join('、')}`);
    if (f.experts) L.push(`    experts${f.experts.count ? ` (${f.experts.count})` : ''}: ${f.experts.specialties.join('、')}`);
    for (const h of f.hours) L.push(`    hours: ${h.text}`);
    for (const s of f.services) L.push(`    service ${s.name}: ${s.text}${s.fees ? ` ${s.fees}` : ''}`);
    for (const i of f.insurance) L.push(`    insurance: ${i}`);
    for (const n of f.notes) L.push(`    note: ${n}`);
  }
  if (book.designations.length) L.push('', 'Designations');
  for (const d of book.designations) {
    const who = d.audiences.map((a) => name('audiences', a)).join('、') || '所有人员';
    const backups = d.backups.map((b) => `${b.order}. ${fac(b.facility)}`).join('，');
    L.push(`  ${who} × ${name('categories', d.category)}${d.note ? `（${d.note}）` : ''}: ${d.facilities.map(fac).join('、')}${backups ? `；后备 ${backups}` : ''}`);
    if (d.activation) L.push(`    activation: ${d.activation}`);
  }
  if (book.guidance.length) L.push('', 'Guidance');
  for (const g of book.guidance) {
    L.push(`  ${g.title} [${g.id}, ${name('topics', g.topic)}]`);
    g.steps.forEach((s, i) => L.push(`    ${i + 1}. ${s}`));
  }
  if (book.contacts.length) L.push('', 'Contacts');
  for (const c of book.contacts) {
    const phones = c.phones.map((p) => p.number).join('，') || '(no number printed)';
    L.push(`  ${c.name}${c.role ? `（${c.role}）` : ''} [${c.id}, ${c.kind}]: ${phones} — ${c.remit}${book.escalation === c.id ? '  ← escalation' : ''}`);
  }
  if (book.loadMarks) {
    L.push('', `Load marks (${book.loadMarks.area})`);
    for (const m of book.loadMarks.marks) L.push(`  ${m.name}: ${m.meaning}`);
  }
  if (book.stats.length) L.push('', 'Figures');
  for (const s of book.stats) L.push(`  ${s.label}: ${s.value}${s.unit}`);
  if (book.source.date) L.push('', `(signed ${chineseDate(book.source.date)})`);
  return L;
}
