import type { Analysis, Entity, EntityType } from '../../src/nlu/types';
import { realNlu } from '../support/nlu';

const nlu = realNlu();

function ents(text: string, type?: EntityType): Entity[] {
  return nlu.analyse(text).entities.filter((e) => !type || e.type === type);
}
function values(text: string, type: EntityType): string[] {
  return ents(text, type).map((e) => e.value);
}
function checkSpans(a: Analysis): void {
  for (const e of a.entities) {
    if (e.start === e.end) continue; // a role inferred from a removed forwarding prefix
    expect(a.normalised.slice(e.start, e.end)).toBe(e.text);
  }
}

describe('entities', () => {
  it('gives spans into the normalised text', () => {
    for (const t of ['我在忻州封控區，要做血液透析😭', '转：居民问孕妇产检去哪', '泉秀街道社区为生服务中心搬到哪了？', 'dialysis 去哪家', '我妈在忻府区封了 要洗肾 咋整']) {
      checkSpans(nlu.analyse(t));
    }
    const a = nlu.analyse('我在忻州封控区要洗肾');
    const loc = a.entities.find((e) => e.type === 'locality');
    expect(loc).toMatchObject({ value: 'xinzhou', text: '忻州', start: 2, end: 4, score: 1 });
  });

  it('reads a temperature said to be normal as no fever (体温也正常, 体温一直不高), a temperature taken as one', () => {
    expect(values('咳嗽好几天了 体温也正常 普通看病去哪', 'category')).not.toContain('fever');
    expect(values('他体温一直不高 就是咳', 'category')).not.toContain('fever');
    expect(values('体温39度了 去哪看', 'category')).toContain('fever');
  });

  it('reads every status of a list denied as denied (不是封控区或管控区, "not fengkong or guankong")', () => {
    expect(values('我们不是封控区或管控区 是防范区', 'audience')).toEqual(['prevention_zone']);
    expect(values("we're in a fangfanqu, not fengkong or guankong", 'audience')).toEqual(['prevention_zone']);
    expect(new Set(values('我们是封控区或者管控区', 'audience'))).toEqual(new Set(['sealed_zone', 'controlled_zone']));
  });

  it('sets aside a place said not to be it beside another (是晋江 不是忻州), not a place denied alone', () => {
    const places = (t: string) => [...values(t, 'locality'), ...values(t, 'place')];
    expect(places('打错了 是晋江 不是忻州')).toEqual(['jinjiang']);
    expect(places('我在晋江，不是在忻州')).toEqual(['jinjiang']);
    expect(places('Not Xinzhou, Jinjiang')).toEqual(['jinjiang']);
    // (denied alone, it is still the place talked about: 不是忻州的定点医院吗)
    expect(places('不是忻州的定点医院吗')).toEqual(['xinzhou']);
  });

  it('finds localities and the places that resolve to them', () => {
    expect(values('我妈在忻府区封了', 'place')).toEqual(['xinzhou']);
    expect(ents('我妈在忻府区封了', 'place')[0]?.name).toBe('忻府区');
    expect(values('我在安海镇,健康码是黄码', 'place')).toEqual(['jinjiang']);
    expect(values('我在泉州丰泽区泉秀街道', 'locality')).toContain('quanxiu');
    expect(values('煙臺龍口的診所', 'locality')).toContain('yantai');
  });

  it('tolerates one wrong character in a place name, in a place-like context', () => {
    expect(values('忻洲透洗去哪', 'locality')).toEqual(['xinzhou']);
    expect(values('新州封控区的病人做化疗去哪家医院', 'locality')).toEqual(['xinzhou']);
    const typo = ents('忻洲透洗去哪', 'locality')[0] as Entity;
    expect(typo.score).toBeLessThan(1);
    // a character of the same syllable, whatever the lexicon's groups say (芝福 for 芝罘, 朝阳 readings aside)
    expect(values('芝福区发热哨点在哪', 'place')).toEqual(['yantai']);
    expect(values('繁时县封控区透析去哪', 'place')).toEqual(['xinzhou']);
  });

  it('reads a syllable typed in pinyin inside a place name (芝fu区, xin州, 陈dai镇)', () => {
    expect(values('芝fu区发热哨点电话多少', 'place')).toEqual(['yantai']);
    expect(ents('芝fu区发热哨点电话多少', 'place')[0]?.text).toBe('芝fu区');
    expect(values('陈dai镇封控了 透析去哪', 'place')).toEqual(['jinjiang']);
    expect(values('xin州透析去哪', 'locality')).toEqual(['xinzhou']);
    // a syllable that is not the name's character, or no name around it, is nothing
    expect(ents('芝ma区发热哨点').filter((e) => e.type === 'place' || e.type === 'locality')).toEqual([]);
    expect(ents('我fu了，好累').filter((e) => e.type === 'place' || e.type === 'locality')).toEqual([]);
  });

  it('does not turn real words or other places into ours', () => {
    for (const t of ['我在广州封控区要透析', '我刚从九州回来', '我在新洲区', '我爸偏瘫了想做康复', '嘴唇都发紫了', '我在徐州']) {
      expect(ents(t).filter((e) => e.type === 'locality' || e.type === 'place')).toEqual([]);
    }
  });

  it('finds nothing inside a word that holds a cue but is something else (lexicon not_inside)', () => {
    expect(values('刚被邻居家的狗咬了一口', 'topic')).not.toContain('home_treatment');
    expect(values('居家治疗要注意什么', 'topic')).toContain('home_treatment');
    // whom to turn to day to day (平时有事先找谁) is the family doctor's question
    expect(values('现在封着 平时有事先找谁', 'topic')).toContain('family_doctor');
    expect(values('吃了阿莫西林还是烧', 'other_place')).toEqual([]);
    expect(values('通知贴在楼道里了', 'other_place')).toEqual([]);
    expect(values('我在哈尔滨道里区', 'other_place')).toContain('道里区');
    // a town's short name inside a household word (下水道 holds 烟台's 水道镇)
    expect(values('忻州原平 家里在通下水道', 'place')).toEqual(['xinzhou']);
    expect(values('烟台牟平水道镇', 'place')).toContain('yantai');
    expect(values('孩子嘴唇红红的', 'load_mark')).toEqual([]);
    expect(values('龙口那家诊所标红了', 'load_mark')).toContain('red');
    // the colour of phlegm or of a rash is no clinic's load mark
    expect(values('孩子咳嗽有黄色的痰', 'load_mark')).toEqual([]);
    expect(values('皮肤起了红色的疹子', 'load_mark')).toEqual([]);
    expect(values('卫生院今天标黄色', 'load_mark')).toEqual(['yellow']);
  });

  it('gives those words as they are written, found in the same walk as the cues, every one in order', () => {
    expect(nlu.prepare('孩子咳嗽有黄色的痰').plainTexts).toEqual(['黄色的痰']);
    // nested and overlapping ones all (邻居家 inside 邻居家里), by where they start, then where they end
    expect(nlu.prepare('邻居家里的阿莫西林').plainTexts).toEqual(['邻居家', '邻居家里', '阿莫西林']);
    expect(nlu.prepare('居家治疗要注意什么').plainTexts).toEqual([]);
  });

  it('marks places no rule book covers, by the divisions of China, in Chinese and in English', () => {
    expect(values('我在广州封控区要透析', 'other_place')).toEqual(['广州市']);
    expect(values('我在太原,孩子发烧', 'other_place')).toEqual(['太原市']);
    expect(values('住在鲤城区，奶奶卧床', 'other_place')).toEqual(['鲤城区']);
    expect(values("I'm in Wuhan", 'other_place')).toEqual(['武汉市']);
    expect(values('我爸中风三年了', 'other_place')).toEqual([]);
    expect(values('我住和平里小区', 'other_place')).toEqual([]);
    // a bungalow lived in is no district (平房区 is)
    expect(values('小时候住平房，冬天烧煤', 'other_place')).toEqual([]);
    // a town's short name that is a common word needs more than "在" before it (码头 for 码头镇: a dock worked at)
    expect(values('我在码头扛了一天货，腰酸得很', 'other_place')).toEqual([]);
    expect(values('我在码头镇，孩子发烧', 'other_place')).not.toEqual([]);
    // a rule book's own parent (泉州市丰泽区) is not another place
    expect(values('我在泉州丰泽区泉秀街道', 'other_place')).toEqual([]);
  });

  it('resolves a division a rule book covers, the most specific place over the rural plan', () => {
    expect(values('我们在五台县农村', 'place')).toEqual(['xinzhou']);
    expect(values('住在莱山区', 'place')).toEqual(['yantai']);
  });

  it('knows the streets and towns of the prefectures a rule book lies in, by full name, short name in context, or after their county', () => {
    expect(values('秀容街道网格员', 'place')).toEqual(['xinzhou']);
    expect(values('住毓璜顶医院后头', 'place')).toEqual(['yantai']);
    // 南安 is Quanzhou's but no book's; 水头 read as its town only after it
    expect(values('南安水头的，我们这边管控了', 'other_place')).toEqual(['南安市', '水头镇']);
    expect(values('水头有点疼', 'other_place')).toEqual([]);
    // a street's short name yields to a larger division of that name (石家庄乡 of 五寨县 is not 石家庄)
    expect(values('我在石家庄 封控区', 'other_place')).toEqual(['石家庄市']);
    expect(values('我在石家庄 封控区', 'place')).toEqual([]);
  });

  it("reads the roads and compounds of a facility's printed address as its book's places", () => {
    expect(values('住灯荣路附近 发烧了', 'place')).toEqual(['quanxiu']);
    expect(values('浦西花园那个社区卫生服务中心', 'place')).toEqual(['quanxiu']);
    // and in English, with their kind (Puxi Garden, Dengrong Road)
    expect(values('I live near Puxi Garden in Fengze', 'place')).toEqual(['quanxiu']);
    expect(values('is the centre on Dengrong Road?', 'place')).toEqual(['quanxiu']);
  });

  it('reads a village, a community or a landmark residents name as its book\'s place, in Chinese only', () => {
    expect(values('住五店市后面 我们楼封控了', 'place')).toEqual(['jinjiang']);
    expect(values('住云中河边上那个小区', 'place')).toEqual(['xinzhou']);
    expect(values('我们在灯星社区', 'place')).toEqual(['quanxiu']);
    expect(values('我家在毓璜顶附近', 'place')).toEqual(['yantai']);
    // not read in pinyin: Daixian is 代县 (忻州), not 埭边村 (晋江) one letter away
    expect(values('Xinzhou, Daixian county', 'place')).not.toContain('jinjiang');
  });

  it('reads a district in English with its kind, and a full name written out over a look-alike of a book place', () => {
    expect(values('I live in Jinjiang District in Chengdu', 'other_place')).toEqual(['锦江区', '成都市']);
    expect(values('I live in Jinjiang District in Chengdu', 'locality')).toEqual([]);
    expect(values('我在信州区', 'locality')).toEqual([]);
    expect(values('我在信州区', 'other_place')).toEqual(['信州区']);
    expect(values('I live in Jinjiang', 'locality')).toEqual(['jinjiang']);
  });

  it('finds audiences, with negation', () => {
    expect(values('我在封控区', 'audience')).toEqual(['sealed_zone']);
    expect(values('晋江隔力人员要化疗', 'audience')).toEqual(['isolated']);
    expect(values('我妈阳了', 'audience')).toEqual(['infected']);
    // 马 for 码, as pinyin input offers it; and the misspelt place beside it still found
    expect(values('我是黄马，要产检', 'audience')).toEqual(['yellow_code']);
    expect(values('晋将黄马孕妇待产去哪家', 'locality')).toEqual(['jinjiang']);
    expect(values('他穿着黄马褂', 'audience')).toEqual([]);
    expect(values('我们晋江管空区的', 'audience')).toEqual(['controlled_zone']);
    // a case at a place is not the user's status nor the care asked (要是那家医院出了阳性病例呢)
    expect(values('要是那家医院出了阳性病例呢', 'audience')).toEqual([]);
    expect(values('要是那家医院出了阳性病例呢', 'category')).toEqual([]);
    expect(values('我阳性了去哪看', 'audience')).toEqual(['infected']);
    const neg = values('我一直在磁灶做透析,不是隔离人员也不是红黄码,现在那里改成特定对象透析点了', 'audience');
    expect(neg).toEqual(['ordinary']);
    expect(values('我不是密接', 'audience')).toEqual(['ordinary']);
    // the user's own ordinary status said: a group named of something else is not the person
    expect(values('我是普通透析病人，听说那边改成特定对象的透析点了', 'audience')).toEqual(['ordinary']);
    // the status denied, named again of something else, is not the person's
    expect(values('我爸不是密接，就是楼里有密接被拉走了，他透析去哪', 'audience')).toEqual(['ordinary']);
    // an ordinary patient of any care (普通血透病人, 普通肾病患者), not only the vocabulary's words
    expect(values('我妈是普通血透病人', 'audience')).toEqual(['ordinary']);
    expect(values('俺是个普通的肾病患者', 'audience')).toEqual(['ordinary']);
    // whom a service is said to be for is not the user, once they deny a status of their own
    expect(values('我不是密接也不是封控的，那边改成专门给隔离的人透析了', 'audience')).toEqual(['ordinary']);
    // …but asked about alone, it is what they ask of (专门给隔离人员的医院是哪家), and a passive 给 is theirs
    expect(values('专门给隔离人员看病的医院是哪家', 'audience')).toEqual(['isolated']);
    expect(values('我们楼给封控了', 'audience')).toEqual(['sealed_zone']);
    // the status they do say is theirs, with or without a comma; 不 at a clause's end still asks (要隔离不)
    expect(values('我们是防范区不是封控的', 'audience')).toEqual(['prevention_zone']);
    expect(values('不是封控区，是管控区', 'audience')).toEqual(['controlled_zone']);
    expect(values('要隔离不?', 'audience')).toEqual([]);
  });

  it('reads dialysis said as washing the kidneys (洗腰子)', () => {
    expect(values('我妈每礼拜要洗腰子三次', 'category')).toContain('dialysis');
  });

  it('reads a car as transport, not a bicycle ridden (骑车, 自行车, 单车)', () => {
    expect(values('以前都是他骑车去医院给我拿药', 'topic')).not.toContain('transport');
    expect(values('我骑自行车去行吗', 'topic')).not.toContain('transport');
    expect(values('有车接送吗', 'topic')).toContain('transport');
  });

  it('reads an ordinary illness said plainly (一般的病, 综合的那种) as general care', () => {
    expect(values('管控区一般的病去哪看', 'category')).toContain('general');
    expect(values('不是发烧 就是普通的病 去哪个医院', 'category')).toContain('general');
  });

  it('a symptom denied right before it asks for no care (不发烧, 冇發燒)', () => {
    expect(values('孩子没发烧就是咳嗽', 'category')).toEqual(['children', 'general']);
    expect(values('不发烧，能在社区看吗', 'category')).toEqual([]);
    // a temperature is a fever from 37 up, and a thermometer read wrong is none (看错体温计了 36度8)
    expect(values('看错体温计了 36度8 就是咳嗽', 'category')).toEqual(['general']);
    expect(new Set(values('烧到38度5了', 'category'))).toEqual(new Set(['fever']));
    expect(values('外面才5度 好冷', 'category')).toEqual([]);
    // 烧 alone, denied (不疼不烧, 也没烧): no fever asked for; not a meal cooked (不烧饭)
    expect(values('奶奶一直卧床 不疼不烧 家庭医生能来家里看看不', 'denied')).toEqual(['fever']);
    expect(values('今天不烧饭了', 'denied')).toEqual([]);
  });

  it('finds care categories from synonyms and colloquial forms', () => {
    expect(values('一礼拜洗三回肾', 'category')).toEqual(['dialysis']);
    expect(values('忻洲透洗去哪', 'category')).toEqual(['dialysis']);
    expect(values('肿瘤需要按期做放化疗', 'category')).toEqual(['oncology', 'oncology']);
    expect(values('孕妇产检去哪', 'category')).toEqual(['maternity', 'maternity']);
    expect(values('孩子生病了', 'category')).toContain('children');
    expect(values('dialysis 去哪家', 'category')).toEqual(['dialysis']);
    expect(values('没有发烧,就是咳嗽', 'category')).not.toContain('fever');
    // a baby's age said alone ("our 8-month-old"), not a pregnancy's
    expect(values('Where do we take our 8-month-old?', 'category')).toContain('children');
    expect(values('闺女八个月大了 发烧去哪', 'category')).toContain('children');
    expect(values('我怀孕8个月大了 产检去哪', 'category')).not.toContain('children');
    // 娃 said of one's child (俺家娃, 带娃) is a child; 娃娃菜 and 娃他爸 are not
    expect(values('俺家娃昨儿咳了一宿 封着呢 上哪看', 'category')).toContain('children');
    expect(values('明天想带娃去打疫苗 管控区能出去不', 'category')).toContain('children');
    expect(values('买了两颗娃娃菜', 'category')).not.toContain('children');
    expect(values('我家娃他爸血压高 药快没了', 'category')).not.toContain('children');
  });

  it('finds facilities, with typo tolerance, scoped to the locality named', () => {
    expect(values('忻州市人民医院在哪', 'facility')).toEqual(['xinzhou/xz_peoples']);
    // a character of another sound (股 for 服) is matched fuzzily…
    const typo = ents('泉秀街道社区卫生股务中心搬到哪了', 'facility');
    expect(typo.map((e) => e.value)).toEqual(['quanxiu/qx_center']);
    expect(typo[0]?.text).toBe('泉秀街道社区卫生股务中心');
    expect(typo[0]?.score).toBeLessThan(1);
    // …one of the same sound (为生 for 卫生) is read as the word before (homophones.ts)
    expect(values('泉秀街道社区为生服务中心搬到哪了', 'facility')).toEqual(['quanxiu/qx_center']);
    expect(values('我住泉秀街道,社区卫生服务中心在哪儿', 'facility')).toEqual(['quanxiu/qx_center']);
  });

  it('finds topic cues', () => {
    const topics = (t: string) => values(t, 'topic');
    expect(topics('她去医院产检我能陪着去吗')).toContain('companion');
    expect(topics('车怎么安排')).toContain('transport');
    // in English too: a car, a taxi (no car and no taxis: how do we get home)
    expect(topics('We have no car and there are no taxis running')).toContain('transport');
    // …and medicine that cannot be bought is a medicines question
    expect(topics('退烧药买不着')).toContain('prescription');
    // (running out said with two adverbs: 药也快没了, 药都快吃完了)
    expect(topics('老人的降压药也快没了')).toContain('prescription');
    expect(topics('我妈的药都快吃完了')).toContain('prescription');
    expect(topics('核酸结果还没出来')).toContain('nat_admission');
    expect(topics('晚上开到几点')).toContain('hours');
    // (after work is evening hours; not wanting to go out is care without going: 下了班还能去吗, 不想出去折腾)
    expect(topics('下了班还能去社区医院看吗')).toContain('hours');
    expect(topics('药快吃完了 不想出去折腾 有别的办法吗')).toContain('online_care');
    expect(topics('中心搬到哪了')).toContain('address');
    expect(topics('中药能代煎吗')).toContain('herbal_decoction');
    expect(topics('有起付线吗')).toContain('insurance');
    expect(topics('有专家坐诊吗')).toContain('experts');
    expect(topics('能拍X光、做B超吗')).toContain('departments');
    expect(topics('晋江市医院收满了')).toContain('full');
    // going on with a treatment stopped (化疗能不能接着做); a doctor on the phone (在手机上让大夫瞅瞅); which department,
    // asked in Minnan too (欲看佗一科); what if it goes wrong (万一出事了); medicine brought to the door (把药送到家里)
    expect(topics('停了一周了，透析还能继续做吗')).toContain('continuity');
    expect(topics('能不能在视频上请医生看一眼')).toContain('online_care');
    expect(topics('封着出不去 能不能在家让医生瞧瞧')).toContain('online_care');
    expect(topics('脚扭了该挂哪个科')).toContain('departments');
    expect(topics('阿公欲去看佗一科')).toContain('departments');
    expect(topics('万一有啥事半夜找谁')).toContain('emergency_route');
    expect(topics('能不能有人帮忙把药送回家')).toContain('prescription');
    // (the category of the medicine one always takes)
    expect(values('我妈平时吃的药快没了', 'category')).toContain('chronic');
  });

  it('finds roles, times, load marks and rural cues', () => {
    expect(values('我是社区家庭医生,辖区有位老人', 'role')).toContain('family_doctor');
    expect(values('我是家庭医生签约居民', 'role')).not.toContain('family_doctor');
    // (where they work said in between: 我是忻州这边的家庭医生, 我是城关镇的村医 — the family doctor is who writes, not the topic)
    expect(values('你好我是忻州这边的家庭医生 居民问防范区看病有啥限制', 'role')).toContain('family_doctor');
    expect(values('你好我是忻州这边的家庭医生 居民问防范区看病有啥限制', 'topic')).not.toContain('family_doctor');
    expect(values('我是想问家庭医生能不能上门', 'role')).not.toContain('family_doctor');
    expect(values('我是热线接线员', 'role')).toContain('hotline_staff');
    expect(values('我是社区网格员', 'role')).toContain('grid_worker');
    expect(values('俺娘在忻州', 'role')).toContain('relative');
    expect(values('转：居民问孕妇产检去哪', 'role')).toEqual(['family_doctor']);
    expect(nlu.analyse('孕妇产检去哪', { forwarded: true }).forwarded).toBe(true);
    expect(values('晚上有门诊吗', 'time')).toContain('night');
    expect(values('明天会下雪吗', 'time')).toContain('tomorrow');
    expect(values('卫生院标了蓝色', 'load_mark')).toEqual(['blue']);
    expect(values('標紅色是什麼意思', 'load_mark')).toEqual(['red']);
    expect(values('标了个"×"是什么情况', 'load_mark')).toEqual(['x']);
    expect(values('我们这是农村,村里有老人阳了', 'rural').length).toBeGreaterThan(0);
    // (below the county: 县底下)
    expect(values('我们是县底下的', 'rural').length).toBeGreaterThan(0);
    // a village in the hills, said as a Cantonese writer says it (我哋條村喺山區 → 我们条村在山区)
    expect(values('我们条村在山区,老人有高血压', 'rural').length).toBeGreaterThan(0);
    // (a village said as "ours" in any variety: 俺们村, 咱村)
    expect(values('俺们村好几个人阳了', 'rural').length).toBeGreaterThan(0);
    expect(values('咱村的卫生室关门了', 'rural').length).toBeGreaterThan(0);
    // (…and Sichuanese 村头, in the village)
    expect(values('我们住村头 老汉腰杆疼', 'rural').length).toBeGreaterThan(0);
    // a topic word inside a role phrase is not a topic cue
    expect(values('我是热线接线员', 'topic')).not.toContain('hotline');
  });
});

describe('a status asked about is not the user’s status', () => {
  const audiences = (t: string) => nlu.analyse(t).entities.filter((e) => e.type === 'audience').map((e) => e.value);
  it.each(['陪护回来需要隔离多久', '我要不要隔离', '回家以后还要隔离吗'])('%s names no audience', (t) => {
    expect(audiences(t)).toEqual([]);
  });
  it.each(['我在晋江隔离，要看病', '我们被隔离了，孩子发烧', '隔离人员去哪看病'])('%s is someone in isolation', (t) => {
    expect(audiences(t)).toContain('isolated');
  });
});

describe('what a message asks is not what it joked about first', () => {
  it('drops the care and topics named before 说正经的 (气出心脏病来 哈哈)', () => {
    const t = '这俩孩子快把我气出心脏病来了 哈哈 说正经的 我妈膝盖疼 每个月要去医院看一次 忻州封控区去哪';
    expect(values(t, 'category')).not.toContain('cardio_cerebral');
    expect(values(t, 'locality')).toContain('xinzhou');
  });
  it('keeps them with no such turn', () => {
    expect(values('我爸有心脏病 忻州封控区去哪', 'category')).toContain('cardio_cerebral');
  });
});

describe('the words a topic is asked in', () => {
  it.each([
    ['阮佇晋江 敢会当佇网路看医生', 'online_care'],
    ['Longkou here, which clinic is quiet today?', 'load_mark'],
    ['泉秀的社区中心能打预防针吗', 'departments'],
  ])('%s names %s', (t, topic) => {
    expect(values(t, 'topic')).toContain(topic);
  });
  it('reads "supposed to" as what one should do, not a supposing', () => {
    expect(nlu.analyse('where is he supposed to go').normalised).not.toContain('如果');
  });
});
