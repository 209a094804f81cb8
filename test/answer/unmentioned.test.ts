// A thing asked about by name (a medicine, a status, a treatment) that the locality's notice never names is said to be
// unmentioned after what the notice does say; a thing the notice names, or one only mentioned in passing, gets no such line.
import type { Core } from '../../src/core/types';
import { parseDomain } from '../../src/answer/domain';
import { loadRuleSet } from '../../src/rules/load';
import { realCore, talk, textOf } from '../support/core';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('a thing the notice never names', () => {
  it.each([
    ['晋江池店 我爸糖尿病 处方能开12周的话 胰岛素笔芯也可以一次拿够吗', /延长至12周[\s\S]*通告没有提到胰岛素/],
    ['晋江陈埭的 社区通知我是时空伴随 这种算特定对象吗', /特定对象[\s\S]*通告没有提到时空伴随/],
    ['Jinjiang. Can I get 12 weeks of insulin at once?', /12周[\s\S]*does not mention insulin/],
    ['泉秀街道 社区卫生服务中心能做胃镜吗', /通告没有提到胃镜/],
  ])('"%s": what the notice says, then that it does not name the thing', (q, expected) => {
    expect(textOf(talk(core).say(q))).toMatch(expected);
  });

  it('gives the numbers to ask after saying so (泉秀: the centre that does not list an injury certificate can be asked)', () => {
    const reply = textOf(talk(core).say('帮邻居问的 她的伤早就好了 现在要去派出所补材料 泉秀社区医院能开验伤证明吗'));
    expect(reply).toMatch(/通告没有提到验伤证明[\s\S]*15906085258/);
  });

  it('is not said of a thing the notice names (烟台 names antigen tests)', () => {
    expect(textOf(talk(core).say('烟台莱山 阳了在家 抗原谁来指导'))).not.toMatch(/没有提到抗原/);
  });

  it('is not said of a thing only mentioned, not asked about', () => {
    const reply = textOf(talk(core).say('晋江的，我天天打胰岛素。慢性病的药一次能开多久？'));
    expect(reply).toContain('12周');
    expect(reply).not.toMatch(/没有提到胰岛素/);
  });
});

describe('answers.yml namedThings', () => {
  const rules = loadRuleSet(join(__dirname, '../../rules'));
  const file = join(__dirname, '../../intents/domain/answers.yml');
  it('refuses a name not in lower case, naming where', () => {
    const text = readFileSync(file, 'utf8').replace('- [胰岛素, insulin]', '- [胰岛素, Insulin]');
    expect(() => parseDomain(file, text, rules.vocabulary)).toThrow(/namedThings\.things\[0\]\[1\]: lower case/);
  });
});
