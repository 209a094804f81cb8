// `npm start`: configuration → logger → store → core → service → outbox → channels → HTTP.
// `start()` is also what the restart test and the HTTP benchmark run. SIGTERM / SIGINT drain and exit 0.
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, parseConfig, type Config } from './config';
import type { Core } from './core/types';
import { buildServer } from './http/server';
import { createLogger } from './log';
import { createOutbox, type Outbox } from './outbox';
import { CoreThreads } from './service/core-threads';
import { MAILBOX_CHANNELS, Mailbox } from './service/mailbox';
import { Metrics } from './service/metrics';
import type { Channel } from './service/ports';
import { ChannelRegistry } from './service/registry';
import { Service } from './service/service';
import { RulesReloader } from './service/reload';
import { inProcess, type TurnRunner } from './service/turn';
import { warmUp, warmUpInSteps } from './service/warm';
import type { ChannelFactory, ChannelFactoryDeps } from './service/types';
import { dataDir } from './data/root';
import { readRuleFiles, RuleBookError, type RuleFile } from './rules/load';
import { openStore, type Store } from './store';
import { lockDataDir } from './store/data-dir-lock';
import { Instances } from './service/instances';
import { SharedLimiter } from './service/shared-limit';
import { mkdirSync } from 'node:fs';

const lockDataDirMade = (dir: string): (() => void) => {
  mkdirSync(dir, { recursive: true });
  return lockDataDir(dir);
};

export interface StartOptions {
  /** Environment to read instead of process.env (+ .env). */
  env?: Record<string, string | undefined>;
  /** Replaces parts of the validated configuration (tests, benchmarks). */
  override?: Partial<Config>;
  /** A core to use instead of loading one from rules/, intents/, locales/. */
  core?: Core;
  logger?: Logger;
}

export interface Running {
  config: Config;
  app: FastifyInstance;
  service: Service;
  store: Store;
  registry: ChannelRegistry;
  logger: Logger;
  /** http://host:port the server listens on. */
  url: string;
  port: number;
  startupMs: number;
  /** The core worker threads, once started (null: turns on this thread). */
  threads(): CoreThreads | null;
  /** Stops taking requests, drains in-flight work and the outbox, closes the store. */
  stop(): Promise<void>;
}

/** The channel modules the service knows; each starts only when its configuration is present. */
const CHANNELS: { name: string; module: string; factory: string; enabled: (c: Config) => boolean }[] = [
  { name: 'telegram', module: './channels/telegram', factory: 'createTelegramChannel', enabled: (c) => c.telegram !== null },
  { name: 'wecom', module: './channels/wecom', factory: 'createWecomChannel', enabled: (c) => c.wecom !== null },
];

const HOUR = 3_600_000;

export async function start(opts: StartOptions = {}): Promise<Running> {
  const t0 = performance.now();
  const config: Config = { ...(opts.env ? parseConfig(opts.env) : loadConfig()), ...opts.override };
  const logger = (opts.logger ?? createLogger({ level: config.logLevel, name: 'jiuyi' })).child({ instance: config.instance });

  // Turns run on worker threads when configured; they start once the service is ready (loading their cores
  // alongside this thread's would slow its start-up by half), and until they are, this thread answers.
  // A core passed in always runs on this thread.
  let threads: CoreThreads | null = null;
  // SQLite serves one process: a second one on the same data directory is refused, saying why.
  const unlockDir = !config.mongodbUri && config.dataDir !== ':memory:' ? lockDataDirMade(config.dataDir) : () => undefined;
  const [opened, loaded] = await Promise.allSettled([
    openStore({ dataDir: config.dataDir, mongoUri: config.mongodbUri, walMaxBytes: config.walMaxBytes, key: config.dataKey, retentionDays: config.retentionDays }),
    opts.core ? Promise.resolve({ core: opts.core, files: null }) : loadDefaultCore(config),
  ]);
  if (opened.status === 'rejected' || loaded.status === 'rejected') {
    if (opened.status === 'fulfilled') await opened.value.close().catch(() => undefined);
    unlockDir();
    throw opened.status === 'rejected' ? opened.reason : (loaded as PromiseRejectedResult).reason;
  }
  const store = opened.value;
  const { core, files: ruleFiles } = loaded.value;
  // this thread's turns: by the service's core, which a reload of the rule books replaces
  let serviceRef: Service | null = null;
  const here: TurnRunner = (inbound, session, ctx) => inProcess(serviceRef?.core ?? core)(inbound, session, ctx);
  let reloader: RulesReloader | null = null;
  const cleanup: (() => Promise<void>)[] = [async () => { await store.close(); unlockDir(); }];
  const shared = store.kind === 'mongo';
  try {
    const registry = new ChannelRegistry(logger);
    const mailbox = new Mailbox(store);
    for (const ch of MAILBOX_CHANNELS) registry.addSender(mailbox.sender(ch));
    const metrics = new Metrics({ defaults: true });
    metrics.registry.setDefaultLabels({ instance: config.instance });
    // Several instances (MongoDB): who is alive (the outbox shares each platform's limit among them), and
    // the per-user and per-client limits counted in the store, where every instance counts.
    const instances = new Instances(store, config.instance, logger);
    await instances.start();
    cleanup.unshift(() => instances.stop());
    const userLimiter = shared ? new SharedLimiter(store, config.rateLimit, { scope: 'user' }) : undefined;
    const clientLimiter = shared ? new SharedLimiter(store, config.clientRateLimit, { scope: 'client', batch: true }) : undefined;
    // The outbox needs the channels' senders, the channels need the service: the service enqueues through
    // this until the outbox exists (items wait in the store and go out when it starts).
    let outbox: Outbox | null = null;
    const service: Service = new Service({
      store,
      core,
      turn: (inbound, session, ctx) => (threads ? threads.turn(inbound, session, ctx) : here(inbound, session, ctx)),
      // kick: a turn's reply is written with the turn (finishTurn), and sent at once rather than at the next poll
      outbox: { enqueue: (item) => (outbox ? outbox.enqueue(item) : store.enqueue(item)), kick: (channel, urgent) => outbox?.kick(channel, urgent) },
      registry,
      logger,
      metrics,
      rateLimit: config.rateLimit,
      ...(userLimiter ? { limiter: userLimiter, sharedStore: true } : {}),
      escalateAfterS: config.escalateAfterS,
      escalationNotice: (ticket, l) => service.core.escalationNotice(ticket.locality, l),
    });
    serviceRef = service;

    // Channels: each module exports a ChannelFactory; it registers its senders, staff routes and webhooks.
    const channels: Channel[] = [];
    const deps: ChannelFactoryDeps = {
      inbound: service,
      tickets: service,
      kv: store,
      kb: (q) => service.core.kb(q, { status: service.currentStatus(), now: Date.now() }),
      localities: () => service.core.localities(),
      logger,
      now: Date.now,
      config,
    };
    for (const c of CHANNELS.filter((ch) => ch.enabled(config))) {
      const factory = (await import(c.module))[c.factory] as ChannelFactory | undefined;
      if (typeof factory !== 'function') throw new Error(`${c.module} does not export ${c.factory}`);
      const channel = await factory({ ...deps, logger: logger.child({ channel: c.name }) });
      registry.addChannel(channel);
      channels.push(channel);
    }

    const ob = createOutbox({
      store,
      senders: registry.senders,
      logger,
      pace: true,
      share: () => instances.count,
      onEvent: (e) => metrics.outboxResults.inc({ channel: e.item.channel, result: e.result }),
    });
    outbox = ob;
    cleanup.unshift(() => ob.stop({ drain: false, timeoutMs: 2000 }));
    metrics.bind({
      openTickets: async () => (await store.listTickets({ state: ['open', 'claimed'] })).length,
      outboxDepth: () => store.outboxDepth(),
    });

    let ready = false;
    const app = await buildServer({
      service,
      store,
      registry,
      metrics,
      logger,
      mailbox,
      adminToken: config.adminToken,
      clientRateLimit: config.clientRateLimit,
      ...(clientLimiter ? { clientLimiter } : {}),
      trustProxy: config.trustProxy,
      isReady: () => ready,
      // the console's 起草 page publishes into the directory the rule books are read (and reloaded) from
      ...(ruleFiles ? { rulesDir: rulesDirOf(config) } : {}),
      limits: { ...config.http, idleTimeoutMs: 2 * config.http.requestTimeoutMs },
    });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

    // Messages persisted but not answered before a crash, then the background work.
    // With MongoDB another instance may be answering a message right now: leave the last minute alone.
    await service.recover({ olderThanMs: store.kind === 'mongo' ? 60_000 : 0 });
    // Replies the previous process had taken to send when it died: with SQLite no other process can hold
    // them, so they go out now rather than when their leases end (with MongoDB other instances may).
    if (store.kind === 'sqlite') {
      const released = await store.releaseLeases();
      if (released) logger.warn({ released }, 'replies taken by the previous process when it stopped are sent again (it may have sent some)');
    }
    ob.start();
    for (const ch of channels) await ch.start();
    service.startEscalation();
    const retentionMs = config.retentionDays * 24 * HOUR;
    const purge = () =>
      store
        .purgeOlderThan(retentionMs, Date.now())
        .then(async (n) => logger.debug({ purged: n, console: await store.purgeConsoleData(retentionMs, Date.now()) }, 'retention purge'))
        .catch((err: unknown) => logger.error({ err }, 'retention purge failed'));
    // MongoDB expires personal data itself (TTL indexes, `jiuyi store migrate`); SQLite is purged hourly.
    const purgeTimer = store.expiresItself ? undefined : setInterval(purge, HOUR);
    if (purgeTimer) {
      void purge();
      purgeTimer.unref();
    }
    // Messages another instance accepted and then died on (or this one, under extreme load): a minute on.
    const recoverTimer = setInterval(() => {
      service.recover({ olderThanMs: 60_000 }).catch((err: unknown) => logger.error({ err }, 'recovery sweep failed'));
    }, 60_000);
    recoverTimer.unref();

    ready = true;
    const startupMs = Math.round(performance.now() - t0);
    const coreOptions = (files: RuleFile[]) => ({ segmenter: config.segmenter, ruleFiles: files });
    if (ruleFiles && config.coreThreads > 0)
      threads = new CoreThreads({ threads: config.coreThreads, core: coreOptions(ruleFiles), fallback: here, logger });
    if (ruleFiles) {
      const { loadCore } = await import('./core/load');
      reloader = new RulesReloader({
        dir: rulesDirOf(config),
        current: ruleFiles,
        build: async (files) => {
          const c = await loadCore(coreOptions(files));
          return threads ? c : warmUp(c);
        },
        prepareThreads: async (files) => (threads ? threads.prepare(coreOptions(files)) : null),
        swap: (c) => service.setCore(c),
        logger,
      });
      service.setReloader(reloader);
      if (config.rulesWatch) reloader.watch();
    }
    logger.info(
      {
        url,
        startupMs,
        store: store.kind,
        instance: config.instance,
        instances: instances.count,
        channels: channels.map((c) => c.name),
        bootstrapToken: Boolean(config.adminToken),
        localities: core.localities().length,
        coreThreads: config.coreThreads,
      },
      `jiuyi ready in ${startupMs} ms at ${url}`,
    );
    if (!config.adminToken && !(await store.listStaff()).length)
      logger.warn('no staff account and no JIUYI_ADMIN_TOKEN: add one with `jiuyi staff add <username> --name <display name> --role admin`');
    // The worker threads load OpenCC's traditional tables before their first turn (core-worker.ts). Without
    // them this thread answers everything: it loads them now that it listens, not on a resident's first
    // traditional-script message (in steps, so that the first requests are not kept waiting for all of it).
    if (!threads && ruleFiles) void warmUpInSteps(() => service.core);

    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        const s0 = performance.now();
        ready = false;
        clearInterval(purgeTimer);
        clearInterval(recoverTimer);
        await app.close(); // no new requests; waits for those in flight
        for (const ch of channels) await ch.stop().catch((err: unknown) => logger.error({ err, channel: ch.name }, 'channel stop failed'));
        await service.drain();
        await reloader?.close();
        await threads?.close();
        await ob.stop(); // in-flight sends recorded, what is due and allowed sent; the rest waits in the store
        clientLimiter?.close();
        await instances.stop();
        await store.close();
        unlockDir();
        logger.info({ ms: Math.round(performance.now() - s0) }, 'jiuyi stopped');
      })());
    return { config, app, service, store, registry, logger, url, port, startupMs, threads: () => threads, stop };
  } catch (err) {
    for (const c of cleanup) await c().catch(() => undefined);
    throw err;
  }
}

const rulesDirOf = (config: Config): string => config.rulesDir ?? dataDir('rules');

/** The core from the rule files of the configured directory, read once: the worker threads and a reload
 * compare against the same snapshot. */
async function loadDefaultCore(config: Config): Promise<{ core: Core; files: RuleFile[] }> {
  const { loadCore } = await import('./core/load');
  const files = readRuleFiles(rulesDirOf(config));
  return { core: await loadCore({ segmenter: config.segmenter, ruleFiles: files }), files };
}

/** The rules directory the configuration names (for messages), the checkout's when it names none. */
function ruleBookDir(): string {
  try {
    return rulesDirOf(loadConfig());
  } catch {
    return dataDir('rules');
  }
}

/** npm start (scripts/start.cjs calls it once dist/ is up to date). */
export async function main(): Promise<void> {
  let running: Running;
  try {
    running = await start();
  } catch (err) {
    process.exitCode = 1;
    // a configuration to fix, a database to migrate, a data directory in use: the message says it all
    if (err instanceof ConfigError || (err instanceof Error && ['MigrationNeeded', 'DataDirBusy'].includes(err.name))) process.stderr.write(`jiuyi: ${err.message}\n`);
    else if (err instanceof RuleBookError) {
      const { ruleBookReport } = await import('./cli/rules');
      process.stderr.write(`jiuyi: the rule books are invalid; nothing was started:\n${ruleBookReport(err, ruleBookDir())}`);
    } else process.stderr.write(`jiuyi: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    // stderr may be a pipe, written asynchronously: exit once it is flushed
    process.stderr.write('', () => process.exit(1));
    return;
  }
  const { logger } = running;
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'draining');
    const force = setTimeout(() => {
      logger.error('drain took more than 10 s: exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // `kill -HUP <pid>`: reload the rule books (as POST /api/v1/admin/reload does)
  process.on('SIGHUP', () => {
    void running.service.reloadRules('SIGHUP');
  });
}

if (require.main === module) void main();
