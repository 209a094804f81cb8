// Found in water or pulled out of it, an electric shock with a sign after it, and a large burn or scald said in
// English: emergencies named by what is seen (docs/urgent.md, "Water, electricity and burns"). Checked through
// the real NLU: these are for the concept rules, which hold without the scorer.
import { realNlu, ruleFlags, urgentFlags } from '../support/nlu';

describe('found in water', () => {
  it.each([
    '孩子在澡盆里玩 我就走开一会儿 回来他脸朝下趴在水里',
    '我外公刚被人从河里捞上来，送不出去',
    '邻居家小孩溺水了 我们小区封着 救护车能进来吗',
    '娃头朝下栽在水缸里 拉出来不哭',
    'we pulled him out of the pool a minute ago',
    'my toddler was face down in the bath when I came back',
    'she nearly drowned in the tub, now she is coughing and sleepy',
  ])('raises %s', (text) => {
    expect(urgentFlags(text)).toContain('unconscious');
  });

  it.each([
    '刚从河里捞上来一条大鱼，晚上炖汤',
    '万一孩子溺水了，封控区该怎么急救',
    '孩子游泳呛了口水，现在玩得好好的',
    '手机掉浴缸里了捞出来还能用吗',
    '孩子的玩具掉水池里捞出来洗洗就行吗',
  ])('does not raise %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('an electric shock', () => {
  it.each([
    '我儿子摸插座被电了一下 现在手发麻 心跳很快',
    '我爸修电线触电了，人倒在地上没反应',
    'my son got an electric shock from the socket, now his heart is racing',
    // the heart said to race or skip in plain words (心口慌, 心脏乱跳)
    '我妈换灯泡被电到了，说心脏乱跳，有点喘',
  ])('raises %s', (text) => {
    expect(urgentFlags(text)).toContain('unconscious');
  });

  it.each([
    '电工说插座漏电，会不会触电',
    'I got a small electric shock from the socket yesterday, I am fine now, should I see a doctor',
  ])('does not raise %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('a large burn or scald, in English', () => {
  it.each([
    'he knocked over a kettle of boiling water, his belly is blistering and the skin is sliding off',
    'my dad is badly burned from the stove, what do we do',
    'the skin is peeling off her arm after the scald',
  ])('raises %s', (text) => {
    expect(urgentFlags(text)).toContain('bleeding');
  });

  it('does not raise a small scald', () => {
    expect(urgentFlags('I scalded my finger on the kettle, a small blister, should I go to hospital')).toEqual([]);
  });
});

// Not of water or electricity, but read by the same measure: a cut deeper than the last one (划得比上次深) is a cut
// of one's own going further, and a baby (婴儿) is no newborn unless said so (Minnan 红婴仔 is one).
describe('the comparison with last time, and a newborn', () => {
  it('raises a cut deeper than the last time that will not stop', () => {
    expect(urgentFlags('这次划得比上次深 纸巾换了好几张了还是止不住')).toContain('suicide');
  });

  it('reads 婴儿 as a baby, and Minnan 红婴仔 as a newborn, whose fever is urgent', () => {
    expect(urgentFlags('晋江红码婴儿发烧去哪个医院')).toEqual([]);
    expect(urgentFlags('阮红婴仔发烧')).toContain('infant_fever');
  });
});

// Said in English: breath running out between a few words, lips grey-blue and an oximeter's low reading; a goodbye's
// acts (letters written to one's children, passwords left with a friend, no refill needed after this) beside a window
// checked; "before" that is no past time (docs/urgent.md, "English").
describe('English, as a relative or the person writes it', () => {
  it('raises breathlessness told by its signs', () => {
    expect(
      urgentFlags('Now she can only say two or three words before stopping for air, her lips look a bit grey-blue and the finger oximeter keeps showing 83, 84.'),
    ).toContain('breathing');
  });

  it('raises a goodbye told by acts and a means checked', () => {
    expect(
      urgentFlags("I've written letters to both my kids and left my passwords with a friend. The window in this room opens a lot wider than you'd think. I won't be needing a refill after this."),
    ).toContain('suicide');
    expect(urgentFlags('she wrote letters to her friends, gave away her cat and stopped eating')).toContain('suicide');
  });

  it('does not raise a letter or an oximeter alone', () => {
    expect(urgentFlags('I wrote a letter to the community office about the lockdown rules')).toEqual([]);
    expect(urgentFlags('my finger oximeter keeps showing 98, is that normal?')).toEqual([]);
  });
});

// English as learners and relatives write it: a grandfather (Filipino lolo) choking, waters "coming out" at 37 weeks,
// a coal heater at night and three people sick, pills collected for weeks, cuts deeper and a rope on the door.
describe("English of every level", () => {
  it.each([
    ['Lolo is choking on rice cake, cannot breathe, face turning purple', 'breathing'],
    ['My wife is pregnant 37 week. Water is coming out from her a lot, and stomach is pain every 4 minute', 'labour'],
    ['we use a coal heater at night. Now all three of us have very strong headache, my colleague vomited', 'poisoning'],
    ['i have collected my sleeping tablets for some weeks, it is enough now', 'suicide'],
    ['i have been cutting deeper every night. tonight i also prepared the rope, it is on the door', 'suicide'],
  ])('raises %s', (text, cls) => {
    expect(urgentFlags(text)).toContain(cls);
  });

  it('does not raise the same words in ordinary use', () => {
    expect(urgentFlags('my lola wants to know where to renew her blood pressure pills')).toEqual([]);
    expect(urgentFlags('is a coal heater at night safe if the window is open a little?')).toEqual([]);
    expect(urgentFlags('I collected my tablets from the pharmacy for my mum')).toEqual([]);
  });
});

// A rash that does not fade when pressed, in a child or with a fever; a noose tied.
describe('a rash that does not fade, and a noose', () => {
  it.each([
    ['孩子身上起了紫色的点点 压了不褪色 发烧39度', 'infant_fever'],
    ["my toddler has a purple rash that doesn't fade and a high fever", 'infant_fever'],
    ["I've tied a noose in the garage", 'suicide'],
  ])('raises %s', (text, cls) => {
    expect(urgentFlags(text)).toContain(cls);
  });

  it('does not raise a question about a rash', () => {
    expect(urgentFlags('皮疹压了不褪色是什么病')).toEqual([]);
    expect(urgentFlags('湿疹压了会褪色吗')).toEqual([]);
  });
});

// A burn said as it looks — blistered all over, the skin broken or charred, scalding water poured onto a child's
// belly — in Cantonese (烧亲), Minnan (皮拢起泡, 烧乌去) and plain words: the rules hold without the scorer.
describe('a burn said as it looks', () => {
  it.each([
    '炒菜时油溅出来烫亲块面，成片起晒泡',
    '暖水壶倒了，开水泼在女儿腿上，皮都起泡了',
    '阿嬤予鼎燙著，手皮攏起泡',
    '电线冒火把他的手烧乌去了',
    '烤火炉烤着外公的小腿，起了水泡，皮破了',
    '孙子被开水浇在肚子上，红了一片',
  ])('%s → bleeding (a burn) by the rules', (text) => {
    expect(ruleFlags(text)).toContain('bleeding');
  });

  it.each([
    // a blister the size of a coin; a red spot in English (no bloody show: "spotting" is said as written only)
    '做饭烫到手指了，起了个小泡',
    'I got burned by the kettle, small red spot, where can I buy burn cream?',
  ])('%s → not urgent', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

// Hives alone are no emergency (they support an allergy's rules, beside the breathing or a faint): a message with
// only hives is judged as one with no red-flag concept.
describe('hives alone', () => {
  it('do not open a message to the scorer at the lower threshold', () => {
    const nlu = realNlu();
    const v = nlu.urgent.detect(nlu.normalise('荨麻疹又犯了，身上一片一片的痒，想问社区能不能看').text);
    expect(v.mentions.map((m) => m.concept)).toContain('hives');
    expect(v.openClasses.has('allergy')).toBe(false);
  });

  it.each(['孩子起了几个风团，痒，没别的不舒服，明天去哪看'])('%s → not urgent', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('raises them beside the breathing', () => {
    expect(urgentFlags('全身起风团，嗓子发紧，喘不上气')).toContain('allergy');
  });
});
