// The pages: the web chat at / and the staff console at /staff, each an HTML document with its script and
// style sheet (src/http/pages/, no build step, nothing from another origin), and their interface strings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { projectRoot } from '../../data/root';
import { consoleStrings } from '../../staff/strings';
import { loadWebchatStrings } from '../webchat-strings';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function pageRoutes(dir = join(projectRoot(), 'src', 'http', 'pages')) {
  return async (app: FastifyInstance): Promise<void> => {
    const files = new Map<string, string>();
    const file = (name: string) => {
      let body = files.get(name);
      if (body === undefined) files.set(name, (body = readFileSync(join(dir, name), 'utf8')));
      return body;
    };
    const send = (reply: FastifyReply, name: string) =>
      reply
        .type(TYPES[name.split('.').pop()!]!)
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .header('x-frame-options', 'DENY')
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .send(file(name));
    const hide = { schema: { hide: true } };

    app.get('/', hide, async (_req, reply) => send(reply, 'webchat.html'));
    app.get('/webchat.js', hide, async (_req, reply) => send(reply, 'webchat.js'));
    app.get('/webchat.css', hide, async (_req, reply) => send(reply, 'webchat.css'));
    app.get('/linkify.js', hide, async (_req, reply) => send(reply, 'linkify.js'));
    const webchatStrings = loadWebchatStrings();
    const staffStrings = consoleStrings();
    app.get('/webchat/strings.json', hide, async (_req, reply) => reply.header('cache-control', 'max-age=300').send(webchatStrings()));

    app.get('/staff', hide, async (_req, reply) => send(reply, 'console.html'));
    app.get('/staff/console.js', hide, async (_req, reply) => send(reply, 'console.js'));
    app.get('/staff/console-views.js', hide, async (_req, reply) => send(reply, 'console-views.js'));
    app.get('/staff/console.css', hide, async (_req, reply) => send(reply, 'console.css'));
    app.get('/staff/drafter.js', hide, async (_req, reply) => send(reply, 'drafter.js'));
    app.get('/staff/drafter-views.js', hide, async (_req, reply) => send(reply, 'drafter-views.js'));
    app.get('/staff/drafter.css', hide, async (_req, reply) => send(reply, 'drafter.css'));
    app.get('/staff/strings.json', hide, async (_req, reply) => reply.header('cache-control', 'max-age=300').send(staffStrings));
  };
}
