// What the rule books say, checked against the notices as a whole: only the numbers the notices print as
// medical contacts, none of the seed pages' other numbers, simplified script throughout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as OpenCC from 'opencc-js';
import { loadRuleSet } from '../../src/rules/load';
import { RULES_DIR } from '../support/rule-books';

const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.yml'));
const texts = files.map((f) => [f, fs.readFileSync(path.join(RULES_DIR, f), 'utf8')] as const);
const set = loadRuleSet(RULES_DIR);

describe('numbers in rules/', () => {
  // The news site's contact line, QQ number, and the newspaper's news and advertising hotlines.
  const NOT_MEDICAL = ['0350-3026833', '3026833', '3309576', '379022001', '0531-66661234', '66661234', '96678', '0531-81695052', '81695052'];

  // …listed only as what they are (otherNumbers), never as a contact, a step or any other text
  const OTHER_LINE = /^\s*- \{number: /;

  it.each(NOT_MEDICAL)('%s appears in no rule book but as a number that is no medical contact', (n) => {
    for (const b of set.books) expect(`${b.id}: ${JSON.stringify({ ...b, otherNumbers: [] }).includes(n)}`).toBe(`${b.id}: false`);
    for (const [f, t] of texts) for (const line of t.split('\n')) if (line.includes(n)) expect(`${f}: ${OTHER_LINE.test(line)}`).toBe(`${f}: true`);
  });

  it('lists each of them under the book whose page prints it', () => {
    const listed = (id: string): string[] => set.byId.get(id)?.otherNumbers.map((o) => o.number.replace(/\D/g, '')) ?? [];
    expect(listed('xinzhou').sort()).toEqual(['03503026833', '3309576', '379022001'].sort());
    expect(listed('yantai').sort()).toEqual(['053166661234', '96678', '053181695052'].sort());
  });

  it('holds exactly the phone numbers the notices print for medical contacts', () => {
    const numbers = new Set<string>();
    for (const b of set.books) {
      for (const c of b.contacts) for (const p of c.phones) numbers.add(`${b.id} ${p.number}`);
      for (const f of b.facilities) for (const p of f.phones) numbers.add(`${b.id} ${p.number}`);
    }
    expect([...numbers].sort()).toEqual(
      [
        'xinzhou 0350-3301599',
        'xinzhou 120',
        'quanxiu 18065225268',
        'quanxiu 13067022719',
        'quanxiu 13559522818',
        'quanxiu 15906085258',
        'quanxiu 28220083',
        'quanxiu 28220052',
      ].sort(),
    );
  });

  it('writes no phone-like number in any text that is not one of those', () => {
    const allowed = new Set(['0350-3301599', '18065225268', '13067022719', '13559522818', '15906085258', '28220083', '28220052']);
    for (const [f, t] of texts) {
      const said = t.split('\n').filter((line) => !OTHER_LINE.test(line)).join('\n');
      for (const m of said.match(/\d[\d-]{5,}\d/g) ?? []) {
        if (/^\d{4}-\d{2}-\d{2}$/.test(m)) continue; // a date
        expect(`${f}: ${m} ${allowed.has(m)}`).toBe(`${f}: ${m} true`);
      }
    }
  });
});

describe('script', () => {
  const toSimplified = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];

  it.each(files)('%s is in simplified Chinese, without pinyin', (f) => {
    const t = fs.readFileSync(path.join(RULES_DIR, f), 'utf8');
    for (const convert of toSimplified) {
      const converted = convert(t).split('\n');
      t.split('\n').forEach((line, i) => expect(`${i + 1}: ${line}`).toBe(`${i + 1}: ${converted[i]}`));
    }
    expect(t).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
  });
});

// When the shared seeds are next to the project (the dev machine), check the names against them too.
const SEEDS = path.join(__dirname, '..', '..', '..', 'shared', 'seeds');
const haveSeeds = fs.existsSync(SEEDS);
(haveSeeds ? describe : describe.skip)('names against the seed notices', () => {
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const seedText = haveSeeds
    ? fs
        .readdirSync(SEEDS)
        .map((f) => convert(fs.readFileSync(path.join(SEEDS, f), 'utf8')).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ''))
        .join('\n')
    : '';
  const flat = (s: string) => s.normalize('NFKC').replace(/[()（）\s]/g, '');

  it('every named facility, contact person, address and phone number is printed in a notice', () => {
    const seed = flat(seedText);
    for (const b of set.books) {
      for (const f of b.facilities.filter((x) => !x.generic)) expect(`${f.name}: ${seed.includes(flat(f.name))}`).toBe(`${f.name}: true`);
      for (const f of b.facilities) if (f.address) expect(seed).toContain(flat(f.address));
      for (const c of b.contacts.filter((x) => x.kind === 'person')) expect(seed).toContain(c.name);
      for (const c of b.contacts) for (const p of c.phones) expect(seed).toContain(p.number);
    }
  });
});
