// Topic answers: a procedure the notice writes for other people than the one asking is given, said to be theirs.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('topic answers', () => {
  it("gives a procedure written for other people, saying whose it is, rather than nothing (忻州's transport asked from home isolation)", () => {
    const chat = talk(core);
    chat.say('忻州定襄县，我们在居家隔离，我妈要去医院看病');
    const reply = textOf(chat.say('看完病谁送我们回来，家里没车'));
    expect(reply).toMatch(/通告写的是.*封控区.*的安排/);
    expect(reply).toContain('专用转运车');
    expect(reply).not.toContain('没有提到这方面的信息');
  });

  it('reads a ride home asked in English (no car, taxis) as transport', () => {
    const chat = talk(core);
    chat.say('We live in Xinfu District, Xinzhou, controlled area. My father needs his dialysis, which hospital?');
    expect(textOf(chat.say("After he's been seen, how do we get back? We have no car and there are no taxis."))).toContain('专用转运车');
  });
});

describe('the words residents use for a topic', () => {
  it('reads a bite asked about without the dog beside it (真被咬了去哪打针) as the department for bites', () => {
    expect(textOf(talk(core).say('泉秀 楼下野猫老挠人 真要被咬了 去哪打针'))).toContain('犬伤门诊');
  });

  it('reads 门槛费 as the deductible (起付线)', () => {
    expect(textOf(talk(core).say('泉秀社区中心看门诊要交门槛费吗'))).toContain('免起付线');
  });

  it('reads a doctor asked on the phone (手机上问问医生) as online care', () => {
    expect(textOf(talk(core).say('晋江管控区 我爸高血压好多年了 我白天要上班走不开 想在手机上问问大夫'))).toContain('网上就诊');
  });

  it("reads months' supply asked as an amount (开几个月的量) or as more (Minnan 开较济 → 开更多) as the prescription's length", () => {
    expect(textOf(talk(core).say('晋江这边 老人的慢性病药现在一次能开几个月的量 他降压降糖的药都吃着'))).toContain('12周');
    expect(textOf(talk(core).say('晋江 阮阿爸痴呆好几年了 攏真乖 想问慢性病的药敢会当一擺开较济咧'))).toMatch(/12[周週]/);
  });

  it("answers a bite asked where and how (去哪家医院处理 怎么出去) by a known group with their hospital for general care and the route", () => {
    const reply = textOf(talk(core).say('忻州管控区 我妈让邻居家的狗咬破了手 去哪家医院处理 怎么出去'));
    expect(reply).toContain('忻州市人民医院');
    expect(reply).toContain('专用转运车');
  });

  it('answers getting to hospital, where the book has no transfer procedure, with who it says arranges a referral', () => {
    expect(textOf(talk(core).say('烟台 我妈万一得去医院 谁来安排'))).toContain('协助转诊');
  });
});

describe('what a designation question asks besides', () => {
  it('adds the notice\'s continuity of care when asked whether treatment or check-ups will stop (会不会断掉, 会不会中断)', () => {
    const reply = textOf(talk(core).say('刚生完孩子回家，晋江封控区的，宝宝后面的复查和看病会不会中断？'));
    expect(reply).toContain('晋江市医院');
    expect(reply).toContain('保障连续的医疗服务');
    // (a where-question that asks nothing of the kind does not get it)
    expect(textOf(talk(core).say('晋江封控区 宝宝发烧去哪家医院'))).not.toContain('保障连续的医疗服务');
  });

  it('reads a pregnancy lost (流产) as maternity care: its hospitals, not general care', () => {
    const reply = textOf(talk(core).say('前阵子流产了 身体养好了 想去复查 忻州管控区的 去哪家'));
    expect(reply).toContain('妇幼保健计划生育服务中心');
  });

  it('adds the emergency route when the way to get care is asked for emergencies (急诊 怎么走流程)', () => {
    const reply = textOf(talk(core).say('下周要给员工讲课 忻州封控期间如果有人高处摔下来这种急诊 按规定应该怎么走流程 现在没人出事'));
    expect(reply).toContain('120');
    expect(reply).toContain('网格员');
    // (the way to get care asked with no emergency does not get it)
    expect(textOf(talk(core).say('忻州封控区 出去看病要走什么流程'))).not.toContain('120');
  });

  it('reads "can her dad and I both go along" as the companion question beside the where-question', () => {
    const reply = textOf(talk(core).say('忻州封控区 孩子要去复查去哪个医院 我跟孩子他爸能不能一起去'));
    expect(reply).toContain('忻州市人民医院');
    expect(reply).toContain('48小时');
  });

  it('reads seeing a doctor without going out (能不能不出门找医生) as online care', () => {
    expect(textOf(talk(core).say('烟台的 高三 考试压力大 老睡不着 能不能不出门找医生聊聊'))).toMatch(/线上|网络|视频|电话/);
    expect(textOf(talk(core).say('晋江封控区 我爸复诊开降压药 能不能不出门就能看'))).toContain('网上');
  });

  it('adds what the notice says of a birth near with something wrong (快生的时候有异常 → 即将分娩的孕产妇有异常情况: 120)', () => {
    const reply = textOf(talk(core).say('老婆怀孕35周 一切都好 提前问下 要是快生的时候有啥异常 忻州管控区怎么去医院'));
    expect(reply).toContain('忻州市人民医院');
    expect(reply).toContain('即将分娩的孕产妇有异常情况');
  });

  it('reads how to get home afterwards (做完怎么回家) as transport, and an agreement asked of by name as the notice\'s 协议书', () => {
    const chat = talk(core);
    chat.say('忻州管控区 我妈要去做化疗 去哪家');
    expect(textOf(chat.say('她走路不方便 做完咋回家'))).toContain('专用转运车');
    expect(textOf(talk(core).say('招远的 社区说要跟我们家签个协议 签的是啥'))).toContain('签约服务协议书');
  });
});

describe("a notice's figure as its word on a question", () => {
  it('gives the home visits bringing medicines when medicines brought home or a doctor at the door is asked (烟台)', () => {
    expect(textOf(talk(core).say('烟台的 降压药快吃完了 能把药送到家吗'))).toContain('上门送医送药');
    expect(textOf(talk(core).say('We live in Yantai. My grandma lives by herself, can a doctor come to her house?'))).toContain('上门送医送药');
  });

  it('keeps the figure out of an answer on family doctors that asks neither', () => {
    const reply = textOf(talk(core).say('烟台怎么联系家庭医生'));
    expect(reply).toContain('家庭医生团队');
    expect(reply).not.toContain('上门送医送药');
  });
});
