// What the staff console keeps in the store, beside the service's data (port.ts): staff accounts and their
// sessions, the audit log, the review queue, the web chat / API conversation tokens, and the counts behind
// the console's charts. Both adapters implement it (sqlite-console.ts, mongo-console.ts); the store contract
// (test/store/console-contract.ts) runs against each.
import type { ChannelName } from '../core/types';

/** hotline staff work tickets and review; administrators also reassign others' tickets. */
export type StaffRole = 'staff' | 'admin';

export interface StaffAccount {
  /** Login name, unique; what tickets and the audit log record as the actor. */
  username: string;
  /** What residents and colleagues see (王医生). */
  displayName: string;
  role: StaffRole;
  /** argon2id PHC string; never leaves the server. */
  passwordHash: string;
  /** sha256 of the account's API bearer token, when one was issued. */
  tokenHash?: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewStaff = Omit<StaffAccount, 'createdAt' | 'updatedAt' | 'disabled' | 'tokenHash'>;
export type StaffPatch = Partial<Pick<StaffAccount, 'displayName' | 'role' | 'passwordHash' | 'disabled'>> & {
  /** null removes the token. */
  tokenHash?: string | null;
};

/** A signed-in browser: the cookie's value is never stored, only its sha256. */
export interface StaffSessionRecord {
  idHash: string;
  username: string;
  /** The synchronizer token every state-changing request of this session carries (x-csrf-token). */
  csrf: string;
  createdAt: number;
  expiresAt: number;
}

/** One staff action: who, when, what. */
export interface AuditEntry {
  id: string;
  at: number;
  /** The staff username (or `token:<name>` for the shared bootstrap token). */
  actor: string;
  /** claim, reply, transfer, close, status, review, false_alarm, login, login_failed, logout, token… */
  action: string;
  /** What it acted on: a ticket id, a facility id, a review item id, an account. */
  target?: string;
  detail?: Record<string, unknown>;
}

export type ReviewReason = 'fallback' | 'low_confidence' | 'not_in_notice' | 'false_alarm';
export type ReviewVerdict = 'fine' | 'wrong' | 'train';

/** A message worth a human's look: what the user wrote (redacted) and what the bot said. */
export interface ReviewItem {
  id: string;
  at: number;
  channel: ChannelName;
  /** The inbound message id (or `ticket:<id>` for a false alarm): one item per message. */
  messageId: string;
  locality?: string;
  intent: string;
  reason: ReviewReason;
  /** The user's words, redacted. */
  text: string;
  /** The bot's reply as the user read it (clipped). */
  reply: string;
  verdict?: ReviewVerdict;
  /** The intent it should have had (wrong, train). */
  rightIntent?: string;
  note?: string;
  reviewedBy?: string;
  reviewedAt?: number;
}

export type NewReviewItem = Omit<ReviewItem, 'id' | 'verdict' | 'rightIntent' | 'note' | 'reviewedBy' | 'reviewedAt'>;

export interface ReviewMark {
  verdict: ReviewVerdict;
  rightIntent?: string;
  note?: string;
  reviewedBy: string;
}

export interface ReviewFilter {
  /** pending: not yet marked; reviewed: marked; default all. */
  state?: 'pending' | 'reviewed' | 'all';
  verdict?: ReviewVerdict[];
  since?: number;
  limit?: number;
}

/** Messages processed between two times: by locality (null: none known) and by hour from `since`. */
export interface InboundStats {
  messages: number;
  urgent: number;
  byLocality: { locality: string | null; messages: number; urgent: number }[];
  /** hour index from `since` (0, 1, …) → messages that hour; hours without messages are absent. */
  byHour: { hour: number; messages: number }[];
}

export interface ConsoleStore {
  // --- staff accounts --------------------------------------------------------------------------------
  /** null when the username is taken. */
  createStaff(account: NewStaff, now: number): Promise<StaffAccount | null>;
  updateStaff(username: string, patch: StaffPatch, now: number): Promise<StaffAccount | null>;
  getStaff(username: string): Promise<StaffAccount | null>;
  staffByTokenHash(tokenHash: string): Promise<StaffAccount | null>;
  listStaff(): Promise<StaffAccount[]>;

  // --- staff sessions --------------------------------------------------------------------------------
  createStaffSession(session: StaffSessionRecord): Promise<void>;
  getStaffSession(idHash: string): Promise<StaffSessionRecord | null>;
  deleteStaffSession(idHash: string): Promise<void>;
  /** Signs an account out everywhere (password reset, disabled). */
  deleteStaffSessionsOf(username: string): Promise<number>;

  // --- audit log -------------------------------------------------------------------------------------
  addAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  /** Newest first. */
  listAudit(filter?: { since?: number; action?: string; target?: string; limit?: number }): Promise<AuditEntry[]>;

  // --- review queue ----------------------------------------------------------------------------------
  /** One item per channel + messageId: a second add returns the first and changes nothing. */
  addReviewItem(item: NewReviewItem): Promise<ReviewItem>;
  /** Newest first. */
  listReviewItems(filter?: ReviewFilter): Promise<ReviewItem[]>;
  markReviewItem(id: string, mark: ReviewMark, now: number): Promise<ReviewItem | null>;

  // --- conversation tokens (web chat, API) -----------------------------------------------------------
  /** Stores the token's hash for a conversation unless one is stored already; returns the stored one. */
  putConversationToken(channel: ChannelName, user: string, tokenHash: string, now: number): Promise<string>;
  getConversationToken(channel: ChannelName, user: string): Promise<string | null>;

  // --- counts ----------------------------------------------------------------------------------------
  inboundStats(since: number, until: number): Promise<InboundStats>;

  /** Removes expired staff sessions, and review items and conversation tokens older than `ageMs`. */
  purgeConsoleData(ageMs: number, now: number): Promise<{ sessions: number; review: number; conversationTokens: number }>;
}
