// Contacts: each phone number kept from the notice's sentences becomes a contact — a person (周明, 王芳
// 康复治疗师), an office, a duty line or a hotline — with what to call about (its remit), the facility it
// belongs to and the topics it answers for; units the notice tells people to report to (市120急救指挥中心)
// become contacts without a number. Office, duty and hotline numbers of a facility are its phones too.
import { PERSON_ROLE, PHONE_LABELS, SURNAMES } from './cues';
import type { Ev } from './evidence';
import type { FacilityDraft, FacilityIndex } from './facilities';
import type { NumberVerdict } from './phones';
import { clauses, sentences } from './sentences';
import type { Paragraph } from './structure';
import { sub, type Seg } from './text';
import type { DraftTools } from './tools';
import type { VocabMatcher } from './vocab';

export interface ContactDraft {
  kind: 'hotline' | 'person' | 'office' | 'duty' | 'unit';
  name: string;
  role?: string;
  remit: string;
  topics: string[];
  facility?: FacilityDraft;
  phones: { number: string; label?: string; ev: Ev }[];
  ev: Ev;
  review?: string;
}

export interface KeptNumber {
  verdict: NumberVerdict;
  para: Paragraph;
}

/** Words that only say what kind of number follows (手机, 联系电话). */
const PHONE_WORD = /^(?:手机|手机号码?|电话|联系电话|座机|固话|联系方式|tel|TEL|Tel)$/;

/** A piece of the sentence that is an address (地址：枫城市解放路56号), not whom the number reaches. */
const ADDRESS_PIECE = /^地址|\d+号$|(?:路|街|大道|巷)\d/;

const clean = (s: string) => s.replace(/\s+/g, '').replace(/^[，,；;：:、]+|[，,；;：:、（(]+$/g, '');

export function draftContacts(kept: KeptNumber[], index: FacilityIndex, vocab: VocabMatcher, tools: DraftTools): ContactDraft[] {
  const out: ContactDraft[] = [];
  for (const { verdict: v, para: p } of kept) {
    const sentence = sentences(p.seg).find((s) => s.offs.includes(p.seg.offs[v.start] as number)) ?? p.seg;
    const at = sentence.offs.indexOf(p.seg.offs[v.start] as number);
    const endAt = sentence.offs.indexOf(p.seg.offs[v.end - 1] as number) + 1;
    const before = sentence.norm.slice(0, at);
    const after = sentence.norm.slice(endAt);
    const numberSeg = sub(sentence, at, endAt);
    const ev: Ev = { sentence, value: numberSeg };
    const same = out.find((c) => c.phones.some((ph) => ph.number === v.number));
    if (same) continue;

    // the chunk naming whom the number reaches: after the last separator, or before it when that is
    // empty or only says what kind of number it is (郑海燕，手机13801234567)
    const pieces = before.split(/[：:，,；;（(、]/).map(clean);
    let k = pieces.length - 1;
    while (k > 0 && (!pieces[k] || PHONE_WORD.test(pieces[k] as string) || ADDRESS_PIECE.test(pieces[k] as string))) k--;
    const bare = PHONE_WORD.test(pieces[pieces.length - 1] ?? '') ? (pieces[pieces.length - 1] as string) : '';
    let chunk = pieces[k] ?? '';
    if (bare && !personOf(chunk, tools)) chunk = clean(pieces[pieces.length - 1] ?? '') || chunk;
    const label = clean(before.slice(0, Math.max(0, before.lastIndexOf(chunk))).split(/[，,；;（(]/).pop() ?? '');
    const facility = facilityBefore(index, p, sentence, at);
    const parenRole = /^[（(]([^()（）]{2,12})[)）]/.exec(after)?.[1];
    const person = personOf(chunk, tools);
    // a label as the chunk (办公室联系电话：, 值班电话：) is the remit itself
    const remit = /(?:电话|热线|号码|手机|专线)$/.test(chunk) && chunk.length <= 16 ? chunk : remitOf(sentence, before, chunk);
    const topics = topicsOf(`${remit}${label}`, vocab);
    if (person) {
      const role = person.role ?? (parenRole && PERSON_ROLE.test(parenRole) ? parenRole : undefined) ?? roleOf(label);
      const prev = out.find((c) => c.kind === 'person' && c.name === person.name);
      if (prev) {
        prev.phones.push({ number: v.number, ev });
        continue;
      }
      out.push({ kind: 'person', name: person.name, role, remit, topics, facility, phones: [{ number: v.number, ev }], ev });
      continue;
    }
    const lab = [chunk, label, after.slice(0, 6), before.slice(-20)].map((t) => PHONE_LABELS.find((l) => l.re.test(t))).find((l) => l);
    const kind = lab?.kind ?? 'hotline';
    let name: string;
    if (/^120$/.test(v.number)) name = `120${/^急救电话/.test(after) ? '急救电话' : '急救'}`;
    else if (kind === 'office') name = `${facility?.name ?? ownerOf(chunk, tools)}办公室`;
    else if (kind === 'duty') name = `${facility?.name ?? ownerOf(chunk, tools)}值班电话`;
    else if (placeLike(chunk, tools) && headingLabel(p)) name = `${chunk}${headingLabel(p)}`;
    else name = hotlineName(chunk, label, facility);
    const phone = { number: v.number, label: lab?.label, ev };
    out.push({
      kind,
      name,
      remit,
      topics: kind === 'hotline' && vocab.vocabulary.topics.some((t) => t.id === 'hotline') ? [...new Set(['hotline', ...topics])].slice(0, 3) : topics,
      facility: v.number === '120' ? undefined : facility,
      phones: [phone],
      ev,
      review: name.length < 3 ? 'name the contact' : undefined,
    });
    if (facility && !facility.generic && v.number !== '120' && !facility.phones.some((ph) => ph.number === v.number)) facility.phones.push(phone);
  }
  return out;
}

/** Whose office or duty line it is (请拨打县卫生健康局值班电话 → 县卫生健康局): the words before the label, after any verb. */
function ownerOf(chunk: string, tools: DraftTools): string {
  const head = chunk.replace(/(?:总)?(?:值班|办公室|办公).*$/, '');
  const words = tools.cut(head);
  let k = words.length;
  while (k > 0 && !tools.isFunctionWord(words[k - 1] as string) && !/^[请可需由向]$/.test(words[k - 1] as string)) k--;
  return words.slice(k).join('');
}

/** The last named facility before the number in its sentence (or in the bracket the number is in). */
function facilityBefore(index: FacilityIndex, p: Paragraph, sentence: Seg, at: number): FacilityDraft | undefined {
  const limit = sentence.offs[at] as number;
  const from = sentence.offs[0] as number;
  const inSentence = index
    .inPara(p)
    .filter((l) => {
      const o = p.seg.offs[l.mention.start] as number;
      return o >= from && o < limit && !l.facility.generic;
    })
    .map((l) => l.facility);
  return inSentence[inSentence.length - 1];
}

/** 周明, 王芳, 李红康复治疗师 → a person's name (and role); undefined for anything else. */
export function personOf(chunk: string, tools: DraftTools): { name: string; role?: string } | undefined {
  if (chunk.length < 2 || chunk.length > 14 || /\d|电话|热线|联系|办公|值班|咨询|中心|医院|卫生|科$|局|委|号码|手机|拨打|方式|(?:市|区|县|镇|乡|街道|办|室|站|所)$/.test(chunk)) return undefined;
  const surname = (s: string) => SURNAMES.has(s.slice(0, 2)) || SURNAMES.has(s.slice(0, 1));
  if (!surname(chunk)) return undefined;
  if (chunk.length <= 4 && !PERSON_ROLE.test(chunk)) return { name: chunk };
  const first = tools.cut(chunk)[0] ?? '';
  const candidates = [first.length >= 2 && first.length <= 4 ? first.length : 0, 3, 2, 4].filter((n) => n > 0);
  for (const n of candidates) {
    const rest = chunk.slice(n);
    if (rest && PERSON_ROLE.test(rest) && rest.length >= 2) return { name: chunk.slice(0, n), role: rest };
  }
  return undefined;
}

function roleOf(label: string): string | undefined {
  const l = label.replace(/联系方式|联系电话|电话|联系人$/g, '');
  return l && PERSON_ROLE.test(l) && l.length <= 12 ? l : undefined;
}

/** What to call about: the sentence before the contact, its last clauses (at most ~60 characters). */
function remitOf(sentence: Seg, before: string, chunk: string): string {
  let text = before.replace(/[\s（(]+$/, '');
  if (chunk && text.endsWith(chunk)) text = text.slice(0, -chunk.length);
  else if (chunk) {
    const at = text.lastIndexOf(chunk);
    if (at >= 0 && text.length - at - chunk.length <= 2) text = text.slice(0, at);
  }
  text = text.replace(/[，,；;：:\s]+$/, '');
  text = text.replace(/[（(][^()（）]*(?:联系人|联系方式)[^()（）]*$/, '').replace(/[，,；;：:\s]+$/, '');
  const cl = clauses({ text, norm: text, offs: [] as number[] }).map((c) => c.text);
  let remit = '';
  for (let i = cl.length - 1; i >= 0; i--) {
    const next = (cl[i] as string) + remit;
    if (remit && next.length > 60) break;
    remit = next;
  }
  remit = remit.replace(/^\d+[.、]/, '').replace(/[，,；;：:（(]+$/, '').trim();
  return remit || clean(chunk) || sentence.text.slice(0, 60);
}

function topicsOf(text: string, vocab: VocabMatcher): string[] {
  const ids = vocab.find(text, ['topic']).map((h) => h.id);
  const out = [...new Set(ids)].slice(0, 3);
  if (!out.length && vocab.vocabulary.topics.some((t) => t.id === 'contact_info')) out.push('contact_info');
  return out;
}

/** 东湖区：0351-6101010 under 各区就医咨询电话: the chunk is a place. */
function placeLike(chunk: string, tools: DraftTools): boolean {
  return /(?:市|区|县|镇|乡|街道|新区)$/.test(chunk) && chunk.length <= 8 && !tools.cut(chunk).some((w) => tools.isFunctionWord(w));
}

/** 各区就医咨询电话 → 就医咨询电话: what the numbers under a heading are. */
function headingLabel(p: Paragraph): string | undefined {
  const h = p.headings[p.headings.length - 1]?.seg.norm.replace(/^(?:各区县|各县区|各区市|各县市|各区|各县|各市|各乡镇|各街道)/, '');
  return h && /电话|热线/.test(h) && h.length <= 16 ? h.replace(/[:：]$/, '') : undefined;
}

function hotlineName(chunk: string, label: string, facility: FacilityDraft | undefined): string {
  const base = clean(`${chunk}`)
    .replace(/^(?:有|如有|若有|凡有)/, '')
    .replace(/(?:可|请|需|均可|即可)?(?:拨打|致电|联系|电话|热线)[:：]?$/, '')
    .replace(/可$/, '');
  if (/电话|热线/.test(chunk) && base.length >= 2) return /电话|热线$/.test(base) ? base : `${base}${/热线/.test(chunk) ? '热线' : '电话'}`;
  if (base.length >= 2 && base.length <= 20) return `${base}电话`;
  if (label.length >= 2 && label.length <= 20) return `${label.replace(/电话$/, '')}电话`;
  return facility ? `${facility.name}电话` : '咨询电话';
}

/** Units the notice sends people or staff to (报市120急救指挥中心, 向局医政科报告, 联系工作组专人): contacts with no number. */
const UNIT = /(?:报告?|向|联系|咨询|上报|求助于?)((?:市|区|县|我局|局)?[\u4e00-\u9fa5\d]{0,10}?(?:指挥中心|急救中心|医政科|医政股|医务科|办公室|工作组|专班|卫健局|卫健委|卫生健康局|卫生健康委员会|疾控中心)(?:医政科|医政股|医务科)?)/g;

export function unitContacts(paras: Paragraph[], vocab: VocabMatcher, exclude: string[], existing: ContactDraft[], tools: DraftTools): ContactDraft[] {
  const out: ContactDraft[] = [];
  for (const p of paras) {
    for (const s of sentences(p.seg)) {
      UNIT.lastIndex = 0;
      for (let m = UNIT.exec(s.norm); m; m = UNIT.exec(s.norm)) {
        // 请拨打县卫生健康局 → 县卫生健康局: a unit's name starts after the last verb
        const words = tools.cut(m[1] as string);
        let k = words.length;
        while (k > 0 && !tools.isFunctionWord(words[k - 1] as string) && !/^[请可需由向]$/.test(words[k - 1] as string)) k--;
        const raw = words.slice(k).join('');
        const name = raw.replace(/^我局/, '局');
        if (name.length < 3 || exclude.some((x) => name.startsWith(x))) continue;
        // a unit already known by a number of its own (县卫生健康局 of 县卫生健康局值班电话) is that contact
        if ([...existing, ...out].some((c) => c.name === name || (c.phones.length > 0 && c.name.startsWith(name)))) continue;
        const at = m.index + m[0].length - raw.length;
        out.push({
          kind: 'unit',
          name,
          remit: s.text.replace(/\s+/g, '').replace(/^\d+[.、]/, ''),
          topics: topicsOf(s.norm, vocab),
          phones: [],
          ev: { sentence: s, value: sub(s, at, at + raw.length) },
          review: 'a unit the notice refers people or staff to, with no number printed: check its full name and remit',
        });
      }
    }
  }
  return out;
}
