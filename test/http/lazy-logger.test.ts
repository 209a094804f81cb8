// fastify's per-request logger (src/http/lazy-logger.ts): made on a request's first log line, with the
// request id and the redaction of any child logger; nothing made for a request that logs nothing.
import { Writable } from 'node:stream';
import Fastify, { LogController } from 'fastify';
import { createLogger, type LogLevel } from '../../src/log';
import { lazyChildLogger } from '../../src/http/lazy-logger';

async function app(level: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, destination: new Writable({ write: (c, _e, cb) => (lines.push(JSON.parse(String(c))), cb()) }) });
  const children: unknown[] = [];
  const child = logger.child.bind(logger);
  logger.child = ((b: Record<string, unknown>, o?: object) => (children.push(b), child(b, o))) as typeof logger.child;
  const a = Fastify({ loggerInstance: logger, childLoggerFactory: lazyChildLogger, genReqId: () => 'req-1', logController: new LogController({ disableRequestLogging: true }) });
  a.get('/quiet', async () => ({ ok: true }));
  a.get('/loud', async (req) => {
    req.log.info({ phone: '13812345678' }, 'info line');
    req.log.warn('warn line');
    return { ok: true, enabled: req.log.isLevelEnabled('info') };
  });
  a.get('/fail', async () => {
    throw new Error('boom');
  });
  // as src/http/errors.ts does for a 5xx
  a.setErrorHandler((err, req, reply) => {
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal' });
  });
  await a.ready();
  children.length = 0; // fastify's own, made once at start
  return { a, lines, children };
}

it('makes no child logger for a request that logs nothing', async () => {
  const { a, lines, children } = await app('warn');
  expect((await a.inject({ url: '/quiet' })).statusCode).toBe(200);
  expect(children).toEqual([]);
  expect(lines).toEqual([]);
  await a.close();
});

it('logs what is at or above the level, with the request id, and makes the child then', async () => {
  const { a, lines, children } = await app('warn');
  expect((await a.inject({ url: '/loud' })).json()).toEqual({ ok: true, enabled: false });
  expect(lines.map((l) => [l.msg, l.reqId])).toEqual([['warn line', 'req-1']]);
  expect(children).toEqual([{ reqId: 'req-1' }]);
  expect((await a.inject({ url: '/fail' })).statusCode).toBe(500);
  expect(lines.at(-1)).toMatchObject({ reqId: 'req-1', level: 50 });
  await a.close();
});

it('at info, the info line is written and redacted as any child logger’s', async () => {
  const { a, lines } = await app('info');
  expect((await a.inject({ url: '/loud' })).json()).toEqual({ ok: true, enabled: true });
  const info = lines.find((l) => l.msg === 'info line')!;
  expect(info.reqId).toBe('req-1');
  expect(JSON.stringify(info)).not.toContain('13812345678');
  await a.close();
});
