// The console's rule-book endpoints through inject(): draft, check and publish, administrators only, with
// CSRF; a clear refusal for every kind of bad input; publishing writes the file (a replaced one kept in
// .backup/), reloads the rule books (the real reloader, building core doubles) and writes the audit log.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { readRuleFiles } from '../../src/rules/load';
import { RulesReloader } from '../../src/service/reload';
import { RuleBookThread, type RuleBookWorker } from '../../src/staff/rulebooks/thread';
import { fixture } from '../rules/draft/support';
import { createCoreDouble } from '../support/core-double';
import { cleanRuleDirs, ruleDir } from '../support/rule-books';
import { auth, buildTestApp, type TestApp } from '../support/service-app';
import { addStaff, signIn, type Signed } from '../support/staff';

jest.setTimeout(30_000);
const QINGLAN = fixture('qinglan-sentences.txt');
const thread = new RuleBookThread();
// one thread for every app of this file (each app's close would end its own)
const shared: RuleBookWorker = { draft: (r) => thread.draft(r), check: (r) => thread.check(r), close: async () => undefined };

let t: TestApp;
let dir: string;
let admin: Signed;
let builds: string[][];
const json = (r: { body: string }) => JSON.parse(r.body);

async function boot(o: { rulesDir?: string | null; reloadable?: boolean } = {}): Promise<void> {
  dir = ruleDir();
  t = await buildTestApp({ http: { ...(o.rulesDir === null ? {} : { rulesDir: o.rulesDir ?? dir }), ruleBookWorker: shared } });
  builds = [];
  if (o.reloadable !== false) {
    const reloader = new RulesReloader({
      dir,
      current: readRuleFiles(dir),
      // a core double per build; a book commented "# CANNOT BUILD" fails the build, as a broken core would
      build: async (files) => {
        builds.push(files.map((f) => path.basename(f.file)));
        if (files.some((f) => f.text.includes('# CANNOT BUILD'))) throw new Error('the NLU could not be trained');
        return createCoreDouble();
      },
      swap: (core) => t.service.setCore(core),
      logger: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    });
    t.service.setReloader(reloader);
  }
  await addStaff(t.store, 'zhang', { role: 'admin', name: '张主任' });
  await addStaff(t.store, 'wang', { name: '王医生' });
  admin = await signIn(t.app, 'zhang');
}

const draft = (payload: unknown, headers = admin.headers) => t.app.inject({ method: 'POST', url: '/api/v1/admin/drafts', headers, payload: payload as object });
const check = (id: string, yaml: string, headers = admin.headers) => t.app.inject({ method: 'POST', url: `/api/v1/admin/rules/${id}/check`, headers, payload: { yaml } });
const publish = (id: string, payload: { yaml: string; replace?: boolean }, headers = admin.headers) => t.app.inject({ method: 'PUT', url: `/api/v1/admin/rules/${id}`, headers, payload });
const files = () => fs.readdirSync(dir).sort();

afterEach(async () => {
  await t?.close();
});
afterAll(async () => {
  await thread.close();
  cleanRuleDirs();
});

describe('who may draft and publish', () => {
  beforeEach(() => boot());

  it('administrators only, signed in with the CSRF token or by API token; staff are refused', async () => {
    const yaml = fs.readFileSync(path.join(dir, 'rural.yml'), 'utf8');
    for (const send of [(h: Record<string, string>) => draft({ text: QINGLAN }, h), (h: Record<string, string>) => check('rural', yaml, h), (h: Record<string, string>) => publish('rural', { yaml, replace: true }, h)]) {
      expect(json(await send({})).error.code).toBe('unauthorized');
      const wang = await signIn(t.app, 'wang');
      const staff = await send(wang.headers);
      expect([staff.statusCode, json(staff).error.code]).toEqual([403, 'forbidden']);
      const noCsrf = await send({ cookie: admin.cookie });
      expect([noCsrf.statusCode, json(noCsrf).error.code]).toEqual([403, 'csrf']);
    }
    expect((await check('rural', yaml, auth)).statusCode).toBe(200);
    expect(files()).not.toContain('.backup');
  });
});

describe('drafting a pasted notice', () => {
  beforeEach(() => boot());

  it('gives the draft, its evidence (offsets into the text as the page shows it), what to review, the numbers left out and the check', async () => {
    const r = await draft({ text: QINGLAN.replace(/\n/g, '\r\n') });
    expect(r.statusCode).toBe(200);
    const d = json(r);
    expect(d).toMatchObject({ id: 'qinglan', name: '青岚市', text: QINGLAN, check: { id: 'qinglan', valid: true, problems: [] } });
    expect(d.yaml).toContain('name: 青岚市第一人民医院');
    expect(d.evidence.length).toBeGreaterThan(10);
    for (const e of d.evidence) expect(d.text.slice(e.start, e.end)).toBe(e.quote);
    const hospital = d.evidence.find((e: { value: string }) => e.value === '青岚市第一人民医院');
    expect(d.text.slice(hospital.valueStart, hospital.valueEnd)).toBe('青岚市第一人民医院');
    expect(d.leftOut).toEqual(expect.arrayContaining([expect.objectContaining({ number: '0797-8666666', reason: expect.any(String), line: 24 })]));
    expect(d.check.paths).toEqual(expect.arrayContaining([expect.objectContaining({ path: hospital.path, line: expect.any(Number) })]));
    expect(d.check.replaces).toBeUndefined();
    // drafted under the id of a book that exists: the check says which it would replace
    const again = json(await draft({ text: QINGLAN, id: 'xinzhou' }));
    expect(again.check.replaces).toEqual({ file: 'xinzhou.yml', name: '忻州市' });
    expect(files()).not.toContain('qinglan.yml');
  });

  it('refuses, with a clear message, an empty, huge or binary text, a text with nothing to draft and an id that is not one', async () => {
    const refused = async (payload: unknown, status: number, code: string, detail?: RegExp) => {
      const r = await draft(payload);
      expect([r.statusCode, json(r).error.code]).toEqual([status, code]);
      if (detail) expect(json(r).error.detail).toMatch(detail);
    };
    await refused({}, 400, 'missing_field');
    await refused({ text: ' \n\n ' }, 400, 'invalid_field', /the notice is empty/);
    await refused({ text: '通'.repeat(100_001) }, 413, 'payload_too_large', /100001 characters long; at most 100000/);
    await refused({ text: 'x'.repeat(1024 * 1024 + 1) }, 413, 'payload_too_large');
    await refused({ text: Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)).toString('utf8') }, 400, 'not_text', /does not look like text/);
    await refused({ text: fixture('nothing.txt') }, 422, 'nothing_to_draft', /nothing to draft/);
    await refused({ text: QINGLAN, id: '../../etc/passwd' }, 400, 'invalid_field', /is not a locality id/);
    await refused({ text: QINGLAN, id: 'vocabulary' }, 400, 'invalid_field', /vocabulary file/);
    await refused({ text: QINGLAN, extra: 1 }, 400, 'invalid_field', /extra: unknown field/);
    expect(files()).toEqual(fs.readdirSync(ruleDir()).sort());
    expect(t.logs.join('')).not.toContain('request failed');
  });
});

describe('checking and publishing', () => {
  beforeEach(() => boot());

  it('checks edited YAML as rules validate would, with the lines; publishing refuses what is invalid and writes nothing', async () => {
    const { yaml } = json(await draft({ text: QINGLAN }));
    const typo = yaml.replace('category: dialysis', 'category: dialysiss');
    const c = json(await check('qinglan', typo));
    expect(c.valid).toBe(false);
    expect(c.problems).toEqual([expect.objectContaining({ file: 'qinglan.yml', own: true, text: expect.stringMatching(/^qinglan\.yml:\d+: designations\[\d+\]\.category: unknown category "dialysiss" \(did you mean "dialysis"\?\)$/) })]);
    expect(typo.split('\n')[c.problems[0].line - 1]).toContain('dialysiss');

    const syntax = json(await check('qinglan', `${yaml}\nfacilities: [unclosed\n`));
    expect(syntax.problems[0]).toMatchObject({ line: expect.any(Number), message: expect.stringContaining('YAML syntax error') });
    const renamed = json(await check('qinglan2', yaml));
    expect(renamed.problems).toEqual([expect.objectContaining({ path: 'id', line: 13, text: 'qinglan2.yml:13: id: id "qinglan" must match the file name ("qinglan2")' })]);

    for (const [id, body, code] of [
      ['qinglan', typo, 'rules_invalid'],
      ['qinglan', 'not: [yaml', 'rules_invalid'],
      ['..%2F..%2Fqinglan', yaml, 'invalid_field'],
      ['QingLan', yaml, 'invalid_field'],
    ] as const) {
      const r = await publish(id, { yaml: body });
      expect(json(r).error.code).toBe(code);
    }
    const r = await publish('qinglan', { yaml: typo });
    expect(json(r).error.detail).toMatch(/^nothing was written: 1 problem\nqinglan\.yml:\d+: designations/);
    expect(files()).not.toContain('qinglan.yml');
    expect(fs.existsSync(path.join(dir, '..', 'qinglan.yml'))).toBe(false);
    expect(builds).toEqual([]);
  });

  it('publishes a new locality: the file written, the rule books reloaded at once, the audit log written', async () => {
    const { yaml } = json(await draft({ text: QINGLAN }));
    const before = t.service.core;
    const r = await publish('qinglan', { yaml });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual({ id: 'qinglan', file: 'qinglan.yml', replaced: false, localities: expect.any(Number), ms: expect.any(Number) });
    expect(fs.readFileSync(path.join(dir, 'qinglan.yml'), 'utf8')).toBe(yaml);
    expect(files().filter((f) => f.includes('tmp'))).toEqual([]);
    expect(builds).toEqual([expect.arrayContaining(['qinglan.yml', 'xinzhou.yml', 'vocabulary.yml'])]);
    expect(t.service.core).not.toBe(before);
    const audit = json(await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers })).entries;
    expect(audit[0]).toMatchObject({ actor: 'zhang', action: 'rules_publish', target: 'qinglan', detail: { file: 'qinglan.yml', replaced: false } });
  });

  it('replaces a book only when asked, keeping the previous version in .backup/', async () => {
    const old = fs.readFileSync(path.join(dir, 'rural.yml'), 'utf8');
    const edited = old.replace(/^name: (.+)$/m, 'name: $1\n# edited in the console');
    const exists = await publish('rural', { yaml: edited });
    expect([exists.statusCode, json(exists).error.code]).toEqual([409, 'rules_exists']);
    expect(json(exists).error.detail).toMatch(/^rural\.yml exists \(.+\): publish with replace/);
    const r = await publish('rural', { yaml: edited, replace: true });
    expect(r.statusCode).toBe(200);
    const { backup } = json(r);
    expect(json(r)).toMatchObject({ file: 'rural.yml', replaced: true, backup: expect.stringMatching(/^\.backup\/rural\.\d{8}T\d{9}Z\.yml$/) });
    expect(fs.readFileSync(path.join(dir, backup), 'utf8')).toBe(old);
    expect(fs.readFileSync(path.join(dir, 'rural.yml'), 'utf8')).toBe(edited);
    // the backup directory is not read as a rule book
    expect(readRuleFiles(dir).map((f) => path.basename(f.file))).not.toContain(path.basename(backup));
    const audit = json(await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers })).entries;
    expect(audit[0]).toMatchObject({ action: 'rules_publish', target: 'rural', detail: { replaced: true, backup } });
  });

  it('withdraws the file when the reload fails, putting back the version it replaced', async () => {
    const old = fs.readFileSync(path.join(dir, 'rural.yml'), 'utf8');
    const r = await publish('rural', { yaml: `${old}\n# CANNOT BUILD\n`, replace: true });
    expect([r.statusCode, json(r).error.code]).toEqual([422, 'rules_invalid']);
    expect(json(r).error.detail).toContain('the NLU could not be trained');
    expect(fs.readFileSync(path.join(dir, 'rural.yml'), 'utf8')).toBe(old);
    const { yaml } = json(await draft({ text: QINGLAN }));
    const added = await publish('qinglan', { yaml: `${yaml}\n# CANNOT BUILD\n` });
    expect(json(added).error.code).toBe('rules_invalid');
    expect(files()).not.toContain('qinglan.yml');
    const audit = json(await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers })).entries;
    expect(audit[0]).toMatchObject({ action: 'rules_publish', target: 'qinglan', detail: { ok: false } });
  });
});

describe('a service that cannot publish', () => {
  it('says so when it has no rules directory, or cannot reload its rule books', async () => {
    await boot({ rulesDir: null });
    const r = await draft({ text: QINGLAN });
    expect([r.statusCode, json(r).error.code]).toEqual([503, 'rules_unavailable']);
    await t.close();
    await boot({ reloadable: false });
    const { yaml } = json(await draft({ text: QINGLAN }));
    const p = await publish('qinglan', { yaml });
    expect([p.statusCode, json(p).error.code]).toEqual([503, 'rules_unavailable']);
    expect(files()).not.toContain('qinglan.yml');
  });
});
