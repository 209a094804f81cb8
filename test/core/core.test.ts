// The pure core end to end on bad and unusual input: never a crash, always a clear answer.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
});

describe('core.turn on bad input', () => {
  it('answers an empty or blank message by saying what it can read', () => {
    for (const text of ['', '   ', '\n\t']) {
      const r = talk(core).say(text);
      expect(textOf(r)).toContain('文字');
      expect(r?.urgent).toBe(false);
    }
  });

  it('answers stickers, photos and voice by saying it reads text', () => {
    for (const kind of ['sticker', 'photo', 'voice']) {
      const r = talk(core).say('', { kind });
      expect(textOf(r)).toContain('只能阅读文字');
    }
  });

  it('reads a huge message up to its limit and says so', () => {
    const r = talk(core).say(`我在忻州封控区，要做透析，去哪家医院？${'啊'.repeat(50_000)}`);
    expect(textOf(r)).toContain('忻州市人民医院');
    expect(textOf(r)).toContain('只阅读了前 1000 个字');
  });

  it('survives binary junk, control characters and lone surrogates', () => {
    const junk = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 7919) % 65536));
    expect(() => talk(core).say(junk)).not.toThrow();
    expect(() => talk(core).say('\u0000\u0001\ud800忻州\udc00')).not.toThrow();
  });

  it('treats emoji-only text as nothing to read, and emoji around a question as noise', () => {
    expect(textOf(talk(core).say('😷🙏🙏'))).toContain('文字');
    expect(textOf(talk(core).say('😷忻州封控区透析去哪家医院🙏🙏'))).toContain('忻州市中医医院');
  });
});

describe('core.turn policy', () => {
  it('answers traditional input in traditional script, simplified input in simplified', () => {
    expect(textOf(talk(core).say('我在忻州封控區，要做血液透析，去哪家醫院？'))).toContain('忻州市人民醫院');
    expect(textOf(talk(core).say('我在忻州封控区，要做血液透析，去哪家医院？'))).toContain('忻州市人民医院');
  });

  it('cites the notice with its document number and date', () => {
    const text = textOf(talk(core).say('忻州管控区孕妇去哪家医院'));
    expect(text).toContain('2022年第2号');
    expect(text).toContain('2022年2月25日');
  });

  it('stays silent while a human holds the conversation, but never on a red flag', () => {
    const chat = talk(core);
    chat.say('我在晋江隔离，要透析去哪');
    chat.session = { ...chat.session, handoff: { since: 0, reason: 'requested', ticketId: 't1', heldBy: 'staff-1' } };
    expect(chat.say('那后备医院呢')).toBeNull();
    const urgent = chat.say('我爸突然喘不上气了，嘴唇发紫');
    expect(urgent?.urgent).toBe(true);
    expect(textOf(urgent)).toContain('120');
  });

  it('opens a handoff on an urgent message with the reason, and sends the 120 instruction as the first part', () => {
    const r = talk(core).say('我老婆在忻州封控区，怀孕39周，羊水破了');
    expect(r?.urgent).toBe(true);
    expect(r?.handoff).toBe(true);
    expect(r?.handoffReason).toMatch(/^urgent:/);
    expect(r?.parts[0]).toContain('120');
    expect(r?.parts[0]).toContain('网格员');
  });

  it('does not treat negated symptoms as urgent', () => {
    const r = talk(core).say('我在忻州管控区，发烧38度，没有胸痛，也不喘，发热门诊去哪');
    expect(r?.urgent).toBe(false);
    expect(textOf(r)).toContain('忻州市人民医院');
  });

  it('forgets the old zone and full hospitals when the locality changes', () => {
    const chat = talk(core);
    chat.say('我在忻州封控区，孩子看病去哪');
    expect(chat.session.audience).toBe('sealed_zone');
    chat.say('那晋江呢');
    expect(chat.session.locality).toBe('jinjiang');
    expect(chat.session.audience).toBeUndefined();
  });

  it('gives a family doctor a compact answer headed for forwarding, with the source', () => {
    const r = talk(core).say('转：居民问，忻州封控区孕妇产检去哪家医院');
    expect(r?.parts.join('\n')).toMatch(/^【忻州市就医指引】/);
    expect(textOf(r)).toContain('依据');
  });

  it('says which localities it covers when the place is not one of them', () => {
    const r = talk(core).say('我在太原，封控区透析去哪');
    expect(r?.ask).toBe('locality');
    expect(textOf(r)).toContain('太原');
    expect(r?.quickReplies.map((q) => q.label)).toContain('忻州市');
  });

  it('lists the localities it covers on a greeting', () => {
    const r = talk(core).say('你好');
    for (const name of ['忻州市', '晋江市', '烟台市']) expect(textOf(r)).toContain(name);
  });
});

describe('channel commands and language choice', () => {
  it('answers /start and /help with the greeting', () => {
    for (const cmd of ['/start', '/help', '/start@jiuyi_bot']) expect(textOf(talk(core).say(cmd))).toContain('目前可查询');
  });

  it('keeps to a chosen language: English, then traditional Chinese', () => {
    const chat = talk(core);
    expect(textOf(chat.say('', { choice: 'English' }))).toContain('English');
    expect(textOf(chat.say('忻州封控区透析去哪家医院'))).toContain('Designated hospitals for');
    chat.say('', { choice: '繁體中文' });
    expect(textOf(chat.say('忻州封控区透析去哪家医院'))).toContain('忻州市人民醫院');
  });
});

describe('escalation notice', () => {
  it("gives 120 and the locality's hotline from its rule book, in the user's script", () => {
    const zh = core.escalationNotice('xinzhou', { script: 'simplified', lang: 'zh' });
    expect(zh).toContain('120');
    expect(zh).toContain('0350-3301599');
    expect(core.escalationNotice('xinzhou', { script: 'traditional', lang: 'zh' })).toContain('撥打');
  });

  it('gives 120 alone where the notice has no hotline, or the locality is unknown', () => {
    for (const locality of ['yantai', undefined]) {
      const text = core.escalationNotice(locality, { script: 'simplified', lang: 'zh' });
      expect(text).toContain('120');
      expect(text).not.toMatch(/\d{3,4}-\d{7,8}/);
    }
  });
});

describe('rate-limit notice', () => {
  it('says how many messages a minute and how long to wait, with 120, in the user\'s script and language', () => {
    const zh = core.rateLimitNotice(20, 7, { script: 'simplified', lang: 'zh' });
    expect(zh).toContain('每分钟最多 20 条');
    expect(zh).toContain('7 秒');
    expect(zh).toContain('120');
    expect(core.rateLimitNotice(20, 7, { script: 'traditional', lang: 'zh' })).toContain('每分鐘最多 20 條');
    expect(core.rateLimitNotice(5, 30, { script: 'simplified', lang: 'en' })).toMatch(/at most 5 a minute.*wait 30 s.*120/);
  });
});

describe('a shared location', () => {
  it('asks for the place by name rather than guessing a city', () => {
    const r = talk(core).say('', { kind: 'location', location: { latitude: 38.42, longitude: 112.73 } });
    expect(r?.ask).toBe('locality');
    expect(textOf(r)).toContain('收到您的位置');
    expect(r?.quickReplies.length).toBeGreaterThan(0);
  });
});
