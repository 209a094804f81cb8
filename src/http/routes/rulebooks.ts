// The administrator's rule-book endpoints behind the console's 起草 page (administrators only, CSRF as
// every signed-in change): draft a rule book from a pasted notice, check edited YAML as `rules validate`
// would with it in the rules directory, and publish it there (reloaded into the running service at once).
import type { FastifyInstance } from 'fastify';
import type { StaffAccounts } from '../../staff/accounts';
import { MAX_NOTICE_CHARS } from '../../staff/rulebooks/notice';
import type { RuleDesk } from '../../staff/rulebooks/desk';
import { errors } from '../schemas';
import { requireAdmin, staffGuard } from '../staff-auth';
import { security } from './staff';

const MAX_YAML_CHARS = 400_000;

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;

const problem = {
  type: 'object',
  properties: { file: str, line: int, path: str, message: str, text: { type: 'string', description: 'As `rules validate` prints it' }, own: { type: 'boolean', description: 'In the book checked (false: another file of the rules directory)' } },
} as const;

const checkResult = {
  type: 'object',
  properties: {
    id: str,
    valid: { type: 'boolean' },
    problems: { type: 'array', items: problem },
    paths: { type: 'array', description: 'The lines each value of the YAML spans', items: { type: 'object', properties: { path: str, line: int, end: int } } },
    replaces: { type: 'object', description: 'The rule book it would replace', properties: { file: str, name: str } },
  },
} as const;

const draftResult = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    yaml: { type: 'string', description: 'The draft, with the evidence of each value and REVIEW marks as comments' },
    text: { type: 'string', description: 'The notice as drafted (line breaks as \\n): the offsets below are into it' },
    evidence: {
      type: 'array',
      items: { type: 'object', properties: { path: str, value: str, sentence: str, quote: str, start: int, end: int, valueStart: int, valueEnd: int, line: int } },
    },
    review: { type: 'array', items: { type: 'object', properties: { path: str, reason: str } } },
    leftOut: { type: 'array', description: 'Numbers of the text that are not medical contacts, and why', items: { type: 'object', properties: { number: str, reason: str, start: int, end: int, line: int, context: str } } },
    counts: { type: 'object', properties: { facilities: int, designations: int, guidance: int, contacts: int } },
    check: checkResult,
  },
} as const;

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200, description: 'The locality id: the file rules/<id>.yml' } } } as const;

export function ruleBookRoutes(desk: RuleDesk, accounts: StaffAccounts, adminToken: string | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preHandler', staffGuard(accounts, adminToken));
    app.addHook('preHandler', async (req) => void requireAdmin(req));
    app.addHook('onClose', async () => desk.close());

    app.post<{ Body: { text: string; id?: string } }>(
      '/api/v1/admin/drafts',
      {
        schema: {
          tags: ['staff'],
          summary: 'Draft a rule book from a notice (administrators): the YAML, the evidence of each value, what to review, the numbers left out and the check',
          security,
          body: {
            type: 'object',
            required: ['text'],
            properties: {
              text: { type: 'string', description: `The notice as pasted (at most ${MAX_NOTICE_CHARS} characters)` },
              id: { type: 'string', maxLength: 200, description: "The locality id; by default the pinyin of the locality's name" },
            },
            additionalProperties: false,
          },
          response: { 200: draftResult, ...errors(400, 401, 403, 413, 422, 503) },
        },
      },
      async (req) => desk.draft(requireAdmin(req), req.body.text, req.body.id || undefined),
    );

    app.post<{ Params: { id: string }; Body: { yaml: string } }>(
      '/api/v1/admin/rules/:id/check',
      {
        schema: {
          tags: ['staff'],
          summary: 'Check a rule book (administrators): the problems `rules validate` would report with it as rules/<id>.yml, with their lines',
          security,
          params: idParams,
          body: { type: 'object', required: ['yaml'], properties: { yaml: { type: 'string', maxLength: MAX_YAML_CHARS } }, additionalProperties: false },
          response: { 200: checkResult, ...errors(400, 401, 403, 413, 422, 503) },
        },
      },
      async (req) => desk.check(req.params.id, req.body.yaml),
    );

    app.put<{ Params: { id: string }; Body: { yaml: string; replace?: boolean } }>(
      '/api/v1/admin/rules/:id',
      {
        schema: {
          tags: ['staff'],
          summary: 'Publish a rule book (administrators): written to rules/<id>.yml (a replaced one kept in .backup/), reloaded into the running service, audited',
          security,
          params: idParams,
          body: {
            type: 'object',
            required: ['yaml'],
            properties: { yaml: { type: 'string', minLength: 1, maxLength: MAX_YAML_CHARS }, replace: { type: 'boolean', default: false, description: 'Replace the rule book of this id' } },
            additionalProperties: false,
          },
          response: {
            200: { type: 'object', properties: { id: str, file: str, replaced: { type: 'boolean' }, backup: str, localities: int, ms: int } },
            ...errors(400, 401, 403, 409, 413, 422, 503),
          },
        },
      },
      async (req) => desk.publish(requireAdmin(req), req.params.id, req.body.yaml, { replace: req.body.replace }),
    );
  };
}
