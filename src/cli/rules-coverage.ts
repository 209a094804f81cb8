// `rules coverage [--misses]`: whether every fact of every rule book is answered, with its citation, when
// asked with its own words — in Chinese for every fact, in English where the glossary can say its words.
import { coverage } from '../answer/coverage';
import { loadCoreParts } from '../core/load';

export async function run(args: string[], out: (s: string) => void): Promise<number> {
  const { core, rules, nlu } = await loadCoreParts();
  // the glossary read backwards: a Chinese word → the first English phrase glossed as it
  const english = new Map<string, string>();
  for (const [gloss, phrases] of Object.entries(nlu.data.english.data.glosses)) if (phrases[0] && !english.has(gloss)) english.set(gloss, phrases[0]);
  const r = coverage(core, rules, (t) => nlu.segmenter.cut(t), english, nlu.data.lexicon.topics);
  const pct = (c: { covered: number; total: number }): string => `${c.covered}/${c.total} (${((100 * c.covered) / Math.max(1, c.total)).toFixed(1)}%)`;
  const lines = [`facts answered with their citation when asked with their own words: Chinese ${pct(r.zh)}, English ${pct(r.en)}`];
  for (const book of rules.books) {
    const mine = r.cases.filter((c) => c.book === book.id && c.lang === 'zh');
    lines.push(`  ${book.id.padEnd(9)} ${mine.filter((c) => c.covered && c.cited).length}/${mine.length}`);
  }
  if (args.includes('--misses'))
    for (const c of r.cases.filter((x) => !x.covered || !x.cited)) lines.push(`  miss [${c.book} ${c.unit} ${c.lang}${c.covered ? ' uncited' : ''}] ${c.question}  → expected "${c.expect}"`);
  out(lines.join('\n') + '\n');
  out(JSON.stringify({ zh: r.zh, en: r.en }) + '\n');
  return r.zh.covered / Math.max(1, r.zh.total) >= 0.95 ? 0 : 1;
}
