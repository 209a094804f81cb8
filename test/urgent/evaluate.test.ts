// Leave-one-family-out: each family is judged by a scorer that never saw it.
import { realNlu } from '../support/nlu';
import { heldOutFamilies } from '../../src/urgent/evaluate';
import type { UrgentData } from '../../src/urgent/data';

const nlu = realNlu();

describe('urgent evaluation', () => {
  it('holds each family out of the scorer that judges it, the everyday questions among them', () => {
    const pick = (family: string, n: number, urgent?: boolean) =>
      nlu.data.urgent.corpus.filter((e) => e.family === family && (urgent === undefined || e.urgent === urgent)).slice(0, n);
    const data: UrgentData = { ...nlu.data.urgent, corpus: [...pick('colloquial', 30), ...pick('negated', 30, false), ...pick('english', 30)] };
    const inputs = {
      data,
      detector: nlu.urgent,
      normalise: (t: string) => nlu.normalise(t).text,
      extraNegatives: ['封控区透析去哪家医院', '忻州的热线电话是多少', '孕妇产检去哪'],
    };
    const r = heldOutFamilies(inputs, { open: 0.3, unseen: 0.3 });
    expect(Object.keys(r.byFamily).sort()).toEqual(['colloquial', 'english', 'everyday_questions', 'negated']);
    const total = Object.values(r.byFamily).reduce((n, c) => n + c.tp + c.fn + c.fp + c.tn, 0);
    expect(total).toBe(93);
    expect(r.byFamily.negated?.tp).toBe(0);
    expect(r.sweep.length).toBe(121);
    expect(r.overall.recall).toBeGreaterThan(0.5);
  });
});
