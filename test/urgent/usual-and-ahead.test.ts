// What usually happens is not this time; what may happen is not what is happening; a birth planned is not labour; a
// child is not a baby; Wu's nearly and none at all. Phrasings here are not the evaluation sets' own.
import { realNlu, ruleFlags, urgentFlags } from '../support/nlu';

const detect = (text: string) => {
  const nlu = realNlu();
  return nlu.urgent.detect(nlu.normalise(text).text);
};

describe('a resolution said of the usual episode', () => {
  it.each([
    '我女儿在抽筋已经五六分钟了还没停喊她也不应她有癫痫平常抽一会就好了这回一直抽',
    '老公胸口疼得厉害，出冷汗，以往每次含了药就好了，这次含了两片也没用',
    'my son is having a seizure for 6 minutes now and not stopping, usually it stops by itself after a minute',
  ])('%s → urgent', (text) => {
    expect(urgentFlags(text).length).toBeGreaterThan(0);
  });

  it('…while a resolution of this episode still ends it (刚才抽了一分钟，后来就好了)', () => {
    expect(urgentFlags('孩子刚才抽了一分钟，后来就好了，现在在睡觉')).toEqual([]);
    expect(urgentFlags('他刚才胸口疼，吃了药就好了，平时也是这样')).toEqual([]);
  });
});

describe('whether it can come, asked', () => {
  it.each(['血糖太低了会休克吗，我妈刚开始打胰岛素，人挺好的', '宝宝发烧会抽筋吗'])('%s → no alarm', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('…while a case said with a question after it still pages (他现在叫不醒，会昏迷吗)', () => {
    expect(urgentFlags('我爸刚才突然倒地叫不醒了，这是昏迷吗')).toContain('unconscious');
  });
});

describe('just asking', () => {
  it('reads 就问问 as no case (心梗是不是就是胸口疼 出冷汗 我妈好好的 就问问)', () => {
    expect(urgentFlags('心梗是不是就是胸口疼出冷汗，网上看的，我妈好好的，就问问')).toEqual([]);
  });

  it("…not when the writer's own people have it (就问问，我爸突然嘴歪了)", () => {
    expect(urgentFlags('就问问，我爸突然嘴歪了，一边手抬不起来')).toContain('stroke');
  });
});

describe('blood pressure and sugar are no bleeding going on', () => {
  it('leaves a fit long ago past when a later clause names 高血压', () => {
    expect(urgentFlags('我外公九几年的时候半夜口吐白沫倒在地上，后来救回来了，现在家里老人也有高血压，平时开药去哪')).toEqual([]);
  });
});

describe('a birth planned', () => {
  it('reads 要生了 beside a due date still ahead, with no sign of labour, as a plan', () => {
    expect(urgentFlags('我媳妇要生了，预产期下个星期，封控区生孩子去哪家医院')).toEqual([]);
  });

  it('…and labour beside it as labour (预产期下周，现在羊水破了)', () => {
    expect(urgentFlags('预产期还有十天，刚才羊水破了')).toContain('labour');
    expect(urgentFlags('预产期下礼拜，现在肚子一阵一阵疼得很密')).toContain('labour');
  });

  it('reads a due date a month ahead as no baby of a month (预产期还有一个月)', () => {
    expect(detect('预产期还有一个月').mentions.map((m) => m.concept)).not.toContain('infant');
  });
});

describe('a child is not a baby', () => {
  it.each(['阮囡仔发烧39度，要去哪看', '我个细路发烧三十九度，去边度睇', '家里小孩发烧39度，去哪家医院看'])('%s → no alarm', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('…while a baby with a high fever still pages', () => {
    expect(urgentFlags('宝宝两个月，发烧39度')).toContain('infant_fever');
  });
});

describe('a stretch of a month in English is no baby', () => {
  it('reads "for longer than a month" as no age', () => {
    const concepts = detect('can her doctor give her medicine for longer than a month').mentions.map((m) => m.concept);
    expect(concepts).not.toContain('young_infant');
    expect(concepts).not.toContain('infant');
  });
});

describe('a fever during chemotherapy', () => {
  it('reads chemotherapy given at a named hospital last week (在人民医院化疗，上周刚打完) with a fever as urgent', () => {
    expect(ruleFlags('我爸在人民医院化疗，上周刚打完第二次，今天烧到38.6，发冷打哆嗦')).toContain('chemo_fever');
  });

  it('…not a course years ago', () => {
    expect(urgentFlags('我妈三年前在人民医院做过化疗，现在发烧38度去哪看')).toEqual([]);
  });
});

describe('Wu: nearly, and none at all', () => {
  it('reads 差眼昏过去 as nearly fainting and 一眼也呒没不适意 as no discomfort', () => {
    expect(urgentFlags('吓煞人了，血糖测出来老高，我差眼昏过去，后来晓得测错了，人一眼也呒没不适意，阿拉想开点药')).toEqual([]);
  });
});

describe('sleeping pills gathered, said in English', () => {
  it('reads "hoarded her sleeping pills" as gathered by the rules, not pills kept for a trip', () => {
    expect(ruleFlags('she has hoarded her sleeping pills for weeks')).toContain('suicide');
    expect(urgentFlags('I saved some sleeping pills for the long flight next month, can I bring them')).toEqual([]);
  });
});

describe('a training question or a drill', () => {
  it.each([
    '新来的村医问我 以后要是碰到阳性的失能老人 血氧掉到90以下、喘得厉害这种 谁来协助往上转 我先记下来 培训用',
    "We're running a drill at the quarantine site on Friday. Scenario: a resident collapses in the corridor and is not breathing. Who do staff report to?",
  ])('%s → not urgent, the safety line added', (text) => {
    const v = detect(text);
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });

  it('…while a reading under a bound said of someone now is still one (血氧掉到90以下了)', () => {
    expect(urgentFlags('我妈血氧掉到90以下了，喘得厉害')).toContain('breathing');
  });
});
