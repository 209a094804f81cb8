// Which numbers of a notice are contacts, which are left out and why, and which are not phone numbers at all.
import { formatPhone, numbersIn } from '../../../src/rules/draft/phones';
import { seg } from '../../../src/rules/draft/text';

const read = (text: string, furniture?: string) =>
  numbersIn(seg(text, [...text].map((_, i) => i)), furniture).map((v) => `${v.number} ${v.keep ? 'kept' : `out: ${v.reason}`}`);

describe('numbersIn', () => {
  it('keeps a number the text gives as a contact', () => {
    expect(read('就医期间，有就医咨询可拨打0350-3301599。')).toEqual(['0350-3301599 kept']);
    expect(read('联系人：王芳（13912345678）')).toEqual(['13912345678 kept']);
    expect(read('值班电话：28220052。')).toEqual(['28220052 kept']);
  });

  it('keeps 120 where it is dialled, not where it names a unit', () => {
    expect(read('直接拨打120急救电话')).toEqual(['120 kept']);
    expect(read('报市120急救指挥中心安排救护车')).toEqual([]);
  });

  it('passes over dates, times, quantities and document numbers', () => {
    expect(read('2022-02-26 15:27:31 发布；〔2020〕23号文；共152处、45700余人次；处方延长至12周；131.98万人；2022年第2号')).toEqual([]);
  });

  it('leaves out QQ numbers, postcodes, licences, ad and news lines, foreign numbers, with the reason', () => {
    expect(read('QQ:379022001')).toEqual(['379022001 out: QQ number']);
    expect(read('邮编：034000')).toEqual(['034000 out: postcode']);
    expect(read('晋新网备14083040')).toEqual(['14083040 out: site registration (ICP) licence']);
    expect(read('广告热线0531-81695052')).toEqual(['0531-81695052 out: advertising line']);
    expect(read('拨打新闻热线0531-66661234或96678')).toEqual(["0531-66661234 out: news desk's line", "96678 out: news desk's line"]);
    expect(read('境外请拨0050-8123-4567咨询')[0]).toMatch(/^0050-8123-4567 out: not a Chinese phone number/);
    expect(read('邮箱：379022001@qq.com')).toEqual(['379022001 out: part of an e-mail address or web link']);
  });

  it('leaves out every number of the page around the notice, and a bare number in a sentence', () => {
    expect(read('联系电话:0350-3026833 3309576', 'the site’s footer')).toEqual(['0350-3026833 out: the site’s footer', '3309576 out: the site’s footer']);
    expect(read('共有床位56789张，编号1234567')[0]).toMatch(/^1234567 out: no contact word/);
  });
});

describe('formatPhone', () => {
  it('writes numbers as the schema wants them', () => {
    expect(formatPhone('0531 66661234')).toBe('0531-66661234');
    expect(formatPhone('+86 13912345678')).toBe('13912345678');
    expect(formatPhone('03503301599')).toBe('0350-3301599');
    expect(formatPhone('01087654321')).toBe('010-87654321');
  });
});
