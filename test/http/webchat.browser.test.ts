// The web chat page in a real browser: Debian's Chromium driven by playwright-core against the whole
// service (real core, SQLite in a temporary directory) on 127.0.0.1. Run with `npm run test:browser`
// (needs /usr/bin/chromium: `apt-get install -y chromium`). Leaves a screenshot in artifacts/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type Browser, type Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createLogger } from '../../src/log';
import { start, type Running } from '../../src/main';

const SCREENSHOT = path.join(__dirname, '..', '..', 'artifacts', 'screenshots', 'webchat-urgent.png');
const TOKEN = 'browser-test-token-0123';
jest.setTimeout(60_000);

let running: Running;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-web-'));
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  running = await start({
    env: { JIUYI_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JIUYI_ADMIN_TOKEN: TOKEN },
    logger: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function send(page: Page, text: string): Promise<void> {
  await page.waitForSelector('.msg.system'); // greeted: the page is ready
  const before = await page.locator('.msg.bot, .msg.system').count();
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.msg.bot, .msg.system').length > n, before);
}

const lastBot = (page: Page) => page.locator('.msg.bot').last();

describe('the web chat page', () => {
  it('answers a question, with the notice cited', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 860 }, locale: 'zh-CN' });
    await page.goto(running.url);
    await expect(page.title()).resolves.toContain('就医');
    await send(page, '我在忻州封控区，需要定期做血液透析，应该去哪家医院？');
    const answer = await lastBot(page).innerText();
    expect(answer).toContain('忻州市人民医院');
    expect(answer).toContain('2022年第2号');
    await expect(page.locator('#urgent-banner').isVisible()).resolves.toBe(false);

    // the user id is kept in localStorage: the conversation (its locality) survives a reload
    const user = await page.evaluate(() => localStorage.getItem('jiuyi.user'));
    expect(user).toMatch(/^web-/);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('jiuyi.user'))).toBe(user);
    await send(page, '孕妇产检去哪家医院？');
    expect(await lastBot(page).innerText()).toContain('忻州');
    await page.close();
  });

  it('offers quick replies for the bot question and answers the one pressed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' }); // a new resident: no locality yet
    const page = await context.newPage();
    await page.goto(running.url);
    await send(page, '需要做血液透析，去哪家医院？');
    const buttons = page.locator('.quick-replies button');
    expect(await buttons.count()).toBeGreaterThan(1);
    const xinzhou = buttons.filter({ hasText: '忻州' }).first();
    await expect(xinzhou.isVisible()).resolves.toBe(true);
    const before = await page.locator('.msg.bot').count();
    await xinzhou.click();
    await page.waitForFunction((n) => document.querySelectorAll('.msg.bot').length > n, before);
    expect(await lastBot(page).innerText()).toContain('忻州市人民医院');
    await context.close();
  });

  it('shows an urgent reply prominently, and escapes what it shows', async () => {
    const context = await browser.newContext({ viewport: { width: 480, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(running.url);
    await send(page, '我在忻州<img src=x onerror="document.title=1">');
    expect(await page.locator('#messages img').count()).toBe(0);
    expect(await page.locator('.msg.user').first().innerText()).toContain('<img src=x');
    await send(page, '家里老人突然胸口疼，喘不上气');
    const banner = page.locator('#urgent-banner');
    await expect(banner.isVisible()).resolves.toBe(true);
    expect(await banner.innerText()).toContain('120');
    const colour = await banner.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(207, 34, 46)');
    expect(await lastBot(page).getAttribute('class')).toContain('urgent');
    expect(await lastBot(page).innerText()).toContain('120');
    await expect(page.locator('#handoff-note').isVisible()).resolves.toBe(true);
    expect(await page.title()).not.toBe('1');

    // staff take the ticket and answer through the bot: the page shows it (it polls while handed off)
    const staff = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const { tickets } = (await (await fetch(`${running.url}/api/v1/tickets`, { headers: staff })).json()) as { tickets: { id: string; channel: string }[] };
    const ticket = tickets.find((x) => x.channel === 'web');
    expect(ticket).toBeDefined();
    const res = await fetch(`${running.url}/api/v1/tickets/${ticket!.id}/reply`, { method: 'POST', headers: staff, body: JSON.stringify({ staff: '值班李医生', text: '已联系120，请保持电话畅通。' }) });
    expect(res.status).toBe(200);
    await page.waitForSelector('.msg.staff', { timeout: 15_000 });
    expect(await page.locator('.msg.staff').last().innerText()).toContain('已联系120，请保持电话畅通。');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    await context.close();
  });
});
