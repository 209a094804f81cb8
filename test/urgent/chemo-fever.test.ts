// A fever during chemotherapy or in the weeks after a cycle: the white cells are low and an infection can kill in
// hours, so it is urgent whatever else the message asks (docs/urgent.md, "A fever on chemotherapy"). Checked through
// the real NLU: the class is the concept rules', without corpus lines for the scorer.
import { urgentFlags } from '../support/nlu';

describe('a fever on chemotherapy', () => {
  it.each([
    '我妈上周刚做完第三次化疗，医生说白细胞会很低。今天下午开始发烧，刚量39.6，一直打寒战，请问出小区要开通行证吗',
    '我爸正在化疗 这两天烧到39度 人没精神',
    '阿爸做紧化療，今日發燒39度',
    'my mum is on chemo and has a fever of 38.5, can she leave the compound',
  ])('raises %s', (text) => {
    expect(urgentFlags(text)).toContain('chemo_fever');
  });

  it.each([
    // a course long over; a fever clinic asked for; no fever; a fever only slight; a fever supposed
    '三年前做过化疗 现在好了 这两天发烧38度 去哪看',
    '我爸在化疗 发热门诊在哪',
    '我爸在化疗，没有发烧，下次化疗去哪',
    '我爸化疗期间有点低烧 37.6 要紧吗',
    '假设，我妈在化疗，发了高烧，去哪个医院',
    // the last cycle a year or more ago: the course is over (a year's past ends it; a week's does not)
    '我姐前年做完最后一次化疗，这两天有点发烧，想去发热门诊',
    '我爸两年前化疗刚结束时白细胞低过，今天低烧37.8，去哪看',
    "Hypothetically — if my mum, who's on chemo, spiked a high fever, which hospital? She's fine right now.",
  ])('does not raise %s', (text) => {
    expect(urgentFlags(text)).not.toContain('chemo_fever');
  });
});
