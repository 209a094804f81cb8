// zod schemas for rules/*.yml. Every object is strict (an unknown key is an error: a typo must never silently
// drop a rule); optional lists default to []. The inferred types are checked against types.ts below.
import { z } from 'zod';
import { LOCAL_PLACE_KINDS, type RuleBook, type Vocabulary } from './types';

const ID = /^[a-z][a-z0-9_]*$/;
/** Mobile (18065225268), landline with area code (0350-3301599), local landline as printed (28220083),
 *  or a short service number (120, 12345). */
export const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8}|\d{7,8}|1\d{2,4})$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const id = z.string().regex(ID, 'must be a lower-case id (letters, digits, _)');
const text = z.string().trim().min(1, 'must not be empty');
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
/** A reference to an id defined elsewhere (checked by check.ts, which names what is unknown). */
const ref = text;
const refs = list(ref);

/** An ISO date (YYYY-MM-DD) that exists on the calendar. */
export const isoDate = z.string('must be a date written YYYY-MM-DD (quote it)').refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(y, mo - 1, da));
  return d.getUTCFullYear() === y && d.getUTCMonth() === mo - 1 && d.getUTCDate() === da;
}, 'must be a valid date written YYYY-MM-DD');

const phone = z.strictObject({
  number: z
    .string('phone numbers must be written as quoted text')
    .regex(PHONE, 'is not a well-formed phone number (mobile, 0AAA-NNNNNNN, 7-8 digit local number, or short code)'),
  label: text.optional(),
});

const term = {
  id,
  name: text,
  en: text,
  synonyms: list(text),
};

export const VocabularySchema = z.strictObject({
  version: z.literal(1),
  categories: z.array(z.strictObject({ ...term, notice_names: z.record(text, text).optional(), notice_leaves_out: z.record(text, z.record(text, text)).optional() })),
  audiences: z.array(z.strictObject({ ...term, groups: refs })),
  topics: z.array(z.strictObject(term)),
  groups: list(z.strictObject(term)),
});

const place = z.strictObject({
  name: text,
  aliases: list(text),
  kind: z.enum(['district', 'county', 'county_city', 'town', 'street', 'area', ...LOCAL_PLACE_KINDS]),
});

const source = z.strictObject({
  title: text,
  issuer: text,
  number: text.optional(),
  date: isoDate.optional(),
  published: isoDate.optional(),
  url: z.url().optional(),
  via: text.optional(),
});

const hours = z.strictObject({
  services: list(text),
  until: z.string().regex(TIME, 'must be a time HH:MM').optional(),
  from: z.string().regex(TIME, 'must be a time HH:MM').optional(),
  text,
});

const service = z.strictObject({
  id,
  name: text,
  text,
  items: z.array(text).optional(),
  restrictions: z.record(z.string(), text).optional(),
  contacts: z.array(ref).optional(),
  fees: text.optional(),
  eligibility: text.optional(),
});

const facility = z.strictObject({
  id,
  name: text,
  aliases: list(text),
  generic: z.boolean().optional(),
  address: text.optional(),
  phones: list(phone),
  departments: list(text),
  experts: z
    .strictObject({
      count: z.number().int().positive().optional(),
      schedule: text.optional(),
      specialties: z.array(text),
      text: text.optional(),
    })
    .optional(),
  hours: list(hours),
  services: list(service),
  insurance: list(text),
  notes: list(text),
});

const designation = z.strictObject({
  audiences: refs,
  category: ref,
  facilities: z.array(ref).min(1, 'a designation names at least one facility'),
  backups: list(z.strictObject({ facility: ref, order: z.number().int().positive() })),
  activation: text.optional(),
  note: text.optional(),
});

const guidance = z.strictObject({
  id,
  topic: ref,
  title: text,
  steps: z.array(text).min(1, 'guidance has at least one step'),
  audiences: refs,
  categories: refs,
  facilities: refs,
  contacts: refs,
});

const contact = z.strictObject({
  id,
  kind: z.enum(['hotline', 'person', 'office', 'duty', 'unit']),
  name: text,
  role: text.optional(),
  remit: text,
  topics: refs,
  facility: ref.optional(),
  phones: list(phone),
});

const loadMark = z.strictObject({ id, name: text, synonyms: list(text), meaning: text });

const stat = z.strictObject({
  id,
  label: text,
  value: z.number(),
  unit: text,
  text,
  topic: ref,
  answers: refs.optional(),
});

export const RuleBookSchema = z.strictObject({
  version: z.literal(1),
  id,
  name: text,
  aliases: list(text),
  kind: z.enum(['city', 'county_city', 'county', 'district', 'street', 'province_rural']),
  fallback: z.boolean().default(false),
  parent: text.optional(),
  within: z.array(text).optional(),
  places: list(place),
  source,
  audiences: refs,
  facilities: list(facility),
  designations: list(designation),
  guidance: list(guidance),
  contacts: list(contact),
  loadMarks: z.strictObject({ area: text, marks: z.array(loadMark) }).optional(),
  otherNumbers: list(z.strictObject({ number: text, what: text })),
  stats: list(stat),
  escalation: ref.optional(),
  emergency: ref.optional(),
});

// Compile-time proof that the schemas produce the contract types: the parsed output is assignable to them
// (it is narrower only where the schema checks enums and the version literal) and has exactly their keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;
type BookOut = z.output<typeof RuleBookSchema>;
type VocabOut = z.output<typeof VocabularySchema>;
const proofs: [
  Fits<BookOut, Omit<RuleBook, 'file'>>,
  Same<keyof BookOut, keyof Omit<RuleBook, 'file'>>,
  Fits<VocabOut, Vocabulary>,
  Same<keyof VocabOut, keyof Vocabulary>,
  Same<keyof BookOut['facilities'][number], keyof RuleBook['facilities'][number]>,
  Same<keyof BookOut['guidance'][number], keyof RuleBook['guidance'][number]>,
  Same<keyof BookOut['contacts'][number], keyof RuleBook['contacts'][number]>,
  Same<keyof BookOut['designations'][number], keyof RuleBook['designations'][number]>,
] = [true, true, true, true, true, true, true, true];
void proofs;
