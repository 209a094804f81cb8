// The console's 起草规则 page in a real browser (Debian's Chromium through playwright-core) against the
// whole service (real core on a worker thread, SQLite and a rules directory in temporary directories, the
// directory without 忻州's book): an administrator uploads 忻州's seed notice, reads the draft beside it,
// edits, checks and publishes it, and the web chat answers from it at once. Bad input is refused with a
// message; staff do not get the page. Screenshots go to artifacts/screenshots/ (gitignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type Browser, type Page } from 'playwright-core';
import { launchBrowser, signInStaff } from '../support/browser';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { StaffAccounts } from '../../src/staff/accounts';
import { fixture, SEEDS } from '../rules/draft/support';
import { cleanRuleDirs, ruleDir } from '../support/rule-books';

const SHOTS = path.join(__dirname, '..', '..', 'artifacts', 'screenshots');
const PASSWORD = 'browser-test-password';
const QUESTION = '我在忻州封控区，要做透析，去哪家医院？';
jest.setTimeout(180_000);

let running: Running;
let browser: Browser;
let dir: string;
let rules: string;

beforeAll(async () => {
  if (!SEEDS) throw new Error('the seed notices (../shared/seeds) are missing');
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-drafter-'));
  rules = ruleDir({ file: 'xinzhou.yml', remove: true });
  running = await start({
    env: { JIUYI_DATA_DIR: dir, JIUYI_RULES_DIR: rules, JIUYI_RULES_WATCH: '0', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JIUYI_CORE_THREADS: '1' },
    logger: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  await running.threads()?.whenReady();
  const accounts = new StaffAccounts(running.store);
  await accounts.add({ username: 'zhang', displayName: '张主任', role: 'admin', password: PASSWORD });
  await accounts.add({ username: 'wang', displayName: '王医生', role: 'staff', password: PASSWORD });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  cleanRuleDirs();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function signIn(username: string): Promise<Page> {
  return (await signInStaff(browser, running.url, username, PASSWORD, 1440)).page;
}

/** The web chat's answer to one question, in a fresh conversation. */
async function ask(text: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(running.url);
  await page.waitForSelector('.msg.system');
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  await page.waitForSelector('.msg.bot');
  const answer = await page.locator('.msg.bot').last().innerText();
  await context.close();
  return answer;
}

/** Puts the editor's caret on the first line containing `text`, as a click there would. */
async function caretOn(page: Page, text: string): Promise<number> {
  const line = await page.evaluate((needle) => {
    const ta = document.querySelector<HTMLTextAreaElement>('#yaml-text')!;
    const at = ta.value.indexOf(needle);
    ta.focus();
    ta.setSelectionRange(at + 2, at + 2);
    return ta.value.slice(0, at).split('\n').length;
  }, text);
  await page.keyboard.press('ArrowRight');
  return line;
}

describe('the 起草规则 page', () => {
  it('is not offered to staff', async () => {
    const page = await signIn('wang');
    expect(await page.locator('nav [data-tab=drafter]').isHidden()).toBe(true);
    await page.context().close();
  });

  it('refuses bad input with a message: nothing pasted, a binary file, a text with nothing to draft', async () => {
    const page = await signIn('zhang');
    await page.click('nav [data-tab=drafter]');
    await page.click('#draft-run');
    expect(await page.locator('#draft-error').innerText()).toContain('请先粘贴通告全文');

    const binary = path.join(dir, 'scan.txt');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await page.setInputFiles('#notice-file', binary);
    await page.waitForSelector('#draft-error:has-text("这不是文本")');

    await page.fill('#notice-input', fixture('nothing.txt'));
    await page.click('#draft-run');
    await page.waitForSelector('#draft-error:has-text("没有可起草的内容")');
    expect(await page.locator('#draft-error pre').innerText()).toContain('nothing to draft');
    expect(await page.locator('.draft-work').isHidden()).toBe(true);
    await page.context().close();
  });

  it('drafts a seed notice, shows each value\'s evidence, is edited, checked and published, and the web chat answers from it', async () => {
    const before = await ask(QUESTION);
    expect(before).not.toContain('忻州市人民医院');

    const page = await signIn('zhang');
    await page.click('nav [data-tab=drafter]');
    await page.setInputFiles('#notice-file', path.join(SEEDS!, '000_9126d47397fa297f.txt'));
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#notice-input')?.value.length ?? 0) > 1000);
    await page.click('#draft-run');
    await page.waitForSelector('.draft-work:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#draft-summary').innerText()).toMatch(/^忻州市（xinzhou）：7 个机构、14 条定点安排/);
    expect(await page.inputValue('#publish-id')).toBe('xinzhou');
    await page.waitForSelector('#check-status.good');
    expect(await page.locator('.replace').isHidden()).toBe(true);

    // a value → its sentence in the notice, the value itself marked within it
    await caretOn(page, 'name: 忻州市人民医院');
    await page.waitForSelector('#notice-text .ev-value');
    expect(await page.locator('#notice-text .ev-value').first().innerText()).toBe('忻州市人民医院');
    expect(await page.locator('#notice-text .ev-sentence').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('忻州市人民医院')]));
    expect(await page.locator('#evidence-card').innerText()).toContain('忻州市人民医院');
    // a sentence of the notice → the value read from it
    await page.locator('#notice-text .ev-value').first().click();
    expect(await page.locator('.row.selected').count()).toBeGreaterThan(0);
    // what is to review stands out, and the numbers left out are struck through in the text and listed
    expect(await page.locator('.editor .row.review').count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('#draft-review li').count()).toBe(6);
    expect(await page.locator('#notice-text .left-out').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#draft-left-out li').count()).toBe(6);
    expect(await page.locator('#draft-left-out').innerText()).toContain('QQ number');

    // an edit with a mistake: the problem beside the editor, with its line; publishing waits
    const yaml = await page.inputValue('#yaml-text');
    await page.fill('#yaml-text', yaml.replace('category: dialysis', 'category: dialysiss'));
    await page.click('#draft-check');
    await page.waitForSelector('#check-status.bad');
    const problem = page.locator('#draft-problems li').first();
    expect(await problem.innerText()).toMatch(/^L\d+ designations\[\d+\]\.category unknown category "dialysiss" \(did you mean "dialysis"\?\)/);
    const line = Number((await problem.innerText()).match(/^L(\d+)/)![1]);
    expect(await page.locator(`.editor .row.problem[data-line="${line}"]`).count()).toBe(1);
    // the editor went to the problem: its value is the one selected
    expect(await page.locator(`.editor .row.selected[data-line="${line}"]`).count()).toBe(1);
    expect(await page.locator('#draft-publish').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'console-drafter-problem.png') });

    // corrected, one review settled (its mark deleted), checked again
    const fixed = yaml.replace(/\n *# REVIEW: the larger areas[^\n]*/, '');
    expect(fixed).not.toBe(yaml);
    await page.fill('#yaml-text', fixed);
    await page.click('#draft-check');
    await page.waitForSelector('#check-status.good');
    expect(await page.locator('#check-status').innerText()).toBe('校验通过，可以发布。');
    expect(await page.locator('#draft-review li').count()).toBe(5);
    expect(await page.locator('#draft-review').innerText()).not.toContain('the larger areas');
    await caretOn(page, 'name: 忻州市人民医院');
    await page.waitForSelector('#notice-text .ev-value');
    await page.screenshot({ path: path.join(SHOTS, 'console-drafter.png') });

    await page.click('#draft-publish');
    await page.waitForSelector('#check-status.published', { timeout: 60_000 });
    expect(await page.locator('#check-status').innerText()).toMatch(/^已发布 xinzhou\.yml：服务已重新加载（5 个地区），无需重启。/);
    expect(fs.readFileSync(path.join(rules, 'xinzhou.yml'), 'utf8')).toBe(fixed);

    // the web chat answers from the new book at once
    const after = await ask(QUESTION);
    expect(after).toContain('忻州市人民医院');
    expect(after).toContain('依据：《关于对封(管)控区域内人员医疗服务保障的通告》');

    // publishing again replaces it, only when asked, keeping a backup; the audit log shows both
    await page.waitForSelector('.replace:not([hidden])');
    expect(await page.locator('#draft-publish').isDisabled()).toBe(true);
    await page.check('#replace-ok');
    await page.click('#draft-publish');
    await page.waitForSelector('#check-status:has-text("原文件备份为 .backup/xinzhou.")');
    expect(fs.readdirSync(path.join(rules, '.backup'))).toEqual([expect.stringMatching(/^xinzhou\.\d{8}T\d{9}Z\.yml$/)]);
    await page.click('nav [data-tab=audit]');
    await page.waitForSelector('#tab-audit td:has-text("发布规则")');
    expect(await page.locator('#tab-audit tr', { hasText: '发布规则' }).count()).toBe(2);
    await page.context().close();
  });
});
