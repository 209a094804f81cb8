// The service layer: orchestration (Service), the channel registry, and what channels plug in with.
//
// How a channel plugs in: `src/channels/<name>/index.ts` exports a ChannelFactory
// (`createTelegramChannel(deps)`, `createWecomChannel(deps)`), called by src/main.ts only when the
// channel's configuration is present, with ChannelFactoryDeps (the InboundPort, TicketPort, KeyValuePort,
// kb, localities, a child logger, now, and the whole validated Config). It returns a Channel (ports.ts):
// `senders` (one ChannelSender per platform channel name; the outbox sends that channel's items through
// it), `staffRoutes` (each gets every StaffEvent), `routes` (a fastify plugin registered on the main
// server before it listens: webhooks), and `start()` / `stop()` for background work. main.ts passes it to
// `registry.addChannel(channel)`, builds the HTTP server from the registry, starts the outbox with
// `registry.senders`, then calls `start()`; on SIGTERM it calls `stop()` before draining.
export { Service, SYNC_CHANNELS, sessionKey } from './service';
export { ChannelRegistry, type RoutePlugin } from './registry';
export { Mailbox, type MailboxMessage } from './mailbox';
export { Metrics } from './metrics';
export { ServiceError, type ServiceErrorCode } from './errors';
export type { ChannelFactory, ChannelFactoryDeps, EscalationNotice, HandleResult, OutboxSink, ServiceOptions } from './types';
export type * from './ports';
