// Builds the service and its HTTP server around a store and a core, the way main.ts wires them, for tests.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../src/core/types';
import { createLogger } from '../../src/log';
import { buildServer } from '../../src/http/server';
import { Mailbox } from '../../src/service/mailbox';
import { Metrics } from '../../src/service/metrics';
import type { StaffEvent, StaffRoute } from '../../src/service/ports';
import { ChannelRegistry } from '../../src/service/registry';
import { Service } from '../../src/service/service';
import type { ServiceOptions } from '../../src/service/types';
import { openStore, type Store } from '../../src/store';
import { createCoreDouble } from './core-double';

export const TEST_TOKEN = 'test-admin-token-0123456789';

/** A staff route that records what it is told. */
export function recordingRoute(name = 'recorder'): StaffRoute & { events: StaffEvent[] } {
  const events: StaffEvent[] = [];
  return { name, events, notify: async (e) => void events.push(e) };
}

export interface TestApp {
  app: FastifyInstance;
  service: Service;
  store: Store;
  registry: ChannelRegistry;
  metrics: Metrics;
  mailbox: Mailbox;
  route: ReturnType<typeof recordingRoute>;
  logs: string[];
  clock: { now: number };
  close(): Promise<void>;
}

export async function buildTestApp(
  o: {
    core?: Core;
    store?: Store;
    dataDir?: string;
    adminToken?: string | null;
    service?: Partial<ServiceOptions>;
    /** Extra options of the HTTP server (trustProxy, clientRateLimit…). */
    http?: Partial<Parameters<typeof buildServer>[0]>;
    /** Register channels here (as main.ts does) before the HTTP server is built. */
    beforeServer?: (registry: ChannelRegistry, service: Service) => void;
  } = {},
): Promise<TestApp> {
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs.push(chunk.toString());
        cb();
      },
    }),
  });
  const store = o.store ?? (await openStore({ dataDir: o.dataDir ?? ':memory:' }));
  const registry = new ChannelRegistry(logger);
  const route = recordingRoute();
  registry.addStaffRoute(route);
  const mailbox = new Mailbox(store);
  registry.addSender(mailbox.sender('api'));
  registry.addSender(mailbox.sender('web'));
  const metrics = new Metrics();
  metrics.bind({ openTickets: async () => (await store.listTickets({ state: ['open', 'claimed'] })).length, outboxDepth: () => store.outboxDepth() });
  const clock = { now: Date.UTC(2026, 10, 23, 4, 0, 0) };
  const service = new Service({
    store,
    core: o.core ?? createCoreDouble(),
    registry,
    logger,
    metrics,
    now: () => clock.now,
    rateLimit: 20,
    escalateAfterS: 60,
    ...o.service,
  });
  o.beforeServer?.(registry, service);
  const app = await buildServer({
    service,
    store,
    registry,
    metrics,
    logger,
    mailbox,
    adminToken: o.adminToken === null ? undefined : (o.adminToken ?? TEST_TOKEN),
    ...o.http,
  });
  return {
    app,
    service,
    store,
    registry,
    metrics,
    mailbox,
    route,
    logs,
    clock,
    async close() {
      await app.close();
      await service.drain();
      await store.close();
    },
  };
}

export const auth = { authorization: `Bearer ${TEST_TOKEN}` };
