// How to get care: guidance limited to one kind of care is not another's route, and the hospitals for the
// care the conversation is about are named with it.
import { topicGuidance } from '../../src/answer/topics';
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';
import { realRules } from '../support/nlu';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('topic guidance and care categories', () => {
  const jinjiang = () => realRules().byId.get('jinjiang')!;
  it("晋江's dialysis arrangements are the care route of dialysis, not of a child", () => {
    const ids = (c: string[]) => topicGuidance(jinjiang(), 'care_route', undefined, c).map((g) => g.id);
    expect(ids(['dialysis'])).toContain('dialysis_booking');
    expect(ids(['children'])).not.toContain('dialysis_booking');
    expect(ids([])).not.toContain('dialysis_booking');
  });

  it("seeing a doctor online where the notice's only online care is its family doctors' at home (烟台: 网上问医生)", () => {
    // (…or online said of the doctor: 能在线帮着看看, 在线问问)
    for (const text of ['烟台这边可以在网上问医生吗？我不想出门', '請問煙台嗰度可唔可以喺網上問醫生？', '烟台的，孩子咳嗽两天了，有医生能在线帮忙看一下吗', '我在烟台，想在线问问医生，不想出门'])
      expect(textOf(talk(core).say(text))).toMatch(/线上方式|線上方式/);
  });

  it("online care asked beside another question, where the notice's only online care is its family doctors' (烟台, in English)", () => {
    expect(textOf(talk(core).say("Can anyone in Yantai check my dad's tablets with us remotely? He takes nine kinds"))).toMatch(/线上方式|online/);
  });

  it("care at home asked for where the notice's only care at home is its family doctors' (烟台: 上门换药)", () => {
    for (const text of ['烟台芝罘区 我爸刚做完手术回家 伤口要定期换药 有没有人上门', '烟台福山的 我妈插着胃管 谁能上门护理'])
      expect(textOf(talk(core).say(text))).toContain('家庭医生');
  });

  it("a doctor coming to the house (到家里来看看) is the notice's home visits (烟台: 上门送医送药)", () => {
    expect(textOf(talk(core).say('烟台莱山 我爸腿脚不好 医生能到家里来看看吗'))).toContain('上门');
  });

  it('a complaint to make (想投诉, 有意见想反映) asks for the notice\'s feedback line', () => {
    expect(textOf(talk(core).say('忻州看病的事有意见 想投诉一下 找哪里'))).toContain('0350-3301599');
  });

  it('what to watch out for on the way (路上要注意点啥) adds the personal protection the notice asks for', () => {
    expect(textOf(talk(core).say('忻州管控区 要出去看病 路上和到了医院要注意点啥'))).toContain('个人防护');
  });

  it('who arranges the sessions (透析时间谁来排, Wu 啥人来排) asks for the arrangements beside the hospital', () => {
    for (const text of ['晋江管控区的 我爸血透 一周三次 透析时间谁来排', '阿拉娘舅晋江管控区个 血透 透析个辰光啥人来排'])
      expect(textOf(talk(core).say(text))).toContain('合理安排血透时间');
  });
});

describe('a how-to-get-care answer names the hospitals for the care asked', () => {
  it("a child in isolation in 晋江: the children designation in the notice's words (婴幼儿诊疗), in English for an English writer", () => {
    const t = talk(core);
    t.say('We are in isolation and my son needs to see a doctor');
    const reply = textOf(t.say('Jinjiang'));
    expect(reply).toContain('晋江市医院');
    expect(reply).toMatch(/Designated hospitals for care of infants and young children/);
    expect(reply).not.toContain('透析');
  });
  it('how someone of a known group gets to hospital, no care named: their hospital for general care', () => {
    const reply = textOf(talk(core).say('How do people in centralised isolation in Jinjiang get taken to a hospital?'));
    expect(reply).toContain('晋江市医院');
    expect(reply).toMatch(/120/);
  });
  it('not again right after the designation was given', () => {
    const t = talk(core);
    expect(textOf(t.say('晋江隔离的孩子发烧去哪家医院'))).toContain('晋江市医院');
    expect(textOf(t.say('怎么过去？'))).not.toContain('定点医院：');
  });
});

describe('a procedure that goes on in another (answers.yml `continues`)', () => {
  it('忻州: going out for care is the care route and then the transport it points to (按相应流程)', () => {
    const reply = textOf(talk(core).say('小区在原平市 是管控区 邻居老人要去医院拿药复诊 具体手续怎么走'));
    expect(reply).toContain('网格员');
    expect(reply).toMatch(/专用转运车/);
  });
  it('晋江, which has only the transport procedure: whoever looks after an isolated person reports to the 120 centre', () => {
    for (const text of ['晋江密接在隔离 要去医院复查 手续怎么走', 'Jinjiang quarantine site: a resident needs a doctor for a rash, how do we arrange getting her there?']) {
      const reply = textOf(talk(core).say(text));
      expect(reply).toContain('晋江市医院');
      expect(reply).toContain('报市120急救指挥中心');
    }
  });
});

describe('how they go out, asked after where to go', () => {
  it('a grid worker told the hospitals asks how the residents get out: the route and the transport', () => {
    const t = talk(core);
    expect(textOf(t.say('定襄县封控小区 网格员问 两户人一户要透析一户要化疗 分别去哪'))).toContain('忻州市第二人民医院');
    const reply = textOf(t.say('那他们出去怎么走，我要做什么'));
    expect(reply).toContain('包片');
    expect(reply).toContain('转运车');
  });
});

describe('pupils are children', () => {
  it('a school asking for its pupils gets the children designation', () => {
    const reply = textOf(talk(core).say('我们是忻州一所小学，管控区的小学生病了该去哪个定点医院'));
    expect(reply).toContain('妇幼保健');
  });
});

describe('who arranges the care, asked beside where to go', () => {
  it('晋江 dialysis for a close contact: the centre, and the working group that sets the times', () => {
    const reply = textOf(talk(core).say('我姑父是次密接，在晋江透析，医院在哪？透析时间谁来安排？'));
    expect(reply).toContain('磁灶中心卫生院');
    expect(reply).toMatch(/工作组|专人/);
  });
});

describe('a care found at a facility is somewhere to go', () => {
  it("泉秀: a complaint named in the resident's words finds its department, whatever else the words match", () => {
    const reply = textOf(talk(core).say('肩周炎好几年了，上班天天对着电脑，泉秀社区卫生服务中心能看吗'));
    expect(reply).toContain('针灸推拿科');
    expect(reply).toContain('灯荣路');
  });

  it('泉秀: a cut to stitch or an ankle turned finds the surgery or the orthopaedics', () => {
    expect(textOf(talk(core).say('泉秀社区中心 切菜把手划了 要缝几针吗 能去吗'))).toContain('对应外科');
    expect(textOf(talk(core).say('泉秀社区中心 下楼崴了脚 有没有骨科'))).toContain('骨科');
    // asked whether it can treat it (能看…吗, 能处理…吗, 看得了) beside when it is open
    const both = textOf(talk(core).say('泉秀社区中心能看扭伤吗？我晚上下班才有空'));
    expect(both).toContain('骨科');
    expect(both).toContain('晚上9点');
  });

  it('泉秀: Chinese medicine asked for by what it does (号脉, 传统医学) finds its department', () => {
    expect(textOf(talk(core).say('泉秀中心有没有号脉开方子的'))).toContain('对应中医科');
  });

  it('泉秀: the department, the list, and where the centre is', () => {
    const reply = textOf(talk(core).say('泉秀这边孩子要打预防针，去哪儿打'));
    expect(reply).toContain('预防接种科');
    expect(reply).toContain('灯荣路');
  });
});

describe('a named hospital that cannot take patients', () => {
  it("its covid cases are the hospital's: the backup in force for the care it is designated for", () => {
    const t = talk(core);
    const reply = textOf(t.say('听说晋江市医院出了阳性病例，现在不接收病人了，我是隔离人员想看个病，该去哪里'));
    expect(reply).toContain('晋江市医院经济开发区院区');
    expect(reply).not.toContain('危重症患者救治');
  });
});

describe('a user who lives where no notice covers', () => {
  it('asking for a street notice’s service is told it is not theirs, with no numbers', () => {
    const t = talk(core);
    const reply = textOf(t.say('我家住在泉州洛江区，泉秀的康复治疗我能去做吗，电话多少'));
    expect(reply).toContain('洛江区');
    expect(reply).not.toMatch(/1\d{10}|2822\d{4}/);
  });
  it('then saying the patient is in the locality gets its answer', () => {
    const t = talk(core);
    t.say('我住在太原，晋江的透析定点医院是哪家');
    expect(textOf(t.say('病人就在晋江，是密接'))).toContain('磁灶中心卫生院');
  });
  it('a relative elsewhere does not make the user live there', () => {
    const t = talk(core);
    expect(textOf(t.say('我在晋江，我妈在太原，我要透析去哪'))).toContain('磁灶中心卫生院');
  });
});

describe('a user elsewhere asking for someone in the locality', () => {
  it('我在澳门，老爸在忻州封控区 is answered from 忻州', () => {
    const t = talk(core);
    expect(textOf(t.say('我在澳门，老爸在忻州封控区要透析，去哪家医院'))).toContain('忻州');
    expect(textOf(t.say('我在澳门，老爸在忻州封控区要透析，去哪家医院'))).not.toContain('不能替当地作答');
  });
});

describe('status words and what a conversation is about', () => {
  it('"do I have to isolate" asks about isolation, it does not make the user an isolated person', () => {
    const t = talk(core);
    t.say('忻州封控区老人去医院能有人陪吗');
    expect(textOf(t.say('陪的人回来以后用隔离吗'))).toContain('相同隔离管控措施');
  });
  it('after an emergency, "which hospital" is about that emergency’s care', () => {
    const t = talk(core);
    expect(t.say('晋江，我老婆是密接，羊水破了，肚子一阵阵疼')?.urgent).toBe(true);
    expect(textOf(t.say('救护车来了，会送去哪家医院'))).toContain('晋江市医院');
  });
});

describe('when every hospital listed is full', () => {
  it('the hotline to call is given with it', () => {
    const t = talk(core);
    t.say('忻州管控区的病人要化疗去哪');
    expect(textOf(t.say('那家也满了呢'))).toContain('0350-3301599');
  });
});
