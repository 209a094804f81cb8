// The shapes of the loaded, validated rule books. `schema.ts` (zod) produces exactly these from
// rules/*.yml; everything downstream (NLU vocabulary, answers, canned answers) reads only these.

/** Ids of care categories, audiences and topics come from rules/vocabulary.yml. */
export type CategoryId = string;
export type AudienceId = string;
export type TopicId = string;
export type LocalityId = string;
export type FacilityId = string;
export type ContactId = string;

export interface Term {
  id: string;
  /** The canonical Chinese name, as a reply would print it (血液透析). */
  name: string;
  /** English name, for the en locale. */
  en: string;
  /** Other ways people write it (透析, 洗肾, 透洗, 血透…), matched after normalisation. */
  synonyms: string[];
}

export interface CategoryTerm extends Term {
  /**
   * A notice's own names for the care (肿瘤化疗, 婴幼儿诊疗) with their English, where they differ from `name`:
   * a designation whose note is one of these is printed with the notice's words, not the wider canonical name.
   */
  notice_names?: Record<string, string>;
  /** What a notice name leaves out that the category's name or synonyms cover (肿瘤化疗: 放疗), each with its English:
   * asked about, the reply says the notice does not mention it. */
  notice_leaves_out?: Record<string, Record<string, string>>;
}

export interface AudienceTerm extends Term {
  /** Groups this audience belongs to: Jinjiang's 特定对象 gathers 密接, 次密接, 隔离人员, 红码, 黄码… */
  groups: string[];
}

/** Places residents name below the town: read in Chinese only (hundreds of them sound like other places). */
export const LOCAL_PLACE_KINDS = ['village', 'community', 'landmark'] as const;
export const isLocalPlace = (p: { kind: string }): boolean => (LOCAL_PLACE_KINDS as readonly string[]).includes(p.kind);

export interface PlaceName {
  name: string;
  aliases: string[];
  /** district | county | county_city | town | street | area, or village | community | landmark (read in Chinese
   * only: no English or pinyin form, since hundreds of them sound like other places) */
  kind: string;
}

export interface Vocabulary {
  version: number;
  categories: CategoryTerm[];
  audiences: AudienceTerm[];
  /** Named topics a guidance entry may carry (companion, nat_admission, transport…). */
  topics: Term[];
  /** Audience groups (e.g. special_target 特定对象) with their names. */
  groups: Term[];
}

export interface Source {
  title: string;
  issuer: string;
  /** Document number as printed (2022年第2号, 泉丰泉办〔2020〕23号). */
  number?: string;
  /** ISO date the notice was signed / issued (2022-02-25). */
  date?: string;
  /** ISO date the page carrying it was published, when different. */
  published?: string;
  url?: string;
  /** Where the text came from when it is not the issuer's own page (a news site). */
  via?: string;
}

export interface Phone {
  number: string;
  /** What the number is for, when the notice says (办公室, 值班, 咨询). */
  label?: string;
}

export interface Hours {
  /** Departments or services these hours apply to (全科, 针灸推拿科, 盆底康复室). */
  services: string[];
  /** 24h clock, HH:MM */
  until?: string;
  from?: string;
  /** The notice's words (夜诊服务，上至晚上9点). */
  text: string;
}

export interface Expert {
  specialty: string;
}

export interface FacilityService {
  id: string;
  name: string;
  /** The notice's statement, transcribed. */
  text: string;
  /** Items the service covers (口腔护理, 造口护理…), with their restrictions in `restrictions`. */
  items?: string[];
  restrictions?: Record<string, string>;
  /** Contact ids responsible for this service. */
  contacts?: ContactId[];
  /** Fee terms (按二甲公立医院收费标准收费). */
  fees?: string;
  /** Who is eligible. */
  eligibility?: string;
}

export interface Facility {
  id: FacilityId;
  name: string;
  aliases: string[];
  /** A generic tier (乡镇卫生院, 县级医院) rather than one named institution. */
  generic?: boolean;
  address?: string;
  phones: Phone[];
  departments: string[];
  /** Visiting experts from higher-level hospitals. */
  experts?: { count?: number; schedule?: string; specialties: string[]; text?: string };
  hours: Hours[];
  services: FacilityService[];
  /** Insurance terms, as statements. */
  insurance: string[];
  notes: string[];
}

export interface Backup {
  facility: FacilityId;
  /** 1 for the first backup, 2 for the second… */
  order: number;
}

export interface Designation {
  audiences: AudienceId[];
  category: CategoryId;
  /** Designated facilities in the notice's order; all of them serve (not a ranking) unless `backups` says otherwise. */
  facilities: FacilityId[];
  backups: Backup[];
  /** When backups are started, in the notice's words. */
  activation?: string;
  note?: string;
}

export interface Guidance {
  id: string;
  topic: TopicId;
  title: string;
  /** Ordered steps for a procedure; a single statement for a rule. */
  steps: string[];
  /** Limits the entry to these audiences (empty: all of the locality's). */
  audiences: AudienceId[];
  categories: CategoryId[];
  facilities: FacilityId[];
  contacts: ContactId[];
}

export interface Contact {
  id: ContactId;
  /** hotline | person | office | duty | unit */
  kind: string;
  name: string;
  /** A person's role (医务科负责人, 康复治疗师). */
  role?: string;
  /** What to call them about. */
  remit: string;
  /** Topics this contact answers for (home_nursing, rehab…). */
  topics: TopicId[];
  facility?: FacilityId;
  phones: Phone[];
}

export interface LoadMark {
  /** blue | yellow | red | x */
  id: string;
  name: string;
  synonyms: string[];
  meaning: string;
}

export interface Stat {
  id: string;
  /** What is counted (基层医疗卫生机构发热哨点诊室). */
  label: string;
  value: number;
  unit: string;
  text: string;
  topic: TopicId;
  /** Questions the figure is the notice's word on, beside its topic's: home visits bringing medicines answer
   * whether medicines are brought home (prescription) and whether a doctor comes (home_nursing). */
  answers?: TopicId[];
}

export interface OtherNumber {
  number: string;
  /** What the page says it is, in the notice's words. */
  what: string;
}

export interface RuleBook {
  version: number;
  id: LocalityId;
  name: string;
  aliases: string[];
  /** city | county_city | street | province_rural */
  kind: string;
  /** The rural plan: used where a rural locality has no rule book of its own. */
  fallback: boolean;
  /** Parent place names for display (泉州市丰泽区). */
  parent?: string;
  /** Larger areas that contain this locality but are not covered by it (泉州, 丰泽区 for 泉秀街道): they never
   *  resolve to it; the resolver reports them as partial matches so the dialogue can ask. */
  within?: string[];
  places: PlaceName[];
  source: Source;
  audiences: AudienceId[];
  facilities: Facility[];
  designations: Designation[];
  guidance: Guidance[];
  contacts: Contact[];
  /** Longkou's colour marks, and the like: which place they are used in. */
  loadMarks?: { area: string; marks: LoadMark[] };
  /** Numbers printed on the notice's page that are no medical contact (a news site's own line, a tip-off hotline), and
   *  what they are: asked about, the reply says what they are without repeating them. */
  otherNumbers: OtherNumber[];
  stats: Stat[];
  /** Contact id of the human who takes urgent handoffs, when the notice names one. */
  escalation?: ContactId;
  /** Guidance id of the emergency route. */
  emergency?: string;
  /** File it was loaded from (set by the loader). */
  file: string;
}

export interface RuleSet {
  vocabulary: Vocabulary;
  books: RuleBook[];
  byId: ReadonlyMap<LocalityId, RuleBook>;
}

/** Live status kept in the store and changed by staff; passed in to every query. */
export interface LiveStatus {
  /** facility id → state */
  facilities: Record<FacilityId, { state: 'open' | 'full' | 'closed'; load?: string; note?: string; updatedAt?: string }>;
}

export const EMPTY_STATUS: LiveStatus = { facilities: {} };
