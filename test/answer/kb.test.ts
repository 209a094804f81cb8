import type { Core } from '../../src/core/types';
import { EMPTY_STATUS } from '../../src/rules/types';
import { realCore, talk, textOf } from '../support/core';
import { book } from '../support/rules';

let core: Core;
beforeAll(async () => {
  core = await realCore();
});
const ctx = { status: EMPTY_STATUS, now: 0 };

describe('canned answers for hotline staff', () => {
  it('finds the designation for "忻州 透析" first, rendered as the bot would say it', () => {
    const [first] = core.kb('忻州 透析', ctx);
    expect(first?.locality).toBe('xinzhou');
    expect(first?.text).toContain('忻州市人民医院、忻州市中医医院');
    expect(first?.text).toContain('2022年第2号');
    // the bot's own reply to the same question names the same hospitals
    expect(textOf(talk(core).say('忻州封控区透析去哪家医院'))).toContain('忻州市人民医院、忻州市中医医院');
  });

  it('finds contacts and services by keyword, traditional keywords included', () => {
    expect(core.kb('泉秀 康复', ctx)[0]?.text).toContain('13067022719');
    expect(core.kb('晉江 後備醫院', ctx).some((a) => a.text.includes('内坑镇卫生院'))).toBe(true);
  });

  it('follows the live status: a full hospital moves the answer to its backup', () => {
    const main = book('jinjiang').facilities.find((f) => f.name === '晋江市医院');
    const status = { facilities: { [main?.id as string]: { state: 'full' as const } } };
    const answers = core.kb('晋江 孕产妇', { status, now: 0 });
    expect(answers[0]?.text).toContain('现应前往 晋江市医院经济开发区院区');
  });

  it('returns nothing for an empty query or words it does not know', () => {
    expect(core.kb('   ', ctx)).toEqual([]);
    expect(core.kb('火星 天气', ctx)).toEqual([]);
  });
});

describe("a resident's words for the notice's", () => {
  it('城里的大医院…来帮 finds the paired support of the rural plan (二级及以上…帮扶)', () => {
    expect(textOf(talk(core).say('农村疫情期间，城里的大医院会派医生来帮乡下吗'))).toMatch(/对口帮扶|巡诊|派驻/);
  });
});
