// A remedy heard of (听说…能治, 听人说…就好了) and then the writer's own account of what it did; a source copied (学视频里
// 的…) whose act is the writer's people's; a rumour forwarded; a figure of speech read over the words it begins in; a
// homophone guess confirmed only by other words; a supposition in a question asked ahead; a day settled with the day
// named first; going said with calm beside a goodbye; a keepsake left "as if I were still here"; a cut still bleeding or
// just made; a gas line loosened where no one will notice; insurance asked of one's own death as a supposition; others
// better off without the writer; a rope named for an end and silence since; a child left to be raised; a last call; a
// rest for good; a burn charred in a patch; a feverish child hard to rouse. Phrasings of our own.
import { realNlu, ruleFlags, urgentFlags, urgentVerdict } from '../support/nlu';

const concepts = (t: string): string[] => urgentVerdict(t).mentions.map((m) => m.concept);

describe('a remedy heard of, then what happened', () => {
  it.each([
    ['我姥爷在代县 听邻居讲中风了喝醋就能好 我舅给他灌了半碗 他半边脸还是耷拉着 右手也拿不住筷子了 一个钟头前开始的', 'stroke'],
    ['帮楼上发一下：据说熏醋能防病毒，他们关着门窗熏了整晚，今早老太太叫不醒，老爷子一直吐', 'unconscious'],
  ])('is the writer’s own case past the claim’s clause: %s', (text, flag) => {
    expect(ruleFlags(text)).toContain(flag);
  });

  it('still reports the claim itself', () => {
    expect(urgentFlags('听说中风了扎手指放血就好了 这是真的吗 我就是好奇')).toEqual([]);
  });
});

describe('a source copied', () => {
  it('is what the writer’s people did, not a report', () => {
    expect(ruleFlags('我妈照着快手上说的用酒精烧火罐 衣服着了 后背烧掉好大一片 鼓起好些大水泡 有的地方发白')).not.toEqual([]);
  });
});

describe('a rumour forwarded', () => {
  it('reports what it tells', () => {
    expect(urgentFlags('群里都在转 说隔壁县有人喝了个土方子当场心梗了 真的假的')).toEqual([]);
  });
});

describe('a figure of speech', () => {
  it('reaches every sign read in the words it begins in, counted from where they begin', () => {
    expect(ruleFlags('股价跌得我憋得喘不过气来 整宿睡不着')).toEqual([]);
  });
});

describe('a homophone guess', () => {
  it('is not confirmed by the same words read again', () => {
    expect(ruleFlags('生完二胎以后腰就不行了 封在家里没法去推拿 有啥办法')).toEqual([]);
  });
});

describe('a supposition in a question asked ahead', () => {
  it('is no case', () => {
    expect(urgentFlags('如果打了那个长效针过敏了 嗓子发紧 那要咋整 我还没去打 就先问问')).toEqual([]);
  });

  it('is a case when it is someone’s now', () => {
    expect(urgentFlags('我姐打了长效针过敏了 嗓子发紧 喘不上来 那要咋整')).not.toEqual([]);
  });
});

describe('a day settled, the day named first', () => {
  it('beside a milestone waited for is a plan', () => {
    expect(ruleFlags('日子我也定好了 等我闺女过完她十岁生日')).toContain('suicide');
  });

  it('of an operation or a wedding is none', () => {
    expect(urgentFlags('我妈手术的日子已经定了 想问问陪护要做核酸不')).toEqual([]);
  });
});

describe('going said with calm', () => {
  it('beside debts paid is a goodbye', () => {
    expect(ruleFlags('网贷都结清了 我也能体体面面地走了')).toContain('suicide');
  });

  it('said to someone else, or alone, is none', () => {
    expect(urgentFlags('你放心走吧 家里有我 到了给我打个电话')).toEqual([]);
    expect(ruleFlags('姥姥说想安安静静地走 不想插管子 我们听她的')).toEqual([]);
  });
});

describe('a keepsake', () => {
  it('left "as if I were still here" beside another goodbye is one', () => {
    expect(ruleFlags('手表给我弟寄过去了 戴上它就当我还在 猫也托给楼下了')).toContain('suicide');
  });

  it('given to remember the writer by, in English, reads as one', () => {
    expect(concepts('keep this photo to remember me by')).toContain('farewell_weak');
  });
});

describe('a cut of one’s own', () => {
  it.each([['胳膊上又划了几道 一道比一道深 还在流'], ['手腕拿指甲掐已经没感觉了 改成美工刀 刚划完']])('still bleeding or just made is self-harm: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });
});

describe('a gas line loosened', () => {
  it('where no one will notice is a plan', () => {
    expect(ruleFlags('灶上那根管子我拧松了 闻着有点味 楼下应该不会发现')).toContain('suicide');
  });
});

describe('insurance asked of one’s own death', () => {
  it('is intent though said as a supposition', () => {
    expect(ruleFlags('要是我出个意外 那份保险能不能赔够还房贷')).toContain('suicide');
  });
});

describe('going on after a blow to the head', () => {
  it('asking the same thing again, now, after being out at the time, is a warning sign', () => {
    expect(ruleFlags('工地上钢管砸到头了 当时人事不省半分钟 现清醒但反复问自己在哪')).toContain('head_injury');
  });
});

describe('a hand that cannot hold', () => {
  it('is a limb gone weak', () => {
    expect(concepts('我大舅吃着饭 碗都端不住了 说话也大舌头')).toContain('limb_weak');
  });
});

describe('a week of sessions', () => {
  it('is no baby’s age', () => {
    expect(concepts('我爸1个星期透3回 这礼拜被封在家')).not.toContain('young_infant');
  });
});

describe('riding along in the ambulance', () => {
  it('is asked as a companion question', () => {
    const topics = realNlu()
      .analyse('救护车到楼下了 俺跟上车去医院中不')
      .entities.filter((e) => e.type === 'topic')
      .map((e) => e.value);
    expect(topics).toContain('companion');
  });
});

describe('others said to be better off without the writer', () => {
  it.each([['要是少了我这个累赘 他们会过得更好'], ['屋里人如果没有我 应该会轻松很多吧']])('is intent, though said as a supposition: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });
});

describe('a rope named for an end, said before and silent since', () => {
  it('is intent now', () => {
    expect(ruleFlags('我表哥前天在群里说要拿绳子了结 今天一天都没回消息 电话也关机了')).toContain('suicide');
  });
});

describe('a child left to be raised', () => {
  it('beside being talked out of going is a goodbye', () => {
    expect(ruleFlags('儿子你别劝了 我今天就是想走 你以后好好带孩子')).toContain('suicide');
  });

  it('said before a trip is none', () => {
    expect(ruleFlags('我出差三个月 你在家好好带孩子')).toEqual([]);
  });
});

describe('a last call and a wish for those left', () => {
  it('is a goodbye', () => {
    expect(ruleFlags('刚给我妈打了最后一通电话 大家都好好的')).toContain('suicide');
  });
});

describe('a rest for good', () => {
  it('wished is a sleep for good', () => {
    expect(concepts('活得太累 只想永远地休息')).toContain('sleep_for_good');
  });
});

describe('a burn charred in a patch', () => {
  it('is a deep burn', () => {
    expect(ruleFlags('电饭锅漏电 手背烧焦一块 疼得钻心')).not.toEqual([]);
  });
});

describe('a feverish child hard to rouse', () => {
  it('is a danger sign', () => {
    expect(ruleFlags('闺女烧得滚烫 早上喊了半天才醒 一直蔫蔫的')).toContain('infant_fever');
  });

  it('one who slept deeply and is well is none', () => {
    expect(ruleFlags('宝宝昨晚睡得沉 叫了半天才醒 今天精神挺好')).toEqual([]);
  });
});
