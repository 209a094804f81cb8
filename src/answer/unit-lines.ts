// Which fact units a reply's lines state: a line is a unit's when it equals the unit's first line as JSON (the
// first unit's, when several begin with the same line). Made once per rule book; pure.
//
// Writing every line of every reply out as JSON was 1% of a turn: the lines that equal a unit's first line are
// mostly the units' own data again (a guidance entry's steps, the same array; a contact's line, the same words),
// and the others rarely share even their fact, first step or message key with one. So a line is compared first
// with the first lines it could equal, part by part (the same values, or the same words of a message), and
// written out only when that cannot tell.
import type { Line } from './plan';

type Vars = Readonly<Record<string, unknown>>;

/** What a line must share with a line it equals — its fact, its first step or its message key — and which of the
 * three it is (keyed apart: a fact, a first step and a message key may be the same words). */
function partOf(l: Line): ['fact' | 'step' | 'key', unknown] {
  const x = l as { fact?: unknown; steps?: unknown[]; key?: unknown };
  return typeof x.fact === 'string' ? ['fact', x.fact] : Array.isArray(x.steps) ? ['step', x.steps[0]] : ['key', x.key];
}

/** The same own keys in the same order, each value the same (a message's `vars` compared so too): such lines write
 * out as the same JSON. */
function sameParts(a: Vars, b: Vars, depth = 0): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i]) return false;
    const va = a[k];
    const vb = b[k];
    if (va === vb) continue;
    if (depth === 0 && k === 'vars' && va && vb && typeof va === 'object' && typeof vb === 'object' && sameParts(va as Vars, vb as Vars, 1)) continue;
    return false;
  }
  return true;
}

/** Whether `vars` has every word (string value) `first`'s have, under the same names: lines of equal JSON do. */
function sameWords(first: Vars | undefined, vars: Vars | undefined): boolean {
  for (const k of Object.keys(first ?? {})) {
    const w = (first as Vars)[k];
    if (typeof w === 'string' && vars?.[k] !== w) return false;
  }
  return true;
}

/** `said(lines)`: the ids of the units the lines state, each once, in the order first stated. */
export function unitLines(units: readonly { id: string; lines: readonly Line[] }[]): (lines: readonly Line[]) => string[] {
  const byJson = new Map<string, string>();
  for (const u of units) if (u.lines[0] && !byJson.has(JSON.stringify(u.lines[0]))) byJson.set(JSON.stringify(u.lines[0]), u.id);
  // each first line's unit (the first unit's with that JSON), and the first lines by what a line must share with them
  const ofFirst = new Map<Line, string | undefined>();
  const candidates = { fact: new Map<unknown, Line[]>(), step: new Map<unknown, Line[]>(), key: new Map<unknown, Line[]>() };
  for (const u of units) {
    const l = u.lines[0];
    if (!l) continue;
    ofFirst.set(l, byJson.get(JSON.stringify(l)));
    const [group, part] = partOf(l);
    const list = candidates[group].get(part);
    if (list) list.push(l);
    else candidates[group].set(part, [l]);
  }
  const unitOf = (l: Line): string | undefined => {
    // (a unit's own first line, as a fact answer repeats it)
    if (ofFirst.has(l)) return ofFirst.get(l);
    const [group, part] = partOf(l);
    const list = candidates[group].get(part);
    if (!list) return undefined;
    for (const c of list) if (sameParts(c as Vars, l as Vars)) return ofFirst.get(c);
    const vars = (l as { vars?: Vars }).vars;
    if (group === 'key' && !list.some((c) => sameWords((c as { vars?: Vars }).vars, vars))) return undefined;
    return byJson.get(JSON.stringify(l));
  };
  return (lines) => [...new Set(lines.map(unitOf).filter((id): id is string => !!id))];
}
