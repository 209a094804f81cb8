// Rule books reloaded into the running service (real core, a core worker thread, SQLite): by an
// administrator (POST /api/v1/admin/reload, `jiuyi rules reload`) and by a watch on the files. A valid edit
// changes the next answers wherever they are computed; an invalid one is refused with the problems named
// and the rule books in use are kept. The steps of a reload (which thread builds first, what a failure drops) with
// stand-ins for the cores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { run as rulesCli } from '../../src/cli/rules';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { RulesReloader } from '../../src/service/reload';
import { cleanRuleDirs, ruleDir } from '../support/rule-books';

jest.setTimeout(150_000);
const TOKEN = 'reload-test-token-0123';
const QUESTION = '我在忻州封控区，需要定期做血液透析，应该去哪家医院？';
const lines: string[] = [];
const logger = createLogger({ level: 'info', destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }) });

const dataDirs: string[] = [];
async function boot(rules: string, watch: boolean): Promise<Running> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-reload-'));
  dataDirs.push(dataDir);
  const r = await start({
    env: { JIUYI_DATA_DIR: dataDir, JIUYI_RULES_DIR: rules, JIUYI_RULES_WATCH: watch ? '1' : '0', PORT: '0', HOST: '127.0.0.1', JIUYI_ADMIN_TOKEN: TOKEN, JIUYI_CORE_THREADS: '1' },
    logger,
  });
  await r.threads()?.whenReady();
  return r;
}

let user = 0;
async function ask(r: Running): Promise<string> {
  const res = await r.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user: `u${++user}`, text: QUESTION } });
  // (a turn the worker could not answer in time on a loaded machine is kept and refused with a 503, never lost: said
  // as such here, so that a wait for the new rule books asks again and an expectation fails with the reason)
  return res.statusCode === 200 ? (JSON.parse(res.body) as { text: string }).text : `HTTP ${res.statusCode}: ${res.body}`;
}

const edit = (dir: string, from: string, to: string) => {
  const file = path.join(dir, 'xinzhou.yml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
};

afterAll(() => {
  cleanRuleDirs();
  for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('reloading the rule books', () => {
  let r: Running | null = null;
  afterEach(async () => {
    await r?.stop();
    r = null;
  });

  it('on an administrator\'s request: a valid edit is answered at once, on the worker thread too; an invalid one is refused and the old kept', async () => {
    const rules = ruleDir();
    r = await boot(rules, false);
    expect(r.threads()?.readyCount).toBe(1);
    expect(await ask(r)).toContain('忻州市人民医院');
    expect(await ask(r)).not.toContain('新院区');

    edit(rules, 'name: 忻州市人民医院', 'name: 忻州市人民医院新院区');
    const res = await r.app.inject({ method: 'POST', url: '/api/v1/admin/reload', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, unchanged: false, localities: 5 });
    // every answer from now on, whichever thread computes it
    for (let i = 0; i < 6; i++) expect(await ask(r)).toContain('忻州市人民医院新院区');

    // the staff's reload without a token, then with the command line
    expect((await r.app.inject({ method: 'POST', url: '/api/v1/admin/reload' })).statusCode).toBe(401);
    let out = '';
    let err = '';
    process.env.JIUYI_ADMIN_TOKEN = TOKEN;
    try {
      expect(await rulesCli(['reload', '--url', r.url], (s) => void (out += s), (s) => void (err += s))).toBe(0);
      expect(out).toContain('unchanged');

      edit(rules, 'category: dialysis', 'category: dialysiss');
      expect(await rulesCli(['reload', '--url', r.url], (s) => void (out += s), (s) => void (err += s))).toBe(1);
    } finally {
      delete process.env.JIUYI_ADMIN_TOKEN;
    }
    expect(err).toMatch(/xinzhou\.yml:\d+: designations\[\d+\]\.category: unknown category "dialysiss" \(did you mean "dialysis"\?\)/);
    const refused = await r.app.inject({ method: 'POST', url: '/api/v1/admin/reload', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(refused.statusCode).toBe(422);
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'rules_invalid', detail: expect.stringContaining('dialysiss') });
    // still answered by the last valid rule books
    expect(await ask(r)).toContain('忻州市人民医院新院区');
    expect(lines.join('')).toContain('rule books not reloaded: they are invalid');
    expect(await r.service.reloadRules()).toMatchObject({ ok: false, errors: [expect.stringContaining('dialysiss')] });
  });

  it('when a file changes, with the watch on', async () => {
    const rules = ruleDir();
    r = await boot(rules, true);
    expect(await ask(r)).not.toContain('新院区');
    edit(rules, 'name: 忻州市人民医院', 'name: 忻州市人民医院新院区');
    let text = '';
    // new rule books mean a new NLU, built on the worker thread first (seconds; this thread answers meanwhile)
    for (const until = Date.now() + 90_000; Date.now() < until && !text.includes('新院区'); ) {
      await new Promise((res) => setTimeout(res, 100));
      text = await ask(r);
    }
    expect(text).toContain('忻州市人民医院新院区');
    expect(lines.join('')).toContain('"reason":"file changed"');
  });
});

describe('a reload, step by step (RulesReloader with stand-ins for the cores)', () => {
  const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const core = (name: string) => ({ name, localities: () => [1, 2, 3, 4, 5] }) as never;

  function reloader(build: () => Promise<unknown>) {
    const rules = ruleDir();
    const steps: string[] = [];
    const swapped: unknown[] = [];
    const r = new RulesReloader({
      dir: rules,
      current: [],
      build: async () => {
        steps.push('build here');
        return (await build()) as never;
      },
      prepareThreads: async () => {
        steps.push('threads prepared');
        return { commit: () => steps.push('threads committed'), abort: () => steps.push('threads aborted') };
      },
      swap: (c) => swapped.push(c),
      logger: silent,
    });
    return { r, steps, swapped };
  }

  it('builds the workers\' cores first (they train the new models off this thread, this one reads them from the cache), then this one, then puts all in use', async () => {
    const { r, steps, swapped } = reloader(async () => core('new'));
    expect(await r.reload()).toMatchObject({ ok: true, localities: 5 });
    expect(steps).toEqual(['threads prepared', 'build here', 'threads committed']);
    expect(swapped).toEqual([expect.objectContaining({ name: 'new' })]);
  });

  it('drops the workers\' new cores when this thread\'s cannot be built, and keeps every core in use', async () => {
    const { r, steps, swapped } = reloader(async () => {
      throw new Error('out of memory');
    });
    expect(await r.reload()).toMatchObject({ ok: false, errors: ['the new rule books could not be loaded: out of memory'] });
    expect(steps).toEqual(['threads prepared', 'build here', 'threads aborted']);
    expect(swapped).toEqual([]);
  });
});
