// Seeded generators for the fuzz tests: the same seed gives the same inputs on every run, so a failure
// found in CI is found again on a laptop (the failing input is printed with its index).

import { mulberry32, type Rng } from '../../src/core/seeded-random';

export type { Rng };
export const rng = mulberry32;

export const int = (r: Rng, max: number): number => Math.floor(r() * max);
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
export const chance = (r: Rng, p: number): boolean => r() < p;

/** Fragments residents write, and the characters that break naive code. */
const FRAGMENTS = [
  '我在忻州封控区', '要做透析', '去哪家医院', '晋江', '密接', '孕妇产检', '胸口疼', '喘不上气', '转人工', '那化疗呢', '管控区呢',
  '電話多少', '請問', '洗腎', '烟台', '泉秀街道', '农村', '发烧', '120', '12345', '13912345678', '14220219800101123X', '0350-3301599',
  'a.b@qq.com', '/start', '/help', '/locality', '/lang en', 'hello', 'where is the hospital', '没有胸痛', '？', '！', '…', '😷', '👨‍👩‍👧',
  '\u0000', '\u202e', '\u200b', '\ufeff', '\ud800', '\udfff', '\r\n', '\t', ' ', '<b>', '</i>', '&amp;', '&', '<', '>', '"', "'", '\\',
  '${x}', '{{x}}', '%s', '%n', 'NaN', 'undefined', 'null', '__proto__', 'constructor', '１２３', '８６', 'Ｘ', '(0595)', '＋86',
];

export function text(r: Rng, maxParts = 12): string {
  if (chance(r, 0.03)) return '';
  if (chance(r, 0.03)) return pick(r, FRAGMENTS).repeat(1 + int(r, 3000));
  let s = '';
  const n = 1 + int(r, maxParts);
  for (let i = 0; i < n; i++) {
    if (chance(r, 0.75)) s += pick(r, FRAGMENTS);
    else s += String.fromCharCode(int(r, 0x10000));
  }
  return s;
}

/** Any JSON value, nested at most `depth` deep. */
export function json(r: Rng, depth = 3): unknown {
  const k = int(r, depth > 0 ? 9 : 6);
  switch (k) {
    case 0:
      return null;
    case 1:
      return chance(r, 0.5);
    case 2:
      return pick(r, [0, -1, 1, 2 ** 53, -(2 ** 63), 1e308, 0.5, 42, 1_700_000_000]);
    case 3:
    case 4:
      return text(r, 4);
    case 5:
      return '';
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = int(r, 4); i > 0; i--) o[pick(r, ['id', 'text', 'chat', 'from', 'type', 'user', 'data', 'message', '__proto__', 'x'])] = json(r, depth - 1);
      return o;
    }
    default:
      return Array.from({ length: int(r, 4) }, () => json(r, depth - 1));
  }
}

/** A copy of `value` with one to `times` random changes: a field deleted, replaced by any value, or its type changed. */
export function mutate(r: Rng, value: unknown, times = 3): unknown {
  let out = structuredClone(value);
  for (let n = 1 + int(r, times); n > 0; n--) out = mutateOnce(r, out);
  return out;
}

function mutateOnce(r: Rng, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || chance(r, 0.15)) return json(r);
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return json(r);
  const key = pick(r, keys as (string | number)[]);
  const target = value as Record<string | number, unknown>;
  const roll = r();
  if (roll < 0.25) {
    if (Array.isArray(value)) value.splice(key as number, 1);
    else delete target[key];
  } else if (roll < 0.55) target[key] = json(r, 2);
  else target[key] = mutateOnce(r, target[key]);
  return value;
}
