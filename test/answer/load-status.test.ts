import { loadStatusAnswer } from '../../src/answer/load-status';
import { EMPTY_STATUS } from '../../src/rules/types';
import { realRules } from '../support/nlu';
import { realCore, talk, textOf } from '../support/core';

const yantai = () => {
  const book = realRules().byId.get('yantai');
  if (!book) throw new Error('no yantai rule book');
  return book;
};
const marksSaid = (lines: ReturnType<typeof loadStatusAnswer>) => lines.filter((l) => 'key' in l && l.key === 'load_mark').map((l) => ('vars' in l ? l.vars?.mark : undefined));

describe('load marks', () => {
  it('one mark asked: that mark alone', () => {
    expect(marksSaid(loadStatusAnswer(yantai(), ['red'], EMPTY_STATUS, '标红是什么意思'))).toEqual(['红色']);
  });
  it('several marks named by single characters (蓝、黄、红): every mark, with the heading', () => {
    const lines = loadStatusAnswer(yantai(), ['red'], EMPTY_STATUS, '蓝、黄、红标识分别是什么意思');
    expect(marksSaid(lines)).toEqual(['蓝色', '黄色', '红色', '×']);
    expect(lines[0]).toMatchObject({ key: 'load_marks_head' });
  });
  it('a lone single character is not read as a mark', () => {
    expect(marksSaid(loadStatusAnswer(yantai(), [], EMPTY_STATUS, '红码的人去哪看病'))).toHaveLength(4);
    expect(marksSaid(loadStatusAnswer(yantai(), ['blue'], EMPTY_STATUS, '红码的人标蓝的诊所能去吗'))).toEqual(['蓝色']);
  });
});

describe('a load mark asked beside another question', () => {
  it("gives the mark's meaning after the answer about a care (孩子发烧…牌子上画个黄的 是么意思)", async () => {
    const core = await realCore();
    const text = textOf(talk(core).say('龙口 孩子有点低烧 村卫生室门口牌子上画个黄的 啥意思 还能去吗'));
    expect(text).toContain('就诊人数较多');
    expect(text).toContain('发热');
  });

  it('gives the meaning of a mark said as a coloured sign (红牌子) beside a question of how to get care', async () => {
    const core = await realCore();
    expect(textOf(talk(core).say('龙口 卫生院门口挂了块黄牌子 带我妈去拿药要注意啥'))).toContain('可提前联系预约');
    // (a colour alone is no mark)
    expect(textOf(talk(core).say('烟台 孩子身上起了红色的疹子 不发烧 去哪看'))).not.toContain('就诊人数过多');
  });
});

describe('how busy the clinics are, no mark named', () => {
  it('gives every mark beside the answer (which clinic is quiet)', async () => {
    const core = await realCore();
    const text = textOf(talk(core).say("We're in Longkou, my grandson has a cough. Which clinic is quiet before I take him?"));
    expect(text).toContain('接诊人数不多');
    expect(text).toContain('就诊人数过多');
  });
});
