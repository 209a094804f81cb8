// What the NLU makes of one message. Pure data: the dialogue reads only this.

export type Script = 'simplified' | 'traditional';

export type EntityType =
  | 'locality' // a rule book's locality, value = locality id (xinzhou)
  | 'place' // a sub-area that resolves to a locality, value = locality id, `name` = canonical place name
  | 'audience' // zone or person status, value = audience id (sealed_zone, close_contact…)
  | 'category' // care category, value = category id (dialysis…)
  | 'facility' // a named facility, value = `${locality}/${facilityId}`
  | 'contact' // a person a rule book names as a contact (黄鑫), value = `${locality}/${contactId}`
  | 'topic' // a topic cue (companion, transport, hours…), value = topic id
  | 'role' // family_doctor | hotline_staff | grid_worker | relative | resident
  | 'time' // night | today | tomorrow …
  | 'load_mark' // blue | yellow | red | x
  | 'rural' // the message says it is in a rural area (农村, 村里)
  | 'denied' // a care category's word the message denies (不发烧), value = category id: asks for no care
  | 'other_place'; // a place name (jieba's ns tag) no rule book covers: 太原, 成都; value = the name

export interface Entity {
  type: EntityType;
  value: string;
  /** The text as it stands in the normalised message. */
  text: string;
  /** Offsets into `Analysis.normalised`, end exclusive. */
  start: number;
  end: number;
  /** Canonical name (for places: 忻府区; for localities: 忻州市). */
  name?: string;
  /** 1 for an exact match, lower for a typo-tolerant one. */
  score: number;
  /** A place named by a facility's address (灯荣路, 浦西花园): its words are features too. */
  address?: boolean;
}

export interface RedFlag {
  /** chest_pain | breathing | unconscious | convulsion | head_injury | bleeding | stroke | labour | infant_fever | suicide | allergy | poisoning | dialysis_distress | fall | eye_emergency | … (intents/urgent/classes.yml) */
  id: string;
  text: string;
  start: number;
  end: number;
}

export interface IntentResult {
  name: string;
  confidence: number;
}

export interface Analysis {
  original: string;
  /** Simplified, NFKC, half-width, noise stripped; what entities' offsets point into. */
  normalised: string;
  script: Script;
  /** zh, or en when the message is mostly Latin words. */
  lang: 'zh' | 'en';
  /** False when the message says nothing of its language or script ("Jinjiang", "120", "👍"): the
   * conversation's stand. */
  langKnown?: boolean;
  /** A forwarded message or a "帮居民问…" prefix. */
  forwarded: boolean;
  tokens: string[];
  entities: Entity[];
  /** Words that hold a cue but are something else (lexicon `not_inside`: 黄色的痰, 阿莫西林), as written: no fact is
   * searched for by their words either. */
  plainTexts?: string[];
  /** The best intent, or `fallback` below the confidence threshold. */
  intent: IntentResult;
  /** The top few intents, best first. */
  ranking: IntentResult[];
  redFlags: RedFlag[];
  /** How the urgent decision was reached: the scorer's probability, who raised the flag, and whether a
   * red-flag symptom was only asked about or supposed (the reply then adds "if it is happening now, call 120"). */
  urgency: { score: number; by: 'rules' | 'scorer' | 'both' | null; caution: boolean };
}

export interface Nlu {
  /** `urgent: false`: the red flags are not looked for (a part of a message whose whole was already read for them). */
  analyse(text: string, opts?: { forwarded?: boolean; urgent?: boolean }): Analysis;
  /** Someone's case said to be in a hospital's hands (救护车拉走了), in a normalised text: the urgent scope's `handled`. */
  inCare?(normalised: string): boolean;
}
