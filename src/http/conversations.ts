// Conversation tokens for the HTTP API and the web chat: a conversation's first message (or
// POST /api/v1/conversations) issues a secret only its owner holds; every later message and every read of
// its mailbox must carry it (X-Conversation-Token). Only the token's sha256 is stored; verified digests are
// remembered in a bounded map so a message costs no extra store read.
import type { ChannelName } from '../core/types';
import type { ConsoleStore } from '../store/console-port';
import { digest, newSecret, sameSecret } from '../staff/tokens';

export type TokenCheck = { ok: true; issued?: string } | { ok: false };

const CACHE = 20_000;

export class ConversationTokens {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly store: Pick<ConsoleStore, 'getConversationToken' | 'putConversationToken'>,
    private readonly now: () => number = Date.now,
  ) {}

  private remember(key: string, hash: string): void {
    if (this.known.size >= CACHE) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, hash);
  }

  private async stored(channel: ChannelName, user: string): Promise<string | null> {
    const key = `${channel}:${user}`;
    const hit = this.known.get(key);
    if (hit) return hit;
    const hash = await this.store.getConversationToken(channel, user);
    if (hash) this.remember(key, hash);
    return hash;
  }

  /** A new conversation's token (first come, first served: null when the conversation has one already). */
  async issue(channel: ChannelName, user: string): Promise<string | null> {
    const token = newSecret('c_');
    const hash = digest(token);
    const kept = await this.store.putConversationToken(channel, user, hash, this.now());
    this.remember(`${channel}:${user}`, kept);
    return kept === hash ? token : null;
  }

  /** For a message: the right token passes; no token on a conversation without one issues it (its first
   * contact); anything else is refused. */
  async forMessage(channel: ChannelName, user: string, token: string | undefined): Promise<TokenCheck> {
    const hash = await this.stored(channel, user);
    if (hash) return token && sameSecret(digest(token), hash) ? { ok: true } : { ok: false };
    if (token) return { ok: false }; // a token for a conversation that has none (purged, or never issued here)
    const issued = await this.issue(channel, user);
    return issued ? { ok: true, issued } : { ok: false };
  }

  /** For reading the mailbox: only the right token. */
  async forRead(channel: ChannelName, user: string, token: string | undefined): Promise<boolean> {
    if (!token) return false;
    const hash = await this.stored(channel, user);
    return !!hash && sameSecret(digest(token), hash);
  }
}
