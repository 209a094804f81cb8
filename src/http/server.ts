// The HTTP server (fastify 5): JSON API, staff endpoints, ops endpoints, OpenAPI docs, web chat, and the
// channels' webhook routes from the registry. Built, not listening: main.ts listens, tests use inject().
import { randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from 'pino';
import type { Store } from '../store/port';
import type { Mailbox } from '../service/mailbox';
import type { Metrics } from '../service/metrics';
import type { ChannelRegistry } from '../service/registry';
import type { Service } from '../service/service';
import { createStaffDesk, type StaffDesk } from '../staff';
import { RuleDesk } from '../staff/rulebooks/desk';
import { RuleBookThread, type RuleBookWorker } from '../staff/rulebooks/thread';
import { ConversationTokens } from './conversations';
import { precompiledSchemas } from './precompiled-schemas';
import { projectRoot } from '../data/root';
import { join } from 'node:path';
import { lazyChildLogger } from './lazy-logger';
import { ApiError, errorHandler } from './errors';
import { consoleRoutes } from './routes/console';
import { deskRoutes } from './routes/desk';
import { capConnections, DEFAULT_HTTP_LIMITS, serverOptions, type HttpLimits } from './limits';
import { adminRoutes } from './routes/admin';
import { messageRoutes } from './routes/messages';
import { pageRoutes } from './routes/pages';
import { publicRoutes } from './routes/public';
import { ruleBookRoutes } from './routes/rulebooks';
import { staffRoutes } from './routes/staff';

export interface HttpDeps {
  service: Service;
  store: Store;
  registry: ChannelRegistry;
  metrics: Metrics;
  logger: Logger;
  mailbox?: Mailbox;
  /** The shared bootstrap token (JIUYI_ADMIN_TOKEN): an administrator, for automation and the first steps. */
  adminToken?: string;
  /** Staff accounts and the console (made from the service and store when absent). */
  desk?: StaffDesk;
  /** Messages and new conversations one client address may send a minute (default 120). */
  clientRateLimit?: number;
  /** Counts the per-client limit where every instance counts (main.ts, with MongoDB). */
  clientLimiter?: import('../service/rate-limit').Limiter;
  /** fastify's trustProxy: which proxies' X-Forwarded-For / -Proto to believe (client address, https). */
  trustProxy?: boolean | string | number;
  /** False while starting up or draining (default: always ready). */
  isReady?: () => boolean;
  /** Largest request body in bytes for routes without their own limit (default 1 MiB). */
  bodyLimit?: number;
  version?: string;
  /** Timeouts and connection caps (limits.ts); the defaults where absent. */
  limits?: Partial<HttpLimits>;
  /** The rules directory the console's 起草 page drafts beside and publishes into (none: it cannot). */
  rulesDir?: string;
  /** What drafts and checks rule books (default: a worker thread of its own, started on the first draft). */
  ruleBookWorker?: RuleBookWorker;
  /** Where the routes' compiled validators and serializers are kept between starts (precompiled-schemas.ts;
   * default <checkout>/.cache; null: compiled at every start). */
  schemaCacheDir?: string | null;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;
/** A random prefix per process and a counter: unique, cheap, and with letters between the digits so the
 * log redactor never mistakes one for a phone number. */
const REQ_PREFIX = `r-${randomBytes(6).toString('base64url')}-`;
let reqSeq = 0;
const newRequestId = (): string => `${REQ_PREFIX}${(++reqSeq).toString(36)}`;

export async function buildServer(d: HttpDeps): Promise<FastifyInstance> {
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...d.limits };
  const schemas = precompiledSchemas(d.schemaCacheDir === undefined ? join(projectRoot(), '.cache') : d.schemaCacheDir);
  const app = Fastify({
    ...serverOptions(limits),
    loggerInstance: d.logger,
    bodyLimit: d.bodyLimit ?? 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    childLoggerFactory: lazyChildLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newRequestId();
    },
    return503OnClosing: true,
    trustProxy: (d.trustProxy ?? false) as boolean | string,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    schemaController: { compilersFactory: schemas.compilersFactory as NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'] },
  }) as unknown as FastifyInstance;

  capConnections(app.server, limits, d.logger, () => d.metrics.connectionsRefused.inc());
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => errorHandler(new ApiError('not_found', `${req.method} ${req.url.split('?')[0]}`), req, reply));

  // Request ids travel back to the client; one access line per request, without the query (it may hold text).
  app.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  if (d.logger.isLevelEnabled('info'))
    app.addHook('onResponse', (req, reply, done) => {
      req.log.info(
        { method: req.method, route: req.routeOptions.url ?? req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
        'request',
      );
      done();
    });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'jiuyi (就医) API',
        description: 'Where and how to get medical care in an epidemic-controlled area, from the locality’s official notices.',
        version: d.version ?? '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: "A staff account's API token (`jiuyi staff token <username>`), or JIUYI_ADMIN_TOKEN" },
          session: { type: 'apiKey', in: 'cookie', name: 'jiuyi_staff', description: 'The console session (POST /api/v1/staff/login); changes need X-CSRF-Token' },
        },
      },
      tags: [
        { name: 'chat', description: 'Residents: ask and get answers' },
        { name: 'hotline', description: 'Canned answers for hotline staff' },
        { name: 'staff', description: 'The staff console: sign-in, tickets, live status, review, audit, figures (session or bearer token)' },
        { name: 'ops', description: 'Health, readiness, metrics' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(publicRoutes({ service: d.service, store: d.store, metrics: d.metrics, isReady: d.isReady ?? (() => true) }));
  const desk = d.desk ?? createStaffDesk({ service: d.service, store: d.store, registry: d.registry, metrics: d.metrics, logger: d.logger });
  const conversations = new ConversationTokens(d.store);
  await app.register(messageRoutes({ service: d.service, mailbox: d.mailbox, conversations, perClient: d.clientRateLimit ?? 120, ...(d.clientLimiter ? { clientLimiter: d.clientLimiter } : {}) }));
  await app.register(staffRoutes(desk, d.adminToken));
  await app.register(deskRoutes(desk, d.adminToken));
  await app.register(consoleRoutes(desk, d.adminToken));
  await app.register(adminRoutes({ service: d.service, store: d.store, desk, adminToken: d.adminToken }));
  const rules = new RuleDesk({ dir: d.rulesDir, service: d.service, store: d.store, hub: desk.hub, worker: d.ruleBookWorker ?? new RuleBookThread({ timeoutMs: 30_000 }), logger: d.logger });
  await app.register(ruleBookRoutes(rules, desk.accounts, d.adminToken));
  await app.register(pageRoutes());
  for (const { name, plugin } of d.registry.routePlugins) {
    await app.register(plugin);
    d.logger.debug({ channel: name }, 'channel routes registered');
  }
  await app.ready();
  schemas.save();
  return app;
}
