// A new locality live without a restart: the whole service (real core, SQLite, a rules directory of its
// own) drafts a notice it has never seen, publishes it, and the next question about that place is
// answered from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { fixture } from '../rules/draft/support';
import { cleanRuleDirs, ruleDir } from '../support/rule-books';

jest.setTimeout(60_000);
const TOKEN = 'rulebooks-live-token-0123';
const QUESTION = '我在青岚市封控区，要做血液透析，去哪家医院？';

let r: Running;
let data: string;
let rules: string;
beforeAll(async () => {
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-publish-'));
  rules = ruleDir();
  r = await start({
    env: { JIUYI_DATA_DIR: data, JIUYI_RULES_DIR: rules, JIUYI_RULES_WATCH: '0', PORT: '0', HOST: '127.0.0.1', JIUYI_ADMIN_TOKEN: TOKEN, JIUYI_CORE_THREADS: '0' },
    logger: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
});
afterAll(async () => {
  await r?.stop();
  cleanRuleDirs();
  fs.rmSync(data, { recursive: true, force: true });
});

let user = 0;
async function ask(text: string): Promise<string> {
  const res = await r.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user: `u${++user}`, text } });
  return (JSON.parse(res.body) as { text: string }).text;
}

it('drafts a notice, publishes it, and answers from it at once', async () => {
  const headers = { authorization: `Bearer ${TOKEN}` };
  expect(await ask(QUESTION)).not.toContain('青岚市第一人民医院');
  const drafted = await r.app.inject({ method: 'POST', url: '/api/v1/admin/drafts', headers, payload: { text: fixture('qinglan-sentences.txt') } });
  const d = JSON.parse(drafted.body);
  expect(d.check.valid).toBe(true);
  const published = await r.app.inject({ method: 'PUT', url: `/api/v1/admin/rules/${d.id}`, headers, payload: { yaml: d.yaml } });
  expect(JSON.parse(published.body)).toMatchObject({ id: 'qinglan', file: 'qinglan.yml', replaced: false, localities: 6 });
  const answer = await ask(QUESTION);
  expect(answer).toContain('青岚市第一人民医院');
  expect(answer).toContain('青卫发〔2022〕37号');
  expect(answer).not.toContain('0797-8666666');
  expect(fs.existsSync(path.join(rules, 'qinglan.yml'))).toBe(true);
});
