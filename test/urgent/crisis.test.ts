// Suicidal intent as people say it in passing (the `crisis` corpus family's lessons, in phrasings of our own): means
// kept and a time chosen, a blade held ready, a child entrusted, a goodbye said before and silence now.
import { realNlu, urgentFlags } from '../support/nlu';

const flags = urgentFlags;

describe('suicidal intent said in passing', () => {
  it.each([
    ['安眠药我藏在衣柜里了，等家里人都睡着我就吃'],
    ['刀就在手上，就今晚了'],
    ['孩子交给你了，我真的撑不下去了'],
    ['我站在江边，这辈子对不住你们'],
    ['他前天说别找我了，今天一直没人接电话'],
    ['planning to unalive myself tonight'],
    ['这是我最后一次打扰大家了，头像我也换成全黑的了'],
    // a pet entrusted is the object of the goodbye, not the subject of the sentence
    ['我的猫以后拜托你照顾了，我不会再回来了'],
    // a goodbye said to someone: 你 before it makes no remark about the bot (妈你别难过)
    ['爸你们别难过，下辈子见'],
    // euphemisms and means said with a wish
    ['我真的很想寻短见'],
    ['我想投江'],
    ['好想永远睡过去'],
    ['I just don\'t want to wake up anymore'],
    ['she says she just wants it to end'],
    // a blade put where it will be used, beside what cannot be faced
    ['明天要复查结果，我不敢面对，刀片我放在枕头下面了'],
    // a cut of one's own said deep, and bleeding that will not stop, in pauses
    ['又划了 挺深 按不住'],
    // a sealed room with its fumes lit or left on; outside a railing now
    ['卫生间的窗缝我用胶带封死了，炭也点上了'],
    ['天然气开着的，厨房门窗都关死了'],
    ['我已经翻到阳台外面了'],
    // a rope hung on the beam (Sichuanese), a jar of sleeping pills saved up (Minnan 储规罐)
    ['娃儿送到他外婆屋头了，绳子也挂到梁上了'],
    ['阮的安眠药仔储规罐囥佇眠床头'],
    // Cantonese sleeping pills saved a month (瞓覺藥…儲咗); a crop spray put by the bed (打麦子的药…搁炕头上了)
    ['啲瞓覺藥我儲咗成個月，而家成樽擺喺枱面'],
    ['那瓶打麦子的药俺搁炕头上了，等老婆子睡着了俺就喝'],
    // a rope got ready (备下了); Minnan pills saved one by one (一粒一粒俭起来); English cutting, soaking through
    ['家里的事都交代好了，绳子也备下了'],
    ['药仔一粒一粒俭起来，规罐囥佇眠床头'],
    ['I did my arms again with the blade, it keeps soaking through the towel'],
    // Cantonese 𠝹 (to cut) on the arm, deep, the gauze still seeping; English charcoal bought and passwords sent
    ['琴晚又用刀片𠝹手臂，𠝹得好深，包咗三塊紗布都仲係滲緊血'],
    ['Sent my sister all my passwords last night. The charcoal I bought is by the bathroom door.'],
    // Hakka: the dog given to a neighbour, to the river bank again tonight and not coming back; a rope tested on the
    // bunk's rail
    ['狗仔交分隔壁阿嫂咧 今晡日去河壩行了兩擺 夜晡再去就唔轉來咧'],
    ['宿舍床栏杆上那根绳子我试过了 挺结实'],
    // …and said to be for something else while the rest says otherwise
    ['木炭买好了 跟家里说是烧烤用的 其实我不想活了'],
    // …and medicine saved since the pharmacy shut, beside despair
    ['药房关门以后安眠药我一直攒着 攒够了 活着真没意思'],
    // going to find the one who died, beside a means put out; a cut made oneself gone deeper, bleeding
    ['老伴过世快一年了 今晚把那瓶农药拿出来放桌上了 我想去找她'],
    ['胳膊上自己划的口子今天划深了 血一直在渗 纱布换了好几块'],
    // a poison mixed ready (兑好了 is done, not better) and the family's sleep waited for; two goodbyes (household
    // things given away, debts settled) beside gaps sealed
    ['敌敌畏我兑好了 藏在柜子高头 等屋里人睡了就喝'],
    ['锅碗瓢盆都送人了 欠房东的房租也结清了 车窗用胶布糊严实了'],
    ['手机电脑都送人了，欠款也付清了，门缝塞住了'],
    // painkillers not taken but saved (舍不得吃, 这一个月 is a stretch, not a baby's age) and all of them tonight
    ['这一个月的止痛片我一直舍不得吃 今晚一起吃了 省得拖累儿女'],
    // a pet taken to a friend's (the cat is what was given, not who the message is about) and the keys left out, beside a
    // height
    ['猫已经送朋友家了 钥匙压在地垫下面 今晚就从阳台下去'],
    // charcoal got in beside gaps sealed; a roof's door forced open, with despair after it
    ['我要三袋木炭，厨房的门缝窗缝都用胶条封死了'],
    ['楼顶天台的门锁昨晚被我撬开了。反正也无所谓了'],
    // a child's care handed on with thanks, and things said to be no longer needed
    ['孩子已经交给外婆带了，以后就辛苦你了，这些东西我也用不上了'],
    // cutting that gets worse, still seeping through the gauze
    ['手臂上又划了，越划越深，纱布压着还在往外渗'],
    // the drop checked more than once, and nothing mattering
    ['这几天上楼顶看了好几次了 下面是水泥地 其实也无所谓了'],
    // English: pills put together to take at once, everything said
    ["I've put all my pills together so they're easy to take at once. Said what I needed to say to my sister."],
    // a day circled on the calendar beside a goodbye; no one will remember, beside a pet's care handed on
    ['台历上下个月3号我拿笔圈好了 家里的钥匙交给楼下王姐了 以后就辛苦她了'],
    ['猫托付给邻居了 反正也没人会记得我'],
    // English: possessions shared out and no more a burden
    ["I've decided who gets my books and my bike. After this week I won't be a burden to anyone."],
  ])('%s → suicide', (text) => {
    expect(flags(text)).toContain('suicide');
  });

  it.each([
    // a visit, a kitchen, a safe store: the same words with no danger
    // (a resignation said as a goodbye, 我辞职了，不会再回来了，谢谢你, is raised by the scorer since the intent_passing
    // family joined the corpus: a known false alarm, docs/urgent.md — naming a move to stop the scorer cost a real
    // resident's urgent message)
    '谢谢你，明天去见奶奶',
    '菜刀在手上，正在切菜',
    '农药藏在仓库里了，别让孩子碰',
    // a height or a shore visited for what people do there
    '我站在桥上看风景',
    '站在海边看日落',
    // 润 alone is emigrating, not dying
    '我要润了，签证下来了',
    // a mere address before ordinary words, and a line of a song
    '妈你别难过了，我考得不好下次努力',
    '你别想不开，这次没考好不要紧',
    // what will not stop, with no cut
    '孩子哭得停不下来 怎么哄',
    // gaps sealed against the cold, the gas turned off; a balcony's railing painted
    '窗缝都用胶带封好了，冬天不漏风',
    '出门前门窗关好了，煤气也关了',
    '阳台栏杆刷了漆，别靠上去',
    // a washing line on the beam
    '下雨了，晾衣服的绳子挂到梁上了',
    '绳子挂在梁上晾腊肉',
    // a crop spray kept in the shed
    '打麦子的药放仓库里了，别让孩子碰',
    // a hose connected to wash the car; charcoal bought for a barbecue
    '水管子接好了，准备洗车',
    'We bought charcoal for the barbecue on the balcony',
    // a will made at a notary before treatment; a shop lost, said in Wu (心里厢憋气: pent up, not breathless)
    'Sorting out my will with a notary before a long course of treatment, nothing dramatic',
    // means named with what they are for (a barbecue, moving house): no rule, and nothing for the scorer to open on
    '买了两袋木炭 周末烧烤用',
    '绳子买好了 搬家捆箱子用',
    '爿店关脱了 心里厢憋气 不过日脚还要过下去',
    // a crop spray mixed for the fields; goodbyes and sealed windows that are a winter move
    '农药兑好了 明天去地里喷玉米',
    // a bottle of each kept at home is a lockdown's stock, not an overdose
    '家里降压药安眠药都有一瓶，够吃到解封吗',
    // going to find the dead one's doctor is no joining them; an old scar of one's own cutting
    '我妈去世半年了，我想去找她生前的主治医生问问，泉秀社区中心在哪',
    '手腕上以前自己划的旧疤，想去掉，泉秀能看吗',
    // medicine saved against running out, or since the pharmacy shut: what it is kept for
    '药房关门以后，我妈的安眠药就一直攒着，泉秀能送药上门吗',
    '降压药我攒了一点，免得断药，社区医生能开长处方吗',
    'been saving up my mum\'s tablets since the pharmacy closed, can someone deliver in Jinjiang',
    '冬天到了，窗缝用胶带糊严实了，借的钱也还清了，家具送人了，准备搬家',
    // a day circled for an appointment; books given back to the library; a gym card cancelled for the lockdown
    '挂历上15号用红笔圈好了，那天去医院复查',
    // a window opened wide to air the room
    '窗户可以整个推开，通通风，心情好多了',
    '借的书都还回去了，健身卡也退掉了，封控期间反正去不了',
    // a handful taken every day is a list of medicines
    '我妈每天吃一把药，降压的降糖的都有，想问去哪开',
  ])('%s → not urgent', (text) => {
    expect(flags(text)).toEqual([]);
  });
});

describe('a roof\'s door known to open', () => {
  const nlu = realNlu();
  const rulesRaise = (text: string): string[] => nlu.urgent.detect(nlu.normalise(text).text).flags.map((f) => f.id);
  it('is a height made ready beside a goodbye (天台那道门我知道怎么开), by the rules and not only the scorer', () => {
    const v = nlu.urgent.detect(nlu.normalise('女儿已经托付给她外婆了 天台那道门我知道怎么开 反正也无所谓了').text);
    expect(v.mentions.map((m) => m.concept)).toContain('roof_opened');
    expect(v.by === 'rules' || v.by === 'both').toBe(true);
    expect(rulesRaise('女儿已经托付给她外婆了 天台那道门我知道怎么开 反正也无所谓了')).toContain('suicide');
  });
  it('…and so is a window found to open wide (窗户我试过了，可以整个推开), beside despair', () => {
    const v = nlu.urgent.detect(nlu.normalise('宿舍窗户我试过了，可以整个推开，反正也无所谓了').text);
    expect(v.mentions.map((m) => m.concept)).toContain('window_checked');
    expect(v.by === 'rules' || v.by === 'both').toBe(true);
  });
  it('…and a window\'s guard taken off (防盗窗拆了一扇), and a gas hose pulled loose (煤气灶那根管子拔了一半)', () => {
    const concepts = (t: string): string[] => nlu.urgent.detect(nlu.normalise(t).text).mentions.map((m) => m.concept);
    expect(concepts('住十八楼，刚把阳台防盗窗拆了一扇')).toContain('window_checked');
    expect(concepts('煤气灶那根管子俺拔了一半')).toContain('suicide_means');
    expect(rulesRaise('实在熬不动了 煤气灶那根管子俺拔了一半 今黑夜关上门')).toContain('suicide');
    // a guard off for a repair, a hose pulled to fix the stove: nothing alone
    expect(rulesRaise('防盗窗拆了一扇，师傅明天来换新的')).toEqual([]);
  });
  it('is nothing said alone of a roof used every day', () => {
    expect(rulesRaise('楼顶那道门我知道怎么开，晒被子方便')).toEqual([]);
  });
});

describe('goodbyes said in more ways', () => {
  const nlu = realNlu();
  const concepts = (text: string): string[] => nlu.urgent.detect(nlu.normalise(text).text).mentions.map((m) => m.concept);
  it.each([
    // borrowed things given back, cards and accounts closed, no more trouble to anyone after
    '借同事的充电宝和相机都还回去了',
    '我已经将啲书同相机还晒俾同学',
    '会员卡和手机号也都注销了',
    '健身卡都cancel咗',
    '之后就不用再烦着大家了',
  ])('%s → farewell_weak', (text) => {
    expect(concepts(text)).toContain('farewell_weak');
  });
});
