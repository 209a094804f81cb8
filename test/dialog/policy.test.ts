// The reply policy, through the real core: ask only what changes the answer, give every variant when
// they fit, answer compound questions, and read a group of audiences as its members.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
});

describe('reply policy', () => {
  it("gives every designation, grouped by hospital, when they fit in a short reply (Xinzhou's four lists)", () => {
    const r = talk(core).say('忻州封控区的定点医院都有哪些');
    expect(r?.ask).toBeNull();
    const text = textOf(r);
    for (const name of ['忻州市中医医院', '忻州市妇幼保健计划生育服务中心', '忻州市第二人民医院']) expect(text).toContain(name);
    expect(text.match(/定点医院：/g)?.length).toBeLessThanOrEqual(4);
  });

  it('adds the safety line to the question for the place when an emergency is only supposed (如果老人摔了头以后人不清醒了)', () => {
    const r = talk(core).say('如果老人摔了头以后人不清醒了，该怎么办？');
    expect(r?.ask).toBe('locality');
    expect(r?.urgent).toBe(false);
    expect(textOf(r)).toContain('120');
  });

  it('reads a time supposed (如果封控的时候…突然要生了) as a supposition: the answer with the safety line, no alarm', () => {
    const r = talk(core).say('怀孕八个月了，在忻府区封控区。如果封控的时候，突然要生了，应该先给谁打电话？');
    expect(r?.urgent).toBe(false);
    const text = textOf(r);
    expect(text).toContain('120');
    expect(text).toContain('网格员');
  });

  it('reads a test said as its sampling (上回采样是三天前) as the admission test rules', () => {
    const t = talk(core);
    t.say('忻州管控区小孩要看病去哪家');
    expect(textOf(t.say('孩子上回采样是三天前了，过去了会不会不给看'))).toContain('核酸');
  });

  it('answers the question itself (who renews a medicine) before what is asked besides (the evening hours), not in its place', () => {
    const reply = textOf(talk(core).say('泉秀这边 降压药快吃完了 找谁开 晚上能去吗'));
    expect(reply).toContain('门诊特殊病种');
    expect(reply).toContain('晚上9点');
    expect(reply.indexOf('门诊特殊病种')).toBeLessThan(reply.indexOf('晚上9点'));
  });

  it('reads going along asked as yes or no (我能跟上吗, 跟车行不) as the companion rule', () => {
    const t = talk(core);
    t.say('忻州封控区 孩子抽搐了');
    expect(textOf(t.say('救护车到了 我能跟上吗'))).toContain('48小时');
  });

  it('reads the ambulance having taken the patient (救护车拉走了) as help come: the answer, and 120 again should it get worse', () => {
    const t = talk(core);
    t.say('晋江 我爸透析的 三天没透了 躺不平 喘得厉害');
    const r = t.say('救护车拉走了 以后透析该去哪 我们是管控区');
    expect(r?.urgent).toBeFalsy();
    expect(textOf(r)).toContain('磁灶中心卫生院');
    expect(textOf(r)).toContain('如果情况加重');
  });

  it('does not ask the zone when both zones have the same hospitals, and asks nothing it does not need', () => {
    const r = talk(core).say('忻州的透析病人去哪家医院');
    expect(r?.ask).toBeNull();
    expect(textOf(r)).toContain('封控区、管控区');
  });

  it('answers no notice for a place the user lives in when a covered one is named only to say how near it is', () => {
    for (const text of ['南安水头的 跟安海就隔一座桥 我们这边管控了 孕妇产检去哪', '我在石狮，离晋江很近，透析去哪家医院']) {
      const reply = textOf(talk(core).say(text));
      expect(reply).not.toContain('晋江市医院');
      expect(reply).not.toContain('磁灶');
      expect(reply).toMatch(/没有(?:南安|石狮)市的就医通告/);
    }
    // where they live is covered, the other place is the landmark
    expect(textOf(talk(core).say('我住晋江，离石狮很近，孕妇产检去哪'))).toContain('晋江市医院');
  });

  it('takes the place a correction says it is, not the one it says it is not (是晋江 不是忻州, "not Xinzhou")', () => {
    const chat = talk(core);
    expect(textOf(chat.say('忻州封控区 孕妇产检去哪家'))).toContain('忻州市妇幼');
    const corrected = textOf(chat.say('打错了 是晋江 不是忻州'));
    expect(corrected).toContain('晋江市医院');
    expect(corrected).not.toContain('忻州');
    expect(textOf(talk(core).say('Not Xinzhou, we are in Jinjiang. Where do pregnant women give birth?'))).toContain('晋江市医院');
    expect(textOf(talk(core).say('我在晋江，不是在忻州，孕妇去哪生'))).not.toContain('忻州市');
  });

  it('past the end of a list, names the ones it holds (忻州 封控区 发烧 … 还有别家吗)', () => {
    const chat = talk(core);
    expect(textOf(chat.say('忻州 封控区的 发烧了上哪看'))).toContain('忻州市人民医院');
    const end = textOf(chat.say('第二家呢'));
    expect(end).toContain('通告只列了这1家');
    expect(end).toContain('忻州市人民医院');
  });

  it('walks the backups with the words people use for the next one (再后面一家呢, 下一家)', () => {
    const chat = talk(core);
    chat.say('晋江红码发烧去哪家医院');
    expect(textOf(chat.say('那要是满了呢'))).toContain('现应前往 晋江市医院经济开发区院区');
    expect(textOf(chat.say('再后面一家呢'))).toContain('现应前往 东石中心卫生院');
  });

  it('answers the last question again for a zone corrected with nothing asked (我说错了 我们是管控区 不是封控区)', () => {
    const chat = talk(core);
    expect(textOf(chat.say('忻州 封控区 发烧了去哪看'))).toContain('封控区 · 发热门诊定点医院');
    expect(textOf(chat.say('我说错了 我们是管控区 不是封控区'))).toContain('管控区 · 发热门诊定点医院');
  });

  it.each([
    ['咱们忻州封控区 要是真有个急事 咋弄'],
    ['We live in Xinzhou, in a sealed zone. If something happens to my dad, how do we get him to a hospital?'],
  ])('answers an emergency supposed with the emergency route (a measure word before it; something happening, in English): %s', (text) => {
    const r = talk(core).say(text);
    expect(r?.urgent).toBe(false);
    expect(textOf(r)).toMatch(/120/);
    expect(textOf(r)).toMatch(/网格员|grid/);
  });

  it('answers the last question again for a zone said late, the place not said again (忘说了 俺们小区刚划成管控区)', () => {
    const chat = talk(core);
    expect(textOf(chat.say('晋江这边 俺爹要化疗 去哪家医院'))).toContain('肿瘤化疗定点医院');
    expect(textOf(chat.say('对了 咱们小区刚被划成封控区'))).toContain('封控区 · 肿瘤化疗定点医院');
  });

  it('…and when the correction asks only whether it is the same (写错了 是管控区 不是封控区 也一样吗)', () => {
    const chat = talk(core);
    expect(textOf(chat.say('忻州封控区 老人去医院能有人陪吗'))).toContain('48小时');
    expect(textOf(chat.say('写错了 是管控区 不是封控区 也一样吗'))).toContain('48小时');
  });

  it('reads a tier only the rural plan names (亚定点医院, 县级医院) with no place as a rural question; a care asked of it still needs the place', () => {
    for (const text of ['亚定点医院是收哪些病人的', '县级医院跟乡镇卫生院各管什么']) {
      const r = talk(core).say(text);
      expect(r?.ask).toBeNull();
      expect(textOf(r)).toContain('亚定点医院的分类收治');
    }
    expect(talk(core).say('县医院能做透析吗')?.ask).toBe('locality');
  });

  it('reads "our county" (我们县里, 咱县) with no place named as the rural plan, whose tiers are the county\'s', () => {
    for (const text of ['咱县里的人阳了要是转重症 送哪一级', '我們縣裡發燒的人先去哪看']) {
      const r = talk(core).say(text);
      expect(r?.ask).toBeNull();
      expect(textOf(r)).toMatch(/农村地区的通用分级就医流程|農村地區的通用分級就醫流程/);
    }
    expect(textOf(talk(core).say('忻州代县县里阳了去哪看'))).not.toContain('农村地区的通用分级就医流程');
  });

  it("answers where a care is given when asked beside the emergency route (120打了 是拉去哪透析), not the route again", () => {
    const chat = talk(core);
    expect(chat.say('代县的，我爸透析十天没做了，腿肿得厉害，躺下就憋气')?.urgent).toBe(true);
    for (const text of ['急救车说往市里送，透析那两家医院再讲一遍', '120说拉到市里，透析的是哪两家'])
      expect(textOf(chat.say(text))).toContain('忻州市人民医院、忻州市中医医院');
  });

  it("asks for the other contacts when the number quoted, or the one just given, goes unanswered; a care asked beside it is answered", () => {
    const quoted = textOf(talk(core).say('0350-3301599这个号一上午都占线 还有别的号没有 忻州'));
    expect(quoted).toContain('没有公布其他电话');
    expect(quoted).toContain('网格员');
    const chat = talk(core);
    chat.say('忻州封控期间看病有没有咨询电话');
    expect(textOf(chat.say('你给的这个电话打了十几遍 打不通 还有别的号没'))).toContain('没有公布其他电话');
    expect(textOf(talk(core).say('忻州的 我打了0350-3301599没人接，孩子发烧去哪'))).toContain('发热门诊定点医院');
  });

  it('gives the numbers to call when the transfer car has not come (车到现在还没来, never came), whichever care it was for', () => {
    expect(textOf(talk(core).say('忻州封控区的，约好八点接我妈去透析，车到现在还没来，问谁'))).toContain('0350-3301599');
    const chat = talk(core);
    chat.say("The car to take my mum to chemo never came, who do we ring?");
    expect(textOf(chat.say('Xinzhou, sealed zone'))).toContain('0350-3301599');
  });

  it("resumes the waiting question when the place comes with a few words around it (Xinzhou, he's in a controlled area; 他住在晋江那边)", () => {
    const chat = talk(core);
    chat.say('The transfer car never came to take my dad to his dialysis. Who should I call?');
    expect(textOf(chat.say("Xinzhou, he's in a controlled area"))).toContain('0350-3301599');
    const other = talk(core);
    other.say('The transfer car never came to take my mum to chemo, who do we ring?');
    expect(textOf(other.say("We're in Xinzhou, it's a sealed zone"))).toContain('0350-3301599');
    // (words that ask something new are no filler: the question then is the new one)
    const asks = talk(core);
    asks.say('The transfer car never came to take my dad to his dialysis. Who should I call?');
    expect(textOf(asks.say('Xinzhou. Which hospital does dialysis there?'))).toContain('忻州市人民医院');
  });

  it('resumes it when the place is said late, with a word for having forgotten it (sorry, forgot to say; 忘了说)', () => {
    const chat = talk(core);
    chat.say('My aunt has a fever since last night and the township clinic has shut. Where can she go?');
    expect(textOf(chat.say("Sorry, forgot to say: it's near Penglai, Yantai."))).toContain('发热哨点');
    const zh = talk(core);
    zh.say('我舅舅发烧两天了 村卫生室关门了 去哪看');
    expect(textOf(zh.say('不好意思 忘了说 是烟台莱阳的'))).toContain('发热哨点');
  });

  it('names where the care is given beside who may go along (陪同就医 and the designated hospital for the care named)', () => {
    const text = textOf(talk(core).say('忻州管控区 我爸要去做透析 腿脚不方便 家里能去一个人陪着吗'));
    expect(text).toContain('陪同');
    expect(text).toContain('忻州市人民医院');
  });

  it("answers a village of a province no notice covers from the rural plan (四川广安乡下); a city there has no notice", () => {
    for (const text of ['我家在甘肃定西乡下，村里有人阳了，先去哪看', '贵州毕节山里的，老人发烧了找谁']) {
      const r = talk(core).say(text);
      expect(textOf(r)).toContain('农村地区的通用分级就医流程');
      expect(textOf(r)).not.toContain('不能替当地作答');
    }
    // …and so is a county there (县域医共体, townships)
    expect(textOf(talk(core).say('我们是陕西榆林米脂县的，城里大医院会来帮我们县吗'))).toContain('对口帮扶');
    expect(textOf(talk(core).say('我在甘肃兰州市区，阳了先去哪看'))).toContain('不能替当地作答');
  });

  it("keeps a covered locality when a later message only says village or township (莱阳农村… then 村里就一个村医)", () => {
    const chat = talk(core);
    chat.say('海阳农村的，俺爹阳了，烧了三天了');
    const text = textOf(chat.say('村里就一个卫生室，是先去镇卫生院还是直接去市里'));
    expect(text).toContain('烟台市');
    expect(text).not.toContain('农村地区的通用分级就医流程');
  });

  it('answers a question with no locality from the rural plan only while it waits for one: the place said next is where it is asked', () => {
    const chat = talk(core);
    expect(textOf(chat.say('我妈高血压 不想去大医院挤 能在小区旁边的社区开药吗'))).toContain('农村地区的通用分级就医流程');
    const text = textOf(chat.say('泉州丰泽泉秀街道'));
    expect(text).toContain('泉秀街道社区卫生服务中心');
    expect(text).not.toContain('已记下');
  });

  it('takes a road, a compound and "that clinic there" as the locality asked for, and answers the question waiting', () => {
    const chat = talk(core);
    expect(chat.say('晚上能看病吗 有没有夜诊')?.ask).toBe('locality');
    const reply = textOf(chat.say('就在灯荣路 浦西花园旁边那个社区医院'));
    expect(reply).toMatch(/夜诊|晚上9点/);
  });

  it('reads a place that opens the message with a zone after it as where the user is (成都武侯区 管控 …)', () => {
    const reply = textOf(talk(core).say('成都武侯区 管控了 孕妇产检去哪 晋江的办法我们能用吗'));
    expect(reply).not.toContain('晋江市医院');
    expect(reply).toMatch(/武侯区/);
    // a covered place opening the message is the user's, as before
    expect(textOf(talk(core).say('晋江 封控了 孕妇产检去哪'))).toContain('晋江市医院');
  });

  it("reads a sentence pasted from the notice in quotes as the notice's words, not the user's", () => {
    const reply = textOf(
      talk(core).say('通知里这句看不懂：“在定点医院因发现阳性病例应急处置、收治能力满容等情形时，按顺序启动第一、第二、第三后备医院接收特定对象。”我们是晋江英林的 黄码 后备的是哪几家 按什么顺序'),
    );
    expect(reply).toContain('晋江市医院经济开发区院区');
    expect(reply).not.toContain('已满');
  });

  it("adds the notice's way for a treatment the designated hospital says it cannot give", () => {
    const reply = textOf(talk(core).say('我爸要做放疗 晋江市医院说他们做不了 我们是管控区 到底谁来管'));
    expect(reply).toContain('医政科');
  });

  it("answers for the place where the person asked about lives, not where the user is stuck", () => {
    const reply = textOf(talk(core).say('我妈一个人住泉秀 她要透析 我被封在晋江过不去 她去哪透析'));
    expect(reply).not.toContain('晋江市医院');
    expect(reply).not.toContain('磁灶');
    // the user's own place, when no one else is said to be elsewhere
    expect(textOf(talk(core).say('我在晋江 封控区 透析去哪'))).toContain('磁灶');
  });

  it('reads several audiences of one group as that group (小区被封了…我是黄码: special targets in Jinjiang)', () => {
    const reply = textOf(talk(core).say('我在晋江陈埭的厂里 整个厂区被封了 我是黄码 血压药快吃完了 该去哪里看'));
    expect(reply).toContain('晋江市医院');
  });

  it('reads a zone changed (被封了…现在降为防范区了) as the zone it became', () => {
    const reply = textOf(talk(core).say('忻州的，之前楼被封了半个月，昨天降为防范区了，现在看病有什么要求'));
    expect(reply).toContain('就近');
    expect(reply).not.toContain('综合诊疗定点医院');
  });

  it("reads a zone said of the building next door (隔壁那栋是封控区) as theirs, beside the user's own", () => {
    const reply = textOf(talk(core).say('忻州的 我们楼是防范区 对面那栋是封控区 我妈膝盖疼想去医院看看 有什么要求'));
    expect(reply).toContain('就近');
    expect(reply).not.toContain('综合诊疗定点医院：');
  });

  it('reads a zone put right (是防范区，不是封控区) as the zone that holds, and answers its way of care', () => {
    const chat = talk(core);
    chat.say('忻州封控区 我妈要化疗 在哪做');
    const reply = textOf(chat.say('搞错了 物业说我们小区是防范区 不是封控区 那看病有啥规定'));
    expect(reply).toContain('就近');
  });

  it('tells someone of a known audience asking where to go, with no care named, their hospital beside what was asked', () => {
    const reply = textOf(talk(core).say('我在晋江陈埭 黄码 血压药快吃完了 该去哪里看'));
    expect(reply).toContain('晋江市医院');
    expect(reply).toContain('12周');
  });

  it('after an emergency, where the ambulance takes them is answered with the hospital, whatever else the words find', () => {
    const t = talk(core);
    t.say('奶奶刚才说话突然说不清楚了 嘴歪到一边 右手拿不住碗 我们在定襄县');
    expect(textOf(t.say('我打了120了 他们会把奶奶送到哪个医院'))).toContain('忻州市人民医院');
  });

  it('answers an online consultation asked beside where to go', () => {
    expect(textOf(talk(core).say('孩子刚满月 吃完奶吐一点 不发烧 精神好 我们忻州忻府区管控区 能不能先在线上问问医生'))).toMatch(/线上|互联网|网上/);
  });

  it('answers both halves of "产检去哪，能陪同吗"', () => {
    const text = textOf(talk(core).say('忻州封控区孕妇产检去哪，家属能陪同吗'));
    expect(text).toContain('忻州市妇幼保健计划生育服务中心');
    expect(text).toContain('48小时');
  });

  it('reads riding along (跟车, 随车) as going with the patient: the companion rule', () => {
    const t = talk(core);
    t.say('忻州管控区，我爸要去医院看病，网格员说会安排车');
    expect(textOf(t.say('车来了我跟车行不行'))).toContain('48小时');
  });

  it('reads "who helps get them to hospital" (谁帮着转) as a referral: the notice\'s help with it', () => {
    for (const q of ['俺奶91了 阳了 走不动道 真要上医院谁帮着转 烟台莱山', '外公阳了 腿脚不好 真去医院的话谁给转 烟台蓬莱'])
      expect(textOf(talk(core).say(q))).toContain('协助转诊');
  });

  it('reads someone who cannot get downstairs (下不了楼, 腿脚不好) as the priority group the referral help is for', () => {
    const t = talk(core);
    t.say('烟台芝罘的 我姥姥阳了 家庭医生怎么联系');
    expect(textOf(t.say('她下不了楼 真要去医院怎么弄'))).toContain('协助转诊');
  });

  it('reads "can I go along" (能跟上一起去不, 可以陪着一块去吗) as the companion question', () => {
    for (const q of ['忻州 俺闺女要去医院 俺能跟上一起去不', '忻州的 我妈要去医院 我可以陪着一块去吗'])
      expect(textOf(talk(core).say(q))).toContain('陪同');
  });

  it('reads a signed service asked for (能签个约吗) as the family doctors\' question', () => {
    expect(textOf(talk(core).say('招远的 一个人住 高血压 能不能签个约 让医生隔段时间打电话问问'))).toContain('签约服务');
  });

  it("reads a service a hospital says it cannot do (开展不了, 无法开展) as one not offered locally: who arranges it", () => {
    for (const q of ['晋江 我们是隔离的 孩子要做的那个手术 市医院说开展不了 要去泉州 谁来安排', '晋江市 隔离点的老人要做的检查 医院说无法开展 怎么办'])
      expect(textOf(talk(core).say(q))).toContain('医政科');
  });

  it("reads Jinjiang's 特定对象 as its members when choosing guidance", () => {
    const text = textOf(talk(core).say('晋江特定对象怎么去医院'));
    expect(text).toMatch(/救护车/);
  });

  it('gives the figures a message asks for by name, not every figure of the topic', () => {
    const text = textOf(talk(core).say('烟台全市有多少个家庭医生团队'));
    expect(text).toContain('1868');
    expect(text).not.toContain('23.78');
  });

  it('remembers the zone and category for a follow-up that changes only one of them', () => {
    const chat = talk(core);
    chat.say('我在忻州管控区，孩子病了去哪家医院');
    const text = textOf(chat.say('那要是做化疗呢'));
    expect(text).toContain('管控区 · 肿瘤放化疗定点医院：忻州市第二人民医院');
  });

  it('reads a daughter who is pregnant as the mother-to-be, not a child (俺闺女怀孕七个月)', () => {
    const text = textOf(talk(core).say('俺闺女怀孕七个月 住忻府区封控区 去哪个医院'));
    expect(text).toContain('孕产妇定点医院');
    expect(text).not.toContain('儿童');
  });

  it('adds the emergency route for births about to happen when labour is only supposed (怕万一半夜要生 咋弄), with no alarm', () => {
    const r = talk(core).say('我闺女怀孕八个月 住定襄县 管控区 怕万一半夜要生 咋弄 去哪个医院');
    expect(r?.urgent).toBe(false);
    const text = textOf(r);
    expect(text).toContain('即将分娩');
    expect(text).toContain('120');
  });

  it('reads a hospital "for delivery", in English, as childbirth', () => {
    const text = textOf(talk(core).say('my wife is 37 weeks, we are in a controlled area of Meiling, Jinjiang. which hospital does she go to for delivery?'));
    expect(text).toContain('childbirth');
    expect(text).not.toContain('chemotherapy');
  });
});
