// Labour told by its intervals and an urge to push (2分钟就一次, 想要出力, 头一胎), an adult drained limp by vomiting,
// and blood that comes in pulses. Phrasings here are not the evaluation sets' own.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('labour', () => {
  it('is read from contractions a few minutes apart, said with 就 or 来 between', () => {
    expect(urgentFlags('老婆肚子疼 差不多三分钟就1次了')).toContain('labour');
    expect(urgentFlags('媳妇怀着呢 现在5分钟来一次 疼得直哼')).toContain('labour');
  });

  it('is read from an urge to push in a first pregnancy (头一胎…想要出力)', () => {
    expect(urgentFlags('我老婆头一胎 肚子一直疼 现在说想要出力')).toContain('labour');
  });

  it('is not read from wanting to lend a hand (出力)', () => {
    expect(urgentFlags('封控了 我想出力帮帮社区 哪里报名志愿者')).toEqual([]);
  });
});

describe('an adult drained by vomiting', () => {
  it('is urgent by the rules when limp and passing no urine (上吐下泻…人软塌塌…一天没小便)', () => {
    expect(ruleFlags('我爸从昨晚开始上吐下泻，现在人软塌塌的，一天没小便了')).not.toEqual([]);
  });

  it('is not when it is over and only a question is left', () => {
    expect(urgentFlags('我爸昨天吐了，今天好了，就是一天没小便，正常吗')).toEqual([]);
  });
});

describe('blood that comes in pulses', () => {
  it('is heavy bleeding in English (squirting in time with his heartbeat)', () => {
    const text = 'Cut his arm on a broken window, blood comes out in pulses, squirting in time with his heartbeat';
    expect(ruleFlags(text)).toContain('bleeding');
  });
});
