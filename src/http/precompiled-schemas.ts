// The routes' validators (ajv) and response serializers (fast-json-stringify) as the code those libraries
// generate for them, kept in the start-up cache: compiling them was a sixth of a start (and loading ajv to do
// it). Each function is kept under the SHA-256 of what it was generated from — its kind, the HTTP part, the
// schema, the shared schemas and the compiler's options — so it is only ever used for that same schema; any
// schema not found is compiled by the libraries as before, and its code kept for the next start. The cache
// file is keyed by package-lock.json and this file (the libraries and how they are called) and carries the
// hash of its bytes (fileCache): a stale or damaged file is never read. What runs is the code ajv and
// fast-json-stringify generate in their own `standalone` modes, for this purpose. A function read back is
// compiled (vm) on its route's first use, not at start-up: most routes see no request for minutes, and the
// sixty-odd compilations were a sixth of the server's build.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compileFunction } from 'node:vm';
import { cacheName, contentKey, fileCache } from '../nlu/model-cache';
import { projectRoot } from '../data/root';

type Entries = Record<string, string>;
const isEntries = (v: unknown): v is Entries => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string');

interface RouteSchema {
  schema: unknown;
  method?: string;
  url?: string;
  httpPart?: string;
  httpStatus?: string;
}
type Compile = (route: RouteSchema) => unknown;
type Factory = (externalSchemas: unknown, options: unknown) => Compile;

export interface PrecompiledSchemas {
  /** For fastify's `schemaController.compilersFactory`. */
  compilersFactory: { buildValidator: Factory; buildSerializer: Factory };
  /** Writes the functions compiled at this start, when there are any. */
  save(): void;
  /** How many functions came from the cache, and how many were compiled. */
  counts: { restored: number; compiled: number };
}

/** The key of what a function is generated from, or null when JSON would not give it back unchanged (a
 * RegExp, a function in a schema): such a schema is compiled at every start. */
function keyOf(...parts: unknown[]): string | null {
  const json = JSON.stringify(parts);
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), parts)) return null;
  return createHash('sha256').update(json).digest('hex');
}

/**
 * Header names as fastify reads them: it lower-cases a header schema's names itself for its own compiler, not
 * for one given in `compilersFactory` (this one), so they are lower-cased here (the properties and the required
 * list: all a header schema has).
 */
function lowerCaseHeaders(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || Object.getPrototypeOf(schema) !== Object.prototype) return schema;
  const s = schema as { properties?: Record<string, unknown>; required?: unknown };
  const out: Record<string, unknown> = { ...s };
  if (s.properties && typeof s.properties === 'object') out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k.toLowerCase(), v]));
  if (Array.isArray(s.required)) out.required = s.required.map((r) => (typeof r === 'string' ? r.toLowerCase() : r));
  return out;
}

/** The compilers over the cache in `dir` (none: compiled at every start, as fastify does by default). */
export function precompiledSchemas(dir: string | null): PrecompiledSchemas {
  const root = projectRoot();
  const cache = fileCache(dir ?? undefined);
  const name = cacheName('http-schemas');
  const lock = join(root, 'package-lock.json');
  const key = dir ? contentKey([__filename, ...(existsSync(lock) ? [lock] : [])], 'http-schemas/1') : '';
  const previous: Entries = (dir && cache.read(name, key, isEntries)) || {};
  const added: Entries = {};
  const counts = { restored: 0, compiled: 0 };
  // the generated modules require the libraries' runtime parts, from the checkout's node_modules
  const requireHere = createRequire(join(root, 'package.json'));

  /** The module a generated source exports. */
  const load = (source: string, what: string): unknown => {
    const module = { exports: {} as unknown };
    compileFunction(source, ['module', 'exports', 'require'], { filename: `precompiled ${what}` })(module, module.exports, requireHere);
    return module.exports;
  };
  type Fn = ((...args: unknown[]) => unknown) & { errors?: unknown };
  /**
   * A function read back, compiled when first called. fastify reads a validator's `errors` after a call that
   * returns false (ajv keeps them on the function), so they are copied onto the stand-in; it has no
   * `schemaEnv`, as the standalone function has none, so fastify calls both alike.
   */
  const restored = (source: string, what: string): Fn => {
    counts.restored++;
    let fn: Fn | undefined;
    const standIn: Fn = (...args) => {
      fn ??= load(source, what) as Fn;
      const out = fn(...args);
      standIn.errors = fn.errors;
      return out;
    };
    return standIn;
  };

  const buildValidator: Factory = (externalSchemas, options) => {
    let compiler: { compile: Compile; ajv: () => unknown } | undefined;
    const custom = (options as { customOptions?: Record<string, unknown> } | undefined)?.customOptions ?? {};
    return (given) => {
      const route = given.httpPart === 'headers' ? { ...given, schema: lowerCaseHeaders(given.schema) } : given;
      const k = keyOf('validator', route.httpPart, route.schema, externalSchemas, custom);
      const kept = k === null ? undefined : (previous[k] ?? added[k]);
      if (kept !== undefined) return restored(kept, `validator ${route.method} ${route.url} ${route.httpPart}`);
      if (!compiler) {
        // fastify's own compiler, as it would have made it; `code.source`: ajv keeps each function's source
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { AjvCompiler, AjvReference } = require('@fastify/ajv-compiler') as { AjvCompiler: () => Factory; AjvReference: symbol };
        const compile = AjvCompiler()(externalSchemas, { ...(options as object), customOptions: { ...custom, code: { source: true } } });
        compiler = { compile, ajv: () => (compile as unknown as Record<symbol, { ajv: unknown }>)[AjvReference]?.ajv };
      }
      const fn = compiler.compile(route);
      counts.compiled++;
      if (dir && k !== null) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: unknown, fn: unknown) => string }).default;
        added[k] = standaloneCode(compiler.ajv(), fn);
      }
      return fn;
    };
  };

  const buildSerializer: Factory = (externalSchemas, options) => {
    const opts = (options ?? {}) as Record<string, unknown>;
    return (route) => {
      const k = keyOf('serializer', route.schema, externalSchemas, opts);
      const kept = k === null ? undefined : (previous[k] ?? added[k]);
      if (kept !== undefined) return restored(kept, `serializer ${route.method} ${route.url} ${route.httpStatus}`);
      // as @fastify/fast-json-stringify-compiler calls it, in fast-json-stringify's standalone mode
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fjs = require('fast-json-stringify') as (schema: unknown, o: unknown) => string;
      const schema = route.schema as { $id?: string };
      let schemas = externalSchemas as Record<string, unknown> | undefined;
      if (schemas && schema.$id && schemas[schema.$id]) {
        schemas = { ...schemas };
        delete schemas[schema.$id];
      }
      const source = fjs(schema, { ...opts, schema: schemas, mode: 'standalone' });
      if (dir && k !== null) added[k] = source;
      counts.compiled++;
      return load(source, `serializer ${route.method} ${route.url} ${route.httpStatus}`);
    };
  };

  return {
    compilersFactory: { buildValidator, buildSerializer },
    counts,
    save(): void {
      if (dir && Object.keys(added).length) cache.write(name, key, { ...previous, ...added });
    },
  };
}
