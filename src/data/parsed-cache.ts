// Data files as read and validated at the last start (js-yaml and zod: a fifth of a start), kept in the
// model cache: one entry a file, keyed by the SHA-256 of its name and text, in a cache file keyed by the
// code (its schemas); the file itself carries the hash of its bytes (fileCache). Only what survives a JSON
// round trip unchanged is kept (no -0, no undefined property; a RegExp a schema made is written as its source
// and flags and made again: answers.yml's patterns, without which that file, js-yaml and zod were a twentieth
// of a start again at every start), and each read parses its own copy, so a reader gets exactly what
// readData would give. Active between useParsedCache() and its save(): the
// loaders deep inside (rule books, intents, urgent data, locales) need not pass it along.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { cacheName, contentKey, fileCache } from '../nlu/model-cache';

type Entries = Record<string, string>;
const isEntries = (v: unknown): v is Entries => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string');

let active: { previous: Entries; read: Entries; added: Entries } | null = null;

const entryKey = (file: string, text: string): string => createHash('sha256').update(file).update('\0').update(text).digest('hex');

/** A RegExp as JSON: an object of this one key (no data file has it: a key with a NUL), [source, flags]. */
const REGEXP = '\0RegExp';
const REGEXP_JSON = JSON.stringify(REGEXP).slice(1, -1); // as it shows in the JSON text
const toJson = (_key: string, v: unknown): unknown => (v instanceof RegExp ? { [REGEXP]: [v.source, v.flags] } : v);
const fromJson = (_key: string, v: unknown): unknown => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const re = (v as Record<string, unknown>)[REGEXP];
  return Array.isArray(re) && Object.keys(v).length === 1 ? new RegExp(re[0] as string, re[1] as string) : v;
};
/** JSON text → data, the reviver only for the text that holds a RegExp (it slows every other parse). */
const parse = (json: string): unknown => (json.includes(REGEXP_JSON) ? JSON.parse(json, fromJson) : JSON.parse(json));

/** The validated data of this file and text at the last start, or undefined. */
export function cachedData(file: string, text: string): unknown {
  if (!active) return undefined;
  const k = entryKey(file, text);
  const json = active.previous[k];
  if (json === undefined) return undefined;
  active.read[k] = json;
  return parse(json);
}

/** Keeps what readData validated, when JSON gives it back unchanged. */
export function keepData(file: string, text: string, value: unknown): void {
  if (!active) return;
  const json = JSON.stringify(value, toJson);
  if (json === undefined || !isDeepStrictEqual(parse(json), value)) return;
  active.added[entryKey(file, text)] = json;
}

/** Reads validated data from the cache in `dir` until save(), which writes what was added and drops the
 * files not read since. No directory: nothing is cached. */
export function useParsedCache(dir: string | undefined): { save(): void } {
  if (!dir) return { save: () => undefined };
  const cache = fileCache(dir);
  const name = cacheName('data');
  const key = contentKey([join(__dirname, '..')], 'data/2');
  const mine = { previous: cache.read(name, key, isEntries) ?? {}, read: {}, added: {} };
  active = mine;
  return {
    save(): void {
      if (active !== mine) return;
      active = null;
      const n = (e: Entries): number => Object.keys(e).length;
      if (n(mine.added) || n(mine.read) !== n(mine.previous)) cache.write(name, key, { ...mine.read, ...mine.added });
    },
  };
}
