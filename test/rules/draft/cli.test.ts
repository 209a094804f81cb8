// `rules draft` and `rules draft-eval` as an administrator runs them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/rules';
import { loadRuleSet } from '../../../src/rules/load';
import { FIXTURES, ROOT, SEEDS } from './support';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, (s) => void (out += s), (s) => void (err += s));
  return { code, out, err };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuyi-draft-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('rules draft', () => {
  it('writes the draft and its evidence file, which rules validate accepts beside the other books', async () => {
    const file = path.join(tmp, 'songlin.yml');
    const r = await cli('draft', path.join(FIXTURES, 'songlin-items.txt'), '-o', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^drafted songlin \(松林县\) from songlin-items\.txt: 5 facilities, 4 designations/);
    const evidence = JSON.parse(fs.readFileSync(`${file}.evidence.json`, 'utf8'));
    expect(evidence).toMatchObject({ id: 'songlin', problems: [] });
    expect(evidence.evidence[0]).toEqual(expect.objectContaining({ path: expect.any(String), quote: expect.any(String), start: expect.any(Number), end: expect.any(Number) }));
    const dir = path.join(tmp, 'rules');
    fs.mkdirSync(dir);
    for (const f of fs.readdirSync(path.join(ROOT, 'rules'))) fs.copyFileSync(path.join(ROOT, 'rules', f), path.join(dir, f));
    fs.copyFileSync(file, path.join(dir, 'songlin.yml'));
    expect(loadRuleSet(dir).byId.get('songlin')?.designations).toHaveLength(4);
  });

  it('prints the YAML when no file is given, and lists what it left out', async () => {
    const r = await cli('draft', path.join(FIXTURES, 'qinglan-sentences.txt'), '--id', 'qinglan');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# DRAFT rule book/);
    expect(r.out).toMatch(/\nid: qinglan\n/);
    expect(r.err).toMatch(/left out 0797-8666666 \(line 24\): advertising line/);
  });

  it('says clearly when the text has nothing to draft, and writes nothing', async () => {
    const file = path.join(tmp, 'nothing.yml');
    const r = await cli('draft', path.join(FIXTURES, 'nothing.txt'), '-o', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing to draft/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a bad id and a missing file', async () => {
    expect((await cli('draft', path.join(FIXTURES, 'nothing.txt'), '--id', 'Bad-Id')).code).toBe(2);
    const r = await cli('draft', path.join(tmp, 'missing.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read/);
    expect((await cli('draft')).code).toBe(2);
  });
});

(SEEDS ? describe : describe.skip)('rules draft-eval', () => {
  it('prints a table of the five notices and a JSON last line that meets the bar', async () => {
    const r = await cli('draft-eval', '--seeds', SEEDS as string);
    const lines = r.out.trim().split('\n');
    expect(lines[1]).toMatch(/^notice\s+book\s+valid\s+facilities\s+phones\s+designations\s+backups\s+contacts\s+steps\s+distractors$/);
    for (const id of ['xinzhou', 'jinjiang', 'quanxiu', 'yantai', 'rural']) expect(r.out).toMatch(new RegExp(`\\s${id}\\s+yes\\s`));
    const json = JSON.parse(lines[lines.length - 1] as string);
    expect(json.notices).toHaveLength(5);
    expect(json.distractors).toBe(0);
    expect(json.pass).toBe(true);
    expect(r.code).toBe(0);
  });
});
