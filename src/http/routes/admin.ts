// Administrator endpoints (an administrator's console session or API token, or the bootstrap token):
// reload the rule books into the running service. Each reload is written to the audit log.
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service/service';
import type { StaffDesk } from '../../staff';
import type { Store } from '../../store/port';
import { ApiError } from '../errors';
import { errors } from '../schemas';
import { requireAdmin, staffGuard } from '../staff-auth';

export function adminRoutes(d: { service: Service; store: Store; desk: StaffDesk; adminToken: string | undefined }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preHandler', staffGuard(d.desk.accounts, d.adminToken));
    app.post(
      '/api/v1/admin/reload',
      {
        schema: {
          tags: ['staff'],
          summary: 'Reload the rule books (administrators); invalid ones are refused (422, with every problem) and those in use kept',
          security: [{ bearer: [] }, { session: [] }],
          response: {
            200: {
              type: 'object',
              properties: { ok: { type: 'boolean' }, unchanged: { type: 'boolean' }, localities: { type: 'integer' }, ms: { type: 'integer' } },
            },
            ...errors(401, 403, 422),
          },
        },
      },
      async (req) => {
        const admin = requireAdmin(req);
        const r = await d.service.reloadRules(`POST /api/v1/admin/reload by ${admin.username}`);
        await d.store.addAudit({
          at: Date.now(),
          actor: admin.via === 'bootstrap' ? `token:${admin.username}` : admin.username,
          action: 'rules_reload',
          detail: { ok: r.ok, ...(r.unchanged ? { unchanged: true } : {}), ...(r.errors ? { problems: r.errors.length } : {}) },
        });
        if (!r.ok) throw new ApiError('rules_invalid', (r.errors ?? []).join('\n'));
        return { ok: true, unchanged: r.unchanged ?? false, ...(r.localities !== undefined ? { localities: r.localities } : {}), ms: r.ms };
      },
    );
  };
}
