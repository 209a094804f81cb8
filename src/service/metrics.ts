// Prometheus metrics (GET /metrics). One registry per service instance, so tests can run several.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsSources {
  openTickets(): Promise<number>;
  outboxDepth(): Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();
  readonly messages: Counter<'channel' | 'intent'>;
  readonly latency: Histogram<'channel'>;
  readonly fallbacks: Counter<'channel'>;
  readonly urgent: Counter<'channel'>;
  readonly rateLimited: Counter<'channel'>;
  readonly duplicates: Counter<'channel'>;
  readonly handoffs: Counter<'reason'>;
  readonly escalations: Counter;
  readonly errors: Counter<'stage'>;
  readonly outboxResults: Counter<'channel' | 'result'>;
  readonly timeToClaim: Histogram<'urgent'>;
  readonly connectionsRefused: Counter;
  readonly sessionConflicts: Counter;

  constructor(opts: { defaults?: boolean } = {}) {
    const registers = [this.registry];
    this.messages = new Counter({
      name: 'jiuyi_messages_total',
      help: 'Inbound messages processed, by channel and intent',
      labelNames: ['channel', 'intent'],
      registers,
    });
    this.latency = new Histogram({
      name: 'jiuyi_message_duration_seconds',
      help: 'Time from accepting a message to its reply being enqueued or returned (persistence included)',
      labelNames: ['channel'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.fallbacks = new Counter({
      name: 'jiuyi_fallbacks_total',
      help: 'Messages the bot could not understand (fallback intent)',
      labelNames: ['channel'],
      registers,
    });
    this.urgent = new Counter({
      name: 'jiuyi_urgent_total',
      help: 'Urgent replies (red flags)',
      labelNames: ['channel'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'jiuyi_rate_limited_total',
      help: 'Messages refused by the per-user rate limit',
      labelNames: ['channel'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'jiuyi_duplicates_total',
      help: 'Duplicate deliveries of a message already accepted',
      labelNames: ['channel'],
      registers,
    });
    this.handoffs = new Counter({
      name: 'jiuyi_tickets_opened_total',
      help: 'Handoff tickets opened, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.escalations = new Counter({
      name: 'jiuyi_tickets_escalated_total',
      help: 'Urgent tickets escalated because no one claimed them in time',
      registers,
    });
    this.errors = new Counter({
      name: 'jiuyi_errors_total',
      help: 'Errors while processing, by stage',
      labelNames: ['stage'],
      registers,
    });
    this.outboxResults = new Counter({
      name: 'jiuyi_outbox_results_total',
      help: 'Outbox send attempts by channel and result (sent, retry, dead, deferred)',
      labelNames: ['channel', 'result'],
      registers,
    });
    this.timeToClaim = new Histogram({
      name: 'jiuyi_ticket_time_to_claim_seconds',
      help: 'Time from a handoff ticket opening to a staff member claiming it, by urgency',
      labelNames: ['urgent'],
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600],
      registers,
    });
    this.connectionsRefused = new Counter({
      name: 'jiuyi_http_connections_refused_total',
      help: 'HTTP connections closed on arrival: too many from one address (JIUYI_MAX_CONNECTIONS_PER_IP)',
      registers,
    });
    this.sessionConflicts = new Counter({
      name: 'jiuyi_session_conflicts_total',
      help: 'Turns run again because another writer (another instance) saved the conversation\'s session meanwhile',
      registers,
    });
    if (opts.defaults) collectDefaultMetrics({ register: this.registry });
  }

  /** Gauges read from the store when scraped. */
  bind(sources: MetricsSources): void {
    const registers = [this.registry];
    new Gauge({
      name: 'jiuyi_open_tickets',
      help: 'Handoff tickets open or claimed',
      registers,
      async collect() {
        this.set(await sources.openTickets());
      },
    });
    new Gauge({
      name: 'jiuyi_outbox_depth',
      help: 'Replies waiting in the outbox',
      registers,
      async collect() {
        this.set(await sources.outboxDepth());
      },
    });
  }
}
