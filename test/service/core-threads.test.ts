// The pool of core worker threads: turns answered by the workers, on this thread until they are ready,
// and what happens when a worker throws, dies or hangs. A fake worker (test/support/fake-core-worker.js)
// drives the mechanics; one test runs the real core in a worker and compares it with the core in process.
import path from 'node:path';
import { Writable } from 'node:stream';
import { newSession, type Inbound, type Reply } from '../../src/core/types';
import { createLogger } from '../../src/log';
import { EMPTY_STATUS } from '../../src/rules/types';
import { CoreThreads, TurnFailedError } from '../../src/service/core-threads';
import { inProcess, type TurnOutcome, type TurnRunner } from '../../src/service/turn';
import { realCore } from '../support/core';

const FAKE = path.join(__dirname, '..', 'support', 'fake-core-worker.js');
const ctx = { status: EMPTY_STATUS, now: 1_700_000_000_000 };

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: new Writable({ write: (c, _e, cb) => (lines.push(JSON.parse(String(c))), cb()) }) });
  return { logger, lines };
}

const inbound = (text: string, n = 1): Inbound => ({ channel: 'api', messageId: `m${n}`, user: 'u', chat: 'u', kind: 'text', text, sentAt: 0 });

/** A fallback that answers "main:<text>" and counts its calls. */
function mainThread(): TurnRunner & { calls: string[] } {
  const calls: string[] = [];
  const run: TurnRunner = (i, s) => {
    calls.push(i.text);
    const reply: Reply = { parts: [`main:${i.text}`], urgent: false, handoff: false, ask: null, quickReplies: [], intent: 'echo', sources: [], script: 'simplified', lang: 'zh' };
    return { reply, session: { ...s, turns: s.turns + 1 }, intent: 'echo' };
  };
  return Object.assign(run, { calls });
}

const text = async (o: TurnOutcome | Promise<TurnOutcome>) => (await o).reply?.parts[0];

describe('CoreThreads', () => {
  let pool: CoreThreads | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('answers on this thread until a worker is ready, then on the worker', async () => {
    const fallback = mainThread();
    const { logger } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback, logger, worker: { file: FAKE, data: { readyAfterMs: 200 } } });
    expect(await text(pool.turn(inbound('early'), newSession(), ctx))).toBe('main:early');
    await pool.whenReady();
    expect(pool.readyCount).toBe(1);
    const outcome = await pool.turn(inbound('later'), { turns: 4 }, ctx);
    expect(outcome.reply?.parts).toEqual(['worker:later']);
    expect(outcome.session.turns).toBe(5);
    expect(fallback.calls).toEqual(['early']);
  });

  it('reloads every worker\'s core at once, or none of them when one cannot load it or the reload is dropped', async () => {
    const { logger } = capture();
    pool = new CoreThreads({ threads: 2, core: {}, fallback: mainThread(), logger, worker: { file: FAKE } });
    await pool.whenReady();
    const answers = async (prefix: string) => {
      const got = await Promise.all(Array.from({ length: 6 }, (_, i) => text(pool!.turn(inbound('q', i), newSession(), ctx))));
      expect(got).toEqual(Array(6).fill(`worker:${prefix}q`));
    };
    await answers('');
    const next = await pool.prepare({ prefix: 'v2:' } as never);
    await answers(''); // prepared, not yet in use
    next.commit();
    await answers('v2:');
    await expect(pool.prepare({ fail: true } as never)).rejects.toThrow('cannot load the new rule books');
    await answers('v2:');
    // loaded, then dropped (this thread's core could not be built): never used, not by a later commit either
    (await pool.prepare({ prefix: 'v3:' } as never)).abort();
    await answers('v2:');
    (await pool.prepare({ prefix: 'v4:' } as never)).commit();
    await answers('v4:');
    expect(pool.readyCount).toBe(2);
  });

  it('gives a worker loading a new core no turns: they go to another worker, or to this thread when all are loading', async () => {
    const fallback = mainThread();
    const { logger } = capture();
    // the loading holds each worker's thread three times as long as a turn may take
    pool = new CoreThreads({ threads: 2, core: {}, fallback, logger, turnTimeoutMs: 500, worker: { file: FAKE } });
    await pool.whenReady();
    const loading = pool.prepare({ prefix: 'v2:', busyMs: 1500 } as never);
    await new Promise((r) => setTimeout(r, 100));
    const during = await Promise.all(Array.from({ length: 4 }, (_, i) => text(pool!.turn(inbound('q', i), newSession(), ctx))));
    expect(during).toEqual(Array(4).fill('main:q'));
    (await loading).commit();
    expect(await text(pool.turn(inbound('q'), newSession(), ctx))).toBe('worker:v2:q');
    expect(pool.readyCount).toBe(2); // no worker taken for hung
    expect(fallback.calls).toEqual(['q', 'q', 'q', 'q']);
  });

  it('spreads turns over the workers and answers each turn with its own reply', async () => {
    const { logger } = capture();
    pool = new CoreThreads({ threads: 2, core: {}, fallback: mainThread(), logger, worker: { file: FAKE } });
    await pool.whenReady();
    expect(pool.readyCount).toBe(2);
    const texts = Array.from({ length: 50 }, (_, i) => `q${i}`);
    const outcomes = await Promise.all(texts.map((t, i) => pool!.turn(inbound(t, i), newSession(), ctx)));
    expect(outcomes.map((o) => o.reply?.parts[0])).toEqual(texts.map((t) => `worker:${t}`));
    expect(new Set(outcomes.map((o) => o.intent)).size).toBe(2);
  });

  it('passes an error thrown by the core to the caller, as an Error', async () => {
    const { logger } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback: mainThread(), logger, worker: { file: FAKE } });
    await pool.whenReady();
    const failed = pool.turn(inbound('throw'), newSession(), ctx);
    await expect(failed).rejects.toThrow('asked to throw');
    await expect(failed).rejects.toMatchObject({ name: 'RangeError' });
    expect(await text(pool.turn(inbound('after'), newSession(), ctx))).toBe('worker:after');
  });

  it('when a worker dies, fails the turn it was on, answers the others elsewhere and starts a new worker', async () => {
    const fallback = mainThread();
    const { logger, lines } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback, logger, worker: { file: FAKE } });
    await pool.whenReady();
    const dying = pool.turn(inbound('die', 1), newSession(), ctx);
    const queued = [pool.turn(inbound('a', 2), newSession(), ctx), pool.turn(inbound('b', 3), newSession(), ctx)];
    await expect(dying).rejects.toBeInstanceOf(TurnFailedError);
    expect(await Promise.all(queued.map(text))).toEqual(['main:a', 'main:b']);
    expect(lines.some((l) => l.msg === 'core worker died' && l.pending === 3)).toBe(true);
    // replaced after half a second, then loaded (whenReady waits only for first starts: a busy machine takes a while)
    await new Promise((r) => setTimeout(r, 700));
    for (const deadline = Date.now() + 10_000; pool.readyCount < 1 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    expect(pool.readyCount).toBe(1);
    expect(await text(pool.turn(inbound('again', 4), newSession(), ctx))).toBe('worker:again');
  });

  it('replaces a worker stuck on one turn after the time limit, failing only that turn', async () => {
    const { logger, lines } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback: mainThread(), logger, worker: { file: FAKE }, turnTimeoutMs: 300 });
    await pool.whenReady();
    const stuck = pool.turn(inbound('hang', 1), newSession(), ctx);
    const behind = pool.turn(inbound('next', 2), newSession(), ctx);
    await expect(stuck).rejects.toThrow(/more than 300 ms/);
    expect(await text(behind)).toBe('main:next');
    expect(lines.some((l) => l.msg === 'a turn took too long: replacing its core worker')).toBe(true);
  });

  it('keeps answering on this thread when a worker cannot load the core, and says so', async () => {
    const { logger, lines } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback: mainThread(), logger, worker: { file: FAKE, data: { failToLoad: true } } });
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.readyCount).toBe(0);
    expect(await text(pool.turn(inbound('x'), newSession(), ctx))).toBe('main:x');
    expect(lines.some((l) => l.msg === 'core worker could not load the core' && l.error === 'no data')).toBe(true);
  });

  it('waits for the turns in flight when closed', async () => {
    const { logger } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback: mainThread(), logger, worker: { file: FAKE } });
    await pool.whenReady();
    const inFlight = pool.turn(inbound('last'), newSession(), ctx);
    await pool.close();
    expect(await text(inFlight)).toBe('worker:last');
  });

  it('runs the real core in a worker with the same answers as in process', async () => {
    const core = await realCore();
    const { logger } = capture();
    pool = new CoreThreads({ threads: 1, core: {}, fallback: inProcess(core), logger });
    await pool.whenReady();
    expect(pool.readyCount).toBe(1);
    let here = newSession();
    let there = newSession();
    const messages = ['我在忻州封控区，需要定期做血液透析，应该去哪家医院？', '那孕妇呢', '家里老人突然胸口疼，喘不上气'];
    for (const [n, t] of messages.entries()) {
      const a = inProcess(core)(inbound(t, n), here, ctx) as TurnOutcome;
      const b = await pool.turn(inbound(t, n), there, ctx);
      expect(b).toEqual(a);
      here = a.session;
      there = b.session;
    }
    expect(here.locality).toBe('xinzhou');
  }, 60_000);
});
