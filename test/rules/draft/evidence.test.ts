// Every drafted value points at the text it came from: the offsets give back the quoted sentence, and a
// value printed as it is sits inside it (in simplified script, without pinyin, when the text was not).
import { prepare } from '../../../src/rules/draft/text';
import { draft, fixture } from './support';

const simplified = (s: string) =>
  prepare(s)
    .lines.map((l) => l.norm)
    .join('')
    .replace(/\s+/g, '');

describe.each(['qinglan-sentences.txt', 'yunxi-table-cells.txt', 'songlin-items.txt', 'fengcheng-items.txt'])('evidence of %s', (name) => {
  const text = fixture(name);
  const r = draft(text);

  it('quotes the pasted text exactly at its offsets, with the right line', () => {
    expect(r.evidence.length).toBeGreaterThan(10);
    for (const e of r.evidence) {
      expect(text.slice(e.start, e.end)).toBe(e.quote);
      expect(text.slice(0, e.start).split('\n').length).toBe(e.line);
    }
  });

  it('finds each literal value inside its evidence', () => {
    for (const e of r.evidence.filter((x) => x.valueStart !== undefined)) {
      expect(e.valueStart).toBeGreaterThanOrEqual(e.start);
      expect(e.valueEnd).toBeLessThanOrEqual(e.end);
      const printed = simplified(text.slice(e.valueStart, e.valueEnd));
      expect(`${e.path}: ${printed}`).toBe(`${e.path}: ${simplified(e.value)}`);
    }
  });

  it('has evidence for every facility, designation, step and contact', () => {
    const paths = new Set(r.evidence.map((e) => e.path));
    r.book.facilities.forEach((_, i) => expect(paths).toContain(`facilities[${i}].name`));
    r.book.designations.forEach((_, i) => expect(paths).toContain(`designations[${i}]`));
    r.book.guidance.forEach((g, i) => g.steps.forEach((_, j) => expect(paths).toContain(`guidance[${i}].steps[${j}]`)));
    r.book.contacts.forEach((_, i) => expect(paths).toContain(`contacts[${i}].name`));
  });

  it('writes the evidence and the review notes into the YAML as comments', () => {
    for (const e of r.evidence.slice(0, 5)) expect(r.yaml).toContain(`# L${e.line}: `);
    for (const x of r.review.filter((v) => /^facilities|^designations\[\d+\]$/.test(v.path))) expect(r.yaml).toContain(`# REVIEW: ${x.reason}`);
  });
});

it('a value the drafter is unsure of is listed for review with its reason', () => {
  const r = draft(fixture('qichuan-routing.txt'));
  expect(r.review).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'designations[0]', reason: expect.stringMatching(/到…就诊/) })]));
});
