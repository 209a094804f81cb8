// After an emergency, "where will the ambulance take them": the designation of the emergency's own care, else
// the book's emergency (or general) designation — never a procedure without a hospital.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';
import { answer } from '../../src/answer/answer';
import { readSlots } from '../../src/dialog/slots';
import { newSession } from '../../src/core/types';
import { EMPTY_STATUS } from '../../src/rules/types';
import { realNlu } from '../support/nlu';
import { book, data, readLines } from '../support/rules';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('where the ambulance goes', () => {
  it('a stroke in Xinzhou: the cardio-cerebral designation', () => {
    const t = talk(core);
    expect(t.say('忻州封控区，我爸突然一边脸耷拉下来，右手拿不住筷子')?.urgent).toBe(true);
    expect(textOf(t.say('救护车到了会拉去哪家医院'))).toContain('忻州市人民医院');
  });

  it('an allergy in Jinjiang, which has no category of its own: the emergency designation', () => {
    const t = talk(core);
    expect(t.say('在晋江隔离点，吃了虾以后喉咙发紧喘不上气，全身起风团')?.urgent).toBe(true);
    expect(textOf(t.say('Which hospital will the ambulance take me to?'))).toMatch(/晋江市医院/);
  });

  it("a dialysis patient's other emergency (a bleeding fistula): the emergency designation beside the dialysis one", () => {
    const t = talk(core);
    t.say('晋江的 我们楼封控了 我是透析病人 每周三周六透 这周去哪透');
    expect(t.say('他刚才抓着我做内瘘那只胳膊往墙上砸 现在扎针那里血一股一股往外喷 按都按不住')?.urgent).toBe(true);
    const reply = textOf(t.say('车来了 会拉我去哪家医院'));
    expect(reply).toContain('晋江市医院');
    expect(reply).toContain('磁灶中心卫生院');
  });

  it('the ambulance called 急救车 names no care of its own: the care of the emergency is kept', () => {
    const t = talk(core);
    expect(t.say('忻州管控区 我爸五十多 刚才胸口像压了块石头 往左胳膊窜 一身冷汗')?.urgent).toBe(true);
    expect(textOf(t.say('急救车快到了 会把他拉到哪个医院'))).toContain('忻州市人民医院');
  });

  it('"送哪" without the word hospital asks the same', () => {
    const t = talk(core);
    expect(t.say('忻州管控区 我妈胸口压着疼 一身冷汗')?.urgent).toBe(true);
    expect(textOf(t.say('车到了 要拉去哪'))).toContain('忻州市人民医院');
  });

  it('"是拉到…吗", a place named and asked about, asks the same', () => {
    const t = talk(core);
    expect(t.say('忻州封控区，我妈突然一边嘴角歪了，话也说不清')?.urgent).toBe(true);
    expect(textOf(t.say('120来了是拉到中医院吗'))).toContain('忻州市人民医院');
  });

  it('"会送到什么地方" / "送到哪儿" ask the same', () => {
    for (const [first, then] of [['晋江 我爸突然说不出话 右手抬不起来', '救护车叫了，会送到什么地方？'], ['忻州封控区 孩子抽搐 叫不醒', '120在路上了 送到哪儿']] as const) {
      const t = talk(core);
      expect(t.say(first)?.urgent).toBe(true);
      expect(textOf(t.say(then))).toMatch(/晋江市医院|忻州市人民医院/);
    }
  });

  it('the locality given after an urgent reply that had none: 120 again, the route and the hospital it promised', () => {
    const t = talk(core);
    const first = t.say('my grandfather suddenly cannot move his right arm and his mouth is crooked');
    expect(first?.urgent).toBe(true);
    expect(first?.ask).toBeNull();
    const next = t.say('Xinzhou, controlled area');
    const text = textOf(next);
    expect(text).toContain('120');
    expect(text).toContain('忻州市人民医院');
    expect(next?.urgent).toBe(false);
  });

  it('…and says so where the notice has no emergency route, naming no hospital', () => {
    const t = talk(core);
    t.say('我老公吃了海鲜，现在嘴唇肿了，喉咙发紧喘不上气');
    const text = textOf(t.say('泉州泉秀街道'));
    expect(text).toContain('120');
    expect(text).toMatch(/没有写急诊流程/);
    expect(text).not.toMatch(/医院：/);
  });

  it('the message right after an urgent reply repeats 120 first, unless it says help is coming', () => {
    const t = talk(core);
    expect(t.say('烟台福山，我妈突然说不出话，右边手脚都没劲了')?.urgent).toBe(true);
    expect(textOf(t.say('能不能先找社区医生来看看'))).toMatch(/^⚠️ 如果情况仍然紧急，请先拨打 120/);
    const u = talk(core);
    u.say('烟台福山，我妈突然说不出话，右边手脚都没劲了');
    expect(textOf(u.say('120已经打了，车快到了，要带什么'))).not.toContain('请先拨打 120');
  });

  it('help on its way: the learned scorer alone does not raise the alarm again over the question; a red flag in scope does', () => {
    const t = talk(core);
    expect(t.say('晋江安海，我老公突然胸口压着疼，一身冷汗')?.urgent).toBe(true);
    // (arrangements for the hospital read, to the scorer alone, like a farewell)
    const r = t.say('救护车已经在路上了 我先收拾东西 家里的事我都交代给我弟了 我跟着去 孩子谁管啊');
    expect(r?.urgent).toBe(false);
    expect(textOf(r)).toMatch(/^⚠️ 如果情况加重，请再次拨打 120/);
    expect(textOf(r)).not.toContain('已为您转人工');
    const u = talk(core);
    u.say('晋江安海，我老公突然胸口压着疼，一身冷汗');
    expect(u.say('救护车到了 他又抽起来了')?.urgent).toBe(true);
  });

  it('help only supposed to come (救护车来了会送哪) is not help on its way: 120 first again', () => {
    const t = talk(core);
    t.say('忻州管控区，我爸突然胸口剧痛，满头大汗');
    expect(textOf(t.say('等救护车来了会拉去哪个医院'))).toMatch(/^⚠️ 如果情况仍然紧急，请先拨打 120/);
    const u = talk(core);
    u.say('忻州管控区，我爸突然胸口剧痛，满头大汗');
    expect(textOf(u.say('救护车来了，要带什么'))).not.toContain('请先拨打 120');
  });

  it('"去的医院一样吗" in an emergency conversation asks where its care is designated', () => {
    const t = talk(core);
    t.say('孩子喘得说不出话，嘴唇发紫，忻州管控区');
    expect(textOf(t.say('那封控区的话去的医院一样吗'))).toContain('忻州市人民医院');
  });

  it('the emergency route asked for a care it names says that care\'s hospital (万一夜里犯了 急诊怎么弄)', () => {
    const r = textOf(talk(core).say('忻州管控区 我爸有心脏病 万一夜里犯了 急诊怎么弄 找谁'));
    expect(r).toContain('心脑血管疾病定点医院：忻州市人民医院');
    expect(r).toContain('直接拨打120');
  });

  it('"往哪送" after an emergency asks where its care is designated', () => {
    const t = talk(core);
    expect(t.say('忻府区 我老婆怀孕九个月 肚子一阵一阵疼 五分钟一次')?.urgent).toBe(true);
    expect(textOf(t.say('救护车到了 人家问往哪送'))).toContain('忻州市妇幼保健计划生育服务中心');
  });

  it('without an emergency before it, a where-question is not taken for one', () => {
    expect(textOf(talk(core).say('忻州封控区急诊要怎么去医院'))).not.toMatch(/心脑血管/);
  });
});

describe('a hospital asked with no care named, the car that came named beside it', () => {
  // (the answer alone, its intent and session given: whether the classifier reads the question as where to go is
  // another matter)
  const ask = (urgentTurn: number | undefined): string => {
    const { rules, domain } = data();
    const analysis = realNlu().analyse('救护车在楼下了 他们问送到哪 黄码的只能去晋江市医院吗');
    const session = { ...newSession(), locality: 'jinjiang', audience: 'yellow_code', turns: 2, urgentTurn };
    const r = answer({ rules, domain, status: EMPTY_STATUS, book: book('jinjiang'), intent: 'designation', slots: readSlots(analysis, rules, []), session, text: analysis.normalised, knownNumbers: new Set() });
    return r.kind === 'answer' ? readLines(r.lines) : '';
  };

  it('after an emergency in the conversation: the emergency designation of the user’s group', () => {
    expect(ask(1)).toMatch(/黄码 · 其他急危重症定点医院：晋江市医院/);
  });

  it('with no emergency before it: what the message names (the transfer), no care assumed', () => {
    expect(ask(undefined)).not.toMatch(/其他急危重症定点医院/);
  });
});
