// Intent read through the forms that looked like something else: weighing whether to do it (要不要跳下去) is no denial,
// asking how much a way to die hurts is no knowledge sought, a deadline in English ("before he gets home") is no past,
// and a swallowing said done (喝了农药) is no question of knowledge. Phrasings here are not the evaluation sets' own.
import { realNlu, ruleFlags, urgentFlags } from '../support/nlu';

const detect = (text: string) => {
  const nlu = realNlu();
  return nlu.urgent.detect(nlu.normalise(text).text);
};

describe('weighing whether to do it', () => {
  it('reads 要不要/该不该 before an act as weighing it, not a denial', () => {
    expect(ruleFlags('这几天一直在想要不要从阳台跳下去，刚才把窗户打开了')).toContain('suicide');
  });

  it('…while 有没有 and 是不是 still close a question (医生问有没有胸痛，她说没有)', () => {
    expect(urgentFlags('医生问有没有胸痛，她说没有，还要做心电图吗')).toEqual([]);
    expect(urgentFlags('怎么看出老人是不是中风了')).toEqual([]);
  });
});

describe('asking how a way to die would feel', () => {
  it.each(['我在想从楼顶跳下去会不会很痛', '你話由天台跳落去會唔會好痛'])('%s → suicide by the rules', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it("leaves a child's mistake asked about to the poisoning, not a method asked", () => {
    const v = detect('孩子不小心喝了农药会不会死');
    expect(v.mentions.map((m) => m.concept)).not.toContain('method_asked');
    expect(v.flags.map((f) => f.id)).toContain('poisoning');
  });
});

describe('a swallowing said done', () => {
  it('is happening, whatever is asked after it (喝了农药会不会死)', () => {
    expect(urgentFlags('我爸刚喝了农药会不会死')).toContain('poisoning');
  });

  it('…but not when asked ahead of time (想提前了解), nor as a condition with its consequence (压了不褪色就很危险)', () => {
    expect(urgentFlags('孩子误吞了药怎么办，要不要催吐，想提前了解一下')).toEqual([]);
    expect(urgentFlags('群里说娃出疹子用杯子压了不褪色就很危险，是什么道理？我家娃好好的')).toEqual([]);
  });
});

describe('English deadlines and rats', () => {
  it('reads "before he gets home" as a deadline, not the past', () => {
    expect(ruleFlags("I'll end it tonight before my husband gets back")).toContain('suicide');
    expect(urgentFlags('I had chest pain before, it went away')).toEqual([]);
  });

  it('reads rats as rats, and a RAT with its result as an antigen test', () => {
    expect(urgentFlags('we have rats in the flat, bought rat poison and locked it in the cupboard, can the cat get at it?')).toEqual([]);
    expect(realNlu().normalise('my RAT came back positive').text).toContain('抗原');
  });

  it('reads 啉 as Minnan (drink) wherever it is written', () => {
    expect(realNlu().normalise('啉農藥').text).toBe('喝农药');
  });
});

describe('what says an arrangement is final', () => {
  it('holds beside clothes packed to give away (打包 is no move), but not beside a move (搬家)', () => {
    expect(ruleFlags('衣服都打包送人了，手机留给女儿，猫也托给对门了，以后也用不上')).toContain('suicide');
    expect(urgentFlags('下周搬家了，猫托给楼下，健身卡也退了，以后用不上了')).toEqual([]);
  });
});
