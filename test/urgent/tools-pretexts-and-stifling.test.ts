// A household tool bought or taken out (a kitchen knife, tape, a cable) is most often for its use: alone it raises
// nothing, beside despair or a goodbye it is a means made ready; blades and razors stay means on their own. A poison
// taken into a dormitory is one taken into a room. An everyday use given as a pretext (跟家里说是烧烤用的) is no use, and
// 打邊爐 (a Cantonese hot pot) is one. 没人 before a sign denies it. Stifled by the lockdown, 憋得俺喘不过气, is a figure
// of speech. An everyday matter denied (家里没人做饭) is still an everyday matter. Waters broken or contractions
// beside a birth already given (在家生的, 生完孩子第三天) are no labour now. 不好了 (worse) is no 好了, and a broken heart
// (心碎) no joke that laughs off the pain after it. Vomiting counted across a pause (呕吐 好几次了) is read after a knock to
// the head. Phrasings of our own.
import { ruleFlags, urgentFlags } from '../support/nlu';

describe('a household tool', () => {
  it.each([
    ['快递要寄 胶带买了两卷'],
    ['数据线买了三根 宿舍插座不够用'],
    ['菜刀拿出来了 晚上剁饺子馅'],
    ['充电线拿回房间了 手机快没电了'],
  ])('raises nothing alone: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it.each([
    ['水果刀买好了 活着太累了'],
    ['胶带买回来了 我撑不下去了 谁也别来找我'],
    ['剃刀片我都备好了 就放在洗手台上'],
  ])('beside despair or a goodbye, or a blade, raises suicide by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('a poison taken into a dormitory is a means made ready', () => {
    expect(ruleFlags('那瓶百草枯我拿回宿舍了')).toContain('suicide');
  });
});

describe('what the means are for', () => {
  it('an everyday use given as a pretext is none', () => {
    expect(ruleFlags('网上买了两袋木炭 跟家里说是烧烤用的 其实阳台根本没烤架')).toContain('suicide');
  });

  it.each([['今晚打邊爐，買咗兩包炭，記得開窗'], ['绳子是搬家捆纸箱用的 买了两捆']])('a use named is one: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });
});

describe('nobody, and stifled by the lockdown', () => {
  it.each([['楼里没人晕倒 就是电梯停了'], ['还好这回没人抽筋 孩子们都睡了']])('没人 before a sign denies it: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it('stifled by being shut in is a figure of speech', () => {
    expect(urgentFlags('天天关着，憋得俺喘不过气，啥时候能下楼遛弯')).toEqual([]);
  });

  it('a mother stifled and blue is not', () => {
    expect(ruleFlags('俺娘憋得喘不过气 嘴唇都紫了')).toContain('breathing');
  });
});

describe('an everyday matter denied', () => {
  it('is still what the message is about', () => {
    expect(urgentFlags('家里没人做饭 我爸刚透析完 能不能帮忙送点吃的')).toEqual([]);
  });
});

describe('a birth already given', () => {
  it.each([['同事说她嫂子是羊水破了在家生的 我现在怀孕六个月 到时候咋办'], ['生完孩子第三天了 宫缩一阵一阵的 正常吗']])('waters or contractions of it are no labour now: %s', (text) => {
    expect(urgentFlags(text)).toEqual([]);
  });

  it.each([
    ['羊水破了 孩子在家生的 现在流血止不住', 'bleeding'],
    ['我老婆怀孕38周 羊水破了 在家等不到车', 'labour'],
  ])('what follows it, or a birth still to come, is: %s', (text, id) => {
    expect(ruleFlags(text)).toContain(id);
  });
});

describe('worse, and heartbreak', () => {
  it('看着不好了 (looks bad) is no resolution of what came before it', () => {
    expect(ruleFlags('我爸胸口疼 一直冒冷汗 喘得厉害 看着不好了')).toContain('chest_pain');
  });

  it('a broken heart named is no joke laughing off a pain that came after it', () => {
    expect(ruleFlags('外婆说她是心碎了，这会儿胸口疼得直不起腰，一身冷汗，喘不上气')).toContain('chest_pain');
  });

  it('grief alone raises nothing', () => {
    expect(urgentFlags('老伴走了 我心碎了 天天睡不着')).toEqual([]);
  });
});

describe('vomiting after a knock to the head', () => {
  it('counted across the pause a space makes (呕吐 好几次了) raises head injury by the rules', () => {
    expect(ruleFlags('闺女从床上摔下来磕了头 呕吐 好几次了')).toContain('head_injury');
  });
});
