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
  it.each([
    // a department by its euphemism, a sprain by 跌打, an X-ray as 拍个片, a department asked 是哪个科
    ['问一下 泉秀的社区中心有没有看女人那方面的 就是下面的 在哪', '妇科'],
    ['上周打球撞了一下 小腿青了一大块 现在不疼了 泉秀社区中心看跌打扭伤是哪个科', '骨科'],
    ['咳嗽三个礼拜了 没发烧 也不喘 泉秀社区中心能拍个片吗', '放射科'],
    // a department asked as 有看X的吗 (is there one who sees to the neck?)
    ['天天低头看手机 脖子僵 泉秀卫生服务中心有看颈椎的吗', '骨科'],
    // a doctor to ask (找个医生问问), the doctor assigned to a household (对口的医生), a doctor seeing someone regularly
    ['我怀孕八个礼拜 肚子有点胀 没见红 阿拉住辣烟台 想寻个医生问问 哪能寻', '家庭医生'],
    ['我是烟台牟平的，家里老人八十多了出不了门。听说每家都有对口的医生，去哪里找联系方式？', '家庭医生'],
    // booking the big hospital's scan (约大医院), herbs decocted in Cantonese (煲药), both parents along (能都去吗)
    ['我家在泉秀，想约个脑部的片子做做放心，社区中心能帮忙约大医院的吗？', '绿色通道'],
    ['想試下中醫調理 泉秀社區中心有冇人幫手煲埋啲藥 寄返屋企得唔得', '代煎'],
    ['6个月的娃 现在让去复查 我们忻州封控区 带娃去医院我和娃他爸能都去吗', '一名'],
    // a place asked for when the backup is full too, or no slot can be had (再满呢; Minnan 排袂着 → 排不着)
    ['晋江 我们管控区的 透析要是磁灶那边排不着 去哪', '东石'],
    // a night's pain supposed, asked what to do then: the emergency route
    ['忻州封控区 我老公有胆结石 现在一点不疼 就是担心万一半夜疼起来 疼得受不了那种 到时候该怎么办 先找谁', '120'],
    // English: a covid swab before a visit; a procedure no hospital of the city does
    ["I'm in a sealed compound in Xinzhou. If I go to hospital for something that isn't an emergency, do they need a covid swab first?", '核酸'],
    ["Our street in Jinjiang is in lockdown. I've been told no hospital in Jinjiang does this procedure. Who do we ask to sort something out?", '医政科'],
    // a department asked with its question before it (有给小孩看病的科吗, 科别), a check-up it can do (能做孕期检查吗),
    // a urine test (验个尿), the menopause, a specialist for the heart
    ['闺女十岁 这几天晚上老说梦话 白天都正常 没发烧 泉秀社区医院有给小孩看病的科吗', '儿科'],
    ['请问一下 我最近更年期 晚上睡不好 泉秀社区医院有看这个的科别吗', '妇科'],
    ['我在泉秀 怀孕二十周 社区卫生服务中心平时能做孕期检查吗', '妇女保健科'],
    ['想验个尿看看 泉秀社区中心能验吗', '检验科'],
    ['最近老心慌 想找个看心脏的专科医生瞧瞧 泉秀社区有吗', '心血管内科'],
    // a doctor on the phone asked with 就能 between (手机上就能问医生), or one to talk to on the phone
    ['我腿脚不好 每次看病都要女儿请假陪着 住晋江 有没有不用跑医院 在手机上就能问医生的', '网上就诊'],
    ['封了好久 天天睡不着 就想问问烟台有没有医生能在手机上说说话', '线上'],
    // medicines brought round (送送药), run out said 吃没了; a grandmother's local doctors
    ['俺一个人住 老寒腿下不了楼 降压药也快没了 烟台牟平这块 谁能给俺送送药', '送医送药'],
    ['招远这边 俺老伴的降压药快吃没了 出不去门 咋弄', '送医送药'],
    ["My grandpa in Yantai has diabetes and hasn't left the flat for weeks. How do we reach his local doctors?", '家庭医生'],
    // medicines brought to the door said verb first (送药到家), a doctor asked to come round (能过来一趟)
    ['烟台牟平 我爸腿摔过一回 现在能走但下不了楼 社区医生能送药到家吗', '送医送药'],
    ['俺娘一个人在家 咳嗽好几天了 不发烧 烟台莱山的 社区大夫能到家来看看不', '送医送药'],
    // who takes someone to hospital (谁能帮忙送医院), where the book has no transfer procedure: 烟台's referral
    ['烟台蓬莱 我姥爷九十了一个人住 哪天要是不舒服了谁来帮忙送医院', '协助转诊'],
    // a bite said as a nip or teeth that grazed; Minnan's 汉医; English "can I go along"
    ["Quanxiu here. A neighbour's puppy nipped my daughter's finger on the stairs, tiny scratch. Where at the community centre do we go?", '犬伤门诊'],
    ['The stray cat outside our block in Quanxiu, its teeth grazed my wrist when I fed it. Where do I go?', '犬伤门诊'],
    ['阮阿公蹛泉秀 伊想欲揣汉医看看 恁社区中心敢有看汉医的', '中医科'],
    ['My dad is in a sealed building in Xinzhou. When the community sends him to hospital for his check-up, can I go along?', '相同隔离管控措施'],
    // whether to tell the hospital one is from a sealed zone: the notice's protection line
    ['忻州管控区的 去医院看病要不要跟大夫说明自己是管控区的', '告知隔离管控情况'],
  ])('"%s" is answered with %s', (q, expected) => {
    expect(textOf(talk(core).say(q))).toContain(expected);
  });

  it('reads a bite asked about without the dog beside it (真被咬了去哪打针) as the department for bites', () => {
    expect(textOf(talk(core).say('泉秀 楼下野猫老挠人 真要被咬了 去哪打针'))).toContain('犬伤门诊');
  });

  it("reads a child's next dose (该打下一针了) as the vaccination department, not a fever", () => {
    const reply = textOf(talk(core).say('孩子一岁了 该打下一针了 泉秀这边社区医院能打吗'));
    expect(reply).toContain('预防接种科');
    expect(reply).not.toContain('发热门诊');
  });

  it('reads 预防针 as the vaccination department, named for the word asked', () => {
    expect(textOf(talk(core).say('孩子该打预防针了 泉秀社区中心能打吗'))).toMatch(/预防针[^。\n]{0,6}预防接种科/);
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

describe('a department in words apart, and who to ask beside a question', () => {
  it('a dog that bit someone, said with words between (狗把…咬了一口), is the dog-bite clinic', () => {
    const reply = textOf(talk(core).say('邻居家的狗把我儿子小腿咬了一口 破了点皮 泉秀社区中心能处理吗'));
    expect(reply).toContain('犬伤门诊');
    expect(reply).toContain('您问的狗咬');
  });
  it('a vaccine shot (打预防针) is the vaccination department', () => {
    expect(textOf(talk(core).say('泉秀社区卫生服务中心能打预防针吗 我白天上班没空跑远'))).toContain('预防接种科');
  });
  it('a care the locality does not offer, asked where to go, gets the notice\'s way for it after the hospitals', () => {
    expect(textOf(talk(core).say('我儿子要做的那种听力康复 晋江本地好像没有能做的 我们是封控区 去哪家医院'))).toContain('医政科');
  });
  it('"找谁问" beside a question of care gives the number to ask too', () => {
    const reply = textOf(talk(core).say('忻州的 明天要转去方舱了 我有高血压 自己的药能带进去吗 找谁问'));
    expect(reply).toContain('0350-3301599');
  });
});

describe('a way to care the notice writes, asked in other words', () => {
  it('a doctor asked without going to hospital is its online care (不去医院的话…问医生)', () => {
    expect(textOf(talk(core).say('晋江 不去医院的话 有没有别的办法问医生'))).toMatch(/网上预约|在线咨询/);
  });

  it('how a medicine is taken, asked in English, is medication guidance ("how to take her pain pills")', () => {
    const t = talk(core);
    t.say('Yantai: how do we find out who our family doctor is?');
    expect(textOf(t.say('And can they tell her how to take her pain pills over the phone too?'))).toContain('用药指导');
  });

  it('a treatment said not to be had here is one the locality does not offer (这边没有, 冇呢個項目)', () => {
    expect(textOf(talk(core).say('晋江管控区 我爸一直做的那个康复治疗晋江这边没有 现在怎么办'))).toContain('医政科');
    expect(textOf(talk(core).say('我哋喺晉江 如果晉江冇呢個項目 點算'))).toMatch(/醫政科|医政科/);
  });

  it('who arranges the hospital for someone who cannot go alone is the referral (哪天真要去医院 谁帮着联系)', () => {
    expect(textOf(talk(core).say('招远 我爸瘫在床上好几年了 哪天真要去医院 谁帮着联系'))).toContain('协助转诊');
  });

  it('a check after a birth is maternity care (产后复查)', () => {
    expect(textOf(talk(core).say('忻州管控区 产后复查去哪'))).toContain('妇幼');
  });

  it('medicine had at home is the notice\'s medicines brought to the door (在家就拿到药)', () => {
    expect(textOf(talk(core).say('烟台封着出不去 药还剩几天 能不能在家就拿到药'))).toContain('送医送药');
  });

  it('reads a clock time asked of ("七点多了还能去吗") as the hours asked for, of the facility named, not a care it does not name', () => {
    for (const text of ['泉秀社区卫生服务中心 我六点半下班 还能去吗', '泉秀社区卫生服务中心，八点多了，还开着吗']) {
      const reply = textOf(talk(core).say(text));
      expect(reply).toMatch(/晚上9点|21/);
      expect(reply).not.toContain('发热门诊');
    }
  });
});
