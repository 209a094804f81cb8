// The routes' validators and serializers kept in the start-up cache (src/http/precompiled-schemas.ts): read
// back they accept, refuse, coerce and serialize exactly as fastify's own compilers; a changed schema or a
// damaged cache file is compiled again, never read.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { precompiledSchemas, type PrecompiledSchemas } from '../../src/http/precompiled-schemas';

const AJV = { customOptions: { removeAdditional: false, coerceTypes: 'array' as const, useDefaults: true, allErrors: false } };

const schema = (max: number) => ({
  headers: { type: 'object', properties: { 'X-Token': { type: 'string', minLength: 3 } }, required: ['X-Token'] },
  querystring: { type: 'object', properties: { n: { type: 'integer', default: 2 }, tags: { type: 'array', items: { type: 'string' } } } },
  body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: max }, at: { type: 'string', format: 'date-time' } } },
  response: { 200: { type: 'object', properties: { echo: { type: 'string' }, n: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } },
});

async function app(max: number, schemas?: PrecompiledSchemas): Promise<FastifyInstance> {
  const a = Fastify({
    ajv: AJV,
    ...(schemas ? { schemaController: { compilersFactory: schemas.compilersFactory as NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'] } } : {}),
  });
  a.post('/x', { schema: schema(max) }, async (req) => {
    const q = req.query as { n: number; tags?: string[] };
    return { echo: (req.body as { text: string }).text, n: q.n, tags: q.tags, secret: 'not in the schema' };
  });
  await a.ready();
  schemas?.save();
  return a;
}

const requests = [
  { url: '/x', headers: { 'x-token': 'abcd' }, payload: { text: 'hi' } },
  { url: '/x?n=7&tags=a', headers: { 'x-token': 'abcd' }, payload: { text: 'hi', at: '2026-11-29T10:00:00Z' } },
  { url: '/x?n=seven', headers: { 'x-token': 'abcd' }, payload: { text: 'hi' } },
  { url: '/x', headers: { 'x-token': 'ab' }, payload: { text: 'hi' } },
  { url: '/x', headers: {}, payload: { text: 'hi' } },
  { url: '/x', headers: { 'x-token': 'abcd' }, payload: { text: '' } },
  { url: '/x', headers: { 'x-token': 'abcd' }, payload: { text: 'hi', other: 1 } },
  { url: '/x', headers: { 'x-token': 'abcd' }, payload: { text: 'hi', at: 'yesterday' } },
  { url: '/x', headers: { 'x-token': 'abcd' }, payload: { text: 'a much longer text' } },
];

async function answers(a: FastifyInstance): Promise<string[]> {
  const out: string[] = [];
  for (const r of requests) {
    const res = await a.inject({ method: 'POST', ...r });
    out.push(`${res.statusCode} ${res.body}`);
  }
  await a.close();
  return out;
}

describe('precompiled validators and serializers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-schemas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answer as fastify compiles them, compiled once and then read back', async () => {
    const expected = await answers(await app(10));
    const first = precompiledSchemas(dir);
    expect(await answers(await app(10, first))).toEqual(expected);
    expect(first.counts.compiled).toBe(4); // headers, querystring, body, the 200 response
    const second = precompiledSchemas(dir);
    expect(await answers(await app(10, second))).toEqual(expected);
    expect(second.counts).toEqual({ restored: first.counts.compiled, compiled: 0 });
  });

  it('compile a changed schema again rather than use the code of the old one', async () => {
    const expected = await answers(await app(100));
    const changed = precompiledSchemas(dir);
    expect(await answers(await app(100, changed))).toEqual(expected);
    expect(changed.counts.compiled).toBe(1); // the body; the rest are the same schemas
  });

  it('never read a damaged cache file', async () => {
    const [file] = readdirSync(dir).filter((f) => f.startsWith('http-schemas-'));
    const text = readFileSync(join(dir, file!), 'utf8');
    writeFileSync(join(dir, file!), text.replace('minLength', 'maxLength'));
    const damaged = precompiledSchemas(dir);
    expect(await answers(await app(10, damaged))).toEqual(await answers(await app(10)));
    expect(damaged.counts.restored).toBe(0);
  });
});
