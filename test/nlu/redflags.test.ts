import { realNlu } from '../support/nlu';

const nlu = realNlu();
const { urgent, not_urgent: notUrgent } = nlu.data.redflags.tests;

describe('red flags', () => {
  it('has at least 150 urgent and 100 negated or mild phrasings', () => {
    expect(urgent.length).toBeGreaterThanOrEqual(150);
    expect(notUrgent.length).toBeGreaterThanOrEqual(100);
  });

  it('catches every urgent phrasing, with the expected flag and its span (100% recall)', () => {
    const missed: string[] = [];
    for (const u of urgent) {
      const a = nlu.analyse(u.text);
      if (!a.redFlags.some((f) => f.id === u.flag)) missed.push(`${u.text} (${u.flag}; got ${a.redFlags.map((f) => f.id).join(',') || 'none'})`);
      for (const f of a.redFlags) expect(a.normalised.slice(f.start, f.end)).toBe(f.text);
    }
    expect(missed).toEqual([]);
  });

  it('keeps precision at 95% or more on negated and mild phrasings', () => {
    const falsePositives = notUrgent.filter((t) => nlu.analyse(t).redFlags.length > 0);
    const precision = urgent.length / (urgent.length + falsePositives.length);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it('handles negation and hypotheticals', () => {
    for (const t of ['没有胸痛,也不喘', '没有见红也没有破水', '孩子没有抽搐', '现在不喘也不肿', '如果孕妇破水了打什么电话', '胸也不痛']) {
      expect({ t, flags: nlu.analyse(t).redFlags }).toEqual({ t, flags: [] });
    }
  });

  it('does not depend on the classifier', () => {
    const a = nlu.analyse('宝宝8个月,高烧40度,刚才抽搐了');
    expect(a.redFlags.map((f) => f.id).sort()).toEqual(['convulsion', 'infant_fever']);
    const b = nlu.analyse('我媽突然呼吸困難，嘴唇都發紫了');
    expect(b.redFlags.map((f) => f.id)).toContain('breathing');
  });
});
