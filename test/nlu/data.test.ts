import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, loadIntentsData } from '../../src/nlu/data';
import { buildLexicon } from '../../src/nlu/lexicon';
import { createNlu } from '../../src/nlu';
import { ROOT, realRules } from '../support/nlu';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-intents-'));
  cpSync(join(ROOT, 'intents'), dir, { recursive: true });
  return dir;
}

describe('intents data', () => {
  let dir: string;
  beforeEach(() => {
    dir = copy();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the real data', () => {
    const d = loadIntentsData(join(ROOT, 'intents'));
    expect(d.intents.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(d.urgent.classes.classes)).toEqual(
      expect.arrayContaining(['chest_pain', 'breathing', 'unconscious', 'convulsion', 'bleeding', 'stroke', 'labour', 'infant_fever', 'suicide', 'allergy', 'dialysis_distress', 'head_injury']),
    );
    expect(d.varieties.map((v) => v.data.id).sort()).toEqual(['emoji', 'hak', 'jin', 'nan', 'swm', 'typos', 'wuu', 'yue']);
    expect(Object.keys(d.english.data.glosses).length).toBeGreaterThan(100);
  });

  it('names the file, the path and the reason of a schema error', () => {
    const f = join(dir, 'classes', 'companion.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('version: 1', 'version: 2'));
    expect(() => loadIntentsData(dir)).toThrow(DataError);
    expect(() => loadIntentsData(dir)).toThrow(/classes\/companion\.yml: version: /);
  });

  it('reads the urgent corpus when it is first asked for, and names the file and line of a bad one then', () => {
    const f = join(dir, 'urgent', 'corpus', 'everyday.jsonl');
    writeFileSync(f, `${readFileSync(f, 'utf8').trimEnd()}\n{"text": "胸口疼", "urgent": true, "class": "no_such_class", "family": "x"}\n`);
    const lines = readFileSync(f, 'utf8').trimEnd().split('\n').length;
    // (the classes, concepts and scope are read and checked at once; the corpus, which only training needs, is not)
    const d = loadIntentsData(dir);
    expect(d.urgent.classes.classes.suicide).toBeDefined();
    expect(() => d.urgent.corpus).toThrow(new RegExp(`everyday\\.jsonl: line ${lines}: class: "no_such_class" is not a red-flag class`));
    expect(loadIntentsData(join(ROOT, 'intents')).urgent.corpus.length).toBeGreaterThan(10_000);
  });

  it('rejects a held-out utterance that is also a training example', () => {
    const f = join(dir, 'classes', 'thanks.yml');
    writeFileSync(f, `version: 1\nintent: thanks\nexamples: [谢谢, 多谢, 感谢]\ntests: [多谢]\n`);
    expect(() => loadIntentsData(dir)).toThrow(/thanks\.yml: tests\.0: held-out utterance is also a training example/);
  });

  it("rejects a class rule whose past_counts names a concept the rule does not use", () => {
    const f = join(dir, 'urgent', 'classes.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('past_counts: [suicidal, hopeless, jump_plan]', 'past_counts: [suicidal, low_mood, jump_plan]'));
    expect(() => loadIntentsData(dir)).toThrow(/classes\.yml: classes\.suicide\.rules\[\d+\]\.past_counts\[1\]: "low_mood" is not one of the rule's concepts/);
  });

  it("rejects a class whose ordinary reasons name no concept, naming where", () => {
    const f = join(dir, 'urgent', 'classes.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('ordinary: [done_here, ', 'ordinary: [dones_here, '));
    expect(() => loadIntentsData(dir)).toThrow(/classes\.suicide\.ordinary\[0\]: unknown concept "dones_here"/);
  });

  it('reads a rule-only concept as supporting and unscored, and rejects one named again in those lists', () => {
    const urgent = loadIntentsData(dir).urgent.classes;
    expect(urgent.supporting).toContain('down_still');
    expect(urgent.unscored).toContain('down_still');
    const f = join(dir, 'urgent', 'classes.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('unscored: [method_asked, ', 'unscored: [method_asked, down_still, '));
    expect(() => loadIntentsData(dir)).toThrow(/classes\.yml: unscored\[1\]: "down_still" is rule_only in concepts\.yml, which implies it/);
  });

  it('rejects an intent denial that is no supporting concept, naming where', () => {
    const f = join(dir, 'urgent', 'classes.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('intent_denied: [hopeless]', 'intent_denied: [hopeless, suicidal]'));
    expect(() => loadIntentsData(dir)).toThrow(/classes\.yml: intent_denied\[1\]: "suicidal" is not in supporting/);
  });

  it('rejects a spelling given in two interchangeable classes, naming where', () => {
    const f = join(dir, 'urgent', 'concepts.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('interchangeable: [[什么, 啥], [怎么, 咋]]', 'interchangeable: [[什么, 啥], [怎么, 咋, 啥]]'));
    expect(() => loadIntentsData(dir)).toThrow(/concepts\.yml: interchangeable: a spelling is in two classes/);
  });

  it('rejects a sequela sign that names no concept, naming where', () => {
    const f = join(dir, 'urgent', 'scope.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('sequela_signs: [one_side_weak, ', 'sequela_signs: [one_sided_weak, '));
    expect(() => loadIntentsData(dir)).toThrow(/scope\.yml: sequela_signs\[0\]: unknown concept "one_sided_weak" \(did you mean "one_side_weak"\?\)/);
  });

  it("rejects a class rule whose none names no concept, naming where", () => {
    const f = join(dir, 'urgent', 'classes.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('none: [everyday_use]', 'none: [everyday_uses]'));
    expect(() => loadIntentsData(dir)).toThrow(/classes\.suicide\.rules\[\d+\]\.none\[0\]: unknown concept "everyday_uses"/);
  });

  it('rejects an intent defined twice', () => {
    writeFileSync(join(dir, 'classes', 'zz.yml'), `version: 1\nintent: thanks\nexamples: [谢谢啊, 多谢啦, 感谢感谢]\n`);
    expect(() => loadIntentsData(dir)).toThrow(/zz\.yml: intent: "thanks" is already defined/);
  });

  it('rejects a cue for an id the vocabulary does not have', () => {
    const d = loadIntentsData(dir);
    d.lexicon.topics['no_such_topic'] = ['随便'];
    expect(() => buildLexicon(realRules(), d.lexicon)).toThrow(/topics\.no_such_topic: unknown topic id "no_such_topic"/);
  });

  it('rejects an invalid pattern, naming where it is', () => {
    const f = join(dir, 'lexicon.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace("'/洗.{0,3}肾/'", "'/洗.{0,3}肾(/'"));
    expect(() => createNlu(realRules(), { intentsDir: dir })).toThrow(/lexicon\.yml: categories\.dialysis\.0: invalid pattern/);
  });

  it('names a variety map that maps one form twice', () => {
    const f = join(dir, 'varieties', 'nan.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('always:\n', 'always:\n  佇: 在\n'));
    expect(() => createNlu(realRules(), { intentsDir: dir })).toThrow(/nan\.yml: always\.伫: "伫" is already mapped in .*nan\.yml: always\.佇/);
  });

  it('names an English phrase that two glosses claim', () => {
    const f = join(dir, 'varieties', 'en.yml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('  谢谢: [thanks,', '  谢谢: [dialysis, thanks,'));
    expect(() => createNlu(realRules(), { intentsDir: dir })).toThrow(/en\.yml: glosses\.(谢谢|透析)\[\d+\]: "dialysis" already means/);
  });

  it('names a shorthand that is no word typed short, and one whose phrases then claim another gloss', () => {
    const f = join(dir, 'varieties', 'en.yml');
    const text = readFileSync(f, 'utf8');
    writeFileSync(f, text.replace('  tmrw: tomorrow\n', '  Tmrw!: tomorrow\n'));
    expect(() => createNlu(realRules(), { intentsDir: dir })).toThrow(/en\.yml(?::\d+)?: shorthand\.Tmrw!: a word typed short/);
    // (a phrase is read through the shorthand as a message is: "thx" is "thanks", which another gloss holds)
    writeFileSync(f, text.replace('  透析: [', '  透析: [thx, '));
    expect(() => createNlu(realRules(), { intentsDir: dir })).toThrow(/en\.yml: glosses\.(谢谢|透析)\[\d+\]: "(thx|thanks)" already means/);
  });
});
