import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';

function capture(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  const logger = createLogger({ level, destination, name: 'jiuyi' });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes pino JSON at the configured level', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info({ channel: 'telegram', n: 3 }, 'message processed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, name: 'jiuyi', msg: 'message processed', channel: 'telegram', n: 3 });
    expect(typeof lines[0]!.time).toBe('number');
  });

  it('redacts phone and ID numbers in messages, fields, nested objects, arrays, errors and child bindings', () => {
    const { logger, lines } = capture('info');
    const child = logger.child({ user: 'tel13912345678' });
    child.warn(
      { chat: '13800001111', nested: { deep: ['ID 14220219800101123X'] }, err: new Error('send to 0350-3301599 failed') },
      'user 13912345678 blocked',
    );
    logger.error(new Error('boom for a.b@qq.com'), 'failed');
    const all = JSON.stringify(lines);
    expect(all).not.toMatch(/13912345678|13800001111|14220219800101123X|3301599|a\.b@qq\.com/);
    expect(lines[0]).toMatchObject({
      user: 'tel[电话]',
      chat: '[电话]',
      nested: { deep: ['ID [身份证号]'] },
      err: { message: 'send to [电话] failed', type: 'Error' },
      msg: 'user [电话] blocked',
    });
    expect(lines[1]).toMatchObject({ msg: 'failed', err: { message: 'boom for [邮箱]' } });
  });

  it('leaves message text out at info level and keeps it, redacted, at debug', () => {
    const info = capture('info');
    info.logger.info({ text: '我在忻州，电话13912345678', intent: 'find_facility' }, 'turn');
    expect(info.lines[0]).toMatchObject({ text: '[18 chars]', intent: 'find_facility' });

    const debug = capture('debug');
    debug.logger.debug({ text: '我在忻州，电话13912345678' }, 'turn');
    expect(debug.lines[0]).toMatchObject({ text: '我在忻州，电话[电话]' });
  });

  it('does not walk into class instances (a request object) and survives cycles', () => {
    const { logger, lines } = capture('info');
    class Req {
      socket = { big: true };
      url = '/x';
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    logger.info({ thing: new Req(), cyclic }, 'ok');
    expect(lines[0]).toMatchObject({ thing: { url: '/x' }, cyclic: { a: 1 } });
  });
});
