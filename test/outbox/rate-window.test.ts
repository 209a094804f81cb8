import { ChannelLimiter, DEFAULT_LIMITS, effectiveLimits } from '../../src/outbox/limits';
import { mapSteps } from '../support/map-steps';
import { RateWindow } from '../../src/outbox/rate-window';
import { backoffDelay } from '../../src/outbox/backoff';

describe('RateWindow', () => {
  it('lets `count` through in any window of `perMs`, then says how long to wait', () => {
    const w = new RateWindow({ count: 3, perMs: 1000 });
    expect(w.available(0)).toBe(3);
    for (const t of [0, 100, 200]) {
      expect(w.wait(t)).toBe(0);
      w.take(t);
    }
    expect(w.available(300)).toBe(0);
    expect(w.wait(300)).toBe(700); // the send at 0 leaves the window at 1000
    expect(w.wait(1000)).toBe(0);
    w.take(1000);
    expect(w.wait(1000)).toBe(100);
    expect(w.idle(5000)).toBe(true);
  });

  it('refuses a non-positive limit', () => {
    expect(() => new RateWindow({ count: 0, perMs: 1000 })).toThrow(/positive/);
  });
});

describe('ChannelLimiter', () => {
  it('applies the chat, group and extra windows and a platform\'s pause', () => {
    const l = new ChannelLimiter(DEFAULT_LIMITS.telegram!);
    l.take('42', 0);
    expect(l.chatWait('42', 0)).toBe(1000);
    expect(l.chatWait('43', 0)).toBe(0);
    for (let i = 0; i < 20; i++) l.take('-100', i * 1000);
    expect(l.chatWait('-100', 20_000)).toBe(40_000); // 20 a minute in a group
    l.block('43', 5000);
    expect(l.chatWait('43', 1000)).toBe(4000);
    expect(l.chatWait('43', 5000)).toBe(0);

    const w = new ChannelLimiter(effectiveLimits('wecom', DEFAULT_LIMITS.wecom!));
    for (let i = 0; i < 30; i++) w.take('u', i);
    expect(w.chatWait('u', 30)).toBe(60_000 - 30); // 30 a minute to one member
  });

  it('forgets idle chats past its size bound', () => {
    const l = new ChannelLimiter(DEFAULT_LIMITS.telegram!, 2);
    l.take('a', 0);
    l.take('b', 0);
    expect(l.chatWait('c', 5000)).toBe(0);
    expect(l.chatWait('a', 5000)).toBe(0);
  });

  it('does not walk every active chat for each new one once more are active than its bound', () => {
    // WeCom keeps a chat's hour-long window: 100 active chats against a bound of 10, then 1,000 new ones
    const l = new ChannelLimiter(effectiveLimits('wecom', DEFAULT_LIMITS.wecom!), 10);
    for (let i = 0; i < 100; i++) l.take(`u${i}`, i);
    const steps = mapSteps(() => {
      for (let i = 100; i < 1100; i++) l.take(`u${i}`, i);
    });
    // (walking them all for each new chat: over 500,000 steps)
    expect(steps).toBeLessThan(10_000);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, caps, and scales by jitter in [0.5, 1)', () => {
    const opts = { baseMs: 1000, maxMs: 8000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, opts, () => 0))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect(backoffDelay(1, opts, () => 0.999999)).toBe(1000);
  });
});
