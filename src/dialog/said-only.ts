// What a message says beside its places: only where the user is (泉秀那边, "Xinzhou, he's in a controlled area"), or
// only a correction of what was said before (我说错了 我们是管控区). Those messages ask nothing new.
import { asksByWords, lowerCase } from '../answer/domain';
import { cueScan } from '../data/cue-scan';
import { bounds, CLAUSE_END } from '../urgent/scope-text';
import type { DecideInput } from './input';

/** Entities that say where: a place, a road or compound, a facility near which the user is. */
const WHERE = new Set(['locality', 'place', 'facility', 'other_place']);

/** What stands around a place when someone only says where they are (answers.yml `placeFillers`): Chinese words
 * are cut out wherever they stand, English ones only as whole words (in, at, he's — not the "in" of "insulin"). */
const fillersRead = new WeakMap<readonly string[], { english: Set<string>; chinese: string[] }>();

function restWithoutFillers(rest: string, fillers: readonly string[]): string {
  let read = fillersRead.get(fillers);
  if (!read) {
    const english = new Set(fillers.filter((f) => /^[a-z']+$/i.test(f)).map((f) => f.toLowerCase()));
    read = { english, chinese: fillers.filter((f) => !english.has(f.toLowerCase())).sort((a, b) => b.length - a.length) };
    fillersRead.set(fillers, read);
  }
  const { english, chinese } = read;
  let out = rest.toLowerCase().replace(/[a-z][a-z']*/g, (w) => (english.has(w) ? ' ' : w));
  for (const f of chinese) out = out.split(f).join(' ');
  return out.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The message names a place and little else (泉秀那边, 晋江的, Jinjiang, Fujian, 就灯荣路浦西花园那边那个社区医院); `zone`:
 * its zone may stand with it (忻州，管控区 — what a question waiting on its locality is answered with; after an answer,
 * a zone is a question of its own: 忻州 封控区 asks the last question for that zone). */
export function onlyPlace(i: DecideInput, zone = false): boolean {
  if (!i.slots.locality && !(zone && i.slots.audience)) return false;
  const { normalised, entities } = i.analysis;
  const where = entities.filter((e) => (WHERE.has(e.type) || (zone && e.type === 'audience' && e.value.endsWith('_zone'))) && e.end > e.start);
  if (!where.length) return false;
  let rest = '';
  let from = 0;
  for (const e of [...where].sort((a, b) => a.start - b.start)) {
    // (a space where the place stood: the words either side of it stay apart)
    if (e.start >= from) rest += `${normalised.slice(from, e.start)} `;
    from = Math.max(from, e.end);
  }
  rest += normalised.slice(from);
  return restWithoutFillers(rest, i.domain.placeFillers).length <= 1;
}

/** A place or zone said before, corrected, and nothing asked (我说错了 我们是管控区 不是封控区): the last question again. */
function onlyCorrection(i: DecideInput): boolean {
  if (!i.slots.locality && !i.slots.audience) return false;
  const lower = i.analysis.normalised.toLowerCase();
  if (!cueScan(lowerCase(i.domain.correctionCues)).any(lower)) return false;
  // (asking only whether it is the same — 说错了 是管控区 一样吗 — is the last question again too; the correction's own
  // words ask nothing: 说了多少遍)
  const rest = withoutCues(lower, [...lowerCase(i.domain.compareCues), ...lowerCase(i.domain.correctionCues)]);
  return asksNothing(i, rest);
}

/** The text with every occurrence of the cues taken out, overlapping ones too (跟你说了 and 说了多少遍 in 跟你说了多少遍). */
function withoutCues(text: string, cues: readonly string[]): string {
  const covered = new Uint8Array(text.length);
  for (const c of cues) if (c) for (let k = text.indexOf(c); k >= 0; k = text.indexOf(c, k + 1)) covered.fill(1, k, k + c.length);
  let out = '';
  for (let k = 0; k < text.length; k++) out += covered[k] ? ' ' : text[k];
  return out;
}

/** A message read as nothing, as only a place (丰泽 泉秀那边) or as only a zone with no place (忘说了 俺们小区刚划成管控区)
 * says nothing more, whatever the classifier made of it (asked only where it decides: onlyPlace cuts the message around
 * its places). A place and a zone together (忻州 封控区) are read by what the conversation is about. */
export function vague(i: DecideInput): boolean {
  const said = i.analysis.intent.name;
  return said === 'fallback' || said === 'give_locality' || onlyPlace(i) || onlyZone(i) || onlyCorrection(i);
}

/** A zone said with no place and nothing else (忘说了 俺们小区刚划成管控区): the place is the conversation's. */
const onlyZone = (i: DecideInput): boolean => !i.analysis.entities.some((e) => WHERE.has(e.type)) && onlyPlace(i, true);

/** The message (or `text`, a part of it) asks nothing, by a question word or a question's form (泉秀街道的！我爸中风半年了，
 * 半边身子不利索 — not …降压药能多开点不): said in answer to a question waiting on it, what it tells is that question's
 * circumstances, not a question of its own. */
export const asksNothing = (i: DecideInput, text = i.analysis.normalised): boolean => !asksByWords(i.domain, text);

/** The text without the clause where `re` first matches, its closing mark with it (scope-text's clause bounds: an
 * English full stop ends one only before a space, not in 38.5). */
export function outsideClause(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) return text;
  const [from, to] = bounds(text, m.index, CLAUSE_END);
  return text.slice(0, from) + text.slice(Math.min(text.length, to + 1));
}
