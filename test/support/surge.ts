// A surge, scaled down: `updates` Telegram messages from as many chats within `overMs`, every
// `urgentEvery`th one urgent, posted to the webhook of one or more instances in turn; the replies counted as
// the fake Telegram received them. Used by the surge test (CI) and `npm run -s bench -- --surge`.
import type { FakeTelegram } from './fake-telegram';
import { maxInWindow, minChatGap, violations } from './sliding';

export interface SurgeOptions {
  /** Base URLs of the instances (their /telegram/webhook takes the updates in turn). */
  targets: string[];
  secret: string;
  updates: number;
  overMs: number;
  urgentEvery: number;
  /** Give up waiting for the replies after this long (ms). */
  timeoutMs: number;
  /** The first chat id (distinct per run). */
  firstChat?: number;
  /** How long after an urgent message an ordinary one must be posted to count as written after it (ms; default 0):
   * requests posted a few tens of milliseconds apart may reach a loaded service in either order, which says nothing
   * of its queue. */
  laterBy?: number;
}

export interface SurgeFigures {
  updates: number;
  urgent: number;
  answered: number;
  unanswered: number;
  http_5xx: number;
  sends: number;
  busiest_second: number;
  /** Sliding seconds with more than 30 sends overall (each send that ends one counts). */
  violations_overall: number;
  /** Sends to a chat less than a second after the previous one to it. */
  violations_per_chat: number;
  smallest_chat_gap_ms: number | null;
  urgent_p50_ms: number;
  urgent_p99_ms: number;
  other_p50_ms: number;
  other_p99_ms: number;
  /** Pairs (urgent message, ordinary message posted before it) where the urgent one was answered first: the
   * queue jumped. */
  urgent_ahead: number;
  /** Pairs (urgent message, ordinary message posted after it — `laterBy` or more) where the ordinary one was answered first. */
  urgent_behind: number;
  /** Pairs (urgent message, ordinary message posted `laterBy` or more after it), both answered: urgent_behind's whole. */
  later_pairs: number;
  drained_s: number;
}

const URGENT = '我在忻州，家里老人突然胸口疼，喘不上气';
const PLAIN = ['我在忻州封控区，需要定期做血液透析，应该去哪家医院？', '晋江的发热门诊在哪', '我在烟台，管控区的人看病要怎么出去', '泉秀街道的孕妇产检怎么办'];

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function runSurge(tg: FakeTelegram, o: SurgeOptions): Promise<SurgeFigures> {
  const first = o.firstChat ?? 600_000;
  const posted = new Map<number, { at: number; urgent: boolean }>();
  const statuses: number[] = [];
  const t0 = Date.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < o.updates; i++) {
    const due = t0 + (i * o.overMs) / o.updates;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const chat = first + i;
    const urgent = i % o.urgentEvery === o.urgentEvery - 1;
    const update = {
      update_id: chat,
      message: { message_id: chat, from: { id: chat, is_bot: false, first_name: 'R' }, chat: { id: chat, type: 'private' }, date: Math.floor(Date.now() / 1000), text: urgent ? URGENT : PLAIN[i % PLAIN.length] },
    };
    posted.set(chat, { at: Date.now(), urgent });
    sent.push(
      fetch(`${o.targets[i % o.targets.length]}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': o.secret },
        body: JSON.stringify(update),
      }).then(
        (r) => void statuses.push(r.status),
        () => void statuses.push(599),
      ),
    );
  }
  await Promise.all(sent);
  const mine = () => tg.callsTo('sendMessage').filter((c) => posted.has(Number(c.body.chat_id)));
  const answered = () => new Set(mine().map((c) => Number(c.body.chat_id))).size;
  await tg.waitFor(() => answered() >= o.updates || undefined, o.timeoutMs).catch(() => undefined);
  const drained = (Date.now() - t0) / 1000;
  const sends = mine();
  const firstReply = new Map<number, number>();
  for (const c of sends) if (!firstReply.has(Number(c.body.chat_id))) firstReply.set(Number(c.body.chat_id), c.at);
  const urgentMs: number[] = [];
  const otherMs: number[] = [];
  for (const [chat, p] of posted) {
    const at = firstReply.get(chat);
    if (at !== undefined) (p.urgent ? urgentMs : otherMs).push(at - p.at);
  }
  const laterBy = o.laterBy ?? 0;
  let ahead = 0;
  let behind = 0;
  let later = 0;
  const replied = [...posted].flatMap(([chat, p]) => (firstReply.has(chat) ? [{ ...p, reply: firstReply.get(chat)! }] : []));
  const ordinary = replied.filter((r) => !r.urgent);
  for (const u of replied.filter((r) => r.urgent))
    for (const o of ordinary) {
      if (o.at < u.at && o.reply > u.reply) ahead++;
      if (o.at <= u.at + laterBy) continue;
      later++;
      if (o.reply < u.reply) behind++;
    }
  const chatSends = sends.map((c) => ({ chat: String(c.body.chat_id), at: c.at }));
  const byChat = new Map<string, number[]>();
  for (const s of chatSends) byChat.set(s.chat, [...(byChat.get(s.chat) ?? []), s.at]);
  const perChat = [...byChat.values()].reduce((n, ts) => n + violations(ts, 1000, 1), 0);
  const gap = minChatGap(chatSends);
  return {
    updates: o.updates,
    urgent: [...posted.values()].filter((p) => p.urgent).length,
    answered: firstReply.size,
    unanswered: o.updates - firstReply.size,
    http_5xx: statuses.filter((s) => s >= 500).length,
    sends: sends.length,
    busiest_second: maxInWindow(sends.map((c) => c.at), 1000),
    violations_overall: violations(sends.map((c) => c.at), 1000, 30),
    violations_per_chat: perChat,
    smallest_chat_gap_ms: Number.isFinite(gap) ? gap : null,
    urgent_p50_ms: pct(urgentMs, 50),
    urgent_p99_ms: pct(urgentMs, 99),
    other_p50_ms: pct(otherMs, 50),
    other_p99_ms: pct(otherMs, 99),
    urgent_ahead: ahead,
    urgent_behind: behind,
    later_pairs: later,
    drained_s: Math.round(drained * 10) / 10,
  };
}
