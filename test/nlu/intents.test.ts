import { evaluate } from '../../src/cli/nlu';
import { FALLBACK } from '../../src/nlu';
import { realNlu } from '../support/nlu';

const nlu = realNlu();
const heldOut = nlu.data.intents.flatMap((i) => i.tests.map((text) => ({ text, intent: i.intent })));

const REQUIRED = [
  'designation', 'backup', 'care_route', 'transport', 'emergency_route', 'companion', 'nat_admission', 'contact',
  'facility_address', 'facility_hours', 'facility_departments', 'facility_experts', 'facility_services', 'chronic_care',
  'rehabilitation', 'home_nursing', 'insurance', 'load_status', 'family_doctor', 'home_treatment', 'referral',
  'fever_clinic', 'not_offered', 'elective_surgery', 'online_care', 'greeting', 'thanks', 'give_locality',
  'handoff_request', 'out_of_scope',
];

describe('intents', () => {
  it('has every intent the dialogue switches on, with held-out tests', () => {
    expect(nlu.model.labels.sort()).toEqual([...REQUIRED].sort());
    for (const i of nlu.data.intents) expect(i.tests.length).toBeGreaterThanOrEqual(1);
  });

  it('never trains on a held-out utterance', () => {
    const trained = new Set(nlu.data.intents.flatMap((i) => i.examples));
    for (const h of heldOut) expect(trained.has(h.text)).toBe(false);
  });

  it('reaches at least 95% accuracy on the held-out utterances', () => {
    const r = evaluate(nlu);
    expect(r.total).toBe(heldOut.length);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('scores sparsely exactly as natural classifies, on every held-out utterance', () => {
    for (const h of heldOut) {
      const features = nlu.prepare(h.text).features;
      const sparse = nlu.model.score(features)[0]?.name;
      expect({ text: h.text, intent: sparse }).toEqual({ text: h.text, intent: nlu.model.natural.classify(features) });
    }
  });

  it('counts a feature said twice once, as natural does, message after message', () => {
    const features = nlu.prepare('忻州封控区透析去哪家医院').features;
    const twice = [...features, ...features, 'no-such-feature', 'no-such-feature'];
    const once = nlu.model.score(features);
    // (the same scores again and again: what marks a feature as counted is the message's own)
    for (let k = 0; k < 3; k++) {
      expect(nlu.model.score(twice)).toEqual(once);
      expect(nlu.model.score(features)).toEqual(once);
    }
    expect(nlu.model.score(twice)[0]?.name).toBe(nlu.model.natural.classify(twice));
  });

  it('returns a ranking, best first, with confidences that sum to at most 1', () => {
    const a = nlu.analyse('忻州封控区透析去哪家医院');
    expect(a.intent.name).toBe('designation');
    expect(a.ranking[0]).toEqual(a.intent);
    const sum = a.ranking.reduce((s, r) => s + r.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    for (let i = 1; i < a.ranking.length; i++) expect(a.ranking[i - 1]!.confidence).toBeGreaterThanOrEqual(a.ranking[i]!.confidence);
  });

  it('falls back below the threshold', () => {
    const a = nlu.analyse('嗯');
    expect(a.intent.name).toBe(FALLBACK);
    expect(a.intent.confidence).toBeLessThan(nlu.threshold);
  });

  it.each([
    ['我妈在忻府区封了 要洗肾 咋整', 'designation'],
    ['忻洲透洗去哪', 'designation'],
    ['我在封控區要做血液透析', 'designation'],
    ['转：居民问孕妇产检去哪', 'designation'],
    ['dialysis 去哪家', 'designation'],
    ['请帮我转个人工', 'handoff_request'],
    ['晋江', 'give_locality'],
  ])('reads %s as %s', (text, intent) => {
    expect(nlu.analyse(text).intent.name).toBe(intent);
  });
});
