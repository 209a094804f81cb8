// Each seed notice drafted end to end: the draft is valid beside the other rule books (it replaces its own),
// it loads with them as rules/ would, and it meets the bar against the hand-made book.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compare, matchBook, precision, recall } from '../../../src/rules/draft/eval';
import { loadRuleSet } from '../../../src/rules/load';
import { draft, ROOT, ruleSet, SEEDS, seedFiles, seedText } from './support';

(SEEDS ? describe : describe.skip)('the seed notices, drafted', () => {
  const files = seedFiles();
  const runs = files.map((f) => {
    const text = seedText(f);
    const book = matchBook(text, ruleSet().books);
    if (!book) throw new Error(`no rule book matches ${f}`);
    return { f, text, hand: book, r: draft(text, book.id) };
  });

  it('finds the five notices and the book each was transcribed into', () => {
    expect(runs.map((x) => x.hand.id).sort()).toEqual(['jinjiang', 'quanxiu', 'rural', 'xinzhou', 'yantai']);
  });

  it.each(files)('%s: a valid draft with every value evidenced', (f) => {
    const { r } = runs.find((x) => x.f === f)!;
    expect(r.empty).toBe(false);
    expect(r.problems).toEqual([]);
    expect(r.evidence.length).toBeGreaterThan(5);
    for (const d of r.book.facilities) expect(r.evidence.some((e) => e.path.startsWith(`facilities[${r.book.facilities.indexOf(d)}].name`))).toBe(true);
  });

  it.each(files)('%s: facilities, phones and designations at the issue’s bar, no distractor kept', (f) => {
    const { r, hand } = runs.find((x) => x.f === f)!;
    const c = compare(r.book, hand, ruleSet().books);
    for (const m of ['facilities', 'phones', 'designations'] as const) {
      expect(`${m} recall ${recall(c.scores[m]) >= 0.9}`).toBe(`${m} recall true`);
      expect(`${m} precision ${precision(c.scores[m]) >= 0.95}`).toBe(`${m} precision true`);
    }
    expect(c.distractors).toEqual([]);
  });

  it('the drafts load as rules/ when they replace the hand-made books', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-drafts-'));
    try {
      fs.copyFileSync(path.join(ROOT, 'rules', 'vocabulary.yml'), path.join(dir, 'vocabulary.yml'));
      for (const { hand, r } of runs) fs.writeFileSync(path.join(dir, `${hand.id}.yml`), r.yaml);
      const set = loadRuleSet(dir);
      expect(set.books.map((b) => b.id).sort()).toEqual(['jinjiang', 'quanxiu', 'rural', 'xinzhou', 'yantai']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads Jinjiang’s backups in order with what activates them', () => {
    const { r } = runs.find((x) => x.hand.id === 'jinjiang')!;
    const name = (id: string) => r.book.facilities.find((f) => f.id === id)?.name;
    const fever = r.book.designations.find((d) => d.category === 'fever')!;
    expect(fever.backups.map((b) => name(b.facility))).toEqual(['晋江市医院经济开发区院区', '东石中心卫生院', '内坑镇卫生院']);
    expect(fever.activation).toMatch(/情形时，按顺序启动第一、第二、第三后备医院/);
    const dialysis = r.book.designations.find((d) => d.category === 'dialysis')!;
    expect(dialysis.backups.map((b) => name(b.facility))).toEqual(['东石中心卫生院']);
    expect(dialysis.activation).toMatch(/^视疫情发展情况/);
  });

  it('leaves the news site’s, the advertiser’s and the footer’s numbers out, each with its reason', () => {
    const all = runs.flatMap((x) => x.r.leftOut.map((l) => ({ ...l, text: x.text })));
    for (const l of all) expect(l.text.slice(l.start, l.end)).toBe(l.number);
    const reasons = all.map((l) => l.reason).join('\n');
    expect(reasons).toMatch(/news desk/);
    expect(reasons).toMatch(/advertising/);
    expect(reasons).toMatch(/QQ/);
    expect(reasons).toMatch(/postcode/);
    expect(reasons).toMatch(/licence/);
    const kept = runs.flatMap((x) => [...x.r.book.contacts.flatMap((c) => c.phones), ...x.r.book.facilities.flatMap((f) => f.phones)].map((p) => p.number));
    for (const l of all) expect(kept).not.toContain(l.number.replace(/\s+/g, ''));
  });
});
