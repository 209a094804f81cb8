// A stiff neck is a sign beside a fever, vomiting or a headache, not alone (落枕); Fahrenheit, photophobia and a rash
// under a glass read in English; someone brought round and stable is over; a "can't stop him" is no self-harm alone; a
// past illness and what to do if it comes back gets the safety line. Phrasings here are not the evaluation sets' own.
import { realNlu, urgentFlags } from '../support/nlu';

describe('a stiff neck', () => {
  it.each([
    '我儿子5岁，烧到39度8，脖子硬，一直说头痛',
    '我妈头好痛，脖子发硬，吐了两次',
    "my daughter is 3, she's had 102.2°F since last night and her neck is stiff",
    'my boy (7) is burning up, 103°F, the light hurts his eyes and there are tiny purple spots that don\'t fade when I press a glass on them',
  ])('%s → urgent', (text) => {
    expect(urgentFlags(text).length).toBeGreaterThan(0);
  });

  it.each([
    '睡落枕了，今天脖子硬得转不了头，社区能推拿吗',
    '天天低头看手机，脖子硬，肩膀酸',
    'woke up with a stiff neck after sleeping on the couch, any physio open in Jinjiang?',
  ])('%s → not urgent', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('someone brought round and stable', () => {
  it('is over (抢救过来了, 现在稳定, 已经脱离危险)', () => {
    expect(urgentFlags('奶奶前晚突发脑出血，县医院救过来了，病情稳定，我在晋江隔离着干着急')).toEqual([]);
    expect(urgentFlags('我舅舅脑梗了，在县医院抢救过来了，现在稳定')).toEqual([]);
    expect(urgentFlags('姑姑上周心梗，已经脱离危险了，出院后复查在哪做')).toEqual([]);
  });

  it('…but not while the danger is said to go on (还没脱离危险)', () => {
    expect(urgentFlags('我爸刚脑梗了，医生说还没脱离危险')).not.toEqual([]);
  });
});

describe('a "could not stop him" with nothing of self-harm', () => {
  it('is no emergency alone, while beside head banging it still is', () => {
    expect(urgentFlags('我老公非要半夜出去喝酒，拦都拦不住，防范区能出去吗')).toEqual([]);
    expect(urgentFlags('女儿一直拿头撞墙，拦都拦不住，额头都红了')).not.toEqual([]);
  });
});

describe('an illness past, and what to do if it comes back', () => {
  it('gets the safety line, not an alarm', () => {
    const nlu = realNlu();
    const a = nlu.analyse('我妈前年心梗过，现在好好的，就怕封控期间她又犯了，到时候我们该去哪');
    expect(a.redFlags).toEqual([]);
    expect(a.urgency.caution).toBe(true);
  });
});
