// Every designation of every rule book, checked against the notices' own words (seeds 000 and 001).
import { loadRuleSet } from '../../src/rules/load';
import type { RuleBook } from '../../src/rules/types';
import { RULES_DIR } from '../support/rule-books';

const set = loadRuleSet(RULES_DIR);
const book = (id: string): RuleBook => {
  const b = set.byId.get(id);
  if (!b) throw new Error(`no rule book ${id}`);
  return b;
};
const names = (b: RuleBook, ids: string[]) => ids.map((id) => b.facilities.find((f) => f.id === id)?.name);

// 忻州 2022年第2号, sections 一 (封控区) and 二 (管控区): the same seven lists, in the notice's order.
const XINZHOU: [string, string[]][] = [
  ['dialysis', ['忻州市人民医院', '忻州市中医医院']],
  ['maternity', ['忻州市人民医院', '忻州市妇幼保健计划生育服务中心']],
  ['children', ['忻州市人民医院', '忻州市妇幼保健计划生育服务中心']],
  ['oncology', ['忻州市第二人民医院']],
  ['cardio_cerebral', ['忻州市人民医院']],
  ['general', ['忻州市人民医院', '忻州市中医医院']],
  ['fever', ['忻州市人民医院']],
];
const SPECIAL = ['close_contact', 'secondary_contact', 'sealed_zone', 'controlled_zone', 'isolated', 'red_code', 'yellow_code'];
const JJ_BACKUPS = ['晋江市医院经济开发区院区', '东石中心卫生院', '内坑镇卫生院'];
// 晋江: 三.1 (晋江市医院 and its three backups in order) and 三.2 (dialysis).
const JINJIANG: [string, string, string[], string[]][] = [
  ['fever', '发热门诊', ['晋江市医院'], JJ_BACKUPS],
  ['maternity', '孕产妇分娩', ['晋江市医院'], JJ_BACKUPS],
  ['oncology', '肿瘤化疗', ['晋江市医院'], JJ_BACKUPS],
  ['cardio_cerebral', '心脑血管治疗', ['晋江市医院'], JJ_BACKUPS],
  ['children', '婴幼儿诊疗', ['晋江市医院'], JJ_BACKUPS],
  ['emergency', '其他急危重症', ['晋江市医院'], JJ_BACKUPS],
  // "晋江市医院为我市疫情紧急期间特定对象就医定点医院": their hospital for care in general
  ['general', '特定对象就医定点医院', ['晋江市医院'], JJ_BACKUPS],
  ['dialysis', '特定对象透析定点医院', ['磁灶中心卫生院'], ['东石中心卫生院']],
];

describe('忻州: designations for 封控区 and 管控区', () => {
  const xz = book('xinzhou');
  const rows = ['sealed_zone', 'controlled_zone'].flatMap((zone) => XINZHOU.map(([cat, hospitals]) => [zone, cat, hospitals] as const));

  it.each(rows)('%s × %s → %j', (zone, category, hospitals) => {
    const found = xz.designations.filter((d) => d.category === category && d.audiences.includes(zone));
    expect(found).toHaveLength(1);
    expect(names(xz, found[0]?.facilities ?? [])).toEqual(hospitals);
    expect(found[0]?.backups).toEqual([]);
  });

  it('has exactly these 14 designations, in the notice order', () => {
    expect(xz.designations.map((d) => [d.audiences.join(), d.category])).toEqual(rows.map(([z, c]) => [z, c]));
  });
});

describe('晋江: designations for 特定对象, with backups in order', () => {
  const jj = book('jinjiang');

  it.each(JINJIANG)('%s (%s) → %j then backups %j', (category, note, hospitals, backups) => {
    const found = jj.designations.filter((d) => d.category === category);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.audiences).toEqual(SPECIAL);
    expect(d.note).toBe(note);
    expect(names(jj, d.facilities)).toEqual(hospitals);
    expect(d.backups.map((b) => b.order)).toEqual(backups.map((_, i) => i + 1));
    expect(names(jj, d.backups.map((b) => b.facility))).toEqual(backups);
    expect(d.activation).toBeTruthy();
  });

  it('keeps the activation words of each kind of backup', () => {
    const hospital = jj.designations.find((d) => d.category === 'fever');
    const dialysis = jj.designations.find((d) => d.category === 'dialysis');
    expect(hospital?.activation).toContain('在定点医院因发现阳性病例应急处置、收治能力满容等情形时，按顺序启动第一、第二、第三后备医院接收特定对象');
    expect(hospital?.activation).toContain('确有需要时启用其他医院作为后备医院');
    expect(dialysis?.activation).toBe('视疫情发展情况及群众就诊需求，报局领导同意后，随时启动后备定点医院或其他能提供透析服务的定点医院。');
  });

  it('has exactly these 8 designations and none for ordinary residents', () => {
    expect(jj.designations).toHaveLength(JINJIANG.length);
    expect(jj.designations.some((d) => d.audiences.includes('ordinary'))).toBe(false);
  });
});

describe('books without designations', () => {
  it.each(['quanxiu', 'yantai', 'rural'])('%s designates no hospital by category', (id) => {
    expect(book(id).designations).toEqual([]);
  });
});
