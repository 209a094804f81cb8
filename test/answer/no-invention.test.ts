// No reply names a facility or a phone number that its cited rule book does not have: every answer of the
// conversation sets (the shared dev sets when they are beside the checkout, and test/eval/dev3) is checked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realCore, talk } from '../support/core';
import { realRules, ROOT } from '../support/nlu';
import type { RuleBook } from '../../src/rules/types';

const SETS = [join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'), join(ROOT, '..', 'shared', 'eval', 'dev2.jsonl'), join(ROOT, 'test', 'eval', 'dev3.jsonl')].filter((f) => existsSync(f));

/** Every string a rule book holds, joined: what a reply citing it may quote. */
function textOf(book: RuleBook): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(book);
  return out.join('\n');
}

const FACILITY = /[\u4e00-\u9fa5]{2,14}?(?:医院|卫生院|卫生服务中心|卫生服务站|卫生室|保健院|诊所)/g;
const NUMBER = /\d[\d-]{3,}\d/g;
/** Numbers every reply may carry: the ambulance, the government hotline. */
const ANYWHERE = new Set(['120', '12345']);

describe('no invented facility or number', () => {
  const rules = realRules();
  const books = new Map(rules.books.map((b) => [b.id, textOf(b)]));
  const digits = (s: string): string => s.replace(/\D/g, '');

  it.each(SETS.map((f) => [f.split('/').slice(-1)[0] as string, f]))('%s', async (_name, file) => {
    const core = await realCore();
    const problems: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
      const c = JSON.parse(line) as { id: string; turns: { text: string }[] };
      const t = talk(core, { user: c.id });
      const said: string[] = [];
      for (const turn of c.turns) {
        said.push(turn.text);
        const r = t.say(turn.text);
        if (!r) continue;
        const text = r.parts.join('\n');
        const cited = r.sources.map((id) => books.get(id) ?? '').join('\n');
        const asked = said.join('\n');
        for (const n of text.match(NUMBER) ?? []) {
          const d = digits(n);
          if (d.length < 5 || ANYWHERE.has(d) || /^\d{4}$/.test(n) || digits(cited).includes(d) || digits(asked).includes(d)) continue;
          if (/^(?:19|20)\d\d-\d\d-\d\d$/.test(n)) continue; // a date
          problems.push(`${c.id}: number ${n} not in the cited notice (${r.sources.join(',') || 'none cited'})`);
        }
        for (const name of text.match(FACILITY) ?? []) {
          // a kind of hospital said in words (血液透析定点医院, 二级及以上医院, the greeting's 社区卫生服务中心), not one named
          if (/(?:定点|后备|上级|亚定点|大|附近|其他|哪家|这家|那家|县级|乡镇|二级及以上|三级)医院$|^社区卫生服务(?:中心|站)$|[的为有没不例如同些]/.test(name)) continue;
          // a facility named is in the notice cited, or in the user's own words ("我住的是XX医院附近")
          const tail = name.slice(-6);
          if (cited.includes(name) || cited.includes(tail) || asked.includes(name)) continue;
          problems.push(`${c.id}: facility ${name} not in the cited notice (${r.sources.join(',') || 'none cited'})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
