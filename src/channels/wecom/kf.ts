// 微信客服 (kf): a `kf_msg_or_event` callback → kf/sync_msg from the cursor kept in deps.kv → each customer
// message (origin 3) → deps.inbound.accept. Syncs run one at a time; an event arriving during a sync
// triggers one more run afterwards. The cursor advances only after a page's messages are all accepted
// (accept de-duplicates by msgid, so a crash in between re-reads at most one page).
// Handoff: a ticket opened for a kf user moves the kf session to the human reception pool
// (service_state 2, or 3 with a named servicer); closing it ends the human session (state 4) so the
// user's next message starts a new session that the bot answers (WeCom allows no 2/3 → 1 change).
import type { Logger } from 'pino';
import type { Inbound } from '../../core/types';
import type { InboundPort, KeyValuePort, StaffEvent, StaffRoute } from '../../service/ports';
import type { WecomApi, WecomResponse } from './api';
import { parseKfChat } from './senders';

interface KfMessage {
  msgid?: string;
  open_kfid?: string;
  external_userid?: string;
  send_time?: number;
  origin?: number;
  msgtype?: string;
  text?: { content?: string; menu_id?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
}

const ORIGIN_CUSTOMER = 3;
const MAX_PAGES_PER_RUN = 50;
const KIND: Record<string, string> = { image: 'photo', voice: 'voice', video: 'video', file: 'file' };

export const cursorKey = (openKfid: string): string => `wecom_kf:cursor:${openKfid}`;

export function kfMessageToInbound(m: KfMessage, receivedAt: number): Inbound | null {
  if (m.origin !== ORIGIN_CUSTOMER || !m.msgid || !m.open_kfid || !m.external_userid) return null;
  const base = {
    channel: 'wecom_kf' as const,
    messageId: m.msgid,
    user: m.external_userid,
    chat: `${m.open_kfid}:${m.external_userid}`,
    sentAt: typeof m.send_time === 'number' ? m.send_time * 1000 : receivedAt,
  };
  if (m.msgtype === 'text') {
    const menuId = m.text?.menu_id;
    return { ...base, kind: 'text', text: m.text?.content ?? '', ...(menuId ? { choice: menuId } : {}) };
  }
  if (m.msgtype === 'location' && typeof m.location?.latitude === 'number' && typeof m.location.longitude === 'number') {
    const text = [m.location.name, m.location.address].filter(Boolean).join(' ');
    return { ...base, kind: 'location', text, location: { latitude: m.location.latitude, longitude: m.location.longitude } };
  }
  return { ...base, kind: KIND[m.msgtype ?? ''] ?? 'other', text: '' };
}

export class KfSync {
  private running: Promise<void> | null = null;
  /** Tokens of events that arrived while a sync ran, by open_kfid: one more run each. */
  private readonly again = new Map<string, string | undefined>();
  private stopped = false;

  constructor(
    private readonly api: WecomApi,
    private readonly inbound: InboundPort,
    private readonly kv: KeyValuePort,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  /** A kf_msg_or_event arrived: sync (now, or after the running sync). Never rejects. */
  onEvent(openKfid: string, token?: string): Promise<void> {
    this.again.set(openKfid, token);
    if (!this.running) this.running = this.drain();
    return this.running;
  }

  /** Resolves when no sync is running. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && this.again.size > 0) {
        const [openKfid, token] = this.again.entries().next().value as [string, string | undefined];
        this.again.delete(openKfid);
        try {
          await this.syncAll(openKfid, token);
        } catch (err) {
          this.logger.error({ err: (err as Error).message, openKfid }, 'wecom kf sync failed');
        }
      }
    } finally {
      this.running = null;
    }
  }

  private async syncAll(openKfid: string, token: string | undefined): Promise<void> {
    for (let page = 0; page < MAX_PAGES_PER_RUN && !this.stopped; page++) {
      const cursor = await this.kv.get(cursorKey(openKfid));
      const body: Record<string, unknown> = { open_kfid: openKfid, limit: 1000, ...(cursor ? { cursor } : {}), ...(token ? { token } : {}) };
      const res = await this.api.post('/cgi-bin/kf/sync_msg', body);
      if (res.errcode !== 0) throw new Error(`sync_msg errcode ${res.errcode}`);
      const list = Array.isArray(res['msg_list']) ? (res['msg_list'] as KfMessage[]) : [];
      let accepted = 0;
      for (const m of list) {
        const inbound = kfMessageToInbound(m, this.now());
        if (!inbound) continue;
        await this.inbound.accept(inbound); // throws → cursor not advanced, the page is read again next time
        accepted++;
      }
      const next = res['next_cursor'];
      if (typeof next === 'string' && next.length > 0) await this.kv.set(cursorKey(openKfid), next);
      this.logger.debug({ openKfid, messages: list.length, accepted }, 'wecom kf sync page');
      if (res['has_more'] !== 1 && res['has_more'] !== true) return;
    }
  }
}

/** Moves kf sessions to the human reception pool when a ticket opens, and ends them when it closes. */
export function createKfHandoffRoute(api: WecomApi, logger: Logger, servicerUserid?: string): StaffRoute {
  const trans = async (openKfid: string, externalUserid: string, state: number): Promise<WecomResponse> =>
    api.post('/cgi-bin/kf/service_state/trans', {
      open_kfid: openKfid,
      external_userid: externalUserid,
      service_state: state,
      ...(state === 3 && servicerUserid ? { servicer_userid: servicerUserid } : {}),
    });
  return {
    name: 'wecom_kf_handoff',
    async notify(event: StaffEvent): Promise<void> {
      const t = event.ticket;
      if (t.channel !== 'wecom_kf') return;
      const to = parseKfChat(t.chat);
      if (!to) return;
      try {
        if (event.kind === 'ticket_opened') {
          const res = await trans(to.openKfid, to.externalUserid, servicerUserid ? 3 : 2);
          if (res.errcode !== 0) logger.warn({ ticket: t.id, errcode: res.errcode }, 'wecom kf: handing the session to reception failed');
        } else if (event.kind === 'ticket_closed') {
          const st = await api.post('/cgi-bin/kf/service_state/get', { open_kfid: to.openKfid, external_userid: to.externalUserid });
          const state = Number(st['service_state']);
          if (st.errcode === 0 && (state === 2 || state === 3)) {
            const res = await trans(to.openKfid, to.externalUserid, 4);
            if (res.errcode !== 0) logger.warn({ ticket: t.id, errcode: res.errcode }, 'wecom kf: ending the human session failed');
          }
        }
      } catch (err) {
        logger.warn({ ticket: t.id, err: (err as Error).message }, 'wecom kf: session state change failed');
      }
    },
  };
}
