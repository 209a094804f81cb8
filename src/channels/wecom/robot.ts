// Staff alerts through a WeCom group robot webhook: a markdown message per opened / escalated ticket
// (locality, reason, ticket id, how to take it). The robot accepts 20 messages a minute: alerts beyond
// that wait and go out batched into one message when the window frees. Nothing is dropped: pending alerts
// are kept in deps.kv (so a restart keeps them) and a failed post is retried.
import type { AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { KeyValuePort, StaffEvent, StaffRoute, Ticket } from '../../service/ports';

export const ROBOT_LIMIT = 20;
export const ROBOT_WINDOW_MS = 60_000;
const MARKDOWN_MAX_BYTES = 4096;
const PENDING_KEY = 'wecom:robot:pending';

export interface Alert {
  ticketId: string;
  urgent: boolean;
  /** The alert alone, as one message. */
  full: string;
  /** One line of a batched message. */
  line: string;
}

export interface RobotOptions {
  webhook: string;
  http: AxiosInstance;
  kv: KeyValuePort;
  logger: Logger;
  now(): number;
  localities(): { id: string; name: string }[];
  /** How staff take a ticket, `{id}` replaced by the ticket id. */
  takeHint?: string;
  limit?: number;
  windowMs?: number;
}

const CHANNEL_NAME: Record<string, string> = { wecom: '企业微信应用', wecom_kf: '微信客服', telegram: 'Telegram', web: '网页', api: 'API', cli: 'CLI' };
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
// the robot's markdown treats these as markup; user text is shown literally
const plain = (s: string): string => s.replace(/[<>*`[\]\\]/g, ' ').replace(/\s+/g, ' ').trim();

function reasonText(reason: string): string {
  if (reason.startsWith('urgent:')) return `紧急（${plain(reason.slice(7))}）`;
  if (reason === 'requested') return '用户要求转人工';
  if (reason === 'escalated') return '超时未认领，已升级';
  return plain(reason);
}

export function formatAlert(kind: 'ticket_opened' | 'ticket_escalated', t: Ticket, localities: { id: string; name: string }[], takeHint: string): Alert {
  const locality = t.locality ? (localities.find((l) => l.id === t.locality)?.name ?? t.locality) : '未知';
  const how =
    t.channel === 'wecom_kf'
      ? `已转入微信客服待接入池：在企业微信「微信客服」中接入；或${takeHint.replace(/\{id\}/g, t.id)}`
      : takeHint.replace(/\{id\}/g, t.id);
  const title = kind === 'ticket_escalated' ? `升级（第 ${t.level} 级）` : t.urgent ? '紧急转人工' : '转人工';
  const color = t.urgent ? 'warning' : 'info';
  const last = [...t.lastMessages].reverse().find((m) => m.from === 'user');
  const lastText = last ? plain(last.text).slice(0, 120) : '';
  const full = [
    `## <font color="${color}">${title}</font> 工单 ${plain(t.id)}`,
    `> 地区：${plain(locality)}`,
    `> 原因：${reasonText(t.reason)}`,
    `> 渠道：${CHANNEL_NAME[t.channel] ?? t.channel}`,
    ...(lastText ? [`> 用户最近一句：${lastText}`] : []),
    `认领：${how}`,
  ].join('\n');
  const line = `- ${t.urgent ? '<font color="warning">紧急</font> ' : ''}**${plain(t.id)}** ${plain(locality)} · ${reasonText(t.reason)} · ${CHANNEL_NAME[t.channel] ?? t.channel}${kind === 'ticket_escalated' ? ` · 升级第 ${t.level} 级` : ''}`;
  return { ticketId: t.id, urgent: t.urgent, full, line };
}

export class RobotRoute implements StaffRoute {
  readonly name = 'wecom_robot';
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly takeHint: string;
  /** When each of the posts in the current window went out. */
  private sent: number[] = [];
  private pending: Alert[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private retryAt = 0;
  /** Set when alerts had to wait for the window: what waited goes out as one batched message. */
  private backlog = false;
  private stopped = false;

  constructor(private readonly o: RobotOptions) {
    this.limit = o.limit ?? ROBOT_LIMIT;
    this.windowMs = o.windowMs ?? ROBOT_WINDOW_MS;
    this.takeHint = o.takeHint ?? '值班台认领 POST /api/v1/tickets/{id}/claim';
  }

  /** Loads alerts left pending by a previous run and sends what the limit allows. */
  async start(): Promise<void> {
    const saved = await this.o.kv.get(PENDING_KEY);
    if (saved) {
      try {
        const alerts = JSON.parse(saved) as Alert[];
        const known = new Set(this.pending.map((a) => a.ticketId + a.line));
        this.pending = [...alerts.filter((a) => !known.has(a.ticketId + a.line)), ...this.pending];
        if (this.pending.length > 1) this.backlog = true;
      } catch {
        this.o.logger.warn('wecom robot: unreadable pending alerts in the store, ignored');
      }
    }
    await this.flush();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  async notify(event: StaffEvent): Promise<void> {
    if (event.kind !== 'ticket_opened' && event.kind !== 'ticket_escalated') return;
    this.pending.push(formatAlert(event.kind, event.ticket, this.o.localities(), this.takeHint));
    await this.save();
    await this.flush();
  }

  /** Sends what the rate limit allows now; schedules the rest. Calls are serialised. */
  flush(): Promise<void> {
    const next = this.chain.then(() => this.flushNow());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async flushNow(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped) {
      const now = this.o.now();
      if (now < this.retryAt) return this.schedule(this.retryAt - now);
      this.sent = this.sent.filter((t) => now - t < this.windowMs);
      const free = this.limit - this.sent.length;
      if (free <= 0) {
        this.backlog = true;
        return this.schedule(this.sent[0]! + this.windowMs - now);
      }
      // one message per alert while the window has room; alerts that waited for the window, or more alerts
      // than the window has room for, go out together in one message (as many as fit), urgent ones first
      let take: Alert[];
      let content: string;
      const batch = this.pending.length > 1 && (this.backlog || (free === 1 && this.pending.length > 1));
      if (!batch) {
        take = [this.pending[0]!];
        content = take[0]!.full;
      } else {
        take = [];
        const head = (n: number) => `## 待处理工单 ${n} 条（告警已达每分钟上限，合并发送）`;
        let size = bytes(head(this.pending.length)) + 1;
        const ordered = [...this.pending.filter((a) => a.urgent), ...this.pending.filter((a) => !a.urgent)];
        for (const a of ordered) {
          if (take.length > 0 && size + bytes(a.line) + 1 > MARKDOWN_MAX_BYTES) break;
          take.push(a);
          size += bytes(a.line) + 1;
        }
        content = [head(take.length), ...take.map((a) => a.line)].join('\n');
      }
      const ok = await this.post(content);
      this.sent.push(this.o.now());
      if (!ok) {
        this.retryAt = this.o.now() + Math.min(this.windowMs, 5_000);
        continue;
      }
      const done = new Set(take);
      this.pending = this.pending.filter((a) => !done.has(a));
      if (this.pending.length === 0) this.backlog = false;
      await this.save();
    }
  }

  private async post(content: string): Promise<boolean> {
    try {
      const res = await this.o.http.post(this.o.webhook, { msgtype: 'markdown', markdown: { content } });
      const code = (res.data as { errcode?: number } | undefined)?.errcode;
      if (res.status === 200 && code === 0) return true;
      if (code === 45009) {
        // the robot says the minute is used up (another sender shares it): wait a full window
        this.sent = Array.from({ length: this.limit }, () => this.o.now());
      }
      this.o.logger.warn({ status: res.status, errcode: code }, 'wecom robot: alert not accepted, will retry');
      return false;
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, 'wecom robot: alert post failed, will retry');
      return false;
    }
  }

  private schedule(ms: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, Math.max(ms, 10));
    this.timer.unref();
  }

  private async save(): Promise<void> {
    try {
      await this.o.kv.set(PENDING_KEY, JSON.stringify(this.pending));
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, 'wecom robot: could not persist pending alerts');
    }
  }
}
