// English read into the Chinese the NLU understands: phrases on stems, contractions, spelling slips,
// numbers with units, place names from the rule books' pinyin; the reply language is decided first.
import { realNlu } from '../support/nlu';
import { alternatives, createEnglishGlosser, glossesMapped, shorthandReader } from '../../src/nlu/english';

const nlu = realNlu();
const norm = (t: string): string => nlu.normalise(t).text;

describe('English', () => {
  it('glosses phrases whatever their inflection, and keeps the language', () => {
    const n = nlu.normalise("My dad can't breathe and his lips are turning blue");
    expect(n.lang).toBe('en');
    expect(n.text).toContain('喘不上气');
    expect(n.text).toContain('嘴唇发紫');
    expect(norm('she is having seizures')).toContain('抽搐');
    // "cannot" is "can not" as "can't" is
    expect(norm('we cannot wake him up')).toContain('叫不醒');
  });

  it('reads a treatment taken up again (carry on with, continue with, resume) as 继续, and the question as where to go for it', () => {
    expect(norm('where can she carry on with her chemo')).toContain('继续');
    expect(norm('can he continue with dialysis somewhere else')).toContain('继续');
    expect(nlu.analyse("Mum's dialysis got interrupted by the lockdown. Where can she carry on with it?").intent.name).toBe('designation');
  });

  it('reads a health code that turned red or yellow as that code, not a clinic load mark', () => {
    expect(norm('her health code just turned red')).toContain('红码');
    expect(norm('his code has gone yellow')).toContain('黄码');
    expect(nlu.analyse('my health code has just turned red').entities.map((e) => e.type)).not.toContain('load_mark');
  });

  it('keeps a job "contract" apart from the womb "contracting"', () => {
    expect(norm('I am here on a teaching contract')).not.toContain('宫缩');
    expect(norm('she is contracting every five minutes')).toContain('宫缩');
  });

  it('reads words typed short as the words they stand for, lower case or capitalised, never an abbreviation in capitals', () => {
    const read = shorthandReader({ tmrw: 'tomorrow', no1: 'no one', rn: 'right now', u: 'you' });
    expect(read('Tmrw no1 will know, u see')).toBe('tomorrow no one will know, you see');
    expect(read('my wife is an RN, on shift rn')).toBe('my wife is an RN, on shift right now');
    // (not inside a word, a number or a contraction: "turn", "no12", "u's")
    expect(read("turn left at no12, the u's shape")).toBe("turn left at no12, the u's shape");
    // (nor right after a number, where a letter is its unit: forty units of insulin)
    expect(read('打了40 u 胰岛素, u ok?')).toBe('打了40 u 胰岛素, you ok?');
    // …and the glosser reads its phrases through the same table
    const g = createEnglishGlosser('t.yml', { version: 1, glosses: { 今晚: ['tonight'] }, shorthand: { tonite: 'tonight' } });
    expect(g.gloss('see you tonite')).toContain('今晚');
    expect(norm('sry, cant come 2nite')).toContain('今晚');
  });

  it('reads twins as children, not a hospital twinning (对口帮扶)', () => {
    expect(norm('my twins both have a fever of 38.5')).not.toContain('对口帮扶');
    expect(norm('which is the paired assistance hospital')).toContain('对口帮扶');
  });

  it('corrects a misspelt content word and reads numbers with units', () => {
    expect(norm('he is unconcious')).toContain('昏迷');
    expect(norm('a 40°C fever since 2 hours ago')).toContain('40度');
    expect(norm('collapsed 20 minutes ago')).toContain('20分钟前');
    expect(norm('our 11-month-old baby')).toContain('11个月大');
  });

  it('reads an age gone by as that year of one\'s life, not an infant\'s age', () => {
    expect(norm('when I was 17 I took too many pills')).toContain('17岁那年');
    expect(norm('when he was 19 years old he was in hospital')).toContain('19岁那年');
    expect(norm('It started when I was 17. I took too many pills')).toContain('17岁那年');
    expect(norm('when she was 3 months old she had a fever')).toContain('3个月大');
    expect(norm('when she was 3 months old she had a fever')).not.toContain('那年');
    expect(norm('when he was 5 minutes late the gate closed')).not.toContain('那年');
  });

  it('reads a Fahrenheit reading as the Celsius the Chinese text writes, to a tenth', () => {
    expect(norm('the thermometer says 104.5°F')).toContain('40.3度');
    expect(norm('101 degrees F since this morning')).toContain('38.3度');
    expect(norm('it was 99.5 fahrenheit')).toContain('37.5度');
  });

  it('spells a phrase with {a|b} choices as each of its phrases, and says where a brace is left open', () => {
    expect(alternatives('{want to|wanna} hurt {myself|herself}', 'f')).toEqual(['want to hurt myself', 'want to hurt herself', 'wanna hurt myself', 'wanna hurt herself']);
    expect(alternatives('{really |}sick', 'f')).toEqual(['really sick', 'sick']);
    expect(() => alternatives('want to|hurt', 'en.yml: glosses.x[0]')).toThrow(/en\.yml: glosses\.x\[0\].*unmatched brace or a "\|"/);
    expect(() => alternatives('{want to hurt', 'f')).toThrow(/unmatched brace/);
    const g = createEnglishGlosser('t.yml', { version: 1, glosses: { 想伤害自己: ['{afraid of|scared of} hurting {myself|himself}'] } });
    expect(g.gloss('he is scared of hurting himself')).toContain('想伤害自己');
    expect(g.gloss('she is scared of heights')).not.toContain('想伤害自己');
  });

  it('matches a word marked "=" only as written (=spotting is not spot), and red on the skin as no load mark', () => {
    const g = createEnglishGlosser('t.yml', { version: 1, glosses: { 见红: ['=spotting'], 发烧: ['fever'] } });
    expect(g.gloss('I am spotting a little')).toContain('见红');
    expect(g.gloss('a small red spot on her arm')).not.toContain('见红');
    // (the other words still without their inflections)
    expect(g.gloss('two fevers this week')).toContain('发烧');
    expect(norm('a red lump on my forearm')).not.toContain('红色');
    expect(norm('the clinic has a red mark on the door')).toContain('红色');
  });

  it('writes its glosses as the varieties leave Chinese, so glossed English reads as typed Chinese (vomiting: 呕吐 → 吐吐)', () => {
    const mapped = glossesMapped({ version: 1, glosses: { 呕吐: ['vomiting'], 吐吐: ['throwing up'], 发烧: ['fever'] } }, { map: (t) => ({ text: t.replace(/呕/g, '吐') }) });
    expect(mapped.glosses).toEqual({ 吐吐: ['vomiting', 'throwing up'], 发烧: ['fever'] });
    expect(norm('he keeps vomiting')).toContain(norm('他一直呕吐'));
  });

  it('reads the fear of hurting oneself as the wish to (I\'m afraid of hurting myself)', () => {
    expect(norm("i am afraid of hurting myself, the thoughts won't stop")).toContain('想伤害自己');
    expect(norm("I'm scared I'll hurt myself tonight")).toContain('想伤害自己');
  });

  it('reads HD as written in a clinical note as haemodialysis, its care dialysis', () => {
    const a = nlu.analyse('忻州 封控区 7号楼 男 60 HD 每周二四六 去哪家定点');
    expect(a.normalised).toContain('透析');
    expect(a.entities.filter((e) => e.type === 'category').map((e) => e.value)).toContain('dialysis');
  });

  it('reads a note as a note, not as "not" with its e stripped', () => {
    expect(norm('take a note of the number')).not.toContain('没有');
    expect(norm('Noted, my mum is not breathing')).toContain('没有呼吸');
    expect(norm('I left a note for my landlord')).toContain('留了纸条');
  });

  it('reads a heart rate as a rate, not a rat with its e stripped', () => {
    expect(norm('his heart rate is 150')).not.toContain('老鼠');
    expect(norm('rat poison for the rats in the kitchen')).toContain('老鼠');
  });

  it('reads a contract as an agreement and contractions as labour, though they share a stem', () => {
    expect(norm('he has a family doctor contract')).not.toContain('宫缩');
    expect(norm('the contractions are 5 minutes apart')).toContain('宫缩');
  });

  it('reads a phrase that starts inside a contraction (isn’t breathing, didn’t black out)', () => {
    expect(norm("my dad isn't breathing")).toContain('没有呼吸');
    expect(norm("he didn't black out")).toContain('没有晕倒');
    expect(norm("her face isn't drooping")).toContain('没有嘴歪');
  });

  it('reads the third person of do as do (she does not want to live), and a pain like none before', () => {
    expect(norm("she doesn't want to live anymore")).toContain('自杀');
    expect(norm('he does not want to live')).toContain('自杀');
    expect(norm('a headache like never before')).toContain('从来没这么疼');
    expect(norm('a headache like never before')).not.toContain('以前');
  });

  it('reads letters sealed on a desk as sealed, not as a sealed building', () => {
    expect(norm('the letters are sealed on my desk')).not.toContain('封控区');
    expect(norm('our building is sealed')).toContain('封控区');
  });

  it('reads contractions typed without the apostrophe (dont, doesnt, didnt)', () => {
    expect(norm('I shake her shoulder she dont respond')).toContain('叫不醒');
    expect(norm('he doesnt wake up')).toContain('叫不醒');
    expect(norm('my dad isnt breathing')).toContain('没有呼吸');
  });

  it('reads a phrase across an ordinal number (stood on the 22nd floor balcony), but not across a number alone or punctuation', () => {
    expect(norm('stood on the 22nd floor balcony for a long time tonight')).toContain('站在阳台');
    expect(norm('stood on the 3rd floor balcony')).toContain('站在阳台');
    expect(norm('stood on the floor, balcony door open')).not.toContain('站在阳台');
  });

  it('reads riding along with someone as going with them (can I ride with her?)', () => {
    expect(norm('the ambulance is here, can i ride with her?')).toContain('陪同');
    expect(norm('can I ride along in the ambulance')).toContain('陪同');
  });

  it('reads what will not be needed after a time as a goodbye\'s words (I won\'t need it after this weekend)', () => {
    expect(norm("anyway I won't need it after this weekend")).toContain('以后用不着了');
  });

  it('reads going out kept up as going out (doesn\'t want to keep going out to refill), not as keeping going', () => {
    expect(norm("she doesn't want to keep going out to refill")).toContain('一直出门');
    expect(norm('I kept going outside to check on him')).toContain('一直出门');
    expect(norm("I don't want to keep going")).not.toContain('出门');
  });

  it('reads a count of pills taken as the Chinese count (took like 20 of my sleeping pills), not a count of anything else', () => {
    expect(norm('took like 20 of my sleeping pills')).toBe('吃了20片安眠药');
    expect(norm('she swallowed about 30 tablets')).toContain('吃了30片药');
    expect(norm('the drive took 20 minutes')).not.toContain('吃了');
  });

  it('reads "that one is full too" as the next of a list asked for, and "that one too" alone as nothing of the kind', () => {
    expect(norm('and if that one is full too?')).toMatch(/满了|再不行/);
    expect(norm('I want that one too')).not.toContain('满了');
  });

  it('reads sleeping for good as not wanting to live, and other things done for good as themselves', () => {
    expect(norm('tonight I am going to sleep for good')).toContain('不想活');
    expect(norm('she just wants to fall asleep for good')).toContain('不想活');
    expect(norm('I quit smoking for good')).not.toContain('不想活');
    // (not sleep that is good for something: a gap before "for good" reads nothing)
    expect(norm('try to sleep early for good health')).not.toContain('不想活');
    expect(norm('the baby finally sleeps through, for good I hope')).not.toContain('不想活');
  });

  it('reads "ill" before a verb as I\'ll typed without the apostrophe, and as sick after a copula', () => {
    expect(norm("i dont think ill be around tomorrow")).toBe(norm("I don't think I'll be around tomorrow"));
    expect(norm("i dont think ill be around tomorrow")).toContain('不会再在了');
    // sick: is ill, feels ill, fell ill (followed by whatever)
    expect(norm('my dad is ill be careful')).not.toContain('不会再在了');
    expect(norm('he fell ill be around the house')).not.toContain('不会再在了');
  });

  it('reads someone shaken to wake them as no trembling, and a gas heater left on', () => {
    expect(norm('I shook her and she did not wake up')).not.toContain('发抖');
    expect(norm('she is shaking all over')).toContain('发抖');
    expect(norm('the gas water heater was on')).toContain('燃气热水器');
  });

  it('reads the zones and tests in the pinyin foreign residents write (fengkong qu, guankong, fangfan qu, hesuan)', () => {
    expect(norm('We are only in a fangfan qu in Xinzhou, not fengkong or guankong')).toBe('我们 are only in a 防范区 in 忻州, 没有封控区 or 管控区');
    expect(norm('need a hesuan result for the geli hotel')).toContain('核酸');
  });

  it('reads a goodbye\'s acts: debts paid back, instructions left, after tonight', () => {
    expect(norm('I paid back everyone I owed')).toContain('欠的钱都还清了');
    expect(norm('I left instructions about my dog with my landlord')).toContain('交代清楚了');
    expect(norm("after tonight you won't need to")).toContain('今晚之后');
  });

  it('leaves a real English word alone, however near a vocabulary word it is', () => {
    // cooking is one edit from choking, message from massage
    expect(norm('he was cooking dinner')).not.toContain('喘不上气');
    expect(norm('sorry for the long message')).not.toContain('推拿');
    expect(norm('she is unconcious')).toContain('昏迷');
  });

  it("reads a centre's duty line as its 值班电话, not any phone", () => {
    expect(norm('what is the duty phone number at night?')).toContain('值班电话');
    expect(norm('what is their phone number?')).not.toContain('值班');
  });

  it('reads the rule books’ places in pinyin', () => {
    expect(norm('We are in Xinfu District, Xinzhou')).toContain('忻府区');
    expect(norm('sealed compound in Jinjiang')).toMatch(/封控区.*晋江/);
    expect(norm('Quanxiu subdistrict')).toContain('泉秀街道');
  });

  it('reads a place name with a letter left out or swapped, when one name is meant', () => {
    expect(norm('we live in Jinjang')).toContain('晋江');
    expect(norm('Quanxui street')).toContain('泉秀');
    // a word of its own is no misspelt place
    expect(norm('my cousin is at home')).not.toMatch(/[\u3400-\u9fff]{2}市/);
  });

  it('reads a cold drink as no cold caught, and a follow-up without going into hospital as care from home', () => {
    expect(norm('I drank cold juice')).toBe('我喝了冷饮');
    expect(norm('can it be done without going into the hospital')).toContain('不出门');
  });

  it('reads charcoal lit as a means the concepts weigh (烧炭), heating as 取暖, and "signs of" as signs, not a signature', () => {
    expect(norm('the neighbours are burning charcoal indoors to keep warm')).toContain('烧炭取暖');
    expect(norm('the neighbours are burning charcoal indoors to keep warm')).not.toContain('自杀');
    expect(norm('what are the signs of carbon monoxide poisoning')).toContain('前兆');
    expect(norm('what are the signs of carbon monoxide poisoning')).not.toContain('签约');
    expect(norm('I signed up with a family doctor')).toContain('签约');
  });

  it('reads a doctor coming to the house, and a doctor team assigned, as the notices say them', () => {
    expect(norm('can a doctor come to her house?')).toContain('上门看病');
    expect(norm('the doctor team assigned to them')).toContain('家庭医生');
    expect(norm('our doctor team')).toContain('家庭医生团队');
  });

  it('writes a gloss in a Chinese message next to the Chinese on either side, its own spaces dropped', () => {
    expect(norm('不想 wake up 了')).toBe('不想醒了');
    expect(norm('我妈 collapsed 了 叫不醒')).toBe('我妈晕倒了,叫不醒');
    expect(norm('knife 在我手上 please help')).toBe('刀在我手上怎么办');
  });

  it('does not gloss inside words nor Chinese text', () => {
    expect(norm('he keeps rubbing his chest')).not.toContain('宝宝');
    expect(norm('我在忻州封控区')).toBe('我在忻州封控区');
    expect(norm('B超去哪做')).toBe('B超去哪做');
  });
});
