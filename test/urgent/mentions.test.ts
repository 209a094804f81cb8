// Concept mentions: words in every register, term combinations inside a clause, numbers in range, and
// homophone typos that are whole words of the message.
import { realNlu, urgentFlags } from '../support/nlu';

const nlu = realNlu();
const concepts = (text: string): string[] => nlu.urgent.detect(nlu.normalise(text).text).mentions.map((m) => `${m.concept}:${m.text}`);
/** Whether a message mentions a concept. */
const has = (text: string, concept: string): boolean => concepts(text).some((c) => c.startsWith(`${concept}:`));
/** The red-flag classes a message raises. */
const flags = urgentFlags;

describe('urgent concept mentions', () => {
  it('finds a body part and a sign apart in one clause, not across a negator or a clause', () => {
    expect(concepts('胸口像被人攥住一样疼')).toContain('chest_pain:胸口像被人攥住一样疼');
    expect(has('胸口不疼', 'chest_pain')).toBe(false);
    expect(concepts('没有头痛、没有胸痛').filter((c) => c.startsWith('chest_pain'))).toEqual(['chest_pain:胸痛']);
  });

  it("reads a stretch of months (这两个月的安眠药, 前三个月) as no baby's age, and a baby's months as its age", () => {
    for (const text of ['这两个月的安眠药我一直没吃', '前三个月一直在咳嗽', '最近几个月天天加班']) {
      expect(concepts(text).filter((c) => /^(?:infant|child|young_infant):/.test(c))).toEqual([]);
    }
    expect(has('我家2个月的宝宝发烧38度5', 'young_infant')).toBe(true);
    expect(has('宝宝两个月，烧到38.6度', 'infant')).toBe(true);
  });

  it('reads a stroke named with after (中风了以后, 脑梗之后) as its history, and 了 before after as no now', () => {
    expect(flags('我爸中风了以后走路不稳，想办门诊特殊病种')).toEqual([]);
    expect(flags('我爸中风了后走路不稳，想办门诊特殊病种')).toEqual([]);
    expect(flags('我妈脑梗之后一直在做康复，想问康复科')).toEqual([]);
    expect(flags('他刚才好像中风了，嘴歪了')).toContain('stroke');
  });

  it("reads a medicine named by what it treats (治抽风的药, 抗癫痫的) as no fit", () => {
    expect(has('兽医开的治抽风的小白片', 'seizure')).toBe(false);
    expect(has('他刚才抽风了，叫不醒', 'seizure')).toBe(true);
  });

  it('reads a rope hung up as a means made ready, not a washing line', () => {
    expect(has('绳子挂起了，我站在凳子上', 'suicide_means')).toBe(true);
    expect(has('晾衣绳挂起来了 衣服晒上了', 'suicide_means')).toBe(false);
  });

  it('reads doors and windows shut before going out or to bed as no gaps sealed', () => {
    expect(has('门缝窗缝都用胶带封死了', 'sealed_gaps')).toBe(true);
    expect(has('出门前门窗关好了', 'sealed_gaps')).toBe(false);
    expect(has('睡前把窗户关紧了', 'sealed_gaps')).toBe(false);
  });

  it('reads a count of tablets taken beside the pills as an overdose (a concept found by its number is a term of combinations)', () => {
    expect(has('一小时前吃了20片安眠药', 'overdose')).toBe(true);
    expect(has('刚吞了大概15粒药', 'overdose')).toBe(true);
    expect(has('吃了20片口香糖', 'overdose')).toBe(false);
    expect(has('吃了2片安眠药还是睡不着', 'overdose')).toBe(false);
    expect(flags('im in a dorm, took like 20 of my sleeping pills an hour ago, feel v dizzy now. is there a hotline')).toContain('suicide');
  });

  it('reads no term inside a plain word that holds its characters (山药 is a yam, not 药)', () => {
    expect(has('药都攒着', 'suicide_means')).toBe(true);
    expect(has('山药都攒着', 'suicide_means')).toBe(false);
    expect(has('芍药攒了一盆', 'suicide_means')).toBe(false);
  });

  it("reads a landline or service number quoted as going unanswered as an office's line; a mobile may be a person's", () => {
    expect(has('泉秀 28220052一直没人接 还能找谁', 'unreachable')).toBe(false);
    expect(has('0595-28220052打了好几遍都没人接', 'unreachable')).toBe(false);
    expect(flags('泉秀 28220052一直没人接 还能找谁')).toEqual([]);
    expect(has('我儿子13912345678一直没人接', 'unreachable')).toBe(true);
    // a line named as a person's is theirs, whatever its kind; laughter's 233 is none inside a number of other digits
    expect(flags('我妈家座机一直没人接，她一个人在家，昨天说不想活了')).toEqual(['suicide']);
    expect(flags('我妈家座机22334455一直没人接，她一个人在家，昨天说不想活了')).toEqual(['suicide']);
    expect(flags('2333333 不想活了哈')).toEqual([]);
  });

  it("reads days after an illness as its length, not a baby's age (阿嬤發燒兩工: two days of fever); a baby's days still count", () => {
    expect(has('阿嬤發燒兩工矣', 'young_infant')).toBe(false);
    expect(has('阿公咳嗽三工矣', 'young_infant')).toBe(false);
    expect(has('阮囝出世才5工 發燒38度半', 'young_infant')).toBe(true);
  });

  it('reads a short fragment after a pause as part of the phrase before it, not a longer clause', () => {
    // spoken phrase by phrase: the pauses became commas
    expect(concepts('手被机器 切到了 血流的 好多 止不住')).toContain('heavy_bleeding:血流的,好多');
    expect(has('过敏 喉咙 肿 喘不了', 'airway_swelling')).toBe(true);
    // a clause that says more is its own (a pimple on the chest, sore when pressed), and so is a long one before
    expect(has('胸前长了个痘，按着疼', 'chest_pain')).toBe(false);
    expect(has('手上瘘管那里出血，好多', 'heavy_bleeding')).toBe(false);
    expect(has('胸口，不疼', 'chest_pain')).toBe(false);
  });

  it('reads a letter left only beside despair, and a jump said as a plan (今晚我会跳落去, "says she will jump")', () => {
    expect(flags('反正过了今晚也用不上了，信都写好放抽屉里了')).toContain('suicide');
    expect(flags('介绍信写好了，明天去社区盖章')).toEqual([]);
    expect(flags('今晚我會跳落去，唔好搵我')).toContain('suicide');
    expect(flags('neighbour standing on the window ledge 12th floor, crying, says she will jump')).toContain('suicide');
    expect(flags('我怕他会跳下去')).toEqual([]);
  });

  it('reads numbers in range after their words', () => {
    expect(concepts('血氧只有86了')).toContain('spo2_low:血氧只有86');
    expect(concepts('血氧98')).not.toContain('spo2_low:血氧98');
    // a unit after an approximation (二十来天 → 20来天): still the baby's age
    expect(concepts('娃才生下来二十来天')).toContain('young_infant:才生下来20来天');
    expect(has('娃才生下来二十来岁', 'young_infant')).toBe(false);
    const baby = concepts('宝宝2个月，烧到38.5度');
    expect(baby).toContain('fever:38.5度');
    expect(baby.some((c) => c.startsWith('young_infant:') && c.includes('2个月'))).toBe(true);
  });

  it('reads homophone typos that are whole words, not pieces of others', () => {
    expect(concepts('老人婚迷了')).toContain('unresponsive:婚迷');
    expect(concepts('下面一直出雪')).toContain('bleeding_any:出雪');
    expect(has('忻州封控区血液透析的定点医院', 'vomit_blood')).toBe(false);
  });

  it('reads a typo in a word whose characters read apart otherwise than together (了 is le in 喝了, liao alone)', () => {
    expect(concepts('我妈喝了白草枯')).toContain('overdose:喝了白草枯');
  });

  it('finds a door knocked on that stays shut, someone lying still, a pet left in someone\'s care', () => {
    expect(concepts('我敲她门她不开')).toContain('unreachable:敲她门她不开');
    expect(has('躺在厕所地上吐完就不动了', 'unresponsive')).toBe(true);
    expect(has('躺在沙发上一动不动地看电视', 'unresponsive')).toBe(false);
    expect(concepts('说她的猫拜托我养')).toContain('farewell_weak:猫拜托我养');
  });

  it('reads no homophone typo into the commonest words (在那儿 is not 栽那儿), nor a baby in how often or which weekday', () => {
    expect(has('孩子还在那儿玩积木', 'unresponsive')).toBe(false);
    expect(has('老人栽那儿了', 'unresponsive')).toBe(true);
    expect(has('我爸尿毒症 一周透析三次', 'young_infant')).toBe(false);
    expect(has('血透患者 周二周四周六透', 'young_infant')).toBe(false);
    expect(has('宝宝出生才3周', 'young_infant')).toBe(true);
  });

  it('reads a faint that nearly happened as none, and thanks for years of care as a goodbye', () => {
    expect(has('排队排了两个钟头 我差点晕过去', 'unresponsive')).toBe(false);
    expect(has('I nearly passed out when they said the hospital is full', 'unresponsive')).toBe(false);
    expect(has('我爸晕过去了', 'unresponsive')).toBe(true);
    expect(has('她说谢谢我这些年照顾', 'farewell_strong')).toBe(true);
  });

  it('reads the rules\' own words for what the scorer alone used to catch: pills poured out, a groan for an answer, going to join the dead', () => {
    expect(has('我已经把所有的药都倒出来放在桌上了', 'suicide_means')).toBe(true);
    expect(has('喊她只会哼一声', 'unresponsive')).toBe(true);
    expect(has('今天晚上就去找他', 'farewell_strong')).toBe(true);
    expect(has('My mother is shaking whole body not stop, foam in mouth', 'seizure')).toBe(true);
  });

  it('reads a burn over a large area, a baby\'s age in weeks said as 礼拜 or days after birth (生后45天), fits that follow each other', () => {
    expect(has('孙女被热水瓶烫到两条腿', 'burn_large')).toBe(true);
    expect(has('手指被烫了一下 起了个小泡', 'burn_large')).toBe(false);
    expect(has('我BB得七個禮拜', 'young_infant')).toBe(true);
    expect(has('我妈咳嗽一个礼拜了', 'young_infant')).toBe(false);
    expect(has('患儿，生后45天', 'young_infant')).toBe(true);
    expect(has('咱家小子抽了，抽完又抽，中间没醒', 'seizure')).toBe(true);
  });

  it('reads a stretch something has gone on for as no baby\'s age (走了一个月了, 封了两个月), a course a year ago as no chemotherapy now', () => {
    for (const c of ['infant', 'young_infant', 'child']) {
      expect(has('老伴走了一个月了，家里冷清', c)).toBe(false);
      expect(has('楼里封了两个月了', c)).toBe(false);
    }
    expect(has('宝宝两个月，吐奶', 'young_infant')).toBe(true);
    expect(has('去年做完了最后一次化疗', 'on_chemo')).toBe(false);
    expect(has('上周做完了第二次化疗', 'on_chemo')).toBe(true);
  });

  it('reads a lockdown announced suddenly as no sudden onset (突然说封控了)', () => {
    expect(has('我们小区今天一早突然说封控了', 'sudden')).toBe(false);
    expect(has('我爸突然说话不清楚', 'sudden')).toBe(true);
  });

  it('reads one side of the face swollen as not the airway (牙疼，半边脸都肿了)', () => {
    expect(has('今天开始牙疼 半边脸都肿了', 'airway_swelling')).toBe(false);
    expect(has('吃了虾 脸都肿了', 'airway_swelling')).toBe(true);
  });

  it('leaves a word that is something else when followed or preceded by its blockers', () => {
    expect(has('没有呼吸困难', 'not_breathing')).toBe(false);
    expect(has('想死你们了', 'suicidal')).toBe(false);
    expect(has('我不想活动', 'suicidal')).toBe(false);
  });
});
