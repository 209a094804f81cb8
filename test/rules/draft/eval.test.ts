// The comparison draft-eval makes, on the hand-made books themselves and on books with one thing wrong.
import { compare, dice, precision, recall } from '../../../src/rules/draft/eval';
import type { RuleBook } from '../../../src/rules/types';
import { ruleSet } from './support';

const clone = (b: RuleBook): RuleBook => JSON.parse(JSON.stringify(b));

describe('compare', () => {
  const books = ruleSet().books;
  const jj = books.find((b) => b.id === 'jinjiang')!;

  it('scores a hand-made book against itself as perfect', () => {
    for (const b of books) {
      const c = compare(b, b, books);
      for (const s of Object.values(c.scores)) expect([precision(s), recall(s)]).toEqual([1, 1]);
      expect(c.distractors).toEqual([]);
    }
  });

  it('counts a designation wrong when its facilities are in another order, and its backups too', () => {
    const d = clone(jj);
    d.designations[0]!.backups = [...d.designations[0]!.backups].reverse().map((b, i) => ({ ...b, order: i + 1 }));
    d.designations.find((x) => x.category === 'dialysis')!.facilities = ['jj_hospital'];
    const c = compare(d, jj, books);
    const n = jj.designations.length;
    expect(c.scores.designations).toMatchObject({ correct: n - 1, drafted: n, expected: n });
    expect(c.scores.backups).toMatchObject({ correct: n - 1, drafted: n, expected: n });
  });

  it('matches facilities by name or alias, and counts a number no book has as a distractor', () => {
    const xz = books.find((b) => b.id === 'xinzhou')!;
    const d = clone(xz);
    d.facilities[0]!.name = '市人民医院';
    d.facilities[0]!.aliases = [];
    d.facilities.push({ ...d.facilities[1]!, id: 'x_extra', name: '某某医院', aliases: [] });
    d.contacts[0]!.phones = [{ number: '0350-3026833' }];
    const c = compare(d, xz, books);
    expect(c.scores.facilities).toMatchObject({ correct: 7, drafted: 8, expected: 7 });
    expect(c.distractors).toEqual(['0350-3026833']);
  });

  it('matches steps by their characters, not their punctuation', () => {
    expect(dice('封(管)控区内有医疗需求的人员与网格员联系,', '封(管)控区内有医疗需求的人员与网格员联系。')).toBe(1);
    expect(dice('孕产妇', '血液透析')).toBe(0);
  });
});
