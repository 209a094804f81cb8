import { designationAnswer, type DesignationQuery } from '../../src/answer/designation';
import { EMPTY_STATUS, type LiveStatus } from '../../src/rules/types';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseDomain } from '../../src/answer/domain';
import { book, data, readLines } from '../support/rules';

function ask(locality: string, q: Partial<DesignationQuery> & { categories: string[] }): string {
  const { rules, domain } = data();
  const r = designationAnswer(book(locality), {
    status: EMPTY_STATUS,
    assumedFull: [],
    vocabulary: rules.vocabulary,
    categoryTopics: domain.categoryTopics,
    fallbackTopics: domain.fallbackTopics,
    categoryFallbacks: domain.categoryFallbacks,
    careFallbackTopics: domain.careFallbackTopics,
    topicQuery: { text: '', departments: domain.departments },
    ...q,
  });
  if (r.kind !== 'answer') throw new Error(`asked for ${r.audiences.join(',')} instead of answering`);
  return readLines(r.lines);
}

describe('designation answers', () => {
  it('names every designated hospital in the notice order, for either zone when the lists are the same', () => {
    const text = ask('xinzhou', { categories: ['dialysis'] });
    expect(text).toContain('忻州市人民医院、忻州市中医医院');
    expect(text).toContain('封控区、管控区');
    expect(text).not.toContain('第二人民医院');
  });

  it("names Jinjiang's special-target group and its backups in order", () => {
    const text = ask('jinjiang', { categories: ['oncology'], audience: 'red_code' });
    expect(text).toMatch(/晋江市医院/);
    expect(text.indexOf('经济开发区院区')).toBeLessThan(text.indexOf('东石中心卫生院'));
    expect(text.indexOf('东石中心卫生院')).toBeLessThan(text.indexOf('内坑镇卫生院'));
  });

  it("names the care in the notice's own words where they are narrower than the category's name", () => {
    // 晋江's notice designates 晋江市医院 for 肿瘤化疗 and 婴幼儿诊疗, not for 放化疗 or every child
    const jj = ask('jinjiang', { categories: ['oncology', 'children'], audience: 'red_code' });
    expect(jj).toContain('肿瘤化疗、婴幼儿诊疗定点医院');
    expect(jj).not.toMatch(/放化疗|儿童/);
    // 忻州's notice does say 肿瘤放化疗
    expect(ask('xinzhou', { categories: ['oncology'], audience: 'sealed_zone' })).toContain('肿瘤放化疗定点医院');
    // asked for what the notice's words leave out, the reply says they do not mention it
    expect(ask('jinjiang', { categories: ['oncology'], audience: 'red_code', topicQuery: { text: '我在做放疗，去哪', departments: {} } })).toContain('没有提到放疗');
    expect(ask('jinjiang', { categories: ['oncology'], audience: 'red_code', topicQuery: { text: '我在做化疗，去哪', departments: {} } })).not.toContain('没有提到');
    expect(ask('xinzhou', { categories: ['oncology'], audience: 'sealed_zone', topicQuery: { text: '我在做放疗，去哪', departments: {} } })).not.toContain('没有提到');
    // 晋江 designates for 孕产妇分娩 (childbirth): a prenatal check is not in those words
    expect(ask('jinjiang', { categories: ['maternity'], audience: 'yellow_code', topicQuery: { text: '怀孕五个月要产检', departments: {} } })).toContain('没有提到产检');
  });

  it('says a notice designates no hospital for a care, then what it does say for that care', () => {
    const text = ask('yantai', { categories: ['dialysis'] });
    expect(text).toContain('没有规定血液透析的定点医院');
    // a dialysis patient is one of the key populations 烟台's primary care keeps a register of
    expect(text).toContain('基层医疗卫生机构');
  });

  it('answers a care a notice designates nothing for and says nothing on with the general-care hospitals it does designate', () => {
    // 忻州 designates 综合诊疗 (general care) and no hospital for chronic illness: a diabetic is seen there
    const text = ask('xinzhou', { categories: ['chronic'], audience: 'controlled_zone' });
    expect(text).toContain('没有规定慢性病的定点医院');
    expect(text).toContain('综合诊疗定点医院：忻州市人民医院、忻州市中医医院');
    // where the notice does say something for the care (晋江's 12-week prescriptions), that is the answer
    expect(ask('jinjiang', { categories: ['chronic'], audience: 'red_code' })).not.toContain('综合诊疗');
    // with no stand-in designated either (烟台, a child's care), who the notice says looks after residents
    const yt = ask('yantai', { categories: ['children'] });
    expect(yt).toContain('没有规定儿童的定点医院');
    expect(yt).toContain('家庭医生');
  });

  it('refuses a stand-in category that does not exist, naming where', () => {
    const file = join(__dirname, '../../intents/domain/answers.yml');
    const text = readFileSync(file, 'utf8').replace(/(categoryFallbacks:\n  chronic: \[)general/, '$1genral');
    expect(() => parseDomain(file, text, data().rules.vocabulary)).toThrow(/categoryFallbacks\.chronic\[0\]: unknown category "genral"/);
  });

  it('says who helps an infected person to hospital where a notice designates no covid hospital (烟台: 协助转诊)', () => {
    const text = ask('yantai', { categories: ['covid'] });
    expect(text).toContain('没有规定新冠肺炎的定点医院');
    expect(text).toContain('协助转诊');
  });

  it('puts the first open backup first when the designated hospital is full (live status)', () => {
    const jj = book('jinjiang');
    const main = jj.facilities.find((f) => f.name === '晋江市医院');
    if (!main) throw new Error('晋江市医院 missing from the rule book');
    const status: LiveStatus = { facilities: { [main.id]: { state: 'full' } } };
    const text = ask('jinjiang', { categories: ['maternity'], status });
    expect(text).toMatch(/现应前往 晋江市医院经济开发区院区/);
    expect(text).toContain('晋江市医院（已满）');
  });

  it('moves down the backup order as the user says each one is full', () => {
    const jj = book('jinjiang');
    const ids = ['晋江市医院', '晋江市医院经济开发区院区'].map((n) => jj.facilities.find((f) => f.name === n)?.id as string);
    const text = ask('jinjiang', { categories: ['maternity'], assumedFull: ids });
    expect(text).toMatch(/现应前往 东石中心卫生院/);
  });

  it('gives the dialysis backup when the dialysis centre is full', () => {
    const jj = book('jinjiang');
    const cizao = jj.facilities.find((f) => f.name === '磁灶中心卫生院')?.id as string;
    expect(ask('jinjiang', { categories: ['dialysis'], assumedFull: [cizao] })).toMatch(/现应前往 东石中心卫生院/);
  });

  it("answers an audience without a designation with what the notice says for it (防范区 → 就近)", () => {
    const text = ask('xinzhou', { categories: ['children'], audience: 'prevention_zone' });
    expect(text).toContain('就近');
    expect(text).not.toContain('忻州市人民医院');
  });

  it('says a missing designation is missing rather than borrowing another locality', () => {
    const text = ask('quanxiu', { categories: ['dialysis'] });
    expect(text).not.toMatch(/忻州|晋江市医院|磁灶/);
  });
});
