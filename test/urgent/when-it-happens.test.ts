// When what a message tells happens: a birth still to come (到时候去哪家医院, 下个月就要生了) is a question for then; a
// knowledge question whose writer says the sign is not there now (我现在不疼) stays a question; a move made already
// (寒假回老家结果村里封了) is where the writer is, no ordinary reason for a goodbye — and a move is never a reason for
// despair beside a means made ready. Phrasings of our own.
import { urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('a birth still to come', () => {
  it.each([
    ['儿媳妇要生了，到时候去哪家医院生'],
    ['我老婆快要生了 到时候救护车能进小区吗'],
    ['下个月就要生了 封控区产检去哪'],
    ['闺女下礼拜就要生了，医院要不要核酸'],
    // Minnan: 到時陣 is when the time comes
    ['阮新婦欲生矣，到時陣欲去佗一間病院？'],
  ])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([
    ['老婆要生了 羊水破了 到时候去哪'],
    ['下个月就要生了 现在肚子一阵一阵疼 见红了'],
    ['老婆要生了 头都出来了'],
    // about to give birth with nothing said of later: now
    ['老婆要生了 去哪家医院'],
  ])('raises labour for %s', (text) => {
    expect(flags(text)).toContain('labour');
  });
});

describe('a knowledge question with the sign said not to be there now', () => {
  it.each([['问个常识 半夜心口疼一般是什么原因 我现在不疼'], ['胸口疼一般挂哪个科？现在没事了，就想问问']])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it.each([['胸口疼是什么原因 现在疼得厉害'], ['胸口疼一般是啥毛病 现在还疼']])('raises chest pain for %s', (text) => {
    expect(flags(text)).toContain('chest_pain');
  });
});

describe('a move made, and a move beside despair', () => {
  it.each([['放寒假回老家结果村里封了，我真的撑不下去了，绳子都准备好了'], ['辞职回老家，绳子准备好了，我撑不下去了']])('raises suicide for %s', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([['下礼拜搬家 打包的绳子准备好了 大家再见'], ['我要回老家了，谢谢大家这段时间照顾，再见']])('does not raise %s', (text) => {
    expect(flags(text)).toEqual([]);
  });
});
