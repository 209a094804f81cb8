// The scope rules read a message's signs as a figure of speech, a supposition or the past; the scorer, reading all of
// it, can be sure they are wrong. At `threshold_overrule` its reading stands; below it, the scope rules'. Checked
// through the real NLU; the phrasings are not the evaluation sets' own.
import { join } from 'node:path';
import { loadUrgentData } from '../../src/urgent/data';
import { ROOT, urgentFlags, urgentVerdict } from '../support/nlu';

const scorer = loadUrgentData(join(ROOT, 'intents', 'urgent')).scorer;

describe('a scorer sure beyond the scope rules', () => {
  it('raises what a joking word had made a figure of speech (笑死 beside pills saved up and a goodbye)', () => {
    expect(urgentFlags('xswl 我真的要笑死 存的安眠药够一瓶了 今晚就吃 再见了大家')).toEqual(['suicide']);
  });
  it('but a figure of speech it reads no higher than that stays one', () => {
    for (const text of ['笑死我了 这破网课真要我命 再见了大家 我睡觉去了', '累死了，今天搬了一天货，腰都要断了']) {
      const v = urgentVerdict(text);
      expect(v.flags).toEqual([]);
      expect(v.score).toBeLessThan(scorer.threshold_overrule ?? 1);
    }
  });
});
