// What one message says about the slots the dialogue tracks, read off the NLU's entities.
import type { Role } from '../core/types';
import type { Analysis, Entity } from '../nlu/types';
import type { Facility, RuleSet } from '../rules/types';
import { cueScan } from '../data/cue-scan';
import { numberLocality } from './number-locality';

export interface Slots {
  locality?: string;
  audience?: string;
  /** Every audience the message names, in order ("封控区和管控区…一样吗"). */
  audiences?: string[];
  categories: string[];
  /** Care categories the message denies (不发烧): an intent made for one of them is not what is asked. */
  denied?: string[];
  facility?: { locality: string; facility: Facility };
  role?: Role;
  topics: string[];
  loadMarks: string[];
  /** The message says a facility is full ("收满了", "排满了"). */
  full: boolean;
  /** Ordinal of a backup the message calls full ("第一后备也满了"). */
  backupOrdinal?: number;
  /** An ordinal over the last answer's list ("第二个呢", "第二家叫什么", "the second one"). */
  ordinal?: number;
  /** The last of the last answer's list ("最后那个呢", "the last one"). */
  last?: boolean;
  /** The message asks for the next one of the last answer's list ("再不行呢", "下一个呢", "那里也满了呢"). */
  next: boolean;
  /** Place names as written, to match a facility called by its town ("磁灶那边满了"). */
  placeTexts: string[];
  /** Words that hold a cue but are something else (黄色的痰): left out of the fact search as places are. */
  plainTexts: string[];
  /** A place no rule book covers (太原). */
  unknownPlace?: string;
  /** …that the user says they live in (我住鲤城区): another locality's notice does not apply to them. */
  livesOutside?: string;
  /** The locality is the rural plan only because the message says rural (村里, 镇卫生院): in a conversation already
   * in a covered locality, its villages are that notice's (莱阳农村 … 村里就一个村医). */
  ruralOnly?: boolean;
}

const ROLES: ReadonlySet<string> = new Set(['resident', 'family_doctor', 'hotline_staff', 'grid_worker', 'relative']);
const ORDINALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const NONE: Entity[] = [];

/** The message's entities by type, in the message's order (one pass rather than a filter per type). */
function byType(entities: readonly Entity[]): (type: Entity['type']) => Entity[] {
  const groups = new Map<Entity['type'], Entity[]>();
  for (const e of entities) {
    const list = groups.get(e.type);
    if (list) list.push(e);
    else groups.set(e.type, [e]);
  }
  return (type) => groups.get(type) ?? NONE;
}
const best = (list: Entity[]): Entity | undefined =>
  list.reduce<Entity | undefined>((a, e) => (!a || e.score > a.score || (e.score === a.score && e.start >= a.start) ? e : a), undefined);

/**
 * The audience the message states; none when it names several ("不清楚算封控区还是管控区") — unless its locality's notice
 * speaks of only one of them, or they are all of one group (小区被封了…我是黄码: both special targets), which is then what
 * it states.
 */
function oneAudience(all: Entity[], rules: RuleSet, text: string, locality: string | undefined): string | undefined {
  // (a zone said of the building or compound next door — 隔壁那栋是封控区 — is theirs, and one denied — 是防范区，不是封控区
  // — is no one's, beside one of the user's own)
  const own = all.filter((e) => !NEXT_DOOR.test(textBefore(text, e)) && !DENIED_ZONE.test(textBefore(text, e)));
  const list = own.length ? own : all;
  // a zone changed (被封了…刚改成防范区了): the one it was changed to is the one that holds now
  const changed = list.filter((e) => CHANGED_TO.test(textBefore(text, e))).at(-1);
  if (changed) return changed.value;
  const named = [...new Set(list.map((e) => e.value))];
  if (named.length <= 1) return named[0];
  // (several, of which the locality's notice speaks of one: the others say nothing of where to go there — 集中隔离点…
  // 脚崴了走不了路 in 晋江 is someone in isolation; 行动不便 is a priority group only where the notice has one)
  const known = rules.byId.get(locality ?? '')?.audiences;
  const spoken = known?.length ? named.filter((v) => known.includes(v) || !rules.vocabulary.audiences.some((a) => a.id === v)) : [];
  const values = spoken.length ? spoken : named;
  if (values.length === 1) return values[0];
  // a zone named by its name (防范区, 管控区) over one a lockdown word implies (封了半个月…我们这片说是防范区)
  const byName = [...new Set(list.filter((e) => ZONE_NAMED.test(e.text) && values.includes(e.value)).map((e) => e.value))];
  if (byName.length === 1 && list.some((e) => !ZONE_NAMED.test(e.text))) return byName[0];
  const shared = groupsOf(rules, values[0] as string).filter((g) => values.every((v) => groupsOf(rules, v).includes(g)));
  return shared.length === 1 ? shared[0] : undefined;
}

/** A neighbouring building's or compound's words, right before the zone said of it (隔壁那栋是, 对面小区都是). */
const NEXT_DOOR = /(?:隔壁|对面|旁边|邻近|相邻|前面|后面|前头|后头)(?:的|那|这)?(?:[一两二三四五六七八九十\d]+)?(?:栋|幢|座|个|片|排)?(?:楼|小区|单元|院|村|区)?(?:是|都是|也是|被划成|被划为|划成了?|划为|成了|变成了?)\s*$/;

/** A zone denied, right before it (不是封控区, 并不算管控区). */
const DENIED_ZONE = /(?:不是|并不是|并非|不算|不属于|也不是|又不是|not an?|not in an?)\s*$/i;

/** A zone said by its name (封控区, 管控区域, prevention zone), not implied by a word of lockdown (封了, 被封). */
const ZONE_NAMED = /区$|区域$|zone$/i;

/** Words changing a zone, right before the zone it became (改成, 划成, 降为, 调整为, changed to). */
const CHANGED_TO = /(?:改成|改为|变成|变为|划成|划为|划到|调成|调为|调整为|调整成|降成|降为|降到|转成|转为|升成|升为|升级为|升级成|changed to|downgraded to|upgraded to|moved to)(?:了|了个)?\s*$/i;

const groupsOf = (rules: RuleSet, id: string): readonly string[] => rules.vocabulary.audiences.find((a) => a.id === id)?.groups ?? [];

/** Words saying where the user lives or is, just before a place (我住鲤城区, 家在太原, I live in …). */
const RESIDENCE = /(?:我|我们|我家|家|人)(?:现在|目前|就|也|都)?(?:住在?|在|家住|住的是)[^,。?!;]{0,3}$/;

/** A place that opens the message with the user's zone after it (太原小店区 封控 透析去哪): where the user is. */
const ZONED = /^[\s,，]*(?:的)?(?:封控|管控|防范|被封|封了|封闭|静默|隔离)/;
/** A place said to be over there (泉秀那边): not where the user is. */
const THERE = /^(?:那边|那里|那儿|那头)/;
/** A place said to be near (离晋江很近, 跟安海就隔一座桥, 靠近晋江): a landmark, not where the user is. */
const NEAR_TO = /(?:离|距离|距|跟|和|与)$/;
const NEAR = /^(?:的?距离|很近|挺近|特别近|不远|就隔|只隔|隔着|隔了|交界|接壤|挨着|近)/;
const BESIDE = /(?:靠近|挨着|紧挨着|邻近|隔壁是|旁边是)$/;
/** Someone is in a place (屋企人在晋江, 病人就在晋江): the notice of that place is for them. */
const LOCATED = /(?:在|住|到了)[^,。?!;]{0,3}$|\b(?:in|at)\s*$/;
/** Someone other than the writer is in a place, said as over there too (我妈在泉州丰泽泉秀那边…我在北京): the notice of that
 * place is for them — not the writer's own 在 (我在泉秀那边上班，住鲤城). */
const OTHER_THERE = /[^\s,，。我俺阮咱们](?:一个人|自己|现在|目前|还|都|就)?(?:在|住在?)[^,，。?!;\s]{0,6}$/;
/** A covered place said to be here (泉秀这边找谁, 泉秀街道这里): the user's side, wherever the writer works (我在深圳上班回不去). */
const HERE = /^(?:街道)?(?:这边|这里|这儿|这块|这片)/;

/**
 * A place no rule book covers that the user says they live in, when no one is said to be in a covered one:
 * the locality's notice the message names is not theirs (我住鲤城区…泉秀的电话), but it is for a relative there
 * (我在香港，屋企人在晋江).
 */
function livesIn(text: string, places: readonly Entity[], covered: readonly Entity[]): { place: string; landmarks: boolean } | undefined {
  if (covered.some((e) => (!reference(text, e) && (LOCATED.test(textBefore(text, e)) || HERE.test(textAfter(text, e)))) || OTHER_THERE.test(textBefore(text, e)))) return undefined;
  const there = covered.length > 0 && covered.every((e) => reference(text, e));
  // (where someone came from is not where they are: 我是台湾来泉州念书的…泉秀那边)
  const home = there ? places.find((e) => !ORIGIN_AFTER.test(textAfter(text, e)) && !FROM_BEFORE.test(textBefore(text, e))) : undefined;
  if (home) return { place: home.name ?? home.text, landmarks: covered.some((e) => !THERE.test(textAfter(text, e))) };
  const p = places.find((e) => RESIDENCE.test(textBefore(text, e))) ?? openingZoned(text, places);
  return p ? { place: p.name ?? p.text, landmarks: false } : undefined;
}

/** A place someone came from: 来 or 到 right after it (台湾来泉州), 从 right before it (从台湾过来). */
const ORIGIN_AFTER = /^(?:人)?(?:过来|来|到)/;
const FROM_BEFORE = /(?:从|打)$/;

/** The text just before an entity, and just after it. */
const textBefore = (text: string, e: Entity): string => text.slice(Math.max(0, e.start - 10), e.start);
const textAfter = (text: string, e: Entity): string => text.slice(e.end, e.end + 4);

/** A covered place named only as over there (听说泉秀那边有夜诊), or to say how near it is (离晋江很近, 跟安海就隔一座桥),
 * beside one of the user's own (鲤城区…我们这边, 我在石狮). */
const reference = (text: string, e: Entity): boolean =>
  THERE.test(textAfter(text, e)) || (NEAR_TO.test(textBefore(text, e)) && NEAR.test(textAfter(text, e))) || BESIDE.test(textBefore(text, e));

/** The places the message opens with (太原小店区), when the user's zone follows them (封控): the last, most specific. */
function openingZoned(text: string, places: readonly Entity[]): Entity | undefined {
  let end = 0;
  let last: Entity | undefined;
  for (const e of [...places].sort((a, b) => a.start - b.start)) {
    if (text.slice(end, e.start).replace(/[\s,，]/g, '')) break;
    last = e;
    end = e.end;
  }
  return last && ZONED.test(text.slice(end, end + 6)) ? last : undefined;
}

/** Spans in quotation marks long enough to be a sentence pasted from a notice (“在定点医院因发现阳性病例…”). */
const QUOTED = /["“「『]([^"”」』]{12,})["”」』]/g;

/**
 * The entities the user says in their own words: those inside a pasted quotation count only for a type the rest of
 * the message does not name (the quote's 阳性病例 is not the user's category when they say 黄码, 看病 themselves).
 */
function ownEntities(entities: readonly Entity[], text: string): readonly Entity[] {
  if (!text.includes('"') && !/[“「『]/.test(text)) return entities;
  const spans: [number, number][] = [];
  for (const m of text.matchAll(QUOTED)) spans.push([m.index, m.index + m[0].length]);
  if (!spans.length) return entities;
  const quoted = (e: Entity): boolean => spans.some(([s, t]) => e.start >= s && e.end <= t);
  const outside = new Set(entities.filter((e) => !quoted(e)).map((e) => e.type));
  return entities.filter((e) => !quoted(e) || !outside.has(e.type));
}

/** The user is somewhere (我被封在晋江, 我住…), someone else lives somewhere (阿嬷一个人住泉秀). */
const SELF_IN = /(?:我|俺|阮)(?:们|现在|目前|就|也|都|还)?(?:被)?(?:封|困|关|隔离|堵)?(?:在|住)$/;
const OTHER_IN = /(?:住|在)$/;

/**
 * Two localities, the user said to be in one and someone else to live in the other (我阿嬷一个人住泉秀…我被封在晋江过不去):
 * the other's is the one the message is about — the user asks for them.
 */
function whoseAbout(text: string, places: readonly Entity[]): Entity | undefined {
  if (new Set(places.map((e) => e.value)).size < 2) return undefined;
  const before = (e: Entity): string => text.slice(Math.max(0, e.start - 8), e.start);
  const self = places.filter((e) => SELF_IN.test(before(e)));
  const others = places.filter((e) => !SELF_IN.test(before(e)) && OTHER_IN.test(before(e)));
  return self.length && others.length === 1 && self.every((e) => e.value !== (others[0] as Entity).value) ? others[0] : undefined;
}

/** The distinct values of entities, in the message's order when `byStart` (else as listed); most lists are empty. */
function valuesOf(list: readonly Entity[], byStart = false): string[] {
  if (!list.length) return [];
  const ordered = byStart ? [...list].sort((a, b) => a.start - b.start) : list;
  return [...new Set(ordered.map((e) => e.value))];
}

/** No cue words (one list, so that its scanner is made once). */
const NO_CUES: readonly string[] = [];

export function readSlots(analysis: Analysis, rules: RuleSet, fullCues: readonly string[], nextCues: readonly string[] = NO_CUES): Slots {
  const { normalised } = analysis;
  const entities = ownEntities(analysis.entities, normalised);
  // (what the user says is full or wants next, not what a pasted notice says: 收治能力满容)
  const own = normalised.replace(QUOTED, ' ');
  // (the lists are shared: copied before sorting)
  const of = byType(entities);
  const facilityEntity = best(of('facility'));
  let facility: Slots['facility'];
  if (facilityEntity) {
    const [locality, id] = facilityEntity.value.split('/') as [string, string];
    const f = rules.byId.get(locality)?.facilities.find((x) => x.id === id);
    if (f) facility = { locality, facility: f };
  }
  // the most specific place wins: a county of a rule book over the rural plan's 农村 in the same message (a place
  // denied beside another, 是晋江 不是忻州, the entity reader has already set aside)
  const placeEntities = [...of('locality'), ...of('place')];
  const specific = placeEntities.filter((e) => !rules.byId.get(e.value)?.fallback);
  const place = whoseAbout(normalised, specific) ?? best(specific.length ? specific : placeEntities);
  const fallback = rules.books.find((b) => b.fallback)?.id;
  // 农村, or a tier only the rural plan names (县级医院, 亚定点医院: no other book has a facility of that name)
  const facilities = of('facility');
  const ruralTier = facilities.some((e) => e.value.startsWith(`${fallback}/`) && !facilities.some((o) => o.start === e.start && !o.value.startsWith(`${fallback}/`)));
  // (…or a county no notice covers, 河北张家口蔚县: a county's care is the rural plan's 县域医共体 and townships)
  const county = of('other_place').some((e) => /[县旗]$/.test(e.name ?? e.text));
  const ruralSaid = of('rural').length > 0 || county;
  const rural = ruralSaid || (ruralTier && !of('category').length) ? fallback : undefined;
  // A named (not generic) facility tells where the user is when no place does.
  const outside = livesIn(normalised, of('other_place'), placeEntities);
  // the covered places named only to say how near they are (我在石狮，离晋江很近): the user is not in them
  // …nor a facility, a person the notice names as a contact does (黄鑫那个号码没人接)
  const contact = best(of('contact'))?.value.split('/')[0];
  // …nor a number one notice prints (0350-3026833 看到在网页最底下: 忻州's page)
  const locality = outside?.landmarks ? undefined : (place?.value ?? (facility && !facility.facility.generic ? facility.locality : undefined) ?? contact ?? rural ?? numberLocality(normalised, rules));
  const role = best(of('role'))?.value;
  const ordinal = /第([一二三123])(个)?后备/.exec(normalised)?.[1];
  const listOrdinal = /第([一二三四1234])(个|家|间|所)/.exec(normalised)?.[1];
  return {
    locality,
    audience: oneAudience(of('audience'), rules, normalised, locality),
    audiences: valuesOf(of('audience'), true),
    categories: valuesOf(of('category'), true),
    denied: valuesOf(of('denied')),
    facility,
    role: role && ROLES.has(role) ? (role as Role) : analysis.forwarded ? 'family_doctor' : undefined,
    topics: valuesOf(of('topic')),
    loadMarks: valuesOf(of('load_mark')),
    full: cueScan(fullCues).any(own),
    backupOrdinal: ordinal ? ORDINALS[ordinal] : undefined,
    ordinal: listOrdinal ? ORDINALS[listOrdinal] : undefined,
    last: /最后(?:一|那|这)?(?:个|家|间|所)|the last one/i.test(normalised),
    next: cueScan(nextCues).any(own),
    // (an address's road or compound is searched for: it is how the facility's address is asked after)
    placeTexts: placeEntities.filter((e) => !e.address).map((e) => e.text),
    plainTexts: analysis.plainTexts ?? [],
    unknownPlace: of('other_place')[0]?.name ?? of('other_place')[0]?.text,
    // (a village of a province no notice covers — 四川广安乡下 — is the rural plan's: it is written for no one place)
    livesOutside: ruralSaid && !specific.length ? undefined : outside?.place,
    ruralOnly: !!fallback && locality === fallback && (!place || place.value === fallback) && !(facility && !facility.facility.generic) && !contact,
  };
}
