import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRuleSet, loadRuleSet, RuleBookError } from '../../src/rules/load';
import { cleanRuleDirs, ruleDir, RULES_DIR, type RuleEdit } from '../support/rule-books';

afterAll(cleanRuleDirs);

/** Loads a broken copy of rules/ and returns the problem lines (fails if it loads). */
function problemsOf(...edits: RuleEdit[]): string[] {
  const dir = ruleDir(...edits);
  try {
    loadRuleSet(dir);
  } catch (e) {
    if (!(e instanceof RuleBookError)) throw e;
    return e.message.split('\n').map((l) => l.replace(dir + path.sep, 'rules/'));
  }
  throw new Error('the broken rule book was accepted');
}

describe('loadRuleSet on rules/', () => {
  const set = loadRuleSet(RULES_DIR);

  it('loads the vocabulary and the five rule books', () => {
    expect(set.books.map((b) => b.id).sort()).toEqual(['jinjiang', 'quanxiu', 'rural', 'xinzhou', 'yantai']);
    expect(set.byId.get('xinzhou')?.file).toBe(path.join(RULES_DIR, 'xinzhou.yml'));
    expect(set.books.filter((b) => b.fallback).map((b) => b.id)).toEqual(['rural']);
  });

  it('defaults optional lists to []', () => {
    const f = set.byId.get('xinzhou')?.facilities.find((x) => x.id === 'xz_peoples');
    expect(f).toMatchObject({ phones: [], departments: [], hours: [], services: [], insurance: [], notes: [] });
  });

  it('resolves YAML anchors (Jinjiang shares its special-target audience list)', () => {
    const jj = set.byId.get('jinjiang');
    expect(jj?.designations.every((d) => d.audiences.length === 7)).toBe(true);
  });
});

describe('broken rule books are refused with the file and the path named', () => {
  const cases: [string, RuleEdit, RegExp][] = [
    [
      'YAML syntax error',
      { file: 'xinzhou.yml', text: (t) => t.replace('name: 忻州市\n', 'name: [忻州市\n') },
      /^rules\/xinzhou\.yml: line \d+, column \d+: YAML syntax error/,
    ],
    [
      'unknown key',
      { file: 'xinzhou.yml', data: (d) => void (d.designations[3].facilitys = ['xz_peoples']) },
      /^rules\/xinzhou\.yml:\d+: designations\[3\]\.facilitys: unknown key "facilitys" \(did you mean "facilities"\?\)$/,
    ],
    [
      'unknown top-level key',
      { file: 'quanxiu.yml', data: (d) => void (d.escalaton = 'qx_duty') },
      /^rules\/quanxiu\.yml:\d+: escalaton: unknown key "escalaton" \(did you mean "escalation"\?\)$/,
    ],
    [
      'unknown facility',
      { file: 'xinzhou.yml', data: (d) => void (d.designations[3].facilities[0] = '忻州市人民医') },
      /^rules\/xinzhou\.yml:\d+: designations\[3\]\.facilities\[0\]: unknown facility "忻州市人民医" \(did you mean "xz_peoples", 忻州市人民医院\?\)$/,
    ],
    [
      'unknown backup facility',
      { file: 'jinjiang.yml', data: (d) => void (d.designations[6].backups[0].facility = 'jj_nowhere') },
      /^rules\/jinjiang\.yml:\d+: designations\[6\]\.backups\[0\]\.facility: unknown facility "jj_nowhere"$/,
    ],
    [
      'a number on the page that is no medical contact, listed as a contact too',
      { file: 'xinzhou.yml', data: (d) => void (d.otherNumbers[0].number = '0350-3301599') },
      /^rules\/xinzhou\.yml:\d+: otherNumbers\[0\]\.number: "0350-3301599" is also a contact's phone$/,
    ],
    [
      'unknown category',
      { file: 'xinzhou.yml', data: (d) => void (d.designations[0].category = 'dialisys') },
      /^rules\/xinzhou\.yml:\d+: designations\[0\]\.category: unknown category "dialisys" \(did you mean "dialysis"\?\)$/,
    ],
    [
      'unknown audience',
      { file: 'jinjiang.yml', data: (d) => void (d.guidance[0].audiences = ['quarantined']) },
      /^rules\/jinjiang\.yml:\d+: guidance\[0\]\.audiences\[0\]: unknown audience "quarantined"$/,
    ],
    [
      'unknown topic',
      { file: 'yantai.yml', data: (d) => void (d.guidance[0].topic = 'sentinel') },
      /^rules\/yantai\.yml:\d+: guidance\[0\]\.topic: unknown topic "sentinel"$/,
    ],
    [
      'bad phone number',
      { file: 'xinzhou.yml', data: (d) => void (d.contacts[0].phones[0].number = '0350-33015') },
      /^rules\/xinzhou\.yml:\d+: contacts\[0\]\.phones\[0\]\.number: is not a well-formed phone number/,
    ],
    [
      'phone written as a YAML number',
      { file: 'quanxiu.yml', text: (t) => t.replace("{number: '28220083', label: 办公室}", '{number: 28220083, label: 办公室}') },
      /^rules\/quanxiu\.yml:\d+: facilities\[0\]\.phones\[0\]\.number: phone numbers must be written as quoted text$/,
    ],
    [
      'bad date',
      { file: 'quanxiu.yml', data: (d) => void (d.source.date = '2020-02-30') },
      /^rules\/quanxiu\.yml:\d+: source\.date: must be a valid date written YYYY-MM-DD$/,
    ],
    [
      'duplicate id',
      { file: 'quanxiu.yml', data: (d) => void (d.contacts[1].id = 'qx_huangxin') },
      /^rules\/quanxiu\.yml:\d+: contacts\[1\]\.id: duplicate id "qx_huangxin"$/,
    ],
    [
      'place claimed by two books',
      { file: 'yantai.yml', data: (d) => void d.places.push({ name: '磁灶镇', aliases: [], kind: 'town' }) },
      /^rules\/yantai\.yml:\d+: places\[\d+\]\.name: place "磁灶镇" already resolves to "jinjiang" \(.*jinjiang\.yml: places\[7\]\.name\)$/,
    ],
    [
      'unknown escalation contact',
      { file: 'quanxiu.yml', data: (d) => void (d.escalation = 'qx_nobody') },
      /^rules\/quanxiu\.yml:\d+: escalation: unknown contact "qx_nobody"$/,
    ],
    [
      'backups out of order',
      { file: 'jinjiang.yml', data: (d) => void (d.designations[0].backups[1].order = 3) },
      /^rules\/jinjiang\.yml:\d+: designations\[0\]\.backups\[1\]\.order: backups must be listed in order/,
    ],
    [
      'same audience and category designated twice',
      { file: 'xinzhou.yml', data: (d) => void d.designations.push({ ...d.designations[0] }) },
      /^rules\/xinzhou\.yml:\d+: designations\[14\]: audience "sealed_zone" × category "dialysis" is already designated in designations\[0\]$/,
    ],
    [
      'missing required field',
      { file: 'rural.yml', data: (d) => void delete d.source.title },
      /^rules\/rural\.yml:\d+: source\.title: required string is missing$/,
    ],
    [
      'id not matching the file name',
      { file: 'yantai.yml', data: (d) => void (d.id = 'yentai') },
      /^rules\/yantai\.yml:\d+: id: id "yentai" must match the file name \("yantai"\)$/,
    ],
    [
      'facility id reused by another book (live status is keyed by it)',
      { file: 'rural.yml', data: (d) => void (d.facilities[0].id = 'jj_cizao') },
      /^rules\/rural\.yml:\d+: facilities\[0\]\.id: facility id "jj_cizao" is already used in .*jinjiang\.yml$/,
    ],
    [
      'a vocabulary synonym shared by two categories',
      { file: 'vocabulary.yml', data: (d) => void d.categories[1].synonyms.push('透析') },
      /^rules\/vocabulary\.yml:\d+: categories\[1\]\.synonyms\[\d+\]: "透析" is already a synonym of "dialysis"$/,
    ],
    [
      'wrong version',
      { file: 'xinzhou.yml', data: (d) => void (d.version = 2) },
      /^rules\/xinzhou\.yml:\d+: version: /,
    ],
  ];

  it.each(cases)('%s', (_name, edit, expected) => {
    expect(problemsOf(edit)).toContainEqual(expect.stringMatching(expected));
  });

  it('suggests the known value a typo was meant to be', () => {
    expect(problemsOf({ file: 'xinzhou.yml', data: (d) => void (d.designations[0].category = 'dialisys') })).toContainEqual(
      expect.stringMatching(/designations\[0\]\.category: unknown category "dialisys" \(did you mean "dialysis"\?\)$/),
    );
    expect(problemsOf({ file: 'yantai.yml', data: (d) => void (d.contacts[0].kind = 'hotlin') })).toContainEqual(
      expect.stringMatching(/contacts\[0\]\.kind: "hotlin" is not one of "hotline", .* \(did you mean "hotline"\?\)$/),
    );
  });

  it('gives the line of each problem in its file', () => {
    const dir = ruleDir({ file: 'xinzhou.yml', data: (d) => void (d.designations[2].category = 'dialisys') });
    const text = fs.readFileSync(path.join(dir, 'xinzhou.yml'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('category: dialisys')) + 1;
    try {
      loadRuleSet(dir);
      throw new Error('accepted');
    } catch (e) {
      expect((e as RuleBookError).problems).toContainEqual(expect.objectContaining({ path: 'designations[2].category', line }));
      expect((e as Error).message).toContain(`${path.join(dir, 'xinzhou.yml')}:${line}: designations[2].category`);
    }
  });

  it('charges a copied rule book\'s conflicts to the copy, not to the original', () => {
    const original = fs.readFileSync(path.join(RULES_DIR, 'xinzhou.yml'), 'utf8');
    // "a-copy" sorts before "xinzhou": examined in name order, the original would take the blame
    const lines = problemsOf({ file: 'a-copy.yml', text: () => original });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((l) => !l.startsWith('rules/a-copy.yml'))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^rules\/a-copy\.yml:\d+: facilities\[0\]\.id: facility id "\w+" is already used in .*xinzhou\.yml$/));
  });

  it('lists every problem, across files, not only the first', () => {
    const lines = problemsOf(
      { file: 'xinzhou.yml', data: (d) => void (d.designations[0].category = 'dialisys') },
      { file: 'quanxiu.yml', data: (d) => void (d.source.date = '18/08/2020') },
    );
    expect(lines.filter((l) => l.startsWith('rules/xinzhou.yml'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('rules/quanxiu.yml'))).toHaveLength(1);
  });

  it('refuses a directory without vocabulary.yml', () => {
    expect(problemsOf({ file: 'vocabulary.yml', remove: true })).toEqual([expect.stringMatching(/vocabulary\.yml is missing/)]);
  });

  it('refuses an empty set of files', () => {
    expect(() => buildRuleSet([])).toThrow(RuleBookError);
  });
});
