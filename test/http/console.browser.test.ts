// The staff console and the web chat together in a real browser (Debian's Chromium through playwright-core)
// against the whole service (real core, SQLite in a temporary directory): a resident and two staff members
// in separate browser contexts. Screenshots go to artifacts/screenshots/ (gitignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchBrowser, signInStaff } from '../support/browser';
import { run as reviewCli } from '../../src/cli/review';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';
import { StaffAccounts } from '../../src/staff/accounts';

const SHOTS = path.join(__dirname, '..', '..', 'artifacts', 'screenshots');
const PASSWORD = 'browser-test-password';
jest.setTimeout(120_000);

let running: Running;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-console-'));
  running = await start({
    env: { JIUYI_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JIUYI_CORE_THREADS: '0' },
    logger: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  const accounts = new StaffAccounts(running.store);
  await accounts.add({ username: 'wang', displayName: '王医生', role: 'staff', password: PASSWORD });
  await accounts.add({ username: 'li', displayName: '李护士', role: 'staff', password: PASSWORD });
  browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function staffPage(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const signedIn = await signInStaff(browser, running.url, username, PASSWORD);
  await signedIn.page.waitForSelector('#live:text("实时")');
  return signedIn;
}

/** The web chat, once it has greeted (its strings loaded). */
async function openChat(page: Page): Promise<void> {
  await page.goto(running.url);
  await page.waitForSelector('.msg.system');
}

async function say(page: Page, text: string): Promise<string> {
  const before = await page.locator('.msg.bot, .msg.system').count();
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.msg.bot, .msg.system').length > n, before);
  return page.locator('.msg.bot, .msg.system').last().innerText();
}

describe('the staff console and the web chat', () => {
  it('takes an urgent message from the resident to a staff reply with a canned answer, and the close', async () => {
    const wang = await staffPage('wang');
    await wang.page.screenshot({ path: path.join(SHOTS, 'console-empty.png') });

    // the resident, on a phone
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const resident = await phone.newPage();
    await openChat(resident);
    await say(resident, '我在忻州，家里老人突然胸口疼，喘不上气');
    await resident.waitForSelector('#urgent-banner.show');
    // every phone number in the answer is a tel: link
    expect(await resident.locator('.msg.bot a.tel[href="tel:120"]').count()).toBeGreaterThan(0);

    // the ticket appears live at the top of the inbox, with the locality and the reason in words
    const top = wang.page.locator('#tickets .ticket').first();
    await top.waitFor();
    expect(await top.innerText()).toContain('忻州市');
    expect(await top.innerText()).toContain('胸痛、胸闷');
    expect(await top.getAttribute('class')).toContain('urgent');
    await wang.page.waitForFunction(() => document.title.includes('紧急') || document.querySelector('#announce')?.textContent?.includes('紧急'));

    await top.click();
    await wang.page.click('#claim');
    await wang.page.waitForSelector('#send-reply:not([disabled])');
    await wang.page.waitForSelector('#tickets .ticket:first-child:has-text("王医生")');

    // a second staff member cannot reply to the claimed ticket
    const li = await staffPage('li');
    await li.page.locator('#tickets .ticket').first().click();
    await li.page.waitForSelector('#detail .notice');
    expect(await li.page.locator('#detail .notice').innerText()).toContain('王医生');
    expect(await li.page.locator('#send-reply').isDisabled()).toBe(true);
    const forced = await li.page.evaluate(async (id) => {
      const me = await (await fetch('/api/v1/staff/me')).json();
      const r = await fetch(`/api/v1/tickets/${id}/reply`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf }, body: JSON.stringify({ text: '我也来回' }) });
      return { status: r.status, code: (await r.json()).error?.code };
    }, await wang.page.locator('#tickets .ticket').first().getAttribute('data-id'));
    expect(forced).toEqual({ status: 409, code: 'ticket_held' });

    // reply with an inserted canned answer (with its citation); its phone numbers can be copied
    await wang.page.fill('#kb-query', '忻州 心脑血管');
    await wang.page.waitForSelector('#kb-results li');
    expect(await wang.page.locator('#kb-results li').first().innerText()).toContain('依据');
    await wang.page.fill('#reply-text', '您好，我是值班王医生，已联系120。');
    await wang.page.locator('#kb-results li .insert').first().click();
    const draft = await wang.page.inputValue('#reply-text');
    expect(draft).toContain('已联系120');
    expect(draft).toContain('依据：《');
    await wang.page.screenshot({ path: path.join(SHOTS, 'console-ticket.png') });
    await wang.page.click('#send-reply');

    // the resident sees it, under the staff member's name
    await resident.waitForSelector('.msg.staff', { timeout: 20_000 });
    const staffMsg = resident.locator('.msg.staff').last();
    expect(await staffMsg.innerText()).toContain('王医生');
    expect(await staffMsg.innerText()).toContain('依据：《');

    // close with a closing message: the resident sees it and the bot answers again
    await wang.page.fill('#close-message', '本次人工服务结束，祝老人早日康复。');
    await wang.page.click('#close-ticket');
    await resident.waitForFunction(() => Array.from(document.querySelectorAll('.msg.staff')).some((m) => m.textContent?.includes('早日康复')), undefined, { timeout: 20_000 });
    await resident.waitForSelector('.msg.system:text("人工服务已结束")');
    expect(await resident.locator('#handoff-note').isVisible()).toBe(false);
    await resident.screenshot({ path: path.join(SHOTS, 'webchat-phone.png'), fullPage: true });

    // history is kept for the session: a reload shows it; start over clears it and starts a new conversation
    const user = await resident.evaluate(() => localStorage.getItem('jiuyi.user'));
    await resident.reload();
    await resident.waitForSelector('.msg.staff');
    await resident.click('#start-over');
    await resident.click('#start-over');
    await resident.waitForFunction(() => !document.querySelector('.msg.staff'));
    expect(await resident.locator('.msg').count()).toBe(1);
    await say(resident, '晋江隔离人员要化疗去哪家医院？');
    expect(await resident.evaluate(() => localStorage.getItem('jiuyi.user'))).not.toBe(user);

    // the audit log shows who did what
    await wang.page.click('nav [data-tab=audit]');
    await wang.page.waitForSelector('#tab-audit td');
    const audit = await wang.page.locator('#tab-audit').innerText();
    for (const word of ['接单', '回复', '结束工单']) expect(audit).toContain(word);
    await Promise.all([wang.context.close(), li.context.close(), phone.close()]);
  });

  it("changes the bot's next answer with a status change in the console", async () => {
    const chat = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const resident = await chat.newPage();
    await openChat(resident);
    const before = await say(resident, '晋江隔离人员要化疗去哪家医院？');
    expect(before).toContain('晋江市医院');

    const wang = await staffPage('wang');
    await wang.page.click('nav [data-tab=status]');
    const row = wang.page.locator('tr[data-facility=jj_hospital]');
    await row.locator('button[data-state=full]').click();
    await wang.page.waitForSelector('tr[data-facility=jj_hospital] button[data-state=full][aria-pressed=true]');
    expect(await row.locator('.changed').innerText()).toContain('王医生');
    await wang.page.screenshot({ path: path.join(SHOTS, 'console-status.png') });

    const after = await say(resident, '晋江隔离人员要化疗去哪家医院？');
    expect(after).not.toBe(before);
    expect(after).toMatch(/满|后备|备用/);
    await row.locator('button[data-state=open]').click();
    await wang.page.waitForSelector('tr[data-facility=jj_hospital] button[data-state=open][aria-pressed=true]');
    await Promise.all([wang.context.close(), chat.close()]);
  });

  it('puts a fallback message in the review queue, marks it for training, and exports it', async () => {
    const chat = await browser.newContext({ locale: 'zh-CN' });
    const resident = await chat.newPage();
    await openChat(resident);
    await say(resident, '我在忻州');
    await say(resident, '嗯嗯嗯嗯');

    const wang = await staffPage('wang');
    await wang.page.click('nav [data-tab=review]');
    const item = wang.page.locator('#tab-review .item', { hasText: '嗯嗯嗯嗯' }).first();
    await item.waitFor();
    expect(await wang.page.locator('#tab-review').innerText()).toContain('未能理解');
    await item.locator('input[list=intents]').fill('greeting');
    await wang.page.screenshot({ path: path.join(SHOTS, 'console-review.png') });
    await item.locator('button.train').click();
    await wang.page.waitForFunction(() => !Array.from(document.querySelectorAll('#tab-review .item')).some((i) => i.textContent?.includes('嗯嗯嗯嗯')));

    let out = '';
    expect(await reviewCli(['export'], { store: running.store, out: (s) => void (out += s), err: () => undefined })).toBe(0);
    expect(out).toContain('intent: greeting');
    expect(out).toContain('- 嗯嗯嗯嗯');

    await wang.page.click('nav [data-tab=metrics]');
    await wang.page.waitForSelector('#tab-metrics svg');
    expect(Number(await wang.page.locator('#stat-messages b').innerText())).toBeGreaterThan(3);
    await wang.page.screenshot({ path: path.join(SHOTS, 'console-metrics.png') });
    await Promise.all([wang.context.close(), chat.close()]);
  });
});
