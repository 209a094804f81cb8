// The small specialties' emergencies, which the concept rules did not know: a chemical in an eye, an eye pierced that
// cannot see or leaks, a painful red eye with haloes (acute glaucoma), sight lost as behind a curtain; skin coming off
// in sheets with mouth sores or a fever (a severe drug reaction); a swelling spread to the neck or drooling with
// swallowing hard (the airway closing); a breathing tube in the neck blocked or out. And an emergency already in a hospital's hands, or a nosebleed that stopped,
// which must not page; an emergency heard of gets the safety line and no alarm; a writer saying it is no emergency
// leaves the scorer silent (the rules still read the symptoms). Each with a look-alike. Phrasings here are not the evaluation sets' own.
import { byRules, ruleFlags, urgentFlags, urgentVerdict } from '../support/nlu';

describe('an eye in danger', () => {
  it('a chemical splashed or rubbed in', () => {
    byRules('刷马桶的时候洁厕灵溅进眼睛了 火辣辣的', 'eye_emergency');
    byRules('装修工人眼里进了石灰粉 一直流泪睁不开', 'eye_emergency');
    byRules('my daughter sprayed disinfectant into her eyes', 'eye_emergency');
  });

  it('pierced, with sight gone or fluid leaking', () => {
    byRules('磨刀的时候铁屑飞进左眼 现在看不清了', 'eye_emergency');
    byRules('孩子被树枝戳到眼睛 一直在流血', 'eye_emergency');
  });

  it('red and painful with haloes, or with vomiting', () => {
    byRules('外婆晚上左眼胀痛 看路灯有彩虹圈', 'eye_emergency');
    byRules('我爸右眼剧痛 眼睛通红 吐了好几次', 'eye_emergency');
  });

  it('part of the sight gone behind a curtain', () => {
    byRules('醒来发现左眼视野下半边黑了 像挡了块幕布', 'eye_emergency');
    byRules('mum says a curtain came down over her right eye an hour ago', 'eye_emergency');
  });

  it('is not grit blown in, dry eyes, an old floater or a chemical near glasses', () => {
    expect(urgentFlags('风大 沙子飞进眼睛了 揉了一下有点红')).toEqual([]);
    expect(urgentFlags('天天看手机 眼睛干涩 有点模糊 想买眼药水')).toEqual([]);
    expect(urgentFlags('眼前飞蚊好多年了 没有闪光也没有黑影 想找眼科复查')).toEqual([]);
    expect(urgentFlags('用消毒液擦眼镜框可以吗')).toEqual([]);
  });

  it('is not an eye hurt long ago and healed', () => {
    expect(urgentFlags('前年眼睛被玻璃划伤过 早就好了 想问复查挂哪')).toEqual([]);
  });
});

describe('skin coming off', () => {
  it('with mouth sores or a fever, after a new medicine', () => {
    byRules('吃了别嘌醇以后浑身起水泡 嘴里全是泡 烧到38度8', 'allergy');
    byRules('new pills last week, now big blisters and sores in her mouth', 'allergy');
    // (the English words apart in a clause)
    byRules('Since the new tablets his skin has started coming off in big pieces and his mouth is all blisters', 'allergy');
  });

  it('is not one blister from a new shoe, nor chickenpox with a fever', () => {
    expect(urgentFlags('新鞋磨出一个水泡 要不要挑破')).toEqual([]);
    expect(ruleFlags('孩子出水痘 全身起水泡 有点发烧 38度')).not.toContain('allergy');
    expect(urgentFlags('my lips are blistered from the sun and the skin on my nose is peeling off')).toEqual([]);
  });
});

describe('the airway closing from an infection', () => {
  it('a swelling spread to the neck with swallowing hard, or drooling and unable to swallow', () => {
    byRules('智齿发炎 下巴底下也肿了 吞口水都难', 'breathing');
    byRules('孩子发烧 不停流口水 咽不下 说话像含着东西', 'breathing');
  });

  it('is not a sore throat that lets one swallow', () => {
    expect(urgentFlags('嗓子有点疼 吃东西能咽下去 没发烧')).toEqual([]);
  });
});

describe('over for the alarm', () => {
  it('in a hospital already', () => {
    expect(urgentFlags('我叔打球时晕倒了 已经送到医院了 想问家属能不能陪护')).toEqual([]);
    expect(urgentFlags('my uncle fainted at work and is already in hospital, can I visit?')).toEqual([]);
    // (a county hospital named, or an ambulance that has taken them)
    expect(urgentFlags('二舅在村里摔倒了 叫不醒 已经送到县医院了 医生说观察两天')).toEqual([]);
    expect(urgentFlags('对门大爷喘不上气 救护车来了 已经拉走了 想问陪同要做核酸吗')).toEqual([]);
  });

  it('but not when it is still to be done, nor asked about', () => {
    expect(urgentFlags('我爸胸口疼得厉害 出冷汗 是不是该送医院了')).toContain('chest_pain');
    expect(urgentFlags('孩子抽了五分钟了还在抽 准备送医院了')).toContain('convulsion');
    expect(urgentFlags('我妈晕倒了叫不醒 你们说已经送医院了吗')).toContain('unconscious');
  });

  it('but not on the way or turned away at the door', () => {
    expect(urgentFlags('我叔打球时晕倒了 叫不醒 正在往医院送')).toContain('unconscious');
    expect(urgentFlags('我叔晕倒了叫不醒 送到医院门口了 人家不让进')).toContain('unconscious');
    expect(urgentFlags('我叔晕倒了叫不醒 已经在医院门口了 保安不让进')).toContain('unconscious');
  });

  it('a nosebleed that stopped by itself — not a medicine stopped', () => {
    expect(urgentFlags('闺女刚才流鼻血 捏了几分钟就停了 现在在写作业')).toEqual([]);
    expect(urgentFlags('奶奶降压药吃完了买不到就停了 今天右手抬不起来 嘴也歪了')).toContain('stroke');
  });

  it('a burn scar, not a burn', () => {
    expect(urgentFlags('手臂上有块烧伤疤 十几年了 想做激光')).toEqual([]);
  });
});

describe('an emergency heard of', () => {
  it('gets the safety line, not the alarm', () => {
    const v = urgentVerdict('听说小孩吞了纽扣电池几个小时就会烧穿食道 我家娃两岁 想提前知道');
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
});

describe('a breathing tube in the neck', () => {
  it('blocked or out', () => {
    byRules('爸爸的气切管堵住了 吸痰管下不去 憋得直翻眼', 'breathing');
    byRules("grandpa's tracheostomy tube fell out and we can't get the spare in", 'breathing');
  });

  it('is not a routine change, nor one put back with breathing easy again', () => {
    expect(urgentFlags('气切套管下个月要换 哪家医院能换')).toEqual([]);
    expect(urgentFlags('气切管刚才掉出来了 已经按护士教的插回去了 现在呼吸正常了 明天能有人来看看吗')).toEqual([]);
  });
});

describe('a reading that is the usual one', () => {
  it('is not news', () => {
    expect(urgentFlags('我妈慢阻肺 血氧91 跟平时一样 不喘 想问怎么续氧气')).toEqual([]);
    expect(urgentFlags('我妈慢阻肺 血氧85 比平时低多了 喘得厉害')).toContain('breathing');
  });
});

describe('said to be no emergency', () => {
  it('leaves the learned scorer silent, not the rules', () => {
    expect(urgentVerdict('楼下淹水了出不了门 不是急事 没人受伤没人生病 就是想问中药能不能代煎好寄到家').score).toBe(0);
    expect(urgentVerdict('Not an emergency, nobody is hurt, we just cannot get out. Can someone post our medicine?').score).toBe(0);
    byRules('不是急事吧 我爸胸口压着疼 一直出冷汗', 'chest_pain');
    // (an A-not-A question is no saying so: 是不是急事)
    expect(urgentVerdict('我妈这样算不算 是不是急事 她说不想活了 东西都送人了').flags.map((f) => f.id)).toContain('suicide');
  });
});
