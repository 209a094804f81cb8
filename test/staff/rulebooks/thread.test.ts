// The rule-book desk's worker thread: the real worker drafts and checks; a fake one (test/support/
// fake-rulebook-worker.js) drives what happens when a task hangs, the thread dies or is closed.
import path from 'node:path';
import { readRuleFiles } from '../../../src/rules/load';
import { candidate } from '../../../src/staff/rulebooks/files';
import { DraftError, RuleBookThread } from '../../../src/staff/rulebooks/thread';
import { cleanRuleDirs, ruleDir } from '../../support/rule-books';
import { fixture } from '../../rules/draft/support';

const FAKE = path.join(__dirname, '..', '..', 'support', 'fake-rulebook-worker.js');
const files = [{ file: 'rules/vocabulary.yml', text: '' }];

afterAll(() => cleanRuleDirs());

describe('RuleBookThread', () => {
  let thread: RuleBookThread | null = null;
  afterEach(async () => {
    await thread?.close();
    thread = null;
  });

  it('drafts a notice on its thread, with evidence into the text as given, and checks a book as the rules directory would', async () => {
    thread = new RuleBookThread();
    const dir = ruleDir();
    const text = fixture('qinglan-sentences.txt');
    expect(thread.running).toBe(false);
    const d = await thread.draft({ text, files: readRuleFiles(dir) });
    expect(thread.running).toBe(true);
    expect(d).toMatchObject({ id: 'qinglan', name: '青岚市', empty: false });
    expect(d.counts.facilities).toBeGreaterThanOrEqual(4);
    for (const e of d.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    expect(d.leftOut.map((l) => l.number)).toEqual(expect.arrayContaining(['0797-8666666', '88123456']));

    const good = await thread.check({ id: 'qinglan', yaml: d.yaml, candidate: candidate(dir, 'qinglan', d.yaml, Date.now()) });
    expect(good).toMatchObject({ id: 'qinglan', valid: true, problems: [] });
    expect(good.paths.find((p) => p.path === 'facilities[0].name')?.line).toBeGreaterThan(1);
    const typo = d.yaml.replace('category: dialysis', 'category: dialysiss');
    const bad = await thread.check({ id: 'qinglan', yaml: typo, candidate: candidate(dir, 'qinglan', typo, Date.now()) });
    expect(bad.valid).toBe(false);
    expect(bad.problems[0]).toMatchObject({ file: 'qinglan.yml', path: expect.stringMatching(/^designations\[\d+\]\.category$/), own: true });
    expect(bad.problems[0]?.text).toMatch(/^qinglan\.yml:\d+: designations\[\d+\]\.category: unknown category "dialysiss" \(did you mean "dialysis"\?\)$/);
    expect(typo.split('\n')[bad.problems[0]!.line! - 1]).toContain('dialysiss');
  });

  it('says when the rule books it drafts beside are invalid', async () => {
    thread = new RuleBookThread();
    await expect(thread.draft({ text: fixture('qinglan-sentences.txt'), files })).rejects.toMatchObject({ code: 'rules_invalid' });
  });

  it('stops a task that runs too long, and starts a fresh thread for the next', async () => {
    // the task hangs for ever: the limit is reached whatever the machine's speed
    thread = new RuleBookThread({ worker: FAKE, timeoutMs: 1000 });
    await expect(thread.draft({ text: 'hang', files })).rejects.toEqual(new DraftError('draft_timeout', 'it took more than 1 s and was stopped'));
    expect(thread.running).toBe(false);
    expect((await thread.draft({ text: 'b', files })).yaml).toBe('b');
    expect(thread.running).toBe(true);
  });

  it('fails the task of a thread that dies or refuses, and answers the next', async () => {
    thread = new RuleBookThread({ worker: FAKE });
    await expect(thread.draft({ text: 'die', files })).rejects.toMatchObject({ code: 'draft_failed', message: expect.stringContaining('exit code 3') });
    await expect(thread.draft({ text: 'throw', files })).rejects.toMatchObject({ code: 'draft_failed', message: 'asked to throw' });
    expect((await thread.draft({ text: 'c', files })).yaml).toBe('c');
  });

  it('runs one task at a time, in order, and none once closed', async () => {
    thread = new RuleBookThread({ worker: FAKE });
    const all = await Promise.all(['1', '2', '3'].map((text) => thread!.draft({ text, files })));
    expect(all.map((o) => o.yaml)).toEqual(['1', '2', '3']);
    await thread.close();
    expect(thread.running).toBe(false);
    await expect(thread.draft({ text: 'd', files })).rejects.toMatchObject({ code: 'draft_failed', message: 'the drafter is closed' });
  });
});
