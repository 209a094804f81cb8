// A care named in a question the answer's topic says nothing on: where the book says that care is seen is added, even
// where it designates no hospital for it (烟台's fever: its sentinel clinics; its covid cases at home: 协助转诊) — the
// question read as another topic (a department, a route to care) still gets it.
import { answer } from '../../src/answer/answer';
import { readSlots } from '../../src/dialog/slots';
import { newSession } from '../../src/core/types';
import { EMPTY_STATUS } from '../../src/rules/types';
import { realNlu } from '../support/nlu';
import { book, data, readLines } from '../support/rules';
import { realCore, talk, textOf } from '../support/core';
import type { Core } from '../../src/core/types';

function reply(text: string, intent: string, locality: string): string {
  const { rules, domain } = data();
  const analysis = realNlu().analyse(text);
  const session = { ...newSession(), locality, turns: 1 };
  const r = answer({ rules, domain, status: EMPTY_STATUS, book: book(locality), intent, slots: readSlots(analysis, rules, []), session, text: analysis.normalised, knownNumbers: new Set() });
  return r.kind === 'answer' ? readLines(r.lines) : '';
}

describe('where a care is seen, beside a topic the book is silent on', () => {
  it('a fever asked of the community clinics, read as a department question: 烟台 names no fever hospital, but its sentinel clinics', () => {
    expect(reply('我妹坐轮椅 住烟台牟平 昨天开始发烧 附近社区能看发烧吗', 'facility_departments', 'yantai')).toContain('发热哨点');
  });

  it('the same read as a route to care', () => {
    expect(reply('我们俩这两天都发烧了 烟台福山这边 有没有近便点看发烧的地方', 'care_route', 'yantai')).toContain('发热哨点');
  });

  it('adds nothing for a care the message does not name', () => {
    expect(reply('烟台牟平 附近社区能看牙吗', 'facility_departments', 'yantai')).not.toContain('发热哨点');
  });
});

describe('a care no hospital is designated for, asked through the whole conversation', () => {
  let core: Core;
  beforeAll(async () => {
    core = await realCore();
  }, 60_000);

  it('dialysis or chemotherapy in 烟台, whose notice designates no hospital for either: who helps get to one (协助转诊)', () => {
    for (const q of ['烟台莱山 我爸每周透析三次 小区封了 这可咋办', '烟台芝罘 俺娘化疗到第三次了 小区被封了 下次咋弄']) {
      const text = textOf(talk(core).say(q));
      expect(text).toMatch(/没有规定.*定点医院/);
      expect(text).toContain('协助转诊');
    }
  });
});
