import { run } from '../../src/cli/rules';
import { cleanRuleDirs, ruleDir, RULES_DIR } from '../support/rule-books';

afterAll(cleanRuleDirs);

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, (s) => void (out += s), (s) => void (err += s));
  return { code, out, err };
}

describe('rules validate', () => {
  it('exits 0 and lists the five books with their counts', async () => {
    const r = await cli('validate', RULES_DIR);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const id of ['xinzhou', 'jinjiang', 'quanxiu', 'yantai', 'rural']) expect(r.out).toMatch(new RegExp(`^  ${id} .*\\d+ facilities, \\d+ designations, \\d+ guidance, \\d+ contacts`, 'm'));
    expect(r.out).toMatch(/xinzhou\s+忻州市: 7 facilities, 14 designations/);
  });

  it('exits 1 naming the file and the unknown key', async () => {
    const dir = ruleDir({ file: 'xinzhou.yml', data: (d) => void (d.facilities[1].adress = '太原路') });
    const r = await cli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/xinzhou\.yml:\d+: facilities\[1\]\.adress: unknown key "adress" \(did you mean "address"\?\)/);
  });

  it('exits 1 naming the file and the line of a YAML syntax error', async () => {
    const dir = ruleDir({ file: 'jinjiang.yml', text: (t) => t.replace('id: jinjiang\n', 'id: jinjiang\n  bad: indent: here\n') });
    const r = await cli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/jinjiang\.yml: line \d+, column \d+: YAML syntax error/);
  });

  it('exits 2 with usage for an unknown subcommand', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
  });
});

describe('rules show', () => {
  it('dumps a book readably', async () => {
    const r = await cli('show', 'jinjiang', RULES_DIR);
    expect(r.code).toBe(0);
    expect(r.out).toContain('晋江市医院；后备 1. 晋江市医院经济开发区院区，2. 东石中心卫生院，3. 内坑镇卫生院');
    expect(r.out).toContain('市120急救指挥中心');
  });

  it('accepts the Chinese name and refuses an unknown locality', async () => {
    expect((await cli('show', '泉秀街道', RULES_DIR)).out).toContain('灯荣路29号（浦西花园）');
    const r = await cli('show', 'beijing', RULES_DIR);
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown locality "beijing"');
  });
});
