// Scope: what makes a symptom word not an emergency now (negation over lists, past, history, hypotheticals,
// questions, figures of speech) — and what does not (a present emergency beside a past one).
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { ScopeSchema } from '../../src/urgent/schema';
import { realNlu } from '../support/nlu';
import { SCOPE_KEYS, type Scope } from '../../src/urgent/scope';

const nlu = realNlu();

const detect = (text: string) => nlu.urgent.detect(nlu.normalise(text).text);

/** The scope reasons of the mentions of `concept` in a message. */
function scopeOf(text: string, concept: string): string[][] {
  const v = detect(text);
  return v.mentions.flatMap((m, i) => (m.concept === concept ? [SCOPE_KEYS.filter((k) => (v.scopes[i] as Scope)[k])] : []));
}

describe('urgent scope', () => {
  it.each([
    ['没有胸痛，也不喘', 'chest_pain'],
    ['无发热、咳嗽、气促等症状', 'dyspnea'],
    ['不烧不喘，就是想开药', 'dyspnea'],
    ['冇發燒，冇心口痛，唔氣促', 'chest_pain'],
    ['No fever, no chest pain, no shortness of breath', 'dyspnea'],
    ['我沒有想自殺，只是很焦慮', 'suicidal'],
    ['我爸吃华法林，没流鼻血', 'bleeding_any'],
    // a list item that ends in a symptom word is the whole mention (喉咙肿, not its 肿)
    ['没有喉咙肿或呼吸困难', 'dyspnea'],
    ['hives, no lip swelling or breathing problem', 'dyspnea'],
    ['I feel anxious and can\'t sleep, no thoughts of harming myself', 'suicidal'],
  ])('negates %s', (text, concept) => {
    expect(scopeOf(text, concept).every((s) => s.includes('negated'))).toBe(true);
  });

  it.each([
    ['上周胸口疼过一次，后来没事了', 'chest_pain', 'past'],
    // a condition that seldom flares (平时不犯病) is not flaring now
    ['我妈有心绞痛，平时不犯病，想去调调药', 'chest_pain', 'resolved'],
    // …and one fine ever since (后来一直好好的)
    ['五年前胃出血过一次，那时候拉黑便还输了血，后来一直好好的', 'vomit_blood', 'resolved'],
    ['三年前产后大出血，现在每年复查', 'heavy_bleeding', 'past'],
    ['既往脑梗，现在要开药', 'stroke_named', 'history'],
    ['如果半夜破水了怎么办', 'waters_broken', 'hypothetical'],
    ['癫痫发作的时候旁边的人该怎么做', 'seizure', 'hypothetical'],
    ['胸痛一般挂什么科', 'chest_pain', 'knowledge'],
    ['问他胸口疼不疼，他说没有', 'chest_pain', 'knowledge'],
    ['工作压得我喘不过气', 'dyspnea', 'figurative'],
    ['气得我脑溢血，哈哈', 'stroke_named', 'figurative'],
    ['点球大战吓得我心脏骤停', 'not_breathing', 'figurative'],
    // a supposition said as a clause of its own holds for the rest of the sentence
    ['打个比方，半夜孩子抽搐了，先打哪个电话', 'seizure', 'hypothetical'],
    // a time supposed by 如果 (如果封控的时候，…) holds up to the question, as 万一 does
    ['如果封控的时候，我突然要生了，应该怎么办？先给谁打电话？', 'birth_imminent', 'hypothetical'],
    ['如果封控期间，孩子高烧抽搐，应该打什么电话', 'seizure', 'hypothetical'],
    // a birth going wrong, supposed (万一生孩子的时候出问题了), or told of a birth years back
    ['万一生孩子的时候出问题了怎么办 忻州封控区', 'birth_trouble', 'hypothetical'],
    ['上一胎生的时候有点异常 后来都好了 这次产检去哪', 'birth_trouble', 'past'],
    // …in English too, set off by a dash ("Hypothetically — if my mum, who's on chemo, spiked a high fever")
    ["Hypothetically — if my mum, who's on chemo, spiked a high fever, where would she go?", 'high_fever', 'hypothetical'],
    // a later clause with a symptom of its own says something new; the earlier one stays past
    ['儿子两岁那年高烧抽过，今天有点低烧', 'high_fever', 'past'],
    // a few years back (前几年), as years ago (几年前)
    ['前几年抑郁症的时候吞了一瓶药，洗了胃', 'overdose', 'past'],
    // English puts the time after the symptom, and its gloss may stand right against it (胸痛上周)
    ['My dad had a bad chest pain last month but the tests were clear', 'chest_pain', 'past'],
    ['新闻里说有人在方舱晕倒了', 'unresponsive', 'reported'],
    // venting said as such: to death of an itch, a sleeper like a log, not an illness
    ['皮肤过敏痒到我想死 药膏用完了', 'suicidal', 'figurative'],
    ['值班的在帐篷里睡得跟死猪一样 喊了半天都不理我', 'unresponsive', 'figurative'],
    ['天天关在家里憋得我喘不过气来', 'dyspnea', 'figurative'],
    // what a doctor called it is its history (医生说是热性惊厥)
    ['去年发烧抽过一次 医生说是热性惊厥 今天又烧到37.8 没抽', 'seizure', 'history'],
    // a later clause about another symptom (嗓子疼) does not carry the old one on
    ['十几年前打针休克过一回 抢救过来的 现在我也开始嗓子疼', 'unresponsive', 'past'],
    // when one was young, in Cantonese and Minnan (细个时, 后生时); Minnan 捌, "once did"
    ['我细个时试过晕低送院，而家冇事', 'unresponsive', 'past'],
    ['阮阿公後生時捌昏去一擺', 'unresponsive', 'past'],
    // how someone always is (老样子, 习惯了)
    ['我老公睡着了叫不醒是老样子，打雷都不醒', 'unresponsive', 'history'],
    // a forwarded leaflet's list of signs; a card game's loss "gives" the pain
    ['【转】脑卒中的典型表现：一侧肢体无力、口角歪斜，出现请立即就医', 'face_droop', 'knowledge'],
    ['打扑克输得俺胸口疼', 'chest_pain', 'figurative'],
    // a decade long gone (八几年, 90年代)
    ['俺老伴八几年就是心口疼走的，那时候没处看病', 'chest_pain', 'past'],
    // a rest that settled it, with nobody guessing
    ['前两天胸口疼，躺了一会儿就好了', 'chest_pain', 'resolved'],
    ['爬楼梯有点胸闷，歇一会儿就好了', 'chest_pressure', 'resolved'],
    // a generation long gone (老一辈, 那辈人); a stroke with years in bed since (卧床, a catheter) is its sequela
    ['我外婆说老一辈人生孩子大出血是常事，我现在孕32周一切都好', 'heavy_bleeding', 'past'],
    ['我爸脑梗后卧床三年了，左边手脚动不了，鼻饲管要换', 'one_side_weak', 'history'],
    // what a stroke looks like, asked ahead (了是什么样, 先认得)
    ['想问问心梗了是什么样的，先认得认得，家里老人身体都好', 'heart_attack', 'hypothetical'],
    // what a sign looks like, asked (长什么样)
    ['发烧抽搐长什么样？外甥小时候有过', 'seizure', 'knowledge'],
    // …or how it shows (怎么个样子, in Wu 哪能个样子), to know it ahead
    ['请问煤气中毒是哪能个样子？阿拉屋里刚装了煤炉，想先晓得一下，现在屋里人侪好好的', 'co_poisoning', 'knowledge'],
    // a cause explained (麻药还没退, 的缘故) or a speech back to normal (利索了); getting up is no sign it goes on (起身)
    ['刚补完牙说话大舌头，原来麻药还没退，现在已经利索了', 'slurred_speech', 'resolved'],
    ['我奶奶前天起身的时候眼前一黑，扶了会儿墙就缓过来了', 'vision_loss', 'past'],
    // 麻将 is no numbness going on after a past overdose
    ['我叔十几年前吞过一整瓶安眠药，这些年都好好的，昨天还在打麻将', 'overdose', 'past'],
    // intent denied in English ("not going to hurt herself")
    ['She told me she is not going to hurt herself, she just feels lonely', 'suicidal', 'negated'],
  ])('%s is out of scope (%s: %s)', (text, concept, why) => {
    const scopes = scopeOf(text, concept);
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes.some((s) => s.includes(why))).toBe(true);
  });

  it.each([
    ['不发烧，但是现在喘不上气', 'dyspnea'],
    // a joke typed inside another word is none (lol in lola, a Filipino grandmother)
    ['My lola fell in the CR and now she is not answering me po', 'unresponsive'],
    ['十年前做过搭桥，刚刚他突然说胸口剧痛', 'chest_pain'],
    // someone just found, or being carried now, after a night's story: what follows is now
    ['我妈昨晚一个人出门没回来 刚找到 在草丛里趴着 叫她不答应', 'unresponsive'],
    ['姥爷前天走丢了 刚在桥洞下面找到 浑身冰凉叫不醒', 'unresponsive'],
    ['他昨晚喝了不少 我们正往楼下抬 怎么叫都不醒', 'unresponsive'],
    ['昨天开始胸痛，现在越来越厉害', 'chest_pain'],
    ['胸口压得喘不过气', 'dyspnea'],
    ['我爸胸口疼得厉害还出冷汗', 'chest_pain'],
    // a later clause that only qualifies it says it goes on
    ['前年胸口疼过一回，今天又疼得厉害', 'chest_pain'],
    // a word saying a case is under way ends a negated list: 无发热 does not deny the fit
    ['患儿无发热突发抽搐，已持续十分钟', 'seizure'],
    // a fear said alone is no supposition
    ['好怕，我爸晕倒了叫不醒', 'unresponsive'],
    // 如果 said loosely, closed by its 的话, supposes nothing after it; 突然要生 is labour begun
    ['如果不行的话，他胸口疼得厉害，怎么办', 'chest_pain'],
    ['我突然要生孩子了 肚子一阵一阵疼 在忻府区', 'birth_imminent'],
    // a birth going wrong now (生的时候出状况了)
    ['我老婆在家里生的时候出状况了 孩子卡住了', 'birth_trouble'],
    // a time to come with 之前 is a deadline, not the past
    ['天亮之前我就从楼上跳下去', 'suicidal'],
    ['明早之前 我把攒的药全吃了就完事', 'overdose'],
    // "since" a past time: it began then and goes on
    ["She's had crushing chest pain since this morning", 'chest_pain'],
    ['My husband has had chest pain ever since yesterday evening', 'chest_pain'],
    // 已经好几分钟了 is how long, not 已经好 (better)
    ['孩子全身抽抽眼睛往上翻叫不答应已经好几分钟了', 'seizure'],
    // 痛得不得了 says how much, it asks nothing; 现在也不哭 is a sign, not an end
    ['我爸胸口痛得不得了，汗一直出', 'chest_pain'],
    ['刚才孩子突然一阵一阵抽，眼睛直勾勾的，现在也不哭就是蔫蔫的', 'seizure'],
    // the body part a word or two before in its list is literal (Minnan 心肝頭硬硬、壓甲袂喘氣: 胸口…压得喘不过气)
    ['阮翁心肝頭硬硬、壓甲袂喘氣，規身軀冷汗', 'dyspnea'],
    // a past time it is compared with is no past (这次比上次深很多)
    ['她又划手腕了，这次比上次深很多，地上好多血', 'heavy_bleeding'],
    // a mistaken belief (以为) earlier in a run-on does not reach past a clause-break word
    ['我妈还以为我喝多了然后我把猫托给邻居了现在我站在楼顶上', 'danger_place'],
    // a rest someone says will settle it is a guess, not the pain over
    ['我妈胸口闷得慌 出了一身冷汗 她说躺躺就好了', 'chest_pressure'],
    ['老伴心口疼了一晚上，他觉得睡一觉就好了，不让我打电话', 'chest_pain'],
    // 晚上回来 holds 上回 (last time) but says no such thing
    ['他早上回来就说胸口疼得厉害', 'chest_pain'],
    // a later time that goes on (这几天) followed by something new denied (不想吃饭) is no end of it
    ['老伴前年走了这几天也不想吃饭反正也活够了', 'hopeless'],
    // a rest one only guesses will settle it (应该/估计…就好了吧) is no resolution
    ['心口憋得慌，出了一身冷汗，我先歇一下估计就好了', 'chest_pressure'],
    // a resolution asked about (是不是就不疼了) is no resolution
    ['天天都在想从楼顶下去是不是就什么都不痛了', 'danger_place'],
    // a rest asked about (是不是让他睡一觉就好了) or believed in with its verb said twice (以为忍一忍就过去了) is a guess
    ['我爸胸口疼得一直冒冷汗，我妈问是不是让他躺一躺就好了', 'chest_pain'],
    ['她喘得一句话分三回说，嘴唇发紫，还以为忍一忍就过去了', 'cyanosis'],
    // 又睡过去了 (asleep again) is no 过去了 (over): the fit and the blue lips before it stay
    ['孩子刚才抽了好几分钟，嘴唇发紫，叫了一声又睡过去了', 'cyanosis'],
  ])('keeps %s in scope', (text, concept) => {
    const scopes = scopeOf(text, concept);
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes.some((s) => s.length === 0)).toBe(true);
  });
});

describe('scope.yml patterns', () => {
  it('reads words quoted from a post or an article as the post\'s, but a person\'s own words quoted as theirs', () => {
    expect(detect('姑妈往群里转了个"脑梗前兆：嘴歪手麻，马上打120"的帖子，全家都吓到了').flags).toEqual([]);
    expect(detect('公众号推送里说：“孩子高烧抽搐先侧躺”，这对吗，顺便问发热门诊在哪').flags).toEqual([]);
    expect(detect('看了《产后大出血的信号》这篇，心里发毛，我下个月生').flags).toEqual([]);
    // a message quoted is someone's own: 她发来「…」
    expect(detect('我妹刚发来「我胸口好痛 喘不上气」，电话打不通').flags.length).toBeGreaterThan(0);
    expect(detect('老爸微信就回了一句"头好晕 说话说不清"，然后就不回了').flags.length).toBeGreaterThan(0);
  });

  it('reads a leaflet\'s list of signs (…一旦出现立即拨打120) as asked about, and hearsay as over at a clause break', () => {
    expect(detect('健康提示：胸口压榨样疼痛、大汗、喘不上气，一旦出现请立即拨打120。想问社区几点开门').flags).toEqual([]);
    expect(detect('转给大家：孩子高烧抽搐、叫不醒，如出现以上情况马上送医').flags).toEqual([]);
    // someone's own signs, asked about with the leaflet's words, are theirs
    expect(detect('我妈胸口疼、出冷汗，一旦出现这些该怎么办').flags.length).toBeGreaterThan(0);
    // the list said to be happening (…了) is had
    expect(detect('我妈胸口疼、出冷汗了，一旦出现这些是不是要马上打120').flags.length).toBeGreaterThan(0);
    // a drama named, then 结果 and a real collapse
    expect(detect('还以为他在学电视剧里演的，结果他真的倒在地上叫不醒').flags.length).toBeGreaterThan(0);
    expect(detect('电视剧里演的那个人倒在地上叫不醒，吓了我一跳').flags).toEqual([]);
    // the story turned from the report to the writer's own people, a clause on: theirs, not the report's
    expect(detect('电视上老讲这种时候要赶紧叫救护车 我看我妈还没那么严重 她就是右边脸木了 讲话含糊 右手也抬不起来 快一个钟头了').flags.length).toBeGreaterThan(0);
    // …but not the clause a report's verb opens, nor a drama's own people
    expect(detect('电视上说，我爸这个年纪的人中风了要马上送医').flags).toEqual([]);
    expect(detect('电视剧里那个老头中风了，我爸看得直掉眼泪').flags).toEqual([]);
  });

  it('reads a group\'s talk said to be only talk as asking, and going at once (马上去医院) as no time it happens', () => {
    expect(detect('邻居们在讨论，老人胸口疼要不要马上去医院，还是先吃速效救心丸').flags).toEqual([]);
    expect(detect('随便聊聊哈 孩子发烧抽筋是不是得马上送医院').flags).toEqual([]);
    // …but someone's own people named in the sentence are a case, whatever the group is talking about
    expect(detect('群里有人在讨论这个，我妈胸口疼出冷汗要不要去医院').flags.length).toBeGreaterThan(0);
    // said to be now, or had, it is had
    expect(detect('群里在讨论的时候我爸现在就胸口疼起来了').flags.length).toBeGreaterThan(0);
    expect(detect('宝宝发烧抽筋了，要不要马上去医院').flags.length).toBeGreaterThan(0);
  });

  it('reads a pet\'s fit or a drama\'s collapse as no one\'s here, but not a dog\'s bite or a cough like a dog\'s bark', () => {
    expect(scopeOf('我家狗刚才抽搐，口吐白沫，吓死我了', 'seizure').every((s) => s.includes('reported'))).toBe(true);
    expect(scopeOf('刚追的剧里那个孕妇在电梯里破水了', 'waters_broken').every((s) => s.includes('reported'))).toBe(true);
    // the bot spoken to is no one's emergency (你老是答非所问); someone named after it is
    expect(detect('问了半天你都答非所问，找个人工').flags).toEqual([]);
    expect(detect('你又答非所问了').flags).toEqual([]);
    expect(detect('你快派车来 我爸说不清楚话了 嘴也歪了').flags.length).toBeGreaterThan(0);
    // an if-clause closed by 呢 ends there; a rule said of anyone (只要…就) is no one's now
    expect(detect('万一是脑梗呢他现在右手拿不住东西嘴也歪了').flags.length).toBeGreaterThan(0);
    expect(detect('群里说只要出现抽搐就要马上送医 对吗').flags).toEqual([]);
    // a chat-bot that cannot say it clearly is no stroke; a person who cannot is
    expect(detect('转人工吧 机器人说话说不清楚 答非所问').flags).toEqual([]);
    expect(detect('我爸刚才说话突然说不清楚，嘴也歪了').flags.length).toBeGreaterThan(0);
    expect(scopeOf('被狗咬了，血止不住', 'heavy_bleeding')).toEqual([[]]);
    expect(scopeOf('大狗把孙子的脸咬破了，血止不住', 'heavy_bleeding')).toEqual([[]]);
    expect(detect('孩子咳嗽像狗叫，喘气的时候肋骨下面一吸一吸凹进去，嘴唇有点紫').flags.length).toBeGreaterThan(0);
    // (clopidogrel is no dog)
    expect(detect('拔牙之后 gum 一直 bleeding，我在吃 aspirin 和 clopidogrel，嘴里全是血块').by).toMatch(/rules|both/);
  });

  it('reads a supposition opening its clause as holding up to the question it leads to, not past a present sign', () => {
    // 万一…, …, …该怎么办: the clauses between are supposed
    expect(scopeOf('万一半夜停了电，制氧机不转了，我妈喘不上气，家里人该找谁', 'dyspnea').every((s) => s.includes('hypothetical'))).toBe(true);
    expect(detect('假如楼里没人在，老人摔了以后起不来，该怎么办').flags).toEqual([]);
    // …but what is said to be so now is not supposed, nor is a loose 如果
    expect(detect('万一救护车来得慢怎么办，我爸现在喘不上气，嘴唇发紫').flags.length).toBeGreaterThan(0);
    expect(detect('如果不行的话，他胸口疼得厉害，出冷汗，怎么办').flags.length).toBeGreaterThan(0);
  });

  it('reads a resolution asked about (…没事吧, 好了吗) as no resolution, and one said of the same sign (现在手不麻) as one', () => {
    expect(detect('刚才突然右手麻了，现在还麻，应该没事了吧').flags.length).toBeGreaterThan(0);
    expect(scopeOf('刚才突然右手麻了一下，现在手不麻了', 'limb_weak').every((s) => s.includes('resolved'))).toBe(true);
  });

  it('reads talk dismissed as only talk (就是发牢骚, 嘴上说说) and a false alarm (虚惊一场) as not now', () => {
    expect(detect('女儿上网课时嘟囔了一句不想活了，她自己说就是发牢骚，现在在客厅跳操呢').flags).toEqual([]);
    expect(scopeOf('刚才以为爸爸晕倒了，原来是睡着了，虚惊一场', 'unresponsive').every((s) => s.includes('resolved'))).toBe(true);
  });

  it("reads a child's school essay as the child's own words, but an essay asked for as made up", () => {
    expect(detect('女儿作文里写她想死，今晚就跳下去').flags.map((f) => f.id)).toContain('suicide');
    expect(detect('帮我写篇作文，题目是《我的爷爷心梗了》').flags).toEqual([]);
  });

  it('reads no birth in a factory producing or an engine starting (生产的时候, 发动的时候)', () => {
    for (const text of ['工厂生产的时候出了意外 工人手被机器夹了', '车发动的时候出了问题 打不着火']) {
      const v = detect(text);
      expect(v.mentions.map((m) => m.concept)).not.toContain('birth_trouble');
      expect(v.flags.map((f) => f.id)).not.toContain('labour');
    }
  });

  it('refuses a pattern that is not a regular expression, naming the key', () => {
    const data = yaml.load(readFileSync(`${__dirname}/../../intents/urgent/scope.yml`, 'utf8')) as Record<string, unknown>;
    expect(ScopeSchema.safeParse(data).success).toBe(true);
    const bad = ScopeSchema.safeParse({ ...data, feared_before: '(?:要' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['feared_before']);
  });

  it('refuses a joke cue of one character (a list split at an unquoted comma), not an emoji', () => {
    const data = yaml.load(readFileSync(`${__dirname}/../../intents/urgent/scope.yml`, 'utf8')) as Record<string, unknown>;
    const jokes = data.jokes as string[];
    const bad = ScopeSchema.safeParse({ ...data, jokes: [...jokes, '是'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['jokes', jokes.length]);
    expect(ScopeSchema.safeParse({ ...data, jokes: [...jokes, '🤪'] }).success).toBe(true);
  });
});
