// The HTTP API over the real core (rules/, intents/, locales/ of this checkout): answers cite the notice,
// staff flip a facility's live status and the next answer changes, canned answers come from the rule books.
import { realCore } from '../support/core';
import { auth, buildTestApp, type TestApp } from '../support/service-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ core: await realCore() });
});
afterAll(() => t.close());

const ask = async (user: string, text: string) =>
  JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { user, text } })).body) as { text: string; urgent: boolean; locality?: string };

describe('the API over the real core', () => {
  it('answers from the locality’s notice and changes the answer when staff mark a facility full', async () => {
    const before = await ask('r1', '晋江的密接人员要透析去哪里');
    expect(before.locality).toBe('jinjiang');
    expect(before.text).toContain('磁灶中心卫生院');
    expect(before.text).not.toContain('已满');

    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/status/facilities/jj_cizao', headers: auth, payload: { state: 'full' } });
    expect(put.statusCode).toBe(200);
    const after = await ask('r2', '晋江的密接人员要透析去哪里');
    expect(after.text).toContain('东石中心卫生院');
    expect(after.text).toContain('已满');

    await t.app.inject({ method: 'PUT', url: '/api/v1/status/facilities/jj_cizao', headers: auth, payload: { state: 'open' } });
    expect((await ask('r3', '晋江的密接人员要透析去哪里')).text).not.toContain('已满');
  });

  it('serves canned answers for hotline staff', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/kb?q=${encodeURIComponent('忻州 透析')}` });
    const { answers } = JSON.parse(r.body) as { answers: { locality: string; text: string }[] };
    expect(answers[0]).toMatchObject({ locality: 'xinzhou' });
    expect(answers[0]!.text).toContain('忻州市人民医院');
  });

  it('flags an urgent message and opens a ticket with its locality', async () => {
    const r = await ask('r4', '我在忻州，家里老人突然胸口疼，喘不上气');
    expect(r.urgent).toBe(true);
    expect(r.text).toContain('120');
    const { tickets } = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: auth })).body) as { tickets: { user: string; locality?: string; urgent: boolean }[] };
    expect(tickets).toEqual([expect.objectContaining({ user: 'r4', locality: 'xinzhou', urgent: true })]);
  });
});
