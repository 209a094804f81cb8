// The core's start-up: OpenCC's simplified → traditional tables (a quarter of a second to load) are loaded
// when the core is, when asked (the core worker threads ask), so the first traditional reply does not wait
// for them; otherwise on that first reply.
import type { Core } from '../../src/core/types';
import { EMPTY_STATUS } from '../../src/rules/types';

// the real opencc-js, watched: before src/core/load.ts takes its copy of the module
// eslint-disable-next-line @typescript-eslint/no-require-imports
const converter = jest.spyOn(require('opencc-js') as { Converter: (o: object) => (s: string) => string }, 'Converter');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCore } = require('../../src/core/load') as typeof import('../../src/core/load');

/** Loads of the simplified → traditional tables (the NLU loads the other way round for itself). */
const toTraditionalLoads = () => converter.mock.calls.filter(([o]) => JSON.stringify(o) === JSON.stringify({ from: 'cn', to: 'tw' })).length;

const traditional = (core: Core) =>
  core.turn({ channel: 'api', messageId: '1', user: 'u', chat: 'u', kind: 'text', text: '請問忻州封控區洗腎去哪家醫院', sentAt: 0 }, { turns: 0 }, { status: EMPTY_STATUS, now: 0 }).reply!;

describe('loading the core', () => {
  beforeEach(() => converter.mockClear());

  it('with preloadTraditional, loads the traditional tables before any reply', async () => {
    const core = await loadCore({ preloadTraditional: true });
    expect(toTraditionalLoads()).toBe(1);
    const reply = traditional(core);
    expect(reply.script).toBe('traditional');
    expect(reply.parts.join('')).toContain('醫院');
    expect(toTraditionalLoads()).toBe(1); // not again on the request path
  });

  it('the service without worker threads warms its core up once listening (one traditional turn)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { warmUp } = require('../../src/service/warm') as typeof import('../../src/service/warm');
    const core = warmUp(await loadCore());
    expect(toTraditionalLoads()).toBe(1);
    traditional(core);
    expect(toTraditionalLoads()).toBe(1);
  });

  it('otherwise, on the first traditional reply', async () => {
    const core = await loadCore();
    expect(toTraditionalLoads()).toBe(0);
    traditional(core);
    expect(toTraditionalLoads()).toBe(1);
  });
});
