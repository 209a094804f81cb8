import { createNormaliser } from '../../src/nlu/normalise';
import { loadIntentsData } from '../../src/nlu/data';
import { join } from 'node:path';
import { ROOT } from '../support/nlu';

const data = loadIntentsData(join(ROOT, 'intents'));
const normalise = createNormaliser({ forwardPrefixes: data.lexicon.forward_prefixes, wordByWord: data.lexicon.word_by_word });

describe('normalise', () => {
  it('converts traditional to simplified with opencc and reports the script', () => {
    const n = normalise('我在忻州封控區，要做血液透析，應該去哪家醫院？');
    expect(n.text).toBe('我在忻州封控区,要做血液透析,应该去哪家医院?');
    expect(n.script).toBe('traditional');
    expect(normalise('我在忻州封控区，要做血液透析').script).toBe('simplified');
    expect(normalise('煙臺龍口的診所標紅色是什麼意思？').text).toBe('烟台龙口的诊所标红色是什么意思?');
  });

  it('keeps a laughing face as the laugh it is and drops other emoji', () => {
    expect(normalise('看到账单我都要晕倒了😂😂').text).toBe('看到账单我都要晕倒了哈哈');
    expect(normalise('我妈晕倒了😭').text).toBe('我妈晕倒了');
    // (a nervous smile is no joke: 孩子烧到39度了😅)
    expect(normalise('孩子烧到39度了😅').text).toBe('孩子烧到39度了');
  });

  it('ends a sentence at a line break that no mark ends', () => {
    expect(normalise('头疼\n我妈现在喘不上气').text).toBe('头疼。我妈现在喘不上气');
    expect(normalise('[文件] 化验单.pdf\n我爸现在喘不上气').text).toBe('[文件] 化验单.pdf. 我爸现在喘不上气');
    // (a mark already there is the break; a trailing line break is none)
    expect(normalise('头疼。\n我妈').text).toBe('头疼。 我妈');
    expect(normalise('头疼\n').text).toBe('头疼');
  });

  it('leaves simplified text alone (no false traditional detection)', () => {
    for (const s of ['齐鲁网那篇烟台的报道下面', '俺娘在忻州管控区住着,一礼拜洗3回肾', '烟台发热哨点诊是的地址去哪查?', '龙口市有的卫生院标了个"×"']) {
      const n = normalise(s);
      expect(n.script).toBe('simplified');
      expect(n.text).toBe(s);
    }
  });

  it('joins characters typed one by one, and keeps a space between words as a pause', () => {
    expect(normalise('村 里 阳 了 先 去 哪 看').text).toBe('村里阳了先去哪看');
    expect(normalise('我妈 晕倒了 叫不醒').text).toBe('我妈,晕倒了,叫不醒');
  });

  it('reads punctuation said aloud to a dictating phone, when it is said more than once', () => {
    expect(normalise('我在忻州逗号要出门看病谁来接送问号').text).toBe('我在忻州,要出门看病谁来接送?');
    expect(normalise('句号是什么意思').text).toBe('句号是什么意思');
  });

  it('reads a temperature\'s tenths said after 度 (三十八度八)', () => {
    expect(normalise('三十八度八').text).toBe('38.8度');
    expect(normalise('烧到三十九度五了').text).toBe('烧到39.5度了');
  });

  it('joins words typed one by one, keeping a negated word in a clause of its own', () => {
    expect(normalise('妈妈 胸口 疼 很久 出汗 多 脸 白').text).toBe('妈妈胸口疼很久出汗多脸白');
    expect(normalise('不 发烧 胸口 疼 得 厉害').text).toBe('不发烧,胸口疼得厉害');
    // (a negated modal goes on: 不想活了 stays one phrase)
    expect(normalise('我 不 想 活 了 药 准备 好 了').text).toBe('我不想活了药准备好了');
    // (the words counted apart from the punctuation typed between them, as deaf writers type in sign-language order)
    expect(normalise('我 聋。电话 不 能 打。要 真人 打字 聊。').text).toBe('我聋。电话不能打。要真人打字聊。');
    // a pause between phrases stays a pause
    expect(normalise('我在晋江 封控区 透析去哪').text).toBe('我在晋江,封控区,透析去哪');
  });

  it('reads numerals before a unit, not a weekday, and a joining 零 (两个月零十天)', () => {
    expect(normalise('孩子两个月零十天').text).toBe('孩子2个月10天');
    expect(normalise('周二周四周六透').text).toBe('周二周四周六透');
    // (万一 is "in case", no number: 万一工地有人摔了)
    expect(normalise('万一工地有人摔了').text).toBe('万一工地有人摔了');
    expect(normalise('一周透析三次').text).toBe('1周透析3次');
  });

  it('makes full width half width (NFKC)', () => {
    expect(normalise('ＱＱ号是多少？０３５０－３０２６８３３').text).toBe('QQ号是多少?0350-3026833');
  });

  it('strips emoji and repeated punctuation', () => {
    expect(normalise('我妈喘不上气😭😭！！！怎么办？？？').text).toBe('我妈喘不上气!怎么办?');
    expect(normalise('在吗👋～～～').text).toBe('在吗~');
    expect(normalise('真的吗?!?!').text).toBe('真的吗?');
  });

  it('reads a question ending in 么 as simplified Chinese, and keeps the 么 (OpenCC\'s Taiwan table maps it to 幺)', () => {
    expect(normalise('封控区能去医院么')).toMatchObject({ text: '封控区能去医院么', script: 'simplified' });
    expect(normalise('醫院可以去么')).toMatchObject({ text: '医院可以去么', script: 'traditional' });
    expect(normalise('什麼意思').text).toBe('什么意思');
  });

  it('turns Chinese numerals before units into digits', () => {
    expect(normalise('宝宝高烧四十度').text).toBe('宝宝高烧40度');
    expect(normalise('一礼拜洗三回肾').text).toBe('一礼拜洗3回肾');
    expect(normalise('已经二十多分钟了').text).toBe('已经20多分钟了');
    expect(normalise('怀孕三十二周').text).toBe('怀孕32周');
    expect(normalise('三十九度五').text).toBe('39.5度');
    // an approximation between the numeral and its unit
    expect(normalise('才生下来二十来天').text).toBe('才生下来20来天');
    expect(normalise('十几天了').text).toBe('10几天了');
    expect(normalise('三十多岁').text).toBe('30多岁');
  });

  it('removes forwarding prefixes and marks the message forwarded', () => {
    const a = normalise('转：居民问孕妇产检去哪');
    expect(a.text).toBe('孕妇产检去哪');
    expect(a.forwarded).toBe(true);
    expect(normalise('转发:我在封控区要透析').text).toBe('我在封控区要透析');
    expect(normalise('帮居民问一下，封控区透析去哪').text).toBe('封控区透析去哪');
    expect(normalise('帮一位签约居民问:化疗去哪家').text).toBe('化疗去哪家');
    expect(normalise('居民问：孩子发烧去哪').forwarded).toBe(true);
    const plain = normalise('我转人工');
    expect(plain.forwarded).toBe(false);
    expect(plain.text).toBe('我转人工');
    expect(normalise('转人工').forwarded).toBe(false);
  });

  it('detects mostly-English text; an English word in Chinese stays zh', () => {
    expect(normalise('dialysis 去哪家').lang).toBe('zh');
    expect(normalise('Where should a dialysis patient in lockdown go?').lang).toBe('en');
    expect(normalise('我在忻州').lang).toBe('zh');
    // markup and links are not English words
    expect(normalise('我在忻州<img src=x onerror=alert(1)>').lang).toBe('zh');
    expect(normalise('忻州透析 https://example.org/a/b?x=y').lang).toBe('zh');
  });

  it('keeps the original text', () => {
    const s = '我媽突然呼吸困難😭';
    expect(normalise(s).original).toBe(s);
  });
});
