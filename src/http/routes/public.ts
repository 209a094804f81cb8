// Canned answers, health, readiness, metrics.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/port';
import type { Metrics } from '../../service/metrics';
import type { Service } from '../../service/service';
import { ApiError } from '../errors';

export interface PublicRouteDeps {
  service: Service;
  store: Store;
  metrics: Metrics;
  /** False while starting up or draining: /readyz answers 503. */
  isReady: () => boolean;
}

export function publicRoutes(d: PublicRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { q: string; limit?: number } }>(
      '/api/v1/kb',
      {
        schema: {
          tags: ['hotline'],
          summary: 'Canned answers for hotline staff, by free keywords ("忻州 透析"), best first',
          querystring: {
            type: 'object',
            required: ['q'],
            properties: { q: { type: 'string', minLength: 1, maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
          },
          response: {
            200: {
              type: 'object',
              properties: {
                query: { type: 'string' },
                answers: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      locality: { type: 'string' },
                      title: { type: 'string' },
                      text: { type: 'string' },
                      keywords: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      async (req) => ({ query: req.query.q, answers: (await d.service.kb(req.query.q)).slice(0, req.query.limit ?? 10) }),
    );

    app.get(
      '/healthz',
      { schema: { tags: ['ops'], summary: 'Liveness', response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } } },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/readyz',
      { schema: { tags: ['ops'], summary: 'Readiness: started, not draining, store reachable' } },
      async () => {
        if (!d.isReady()) throw new ApiError('not_ready');
        try {
          await d.store.ping();
        } catch (err) {
          throw new ApiError('not_ready', `store: ${(err as Error).message}`);
        }
        return { status: 'ready', store: d.store.kind };
      },
    );

    app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics' } }, async (_req, reply) => {
      const body = await d.metrics.registry.metrics();
      return reply.type(d.metrics.registry.contentType).send(body);
    });

  };
}
