// Pills counted out and found enough, a child's care arranged for a time without the writer, a battery gone missing
// beside a toddler; what a supposition covers (万一是心梗 supposes what a sign is, 寻思万一…或者… opens one, …还是要…
// closes one); "any" that asks nothing (什么药都试过); the signs no old illness leaves behind; words that only look like
// signs (血压好多年, 心臟同血壓, 捏住五分钟就止住, a crushed finger's purple nail). Checked through the real NLU.
import { byRules, urgentFlags, urgentVerdict } from '../support/nlu';

describe('a dose counted out', () => {
  it('raises a handful or a stash counted and found enough', () => {
    byRules('手边一把安眠药加止痛药，数了一下应该够，心里挺平静的', 'suicide');
    byRules('同学都笑我的脸，我把攒下的那些药全倒出来数过了，应该够', 'suicide');
  });
  it('not a supply checked or one that lasts', () => {
    expect(urgentFlags('降压药数了一下够吃到月底')).toEqual([]);
    expect(urgentFlags('家里的药全倒出来数了一下，够吃一个月，不用去医院开')).toEqual([]);
  });
});

describe("a child's care arranged for a time without the writer, and more sleeping pills asked for", () => {
  it('raises the two together', () =>
    byRules('半年没睡过整觉了，宝宝的东西都收拾好了，以后他爸一个人也能带，想问网上问诊能不能开安眠药，要能多开点的', 'suicide'));
  it('not sleeping pills asked for alone', () => {
    expect(urgentFlags('我失眠好多年了，安眠药能不能多开点')).toEqual([]);
  });
});

describe('a button battery or a magnet gone missing beside a small child', () => {
  it('raises it', () => byRules('两岁的儿子在玩遥控器，后盖开着，里面那颗小圆电池找不到了，他一直在流口水', 'poisoning'));
  it('not with no child about', () => {
    expect(urgentFlags('遥控器里的电池找不到了，社区能帮忙买吗')).toEqual([]);
  });
});

describe('what a supposition covers', () => {
  it('a supposing of what a sign is holds in its own clause: the signs told after it are so', () =>
    byRules('万一是心梗，他胸口疼了半小时，怎么办', 'chest_pain'));
  it('a supposition that leads to a choice of what to do holds up to it (…是找网格员就行，还是要打急救电话)', () => {
    const v = urgentVerdict('我对花生过敏，万一在隔离点误吃了，喉咙肿起来，是找网格员就行，还是要自己打急救电话');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
  it("a supposition after the writer's thought opens its clause all the same (寻思万一…或者…)", () => {
    const v = urgentVerdict('我有慢阻肺，寻思万一哪天停电了，或者喘上不来了，应该先找谁');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
});

describe('"any" asks nothing', () => {
  it('什么药都试过 does not make the message a question about its signs', () =>
    byRules('什么药都试过了，没用，我把攒下的安眠药全倒出来数过了，应该够', 'suicide'));
  it('a question about a sign is still one', () => {
    expect(urgentVerdict('胸痛吃什么药').flags).toEqual([]);
  });
});

describe('signs no old illness leaves behind', () => {
  it('raises someone with dementia who cannot be woken now', () => {
    byRules('我婆婆老年痴呆，现在叫不醒', 'unconscious');
  });
  it('keeps a stroke\'s lasting sign its history', () => {
    expect(urgentFlags('脑梗后遗症，现在说话还是不清楚')).toEqual([]);
  });
});

describe('fluids lost and nothing taken', () => {
  it('raises vomiting with no water passed and a faint on standing', () =>
    byRules('怀孕九周，吐了三天了，喝口水都吐，从早上到现在一次小便都没有，站起来眼前就发黑', 'unconscious'));
  it('raises someone taking nothing for days, hard to wake and hot', () =>
    byRules('我妈这三四天水米不进，叫她眼皮都抬不起来，身上滚烫', 'sepsis'));
});

describe('words that only look like signs', () => {
  it('the 血 of 血压 and 血氧 is no blood', () => {
    expect(urgentFlags('我爸高血压好多年，药快吃完了，找谁开')).toEqual([]);
    expect(urgentFlags('奶奶阳了一周，饭能吃半碗血氧95，想问复查去哪')).toEqual([]);
  });
  it('"and" in Cantonese is no typo of pain (心臟同血壓)', () => {
    expect(urgentFlags('想問社區中心有冇睇心臟同血壓嘅醫生')).toEqual([]);
  });
  it('the time a nosebleed takes to stop is no lasting bleed', () => {
    expect(urgentFlags('儿子这周流了三次鼻血 每次按住十分钟就止住 想挂个耳鼻喉科')).toEqual([]);
    byRules('鼻血流了半小时了还在流', 'bleeding');
  });
  it("a crushed finger's purple nail is no cyanosis; blue lips still are", () => {
    expect(urgentFlags('孩子手指让门夹了，指甲盖发紫，能动，去哪拍片')).toEqual([]);
    expect(urgentFlags('宝宝嘴唇发紫，手指甲也发紫')).toContain('breathing');
  });
  it('a friend\'s "活不下去了" that is only a gripe (其实都是吐槽) is no plan', () => {
    expect(urgentFlags('我朋友天天说活不下去了，其实都是吐槽网课作业，她最近失眠能找谁聊聊')).toEqual([]);
  });
  it('spotting in the weeks after a birth is no show', () => {
    expect(urgentFlags('Three weeks postpartum, light brownish spotting, no fever, I feel fine. Who can I contact for a check?')).toEqual([]);
    byRules('怀孕38周，见红了', 'labour');
  });
});

describe('in English', () => {
  it.each([
    "I texted my brother goodbye an hour ago and I'm sitting here with the sleeping pills together in one cup",
    "I've given most of my things to the neighbours and last night I wrote my mum a long letter. Tonight feels like the right night.",
    'I stopped taking my antidepressants months ago and kept them instead. Can someone check on my cat after tomorrow?',
  ])('raises %s', (text) => {
    expect(urgentFlags(text)).toContain('suicide');
  });
});
