// Time across a message's clauses: a symptom over or past that is said to be back now (…就好了…结果今晚又开始痛), and
// a resolution said of another time (…又胸痛，上次医生说是心绞痛). Pure.
import type { Mention } from './mentions';
import { bounds, CLAUSE_END, Cue, type Hit } from './scope-text';

export type BackAgain = (text: string, hits: readonly Hit[], mentions: readonly Mention[], m: Mention, from: number, limit: number) => boolean;

/** Back now after it was over or past (昨天胸口闷了一下就好了…结果今晚又开始痛; "went away, but it started again about
 * an hour ago and won't stop"): a back-again word (scope.yml `back_again`) after `from`, before `limit`, in a clause
 * that names no other symptom (`modifiers` aside), supposes nothing (下次又开始疼怎么办) and says it is now (今晚, 一直,
 * 还在) or has come (又犯了). */
export function backAgainReader(pattern: string | undefined, modifiers: ReadonlySet<string>): BackAgain {
  const at = pattern ? new RegExp(pattern, 'g') : undefined;
  return (text, hits, mentions, m, from, limit) => {
    if (!at) return false;
    at.lastIndex = from;
    for (let r = at.exec(text); r && r.index < limit; r = at.exec(text)) {
      const a = r.index;
      const b = a + r[0].length;
      const [cs, ce] = bounds(text, a, CLAUSE_END);
      if (mentions.some((o) => o.concept !== m.concept && !modifiers.has(o.concept) && o.start >= cs && o.end <= ce)) continue;
      if (hits.some((h) => h.cues & Cue.Hypo && h.start >= cs && h.end <= a)) continue;
      const now = hits.some((h) => h.cues & Cue.Present && h.start >= cs && h.end <= ce && (h.end <= a || h.start >= b));
      if (now || text.slice(b, ce).trimEnd().endsWith('了')) return true;
    }
    return false;
  };
}

/** A resolution `h` said of another time, in a clause of its own that opens on it (…又胸痛，上次医生说是心绞痛): not of
 * the mention `m` before that clause. */
export function ofAnotherTime(text: string, hits: readonly Hit[], h: Hit, m: Mention): boolean {
  const [cs] = bounds(text, h.start, CLAUSE_END);
  return m.end <= cs && hits.some((p) => p.cues & Cue.Past && p.start >= cs && p.end <= h.start);
}

/**
 * A negation or a resolution right after an ongoing cue, not a symptom's own 不 (现在不疼了 says it is over; 现在叫不醒了
 * does not). A negator says so when it denies a symptom (现在不疼了) or nothing (现在没有了), not when it starts
 * something new (这几天也不想吃饭).
 */
export const saysOver = (hits: readonly Hit[], mentions: readonly Mention[], h: Hit, text: string): boolean =>
  hits.some(
    (o) =>
      // (or a resolution the present word opens itself: 现在没事, 现在不疼)
      (o.start === h.start && o.end > h.end && o.cues & Cue.Resolved) ||
      (o.start >= h.end && o.start <= h.end + 2 && !mentions.some((x) => o.start >= x.start && o.end <= x.end) && (o.cues & Cue.Resolved || (o.cues & Cue.Neg && deniesSymptom(hits, o, text)))),
  );
const deniesSymptom = (hits: readonly Hit[], o: Hit, text: string): boolean =>
  /^[了啦嘞咯喇]?(?:$|[，。,.!?！？\s])/.test(text.slice(o.end, o.end + 2)) || hits.some((x) => x.cues & (Cue.Continuing | Cue.Symptom) && x.start >= o.end && x.start <= o.end + 3);

/** A cue that is the whole of the clause after `ce` ("…, years ago," — not "…, last week he was fine"). */
export const aloneInNextClause = (text: string, ce: number, h: Hit): boolean =>
  /^[\s,，;；]+$/.test(text.slice(ce, h.start)) && /^\s*(?:[,，.。;；!！?？]|$)/.test(text.slice(h.end));

export type HabitualSince = (text: string, hits: readonly Hit[], from: number, at: number, to: number) => boolean;

/** A span of months or years up to now (scope.yml `habit_span`) opening the sentence (from `from`) before a mention at
 * `at` (这半年晚上基本不睡，半夜大喊大叫，说胡话): what it tells is the way things have been — unless it turns to now after
 * the span, up to `to` (…今天突然, …刚才疼得满头大汗). A word of all along (`allAlong`: 一直喊她妹妹的名字) is the span's own. */
export function habitualReader(pattern: string | undefined, allAlong: readonly string[]): HabitualSince {
  const span = pattern ? new RegExp(pattern, 'g') : undefined;
  const along = new Set(allAlong);
  return (text, hits, from, at, to) => {
    if (!span) return false;
    span.lastIndex = from;
    const r = span.exec(text);
    if (!r || r.index + r[0].length > at) return false;
    const after = r.index + r[0].length;
    return !hits.some((h) => h.cues & (Cue.Now | Cue.Present) && h.start >= after && h.end <= to && !along.has(text.slice(h.start, h.end)));
  };
}
