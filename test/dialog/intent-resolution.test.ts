// Which question a turn answers when the classifier's reading and the message's own words disagree: a care the
// message denies, a new topic in an elliptical follow-up, a topic named beside an intent that finds nothing.
// Phrasings here are not the evaluation sets' own.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';
import { realNlu } from '../support/nlu';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('intent resolution', () => {
  it('a care the message denies is not the question (没发烧…能网上问诊吗)', () => {
    const r = talk(core).say('忻州管控区，喉咙有点痒，没发烧，能网上问诊吗');
    expect(r?.intent).not.toBe('fever_clinic');
    expect(textOf(r)).toMatch(/互联网|线上/);
  });

  it('who to turn to in ordinary times, where the notice names family doctors, is answered with them (平时能找谁)', () => {
    expect(textOf(talk(core).say('烟台福山 我爸高血压好多年了 现在挺好 平时能找谁'))).toMatch(/家庭医生/);
  });

  it('a question resumed once its locality is given is answered as surely as it was understood when asked', () => {
    // "泉秀街道" says nothing of the question: read with its words, the answer was not sure enough of it to add the rule
    // a fever's care is under, which the same question asked with its place gets
    const t = talk(core);
    expect(t.say('发热门诊晚上几点关门')?.ask).toBe('locality');
    const resumed = textOf(t.say('泉秀街道'));
    const asked = textOf(talk(core).say('泉秀街道 发热门诊晚上几点关门'));
    expect(asked).toMatch(/发热病人按规定/);
    expect(resumed).toMatch(/晚上9点/);
    expect(resumed).toMatch(/发热病人按规定/);
  });

  it('whom to ask, in a message the classifier cannot place and that names no care, is a question about contacts', () => {
    const r = talk(core).say('昨儿个俺家小子让马蜂蛰了一下 现在消肿了 活蹦乱跳的 烟台莱阳 往后再碰上这种找谁咨询');
    expect(r?.intent).toBe('contact');
    expect(textOf(r)).toContain('没有公布就医咨询电话');
  });

  it('a question waiting on its locality is resumed when the place comes with a question about being asked, naming no care', () => {
    const t = talk(core);
    expect(t.say('Which hospital does dialysis for people in a sealed zone?')?.ask).toBe('locality');
    expect(textOf(t.say('Why do you need to know that? Jinjiang.'))).toContain('磁灶中心卫生院');
    // (a question of its own, naming a care, is still its own: 为啥问这个 晋江的 孩子发烧去哪)
    const u = talk(core);
    expect(u.say('Which hospital does dialysis for people in a sealed zone?')?.ask).toBe('locality');
    expect(textOf(u.say('为啥问这个 晋江封控区的 孩子发烧了去哪'))).toMatch(/婴幼儿|发热/);
  });

  it('a question resumed once its locality is given keeps the care it named (透析的医院几点开门 … 忻府区)', () => {
    const t = talk(core);
    expect(t.say('做透析的定点医院上午几点开门')?.ask).toBe('locality');
    expect(textOf(t.say('忻府区'))).toContain('血液透析定点医院');
  });

  it('asked whether it is a bot or a person, it says who answers, and hands off only when a person is asked for', () => {
    for (const text of ['你系唔系机械人嚟㗎？定系真人', 'r u a bot or human?', 'are you a real person?']) expect(talk(core).say(text)?.intent).toBe('greeting');
    for (const text of ['你是机器人吧 给我转人工', 'can I talk to a real person']) expect(talk(core).say(text)?.intent).toBe('handoff_request');
  });

  it('hands off when a person is asked to speak to the writer after a long question (能不能让真人跟我说)', () => {
    expect(talk(core).say('你们这个机器人说不清楚 我妈又是哮喘又是心衰 情况复杂 能不能让真人跟我说 我们在晋江')?.handoff).toBe(true);
  });

  it('a message read as out of scope that names a topic of the notice gets its facts (通知哪天发的，文号多少)', () => {
    const reply = textOf(talk(core).say('晋江那份通知是哪个单位发的？我要抄下来发到业主群'));
    expect(reply).toContain('晋江市卫生健康局');
    expect(reply).not.toMatch(/不在我能回答的范围/);
  });

  it('asked for the answer as text to pass on, the last question is answered again', () => {
    const t = talk(core);
    expect(textOf(t.say('晋江封控区的孕妇产检去哪家医院'))).toContain('晋江市医院');
    expect(textOf(t.say('能不能整理一段文字，我发给她家属'))).toContain('晋江市医院');
  });

  it('"跟人工客服说" asks for a person', () => {
    expect(talk(core).say('忻州封控区 我妈化疗的事 想和人工客服聊')?.handoff).toBe(true);
  });

  it('a question that waited for its locality is answered in its own words (its numbers not kept)', () => {
    const t = talk(core);
    expect(t.say('孩子手被猫抓破了，我电话13812345678，打疫苗去哪个门诊')?.ask).toBe('locality');
    expect(JSON.stringify(t.session)).not.toContain('13812345678');
    const reply = textOf(t.say('泉秀街道'));
    expect(reply).toContain('犬伤门诊');
    expect(reply).toContain('灯荣路');
  });

  it('"有没有发热门诊" still asks for fever care', () => {
    expect(textOf(talk(core).say('忻州封控区有没有发热门诊'))).toContain('忻州市人民医院');
  });

  it('an elliptical follow-up naming another topic switches to it when the last answer does not speak of it', () => {
    const t = talk(core);
    t.say('忻州管控区的人出门看病怎么走流程');
    expect(textOf(t.say('那急诊呢'))).toContain('120');
  });

  it('…and keeps the last question when its answer speaks of the word', () => {
    const t = talk(core);
    t.say('忻州封控区的，核酸结果没出来能先住院吗');
    expect(textOf(t.say('急诊病人呢'))).toContain('过渡病房');
  });

  it('a book silent on medicines answers with who brings them (the family doctors)', () => {
    const t = talk(core);
    expect(textOf(t.say('烟台芝罘区，爷爷的降压药快吃完了，找谁'))).toContain('家庭医生');
  });

  it('…and a book with neither a prescription rule nor family doctors with its route for any medical need', () => {
    expect(textOf(talk(core).say('忻州封控区，爸爸的降糖药只剩三天的了，上哪开'))).toContain('网格员');
  });

  it('the citizens\' hotline called all day is not a number asked about (打了一天12345)', () => {
    const r = talk(core).say('忻州封控区，社区电话打不通，12345打了一天也没用，爸爸透析去哪家医院');
    expect(r?.intent).not.toBe('contact');
    expect(textOf(r)).toContain('忻州市中医医院');
  });

  it('a number no notice lists, asked about, is a question about contacts whatever else is said (网上查到的电话)', () => {
    const r = talk(core).say('忻州的，在网上看到一个号码0350-1234567，打这个能问看病吗');
    expect(r?.intent).toBe('contact');
    expect(textOf(r)).toContain('不在通告公布的就医联系方式中');
    expect(textOf(r)).toContain('0350-3301599');
  });
});

describe('walking a list', () => {
  it('"最后那个呢" is the last of the list', () => {
    const t = talk(core);
    t.say('晋江封控区的孩子看病去哪');
    expect(textOf(t.say('最后那家呢'))).toContain('内坑镇卫生院');
  });

  it('"if that one can\'t take her" is the next one', () => {
    const t = talk(core);
    t.say('We have red codes in Jinjiang and my dad needs dialysis. Where?');
    expect(textOf(t.say("What if that one can't take him?"))).toContain('东石');
  });

  it('a hospital said full after the emergency route is the backups\' question (要是那家也满了呢)', () => {
    const t = talk(core);
    t.say('晋江封控区 要是夜里突然犯病 救护车拉去哪家');
    expect(textOf(t.say('要是那家也满了呢'))).toContain('现应前往 晋江市医院经济开发区院区');
  });

  it('a hospital that can no longer do it (做不了了) is as full', () => {
    const t = talk(core);
    t.say('晋江红码 爸爸血透去哪里');
    expect(textOf(t.say('那家医院要是做不了了呢'))).toContain('现应前往 东石中心卫生院');
  });
});

describe('a load mark said short', () => {
  it('"红的呢" after a question on a mark is the red mark', () => {
    const t = talk(core);
    t.say('烟台龙口地图上卫生院标蓝色啥意思');
    expect(textOf(t.say('红的呢'))).toContain('确认');
  });
});

describe('a topic with care only in general', () => {
  it('看病 without a NAT result asks of admission, not of the hospitals', () => {
    expect(textOf(talk(core).say('忻州封控区的，看病没带核酸报告会不会进不去'))).toMatch(/核酸/);
  });
});

describe('a person asked for in so many words', () => {
  // (Minnan 揣: to find)
  it.each(['机器人说不清楚，给我找个值班的真人', 'I want to talk to a human, not a machine', "Could I speak to an actual person? Not urgent, it's about my dad's insulin deliveries", '别整这些自动回复了 给俺找个活人唠唠 不急', '阮想欲揣一个真人问较清楚', '我是楼长 楼里好几户都有事 一条条问太慢 不是急事 能不能让真人跟我们对接一下 忻州的'])('"%s" is a handoff', (q) => {
    expect(talk(core).say(q)?.handoff).toBe(true);
  });
  it('"家人能和工作人员一起去吗" is not', () => {
    expect(talk(core).say('家人能和工作人员一起去吗')?.handoff).toBe(false);
  });
});

describe('a department asked by name', () => {
  it('"有外科吗" asks the centre\'s departments', () => {
    expect(textOf(talk(core).say('泉秀社区卫生服务中心有外科吗'))).toContain('外科');
  });
  it('Cantonese "开耐啲" asks how long a prescription can be', () => {
    expect(textOf(talk(core).say('晉江嘅，高血壓藥可唔可以開耐啲'))).toMatch(/12[周週]/);
  });
});

describe('a number to call asked in English', () => {
  it('is the notice\'s hotline', () => {
    expect(textOf(talk(core).say('Is there a number my grandpa can call with medical questions? We are in Xinzhou.'))).toContain('0350-3301599');
  });
});

describe('who the bot is', () => {
  it('asking whether it is a person is not asking for one', () => {
    const r = talk(core).say('你是机器人还是真人回复的');
    expect(r?.handoff).toBe(false);
    expect(textOf(r)).toContain('就医助手');
  });
});

describe('which places the bot answers for', () => {
  it.each(['你们这个管哪些地方啊', '恁这能查哪几个城市', '都有哪些地区能查？', 'what regions do you cover'])('"%s" is answered with the localities, not asked for one', (q) => {
    const r = talk(core).say(q);
    expect(r?.ask).toBeNull();
    expect(textOf(r)).toMatch(/晋江市.*烟台市/);
  });
  it('but a place asked for a care is a question about that care', () => {
    expect(talk(core).say('有什么地方可以做核酸')?.ask).toBe('locality');
  });
});

describe('the weather asked with a reason beside it', () => {
  it.each(['烟台这周降温不 老寒腿又要犯了', '晋江后天下雪吗？我一冷就咳', 'is it going to rain in Yantai tomorrow? my knees always ache before rain'])('"%s" is out of scope', (q) => {
    const r = talk(core).say(q);
    expect(r?.intent).toBe('out_of_scope');
    expect(r?.urgent).toBe(false);
  });
  it('but a question asked beside the weather is still asked', () => {
    expect(talk(core).say('明天下雨，还能去泉秀社区卫生服务中心看病吗')?.intent).not.toBe('out_of_scope');
  });
});

describe('a where-question for a named care', () => {
  it('is answered for that care whatever intent the classifier reads (透析…电话 is not fever clinics)', () => {
    const reply = textOf(talk(core).say('忻州封控区做透析的去哪，电话多少'));
    expect(reply).toContain('血液透析');
    expect(reply).not.toContain('发热门诊');
  });
});

describe('topics named beside the main question', () => {
  it('who takes them to hospital, asked among other numbered questions, is answered too', () => {
    const reply = textOf(talk(core).say('忻州管控区 1 能陪同吗 2 去医院谁送'));
    expect(reply).toContain('48小时');
    expect(reply).toContain('转运车');
  });

  it('the hotline asked beside where to go is given too', () => {
    const reply = textOf(talk(core).say('忻州管控区孕妇产检去哪，遇到问题打什么电话'));
    expect(reply).toContain('忻州市妇幼');
    expect(reply).toContain('0350-3301599');
  });

  it('"where is" in English asks for the address', () => {
    expect(textOf(talk(core).say('Where is the Quanxiu community health centre, and is there a gynaecology clinic?'))).toContain('灯荣路');
  });

  it('a test a department does ("blood test") asks about departments', () => {
    const reply = textOf(talk(core).say('Can I get a blood count done at the Quanxiu community health centre?'));
    expect(reply).toContain('检验科');
  });

  it('a weakly held reading gives way to the question of a topic the message names (莱阳…睡不踏实…家庭医生能管管不)', () => {
    // read as opening hours (晚上) at 0.62: the family doctors the message names are its question
    const r = talk(core).say('莱阳的 隔离在家半个月 心里堵得慌 晚上睡不踏实 家庭医生能管管不');
    expect(r?.intent).toBe('family_doctor');
    expect(textOf(r)).toContain('家庭医生');
  });

  it('…but not when the message names a topic of the reading too (家庭医生…上门送药, even odds)', () => {
    // both topics named, the classifier's reading of the two stands, whichever it is at even odds
    const text = '家庭医生可以上门送药不';
    const read = realNlu().analyse(text).intent.name;
    expect(['family_doctor', 'home_nursing']).toContain(read);
    expect(talk(core).say(text)?.intent).toBe(read);
  });

  it('a referral asked beside home treatment is answered too', () => {
    expect(textOf(talk(core).say('烟台芝罘区，我妈阳了在家躺着起不来，谁能帮忙转诊'))).toContain('转诊');
  });
});

describe('a number asked for beside symptoms, no care named', () => {
  it('is the contacts, not the care the symptoms suggest (…现在好了，想要个咨询电话)', () => {
    const r = talk(core).say('晚上吹了空调有点头疼恶心，量了体温没事，现在好多了，忻州管控区的，给留个咨询电话');
    expect(textOf(r)).toContain('0350-3301599');
    // (the number itself, not the hospitals a care question would be given)
    expect(textOf(r)).not.toContain('定点医院');
  });

  it('…in English too, where "number" asks for one ("what number do we ring about seeing a doctor")', () => {
    const text = textOf(talk(core).say("Our building in Xinzhou is sealed and it's boiling in here, ugh. Anyway, what number do we ring if we've got questions about seeing a doctor?"));
    expect(text).toContain('0350-3301599');
    expect(text).not.toContain('忻州市人民医院');
  });

  it('…but who to turn to first is still the way in (看病先找谁), and where to go stays where', () => {
    expect(textOf(talk(core).say('忻州封控区的，看病头一步联系谁'))).toContain('网格员');
    expect(textOf(talk(core).say('忻州封控区 去哪个医院看病 电话多少'))).toContain('忻州市人民医院');
  });

  it('a doctor seen from one\'s phone is online care, not a number (English "phone")', () => {
    expect(textOf(talk(core).say('In Jinjiang, can my mum see a doctor from her phone without going out?'))).toMatch(/网上|online/i);
  });
});

describe('the words a notice is asked about by', () => {
  it('a treatment no one here gives (没地方做) is the notice\'s way for treatments not offered', () => {
    expect(textOf(talk(core).say('晋江的，我妈要做的那个康复治疗，听说晋江没地方做，怎么办'))).toContain('医政科');
  });

  it('a treatment said not to be run here (没开这项) is that way too, beside who is asking', () => {
    expect(textOf(talk(core).say('我们是晋江的隔离人员，孩子要做个听力筛查，听说这边没开这项，那咋办'))).toContain('医政科');
  });

  it('whether a check-up will be stopped by the epidemic (会不会因为疫情停掉) is the continuity of care', () => {
    expect(textOf(talk(core).say('晋江这边，小孩下个月要做体检，会不会因为疫情停掉'))).toContain('连续的医疗服务');
  });

  it('what to get ready before going in (得提前准备点啥) is the test results asked', () => {
    expect(textOf(talk(core).say('忻州管控区的，下周想去医院做个检查，不是急诊，得提前准备点啥'))).toContain('核酸');
  });

  it('whether anyone can look after an old person (有啥人能管管) is the family doctors', () => {
    const r = talk(core).say('招远的，姥爷一个人住，腿脚不好，有啥人能管管他不');
    expect(r?.urgent).toBe(false);
    expect(textOf(r)).toContain('家庭医生');
  });
});

describe('where the patient is, when the writer is elsewhere', () => {
  it('a covered place said to be here (泉秀这边) is the locality, whatever city the writer works in', () => {
    const r = talk(core).say('我在上海上班回不去，我妈中风后腿脚不利索，想做康复，泉秀这边找谁');
    expect(textOf(r)).toContain('林海峰');
    expect(textOf(talk(core).say('泉秀街道这边，我爸卧床好几天了，我人在福州回不去，能请护士上门吗'))).toMatch(/护理/);
  });
});

describe('the way just given does not work', () => {
  it('online care impossible: the notice’s other way to a doctor (the grid worker)', () => {
    const t = talk(core);
    expect(textOf(t.say('忻州管控区可以在网上看医生吗'))).toMatch(/互联网|线上/);
    expect(textOf(t.say('网上用不了怎么办'))).toContain('网格员');
  });

  it('a short message without a failure is not taken for one', () => {
    const t = talk(core);
    t.say('忻州管控区可以在网上看医生吗');
    expect(textOf(t.say('谢谢'))).not.toContain('网格员');
  });

  it('a place given with circumstances and no question answers the question waiting on it (泉秀的，他中风半年了)', () => {
    const t = talk(core);
    t.say('康复理疗一直约不上，到底找谁');
    expect(textOf(t.say('泉秀街道的，我妈脑梗一年多了，左手还是使不上劲'))).toContain('13067022719');
    // (a question of its own with the place is answered as asked)
    const other = talk(core);
    other.say('康复理疗一直约不上，到底找谁');
    expect(textOf(other.say('泉秀街道的，发烧去哪家医院'))).toMatch(/发热门诊/);
  });

  it("a zone's rules asked about, nothing else placed, is that zone's route (防范区到底有啥规定)", () => {
    for (const q of ['忻州 我们这片是防范区 防范区到底有啥规定', '忻州防范区有啥规定']) {
      const text = textOf(talk(core).say(q));
      expect(text).toContain('就近');
      expect(text).not.toContain('发热门诊');
    }
  });

  it('…while later in a conversation a zone put right is the last question asked again (说错了 是防范区 还要去定点吗)', () => {
    const t = talk(core);
    t.say('忻州管控区，我爸肚子疼两天了，普通门诊去哪个定点医院');
    const text = textOf(t.say('搞错了，我们是防范区，不是管控区，还要去定点医院吗'));
    expect(text).toContain('就近');
    expect(text).not.toContain('通告写的是');
  });

  it('where a care is given asked with the care route\'s words is the designation (孩子看病也是这两家吗)', () => {
    const t = talk(core);
    t.say('忻州管控区 孕妇产检去哪');
    const text = textOf(t.say('那娃生下来以后看病也是这俩？'));
    expect(text).toContain('儿童定点医院');
    expect(text).not.toContain('综合诊疗');
  });

  it('a zone said again in anger is a correction, and the one they say not to fob them off with is not theirs (说了多少遍, 别拿封控区的糊弄人)', () => {
    const t = talk(core);
    t.say('忻州 孕妇产检去哪');
    const text = textOf(t.say('管控区 管控区 跟你说了多少遍是管控区 别拿封控区的糊弄人'));
    expect(text).toContain('管控区 · ');
    expect(text).not.toContain('特定对象');
  });

  it('the care said before taken back, with no other named, is the last question again without it (不是小孩 是我自己)', () => {
    const t = talk(core);
    expect(textOf(t.say('忻州管控区 小孩脸上起疹子去哪看'))).toContain('妇幼');
    const again = textOf(t.say('不是小孩 是我自己 打错了'));
    expect(again).toContain('中医医院');
  });

  it('a person asked for in a child\'s words is a handoff (我想跟真的人说话)', () => {
    expect(talk(core).say('我想跟真的人说话 我想问我爸爸啥时候能回来')?.intent).toBe('handoff_request');
  });

  it('a resident who lives in a covered place is answered by its notice, whoever writes from elsewhere (我人在上海 … dad lives in 泉秀)', () => {
    const text = textOf(talk(core).say('我人在上海 my mum lives alone in 泉秀 and needs rehab for her knee, who do I contact'));
    expect(text).not.toMatch(/只适用于|only covers|only applies/);
    expect(text).toMatch(/泉秀/);
  });

  it('where someone came from is not where they live (我是从厦门过来泉州上学的…泉秀那边), where they live still is (我住在厦门…泉秀那边)', () => {
    expect(textOf(talk(core).say('我是从厦门过来泉州上学的 脚崴了 泉秀那边社区中心有骨科吗'))).not.toMatch(/只适用于/);
    expect(textOf(talk(core).say('我住在厦门 泉秀那边社区中心有骨科吗'))).toMatch(/只适用于/);
  });

  it('what residents call a department is the one the centre lists (猫抓了 → 犬伤门诊, 按摩 → 针灸推拿科), and 放化 is cancer care', () => {
    expect(textOf(talk(core).say('被邻居家猫抓了一道 泉秀社区能打针吗'))).toContain('犬伤门诊');
    expect(textOf(talk(core).say('泉秀社区中心有按摩的吗 腰不好'))).toContain('针灸推拿科');
    // (read at the start as a dialysis question: 放化 was no care)
    expect(textOf(talk(core).say('忻州封控区 我妈在放化 下一次去哪个医院'))).toContain('第二人民医院');
  });

  it('a fever clinic read where the message names a department and asks where, with no fever said (胸口不疼也不喘…想看骨科)', () => {
    const r = talk(core).say('静乐县封控区 胸口不疼也不喘 就是膝盖肿了 想看骨科 该去哪家');
    expect(r?.intent).not.toBe('fever_clinic');
    expect(textOf(r)).toContain('综合诊疗定点医院：忻州市人民医院、忻州市中医医院');
  });
});
