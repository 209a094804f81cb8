// Reply templates from locales/*.yml, validated at load: every locale carries the keys of zh-CN, and
// every {placeholder} a template uses is one its zh-CN counterpart uses too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, readData, type Problem } from '../data/yaml';
import { z } from 'zod';

export type Lang = 'zh' | 'en';
export type Messages = Record<string, string>;
export type Locales = Record<Lang, Messages>;

const LocaleFile = z
  .object({
    version: z.literal(1),
    lang: z.enum(['zh', 'en']),
    messages: z.record(z.string(), z.string().min(1)),
  })
  .strict();

export class LocaleError extends Error {
  override name = 'LocaleError';
}

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();

/** Parses and cross-checks locale files given as (file name → YAML text). */
export function parseLocales(files: Record<string, string>): Locales {
  const found: Problem[] = [];
  const byLang = new Map<Lang, { file: string; messages: Messages }>();
  for (const [file, text] of Object.entries(files)) {
    const data = readData(file, text, LocaleFile, found);
    if (!data) continue;
    if (byLang.has(data.lang)) found.push({ file, path: 'lang', message: `a second locale for "${data.lang}"` });
    byLang.set(data.lang, { file, messages: data.messages });
  }
  const problems = found.map(formatProblem);
  const base = byLang.get('zh');
  if (!base) problems.push('locales: no zh locale (zh-CN.yml)');
  for (const [lang, { file, messages }] of byLang) {
    if (!base || lang === 'zh') continue;
    for (const key of Object.keys(base.messages)) {
      const other = messages[key];
      if (other === undefined) problems.push(`${file}: messages.${key}: missing (present in ${base.file})`);
      else if (placeholders(other).join() !== placeholders(base.messages[key] as string).join())
        problems.push(`${file}: messages.${key}: placeholders {${placeholders(other).join('}, {')}} differ from ${base.file}`);
    }
    for (const key of Object.keys(messages))
      if (!(key in base.messages)) problems.push(`${file}: messages.${key}: unknown key (not in ${base.file})`);
  }
  if (problems.length) throw new LocaleError(problems.join('\n'));
  const zh = (base as { messages: Messages }).messages;
  return { zh, en: byLang.get('en')?.messages ?? zh };
}

/** Reads every *.yml in `dir`. */
export function loadLocales(dir: string): Locales {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yml')).sort())
    files[join(dir, name)] = readFileSync(join(dir, name), 'utf8');
  return parseLocales(files);
}

/** Each template cut once at its placeholders: [text, name, text, name, …, text]. Templates are few (the locale
 * files'), and a reply fills several. */
const cut = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = cut.get(template);
  if (!parts) {
    parts = [];
    const re = /\{(\w+)\}/g;
    let at = 0;
    for (let m = re.exec(template); m; m = re.exec(template)) {
      parts.push(template.slice(at, m.index), m[1] as string);
      at = m.index + m[0].length;
    }
    parts.push(template.slice(at));
    if (cut.size >= 10_000) cut.clear();
    cut.set(template, parts);
  }
  return parts;
}

/** Fills a template's {placeholders}. A missing value is a programming error: it throws. */
export function format(messages: Messages, key: string, vars: Record<string, string | number> = {}): string {
  const template = messages[key];
  if (template === undefined) throw new LocaleError(`no message "${key}"`);
  const parts = partsOf(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = vars[name];
    if (value === undefined) throw new LocaleError(`message "${key}" needs {${name}}`);
    out += String(value) + (parts[i + 1] as string);
  }
  return out;
}
