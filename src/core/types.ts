// The pure core's inputs and outputs: what a channel hands in and what comes back to send.
import type { Analysis } from '../nlu/types';

export type ChannelName = 'api' | 'web' | 'cli' | 'telegram' | 'wecom' | 'wecom_kf';

/** One message from a user, as every channel adapter hands it to the service. */
export interface Inbound {
  channel: ChannelName;
  /** Unique per channel message: the de-duplication key (telegram: update_id, wecom: MsgId…). */
  messageId: string;
  /** Stable user id on that channel; with `channel` it keys the session. */
  user: string;
  /** Where replies go (a chat id, a WeCom userid, a kf external_userid). */
  chat: string;
  /** text | location | sticker | photo | voice | video | file | event | other */
  kind: string;
  text: string;
  /** Set when the message was forwarded (a family doctor passing on a resident's question). */
  forwardedFrom?: string;
  location?: { latitude: number; longitude: number };
  /** A quick-reply button the user pressed: the option's value. */
  choice?: string;
  /** ms since epoch, when the platform says; else when we received it. */
  sentAt: number;
}

export type Slot = 'locality' | 'zone' | 'category';

export interface QuickReply {
  label: string;
  /** What pressing it sends back as `Inbound.choice` (and as text on channels without buttons). */
  value: string;
}

/** One reply for one turn; a channel may split `text` further to fit its limits. */
export interface Reply {
  /** Parts in the order to send; joined with a newline they make what the user reads. */
  parts: string[];
  urgent: boolean;
  handoff: boolean;
  ask: Slot | null;
  quickReplies: QuickReply[];
  /** Why a handoff was opened (urgent:labour, requested…), when `handoff`. */
  handoffReason?: string;
  /** Locality the answer was given for, if any. */
  locality?: string;
  /** For review and metrics. */
  intent: string;
  /** Citations used (rule book ids). */
  sources: string[];
  /** Set when the reply is worth a human's review: the NLU could not read the message (`fallback`), read it
   * with low confidence (`low_confidence`), or the notice does not say what was asked (`not_in_notice`). */
  review?: 'fallback' | 'low_confidence' | 'not_in_notice';
  script: 'simplified' | 'traditional';
  lang: 'zh' | 'en';
}

export type Role = 'resident' | 'family_doctor' | 'hotline_staff' | 'grid_worker' | 'relative';

/** What the dialogue remembers of a conversation. Plain JSON: stores persist it as it is. */
export interface Session {
  locality?: string;
  audience?: string;
  category?: string;
  /** Every care category of the last message that named any ("孩子发烧": children and fever). */
  categories?: string[];
  role?: Role;
  script?: 'simplified' | 'traditional';
  lang?: 'zh' | 'en';
  /** A language the user chose (/lang): replies keep to it whatever the script of their messages. */
  preferred?: { lang: 'zh' | 'en'; script: 'simplified' | 'traditional' };
  /** The last answered intent and its slots, for follow-ups ("那孕妇呢"). */
  lastIntent?: string;
  lastTopic?: string;
  lastFacility?: string;
  /** Fact units of the last answer (retrieval ranks them up for a follow-up). */
  lastUnits?: string[];
  /** The ordered list the last designation answer gave (designated hospitals, then backups in order), so that
   * "第二个呢", "再不行呢", "and the next one?" can walk it. `at`: the index the answer put first. */
  lastList?: { locality: string; category: string; designated: string[]; backups: string[]; at: number };
  /** A question the bot asked and waits on, resumed once the slot is filled: its intent and how sure the NLU was of it
   *  (`confidence`), `text` its words (personal numbers removed). */
  pending?: { slot: Slot; intent: string; alternatives?: string[]; text?: string; confidence?: number; topics?: string[] };
  /** Facilities the user told us are full in this conversation ("要是晋江市医院收满了呢"). */
  assumedFull?: string[];
  /** A handoff is open (set by the core when it hands off; the service adds the ticket id and, when a
   * staff member claims it, `heldBy`: while a human holds the conversation the bot does not answer,
   * except to repeat the emergency instruction on a red flag). */
  handoff?: { ticketId?: string; since: number; reason: string; heldBy?: string } | null;
  /** The turn an urgent reply was given in: the next one repeats 120 first unless help is said to be coming. */
  urgentTurn?: number;
  turns: number;
}

/**
 * A new session, with every key of a session there (unset) and in one order: a turn copies its session several
 * times (`{ ...s, pending: undefined }`), and copies of one shape keep it, so the dialogue's reads of a session
 * meet one hidden class rather than one for each set of keys a conversation happened to fill, in the order it
 * filled them. Unset keys are not stored (JSON leaves them out). A stored session is given this shape by
 * `sessionOf`.
 */
export const newSession = (): Session => ({
  locality: undefined,
  audience: undefined,
  category: undefined,
  categories: undefined,
  role: undefined,
  script: undefined,
  lang: undefined,
  preferred: undefined,
  lastIntent: undefined,
  lastTopic: undefined,
  lastFacility: undefined,
  lastUnits: undefined,
  lastList: undefined,
  pending: undefined,
  assumedFull: undefined,
  handoff: undefined,
  urgentTurn: undefined,
  turns: 0,
});

/** A stored session (or a new one) in the shape of `newSession`'s: its keys in that order, whichever it has. */
export const sessionOf = (stored: Session | null | undefined): Session => (stored ? { ...newSession(), ...stored } : newSession());

/** What the core returns for one inbound message. */
export interface TurnResult {
  reply: Reply | null; // null when a human holds the conversation
  session: Session;
  analysis: Analysis;
}

/** A canned answer for hotline staff: generated from the rule books by the same renderer as replies. */
export interface CannedAnswer {
  locality: string;
  /** e.g. 封控区 · 血液透析 · 定点医院 */
  title: string;
  text: string;
  /** Keywords it was indexed under. */
  keywords: string[];
}

/** Everything the core needs besides the message and the session; passed in, never read inside. */
export interface TurnContext {
  /** The live-status overlay from the store. */
  status: import('../rules/types').LiveStatus;
  now: number;
  /** Whether a handoff reaches a person on duty now (a staff route is configured): an urgent reply says
   * that staff were alerted only when they were. Absent: not alerted (the CLI, replay). */
  staffAlerted?: boolean;
}

/** The pure core, loaded once (rules, NLU model, locales) and then called per message. */
export interface Core {
  turn(inbound: Inbound, session: Session, ctx: TurnContext): TurnResult;
  /** Canned answers matching free keywords ("忻州 透析"), best first. */
  kb(query: string, ctx: TurnContext): CannedAnswer[];
  /** Localities covered, for greetings and /locality buttons: id and display name. */
  localities(): { id: string; name: string }[];
  /** Facilities of every rule book (ids are unique across books): what live status may be set on. */
  facilities(): { id: string; name: string; locality: string }[];
  /** What a user is told when nobody has taken their urgent handoff in time: call 120, and the
   * locality's hotline where its notice gives one. */
  escalationNotice(locality: string | undefined, opts: { script: 'simplified' | 'traditional'; lang: 'zh' | 'en' }): string;
  /** What a user writing faster than `perMinute` messages a minute is told: wait `seconds`, 120 if urgent. */
  rateLimitNotice(perMinute: number, seconds: number, opts: { script: 'simplified' | 'traditional'; lang: 'zh' | 'en' }): string;
}
