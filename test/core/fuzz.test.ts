// The real core against seeded random inputs: messages mixing residents' phrases with control characters,
// lone surrogates, markup and very long runs; every kind, channel and choice; locations in and out of
// range; live status on random facilities; conversations threading the session. Not one turn may throw,
// and every reply must be sendable.
import { newSession, type ChannelName, type Inbound, type Session } from '../../src/core/types';
import { EMPTY_STATUS, type LiveStatus } from '../../src/rules/types';
import { realCore } from '../support/core';
import { chance, pick, rng, text } from '../support/fuzz';

const TURNS = 10_000;
const CHANNELS: ChannelName[] = ['api', 'web', 'cli', 'telegram', 'wecom', 'wecom_kf'];
const KINDS = ['text', 'text', 'text', 'text', 'location', 'photo', 'voice', 'sticker', 'event', 'video', 'file', 'other', '', 'unknown'];

describe('core fuzz', () => {
  it(`${TURNS} seeded random turns: no exception, every reply well formed`, async () => {
    const core = await realCore();
    const facilities = core.facilities();
    const r = rng(20260514);
    let session: Session = newSession();
    let replies = 0;
    for (let i = 0; i < TURNS; i++) {
      if (chance(r, 0.15)) session = newSession();
      const inbound: Inbound = {
        channel: pick(r, CHANNELS),
        messageId: `f${i}`,
        user: 'fuzz',
        chat: 'fuzz',
        kind: pick(r, KINDS),
        text: text(r),
        sentAt: 1_700_000_000_000 + i,
        ...(chance(r, 0.1) ? { choice: chance(r, 0.5) ? text(r, 2) : pick(r, core.localities()).name } : {}),
        ...(chance(r, 0.05) ? { forwardedFrom: text(r, 1) } : {}),
        ...(chance(r, 0.05) ? { location: { latitude: (r() - 0.5) * 400, longitude: (r() - 0.5) * 800 } } : {}),
      };
      const status: LiveStatus = chance(r, 0.2)
        ? { ...EMPTY_STATUS, facilities: { [pick(r, facilities).id]: { state: pick(r, ['open', 'full', 'closed'] as const) } } }
        : EMPTY_STATUS;
      let result;
      try {
        result = core.turn(inbound, session, { status, now: 1_700_000_000_000 + i });
      } catch (err) {
        throw new Error(`turn ${i} threw ${(err as Error).stack}\ninbound: ${JSON.stringify(inbound)}\nsession: ${JSON.stringify(session)}`);
      }
      session = result.session;
      expect(typeof session.turns).toBe('number');
      const reply = result.reply;
      if (!reply) continue;
      replies += 1;
      const ok = reply.parts.length > 0 && reply.parts.every((p) => typeof p === 'string' && p.trim().length > 0) && typeof reply.intent === 'string';
      if (!ok) throw new Error(`turn ${i}: malformed reply ${JSON.stringify(reply)} for ${JSON.stringify(inbound)}`);
    }
    expect(replies).toBeGreaterThan(TURNS * 0.8);
    // the session stays plain JSON (it is persisted as it is)
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });
});
