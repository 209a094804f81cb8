import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
});

describe('contact answers', () => {
  it("gives the locality's hotline and never a news site's number", () => {
    const text = textOf(talk(core).say('忻州封控区就医咨询打哪个电话'));
    expect(text).toContain('0350-3301599');
    expect(text).not.toMatch(/3026833|3309576|379022001/);
  });

  it('reads "which number do I ring" said plainly (打哪个号, 打啥号) as asking for the hotline', () => {
    for (const text of ['关在家二十来天了 人都要发霉了 哈哈 说正事 忻州这边看病有事要问 打啥号', '我们忻州小区封了快一个月 身体倒是没啥 就是想问问 有事打什么号'])
      expect(textOf(talk(core).say(text))).toContain('0350-3301599');
  });

  it('reads "which one do I ring" with the number left unsaid (晚上打哪个) as asking for a number, after a contact asked for', () => {
    const t = talk(core);
    t.say('泉秀那个社区卫生服务中心电话多少');
    expect(textOf(t.say('半夜打哪一个'))).toContain('28220052');
    expect(textOf(talk(core).say('忻州的 有事拨哪个？'))).toContain('0350-3301599');
  });

  it('gives the hotline for a number asked after a story (有没有个电话, 电话能咨询), whatever the story reads as', () => {
    for (const text of [
      '我家老人这几天腰有点酸 走路慢了点 不算急 忻州封控区 有没有个电话',
      '孩子前两天拉肚子 现在好多了 我们忻州管控区的 有没有电话可以咨询一下大夫',
      '老伴血糖这阵子控制得还行 就是想找人问问饮食 忻州这边想咨询的话有什么号码',
    ])
      expect(textOf(talk(core).say(text))).toContain('0350-3301599');
  });

  it('says a number the notice does not list is not a medical hotline, without repeating it', () => {
    const text = textOf(talk(core).say('忻州那个0350-3026833是就医电话吗'));
    expect(text).toContain('不是就医咨询电话');
    expect(text).toContain('0350-3301599');
    expect(text).not.toContain('3026833');
  });

  it('answers what else is asked beside a number: its transport procedure with the number named for what it is', () => {
    const text = textOf(talk(core).say('0350-3026833这个号码可以约转运车吗 我们在忻州封控区'));
    expect(text).toMatch(/网页页脚/);
    expect(text).toMatch(/专用转运车/);
  });

  it('says a missing contact channel (QQ) is missing', () => {
    const text = textOf(talk(core).say('忻州封控区就医能加QQ问吗'));
    expect(text).toContain('没有公布QQ');
    expect(text).not.toContain('379022001');
  });

  it('gives the other contacts when the one named goes unanswered, and knows the locality by that person', () => {
    // (林海峰 is 泉秀's rehabilitation contact: no locality said, the name says it)
    const text = textOf(talk(core).say('林海峰的电话一直没人接，还有别的电话吗'));
    expect(text).toContain('打不通的话');
    expect(text).toMatch(/28220083|28220052|15906085258/);
    expect(text.indexOf('打不通的话')).toBeLessThan(text.indexOf('林海峰') < 0 ? Infinity : text.indexOf('林海峰'));
    expect(text).not.toContain('请问您在哪个地区');
  });

  it('says a notice lists no other number, and how else to reach help, when its one hotline goes unanswered', () => {
    const text = textOf(talk(core).say('忻州的就医咨询电话一直占线，还有别的电话吗'));
    expect(text).toContain('没有公布其他电话');
    // (its route to care says whom to contact: the grid worker)
    expect(text).toContain('网格员');
    expect(text).toContain('0350-3301599');
  });

  it('adds the hotline to another answer when the user says someone could not be reached', () => {
    const text = textOf(talk(core).say('社区的电话一直没人接 家里老人发烧38度多 忻州忻府区的 去哪看'));
    expect(text).toContain('忻州市人民医院');
    expect(text).toContain('0350-3301599');
  });

  it('names the contact the user asks for by role', () => {
    const text = textOf(talk(core).say('泉秀街道社区卫生服务中心医务科负责人电话'));
    expect(text).toContain('蔡裕雄');
    expect(text).toContain('15906085258');
  });

  it('says a locality without a hotline has none and where contacts are published', () => {
    const text = textOf(talk(core).say('烟台看病有没有咨询热线'));
    expect(text).toMatch(/没有公布就医咨询电话/);
    expect(text).toMatch(/家庭医生|发热哨点/);
    expect(text).not.toMatch(/0531|96678/);
  });

  it('says what a number quoted beside another question is, when the page shows it as no medical contact', () => {
    const text = textOf(talk(core).say('烟台莱山的，新闻下面那个96678能问哪里有发热哨点吗'));
    expect(text.split('\n')[0]).toMatch(/齐鲁网的新闻热线.*不是就医咨询电话/);
    expect(text).toMatch(/发热哨点诊室/);
    // (a number given as the user's own is no question)
    expect(textOf(talk(core).say('忻州管控区，我的电话是13812345678，透析去哪'))).not.toMatch(/您提到的号码/);
  });

  it('does not take the number a user gives as their own for one they ask about', () => {
    const own = textOf(talk(core).say('晋江的，我手机是13912345678，医院能回个电话吗'));
    expect(own).not.toContain('不在通告公布的就医联系方式中');
    const asked = textOf(talk(core).say('晋江的，朋友给了个号码13912345678，打这个能问看病吗'));
    expect(asked).toContain('不在通告公布的就医联系方式中');
  });

  it('a relay from the citizens\' hotline: 12345 is no number asked about, and where to go is answered beside the line', () => {
    const text = textOf(talk(core).say('12345那边转过来一个：忻州原平封控区老人脑梗后遗症，问去哪个定点医院，有事打什么电话'));
    expect(text).not.toContain('不在通告公布的就医联系方式中');
    expect(text).toContain('忻州市人民医院');
    expect(text).toContain('0350-3301599');
  });

  it('a number no notice lists, asked about as a hotline in a locality, is said to be none, with where contacts are found', () => {
    const text = textOf(talk(core).say('网上看到一个0535-1234567说是烟台的看病热线，真的假的？我在莱山'));
    expect(text).toContain('不是就医咨询电话');
    expect(text).toMatch(/家庭医生|发热哨点/);
  });

  it('whoever is in charge (负责人是谁) is a contact asked for', () => {
    const text = textOf(talk(core).say('泉秀社区卫生服务中心那边谁负责？我们单位想对接一下'));
    expect(text).toContain('15906085258');
  });

  it("a number printed on the notice's page says what it is (a news site's line), never repeating it", () => {
    const text = textOf(talk(core).say('烟台那篇报道下面的0531-66661234，能打过去问看病吗'));
    expect(text).toContain('新闻热线');
    expect(text).toContain('不是就医咨询电话');
    expect(text).not.toContain('66661234');
    // without a locality too
    expect(textOf(talk(core).say('3309576这个电话能问就医吗'))).toContain('忻州新闻网');
  });

  it('reads two numbers written side by side as two, and numbers sent alone as asking what they are', () => {
    const t = talk(core);
    t.say('烟台 看病 电话');
    const text = textOf(t.say('0531-66661234 96678'));
    expect(text).toContain('新闻热线');
    expect(text).not.toMatch(/66661234|96678/);
    // (a mobile number written in groups is still one number: not the page's, so no medical contact)
    expect(textOf(talk(core).say('烟台 139 1234 5678 这个是看病的电话吗'))).toContain('不在通告公布的就医联系方式中');
  });
});
