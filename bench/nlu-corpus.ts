// Generates bench/corpus/nlu.jsonl once (templates × the rule books' vocabulary and places; a fixed seed):
//   npx tsx bench/nlu-corpus.ts
// The output is committed, so every benchmark run reads the same messages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSet } from '../src/rules/load';

const OUT = join(__dirname, 'corpus', 'nlu.jsonl');
const COUNT = 1200;

let seed = 20260223;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)] as T;
}

const rules = loadRuleSet(join(__dirname, '..', 'rules'));
const v = rules.vocabulary;
const places = rules.books.filter((b) => !b.fallback).flatMap((b) => [b.name, ...b.aliases, ...b.places.flatMap((p) => [p.name, ...p.aliases])]);
const zones = v.audiences.filter((a) => ['sealed_zone', 'controlled_zone', 'isolated', 'red_code', 'yellow_code', 'close_contact'].includes(a.id)).flatMap((a) => [a.name, ...a.synonyms.filter((s) => s.length >= 2)]);
const cats = (id: string) => {
  const t = v.categories.find((c) => c.id === id);
  return t ? [t.name, ...t.synonyms.filter((s) => s.length >= 2)] : [id];
};
const care = [...cats('dialysis'), ...cats('maternity'), ...cats('oncology'), ...cats('cardio_cerebral'), ...cats('children')];
const facilities = rules.books.flatMap((b) => b.facilities.filter((f) => !f.generic).map((f) => f.name));
const who = ['我', '我妈', '我爸', '俺娘', '我老婆', '家里老人', '我爷爷', '我是家庭医生,有位居民', '我是热线接线员,有个居民', '转:居民'];
const tail = ['', '?', '?', '啊', '呢', ',谢谢', ',急', ',咋整'];

const templates: [string, () => string][] = [
  ['designation', () => `${pick(who)}在${pick(places)}${pick(zones)},要${pick(care)},去哪家医院${pick(tail)}`],
  ['designation', () => `${pick(places)}${pick(zones)}的${pick(care)}定点医院是哪家${pick(tail)}`],
  ['designation', () => `${pick(zones)}${pick(care)}去哪${pick(tail)}`],
  ['backup', () => `${pick(facilities)}收满了,${pick(zones)}去哪家后备医院${pick(tail)}`],
  ['backup', () => `${pick(places)}的定点医院满了怎么办${pick(tail)}`],
  ['care_route', () => `${pick(places)}${pick(zones)}的人怎么出去看病,要什么手续${pick(tail)}`],
  ['transport', () => `${pick(who)}在${pick(zones)},去定点医院车怎么安排,看完怎么回来${pick(tail)}`],
  ['companion', () => `${pick(care)}去医院我能陪着去吗${pick(tail)}`],
  ['nat_admission', () => `${pick(places)}${pick(zones)}的病人要住院,核酸结果没出来怎么办${pick(tail)}`],
  ['contact', () => `${pick(places)}就医咨询电话是多少${pick(tail)}`],
  ['facility_address', () => `${pick(facilities)}在哪${pick(tail)}`],
  ['facility_hours', () => `${pick(facilities)}晚上开到几点${pick(tail)}`],
  ['facility_departments', () => `${pick(facilities)}能做${pick(['B超', 'X光', '彩超', '心电图', '狂犬疫苗'])}吗${pick(tail)}`],
  ['facility_experts', () => `${pick(facilities)}有上级医院专家坐诊吗${pick(tail)}`],
  ['facility_services', () => `${pick(facilities)}的中药能代煎吗,能寄到家吗${pick(tail)}`],
  ['chronic_care', () => `${pick(['高血压', '糖尿病', '慢性病', '冠心病'])}的药一次能开多久${pick(tail)}`],
  ['rehabilitation', () => `${pick(who)}中风后想做康复,找谁${pick(tail)}`],
  ['home_nursing', () => `${pick(who)}长期卧床,能上门${pick(['换药', '导尿', '护理', '换胃管'])}吗${pick(tail)}`],
  ['insurance', () => `在${pick(facilities)}看门诊,医保有起付线吗${pick(tail)}`],
  ['load_status', () => `${pick(places)}的卫生院标了${pick(['蓝色', '黄色', '红色', '×'])}是什么意思${pick(tail)}`],
  ['family_doctor', () => `${pick(places)}有多少家庭医生,能提供什么帮助${pick(tail)}`],
  ['home_treatment', () => `${pick(who)}阳了在家治疗,归谁管${pick(tail)}`],
  ['referral', () => `${pick(who)}阳了行动不便,需要转诊找谁${pick(tail)}`],
  ['fever_clinic', () => `${pick(who)}在${pick(places)},发烧${pick(['38度', '39度', '了'])}去哪看${pick(tail)}`],
  ['elective_surgery', () => `${pick(who)}原定的择期手术还能做吗${pick(tail)}`],
  ['greeting', () => pick(['你好', '您好', '在吗', '有人吗', '你好,在吗'])],
  ['thanks', () => pick(['谢谢', '好的谢谢', '多谢', '明白了,谢谢'])],
  ['give_locality', () => `${pick(['', '我在', '我们是', '住在'])}${pick(places)}${pick(['', '的'])}`],
  ['handoff_request', () => pick(['转人工', '帮我转人工客服', '我要找真人', '人工服务'])],
  ['out_of_scope', () => `${pick(places)}${pick(['明天天气怎么样', '有什么新闻', '房价会跌吗'])}`],
  ['urgent', () => `${pick(who)}${pick(['胸口压着疼', '喘不上气', '突然晕倒了', '抽搐了', '破水了', '嘴歪了说话不清'])}${pick(tail)}`],
  ['negated', () => `${pick(who)}发烧38度,${pick(['没有胸痛', '不喘', '没有抽搐', '没有见红'])},去哪看${pick(tail)}`],
];

const seen = new Set<string>();
const lines: string[] = [];
for (let guard = 0; lines.length < COUNT && guard < COUNT * 50; guard++) {
  const [intent, make] = pick(templates);
  const text = make();
  if (seen.has(text)) continue;
  seen.add(text);
  lines.push(JSON.stringify({ text, intent }));
}
mkdirSync(join(__dirname, 'corpus'), { recursive: true });
writeFileSync(OUT, lines.join('\n') + '\n');
process.stdout.write(`${lines.length} messages → ${OUT}\n`);
