// Scope: for each concept mention, whether the message says it is happening now — or denies it (over a
// list too: 无发热、咳嗽、气促等症状), says it is over (后来没事了), past (上周, 三年前, 疼过一次), history
// (既往, 病史), hypothetical (如果, 万一), a knowledge question (胸痛挂什么科), a figure of speech (气得我脑溢血)
// or reported from elsewhere (新闻里说). The cue words are data (intents/urgent/scope.yml); the text is read
// once into cue hits, then each mention is judged from the hits around it. Pure.
import type { ScopeFile } from './schema';
import { cueTrie, scanCues } from './scope-cues';
import { cueScan } from '../data/cue-scan';
import type { Mention } from './mentions';
import { escapeRegExp } from '../data/regex';
import { aNotA, bounds, CLAUSE_END, CLAUSE_NO_LIST, Cue, insideSymptom, inSpan, jokeDisowned, jokeReaches, jokeSaidAfter, negatedAfter, SENTENCE_END, sinceCued, type Hit } from './scope-text';
import { aloneInNextClause, backAgainReader, habitualReader, ofAnotherTime, saysOver } from './scope-time';
import { quotedReader } from './scope-quote';
import { supposedIn, supposedReader } from './scope-suppose';
import { claimReader, relayReader, sourceReader } from './scope-relay';
import { nonhumanReader, notSubjectReader } from './scope-subject';
import { inScope, NONE_IN_FORCE, SCOPE_KEYS, type InForce, type Scope, type ScopeReader } from './scope-types';
import { ONE_SPELLING, type Spell } from './spellings';

export { inScope, SCOPE_KEYS, type InForce, type Scope, type ScopeReader };

/** A resolution asked, not said (啥事没有吧, 好了吗): the mention is not over. */
const ASKED_AFTER = /^了?(?:吧|吗|么|嘛|[?？])/;

/** How far before a resolution scope.yml's `remedy_said_before` is read: its longest match, a verb of saying and two
 * clauses of at most 14 characters with a comma between, and a margin. */
const REMEDY_REACH = 34;
/** How far after a mention a past time said in English is still its time ("fainted once last year", "had a suicide
 * attempt when I was 19"): an unpunctuated message runs on in one clause, and a time far beyond is another event's
 * ("…sitting on the rail with her legs outside, she says she will let go because of the baby we lost last month"). */
const ENGLISH_PAST_REACH = 40;

/** CLAUSE_END's characters, by code (a test a character without making a string of it). */
const CLAUSE_END_CODES = new Set([...',，:：、。!?;\n！？；'].map((c) => c.charCodeAt(0)));
/** A number with these after it is a bound someone names, not a reading taken (血氧掉到90以下这种). */
const THRESHOLD_AFTER = /^(?:以下|以上|以内|或以下|或以上|or below|or above)/;
/** A past time of months or years (前年, 去年, 三年前, 几个月前, 2019年), not of days (昨天, 三天前). */
const LONG_AGO = /[年月]/;
const PAST_UNIT = /(?:\d+|[一二两三四五六七八九十几半多]+)(?:天|周|星期|个星期|个月|月|年)(?:多)?前|(?:19|20)\d\d年/g;
export function createScopeReader(data: ScopeFile, simplify: (s: string) => string = (s) => s, inForce: InForce = NONE_IN_FORCE, spell: Spell = ONE_SPELLING): ScopeReader {
  const figCaused = data.figurative_caused ? new RegExp(data.figurative_caused, 'g') : undefined;
  const happening = new Set(data.happening);
  const who = new Set(data.who);
  const modifiers = new Set(data.modifiers);
  const laughProof = new Set(data.laugh_proof);
  const personOnly = new Set(data.person_only);
  /** A data word as messages are read: NFKC, simplified, lower case. */
  const norm = (w: string): string => simplify(w.normalize('NFKC')).toLowerCase();
  const laughs = new Set(data.laughs.map(norm));
  const trie = cueTrie(data, norm, spell);
  const [fearedBefore, aboutToAfter, careAskedAfter, nowOpener, conditionalEnd, seriousQuestion, jokeDenied, predictedBefore, remedySaidBefore, comparedBefore, habitualBefore, possibilityBefore, possibilityAfter] = [
    data.feared_before,
    data.about_to_after,
    data.care_asked_after,
    data.now_opener,
    data.conditional_end,
    data.serious_question,
    data.joke_denied,
    data.predicted_before,
    data.remedy_said_before,
    data.compared_before,
    data.habitual_before,
    data.possibility_before,
    data.possibility_after,
  ].map((p) => (p ? new RegExp(p) : undefined));
  const allAlong = data.all_along.map(norm);
  const habitualSince = habitualReader(data.habit_span, allAlong);
  const allAlongWords = new Set(allAlong);
  /** A resolution opening on 就 (…就好了, whichever of its cues was hit) after a remedy someone says will do it. */
  const remedySaid = (text: string, at: number): boolean => {
    const k = text[at] === '就' ? at : text[at - 1] === '就' ? at - 1 : -1;
    return k >= 0 && !!remedySaidBefore?.test(text.slice(Math.max(0, k - REMEDY_REACH), k));
  };
  /** After 说正经的: a question follows (…卫生院标黄色是啥意思) and the joke is not denied (说正经的不是开玩笑). */
  const jokingAside = (after: string): boolean => !!seriousQuestion?.test(after) && !jokeDenied?.test(after);
  // (a Latin word stands alone: dog is no animal in clopidogrel)
  const alternation = (ws: readonly string[]): string =>
    ws.map((w) => escapeRegExp(norm(w))).map((w) => (/^[a-z]+$/.test(w) ? `\\b${w}\\b` : w)).sort((a, b) => b.length - a.length).join('|');
  const askingAhead = data.asking_ahead ? new RegExp(data.asking_ahead) : undefined;
  const thenAfter = data.then_after ? new RegExp(data.then_after) : undefined;
  const adviceAfter = data.advice_after ? new RegExp(data.advice_after) : undefined;
  /** A mention said done (晕倒了, 晕倒 了) — not, in a question asked ahead, with what to do after it (羊水破了该平躺还是坐着). */
  const saidDone = (text: string, o: Mention, ahead: boolean): boolean => {
    const after = text.slice(o.end);
    if (!/^[了啦咗]/.test(after) && !/[了啦咗]$/.test(o.text)) return false;
    return !ahead || !adviceAfter?.test(after.replace(/^[了啦咗]/, ''));
  };
  const weighing = new Set(data.weighing_verbs.map(norm));
  const saidNow = data.said_now ? new RegExp(data.said_now) : undefined;
  const leafletAfter = data.leaflet_after ? new RegExp(data.leaflet_after) : undefined;
  const genericBefore = data.generic_before ? new RegExp(data.generic_before) : undefined;
  const emotionalAfter = data.emotional_after ? new RegExp(data.emotional_after) : undefined;
  const guidanceBefore = data.guidance_before ? new RegExp(data.guidance_before) : undefined;
  const guidanceAfter = data.guidance_after ? new RegExp(data.guidance_after) : undefined;
  const personBefore = data.person_before ? new RegExp(data.person_before) : undefined;
  const ownPeopleBefore = data.own_people_before ? new RegExp(data.own_people_before) : undefined;
  const caseSaid = data.case_said ? new RegExp(data.case_said) : undefined;
  const backAgain = backAgainReader(data.back_again, modifiers);
  const hypoClosed = data.hypothetical_closers ? new RegExp(data.hypothetical_closers) : undefined;
  const beliefs = new Set(data.belief.map(norm));
  const beliefClosed = data.belief_closers ? new RegExp(data.belief_closers) : undefined;
  /** Whether a hypothetical cue's hold ends between it and a mention (…怎么办; a belief's 了). */
  const supposalEnds = (text: string, h: Hit, at: number): boolean => {
    const gap = text.slice(h.end, at);
    return !!hypoClosed?.test(gap) || (beliefs.has(text.slice(h.start, h.end)) && !!beliefClosed?.test(gap));
  };
  const supposedSpans = supposedReader(data, norm);
  const universalAfter = data.universal_after ? new RegExp(data.universal_after) : undefined;
  const addressee = data.addressee_before ? new RegExp(data.addressee_before) : undefined;
  const relayed = relayReader(data, norm);
  const quoted = quotedReader(data.quoted_after, data.quoted_before);
  const reportAfter = data.reported_after ? new RegExp(`^(?:${data.reported_after})`) : undefined;
  const reportBefore = data.reported_before ? new RegExp(`(?:${data.reported_before})$`) : undefined;
  /** A reported word that is a source, not the time of what follows (看电视剧的时候) nor one followed (学抖音上). */
  const source = sourceReader(data);
  const pastClaim = claimReader(data);
  const fictionAfter = data.fiction_after ? new RegExp(data.fiction_after, 'g') : undefined;
  /** Where the last words about a work of fiction start (编剧太狠了), or -1. */
  const lastFiction = (text: string): number => {
    let at = -1;
    if (fictionAfter) for (const r of text.matchAll(fictionAfter)) at = r.index;
    return at;
  };
  const aboutNonhuman = nonhumanReader(data.nonhuman_subject, alternation);
  const notSubjectAt = notSubjectReader(data.nonhuman_subject, alternation);
  const emergencyNow = data.emergency_now.map(norm);
  const lastingStates = new Set(data.lasting_states.map(norm));
  const sequelaSigns = new Set(data.sequela_signs);
  const sequelaNever = new Set(data.sequela_never);
  const sequelaUsual = new Set(data.sequela_usual.map(norm));
  const still = data.still_words.length ? new RegExp(alternation(data.still_words.map(norm))) : undefined;
  // (稳定, not 不稳定)
  const stable = data.stable_words.length ? new RegExp(`(?<![不没无])(?:${alternation(data.stable_words.map(norm))})`) : undefined;
  const nightBefore = data.night_before.length ? new RegExp(alternation(data.night_before)) : undefined;
  const nextMorning = data.next_morning.length ? new RegExp(`(?<![天日])(?:${alternation(data.next_morning)})`, 'g') : undefined;

  // The cue hits of the last text read: a message's are asked for by `read`, `marks` and `isNow` in turn. The
  // array and its hits are shared: read them, never change them (`read` copies the array to add to it).
  let lastText: string | undefined;
  let lastHits: readonly Hit[] = [];
  function hitsOf(text: string): readonly Hit[] {
    if (text !== lastText) {
      lastHits = cueHits(text);
      lastText = text;
    }
    return lastHits;
  }

  function cueHits(text: string): Hit[] {
    const out = scanCues(trie, text);
    // the morning after a night just past is now (昨晚吃了一瓶药，早上叫不醒)
    const night = nightBefore?.exec(text);
    if (night && nextMorning) {
      nextMorning.lastIndex = night.index + night[0].length;
      for (let r = nextMorning.exec(text); r; r = nextMorning.exec(text)) out.push({ start: r.index, end: r.index + r[0].length, cues: Cue.Ongoing });
    }
    return out;
  }

  /** The clause: between punctuation, and after the last clause-break word (但是, 现在…) before the mention. */
  function clauseOf(text: string, hits: readonly Hit[], m: Mention): [number, number] {
    let [s, e] = bounds(text, m.start, CLAUSE_END);
    for (const h of hits) if (h.cues & Cue.Break && h.end <= m.start && h.start >= s) s = Math.max(s, h.start);
    for (const h of hits) if (h.cues & Cue.Break && h.start >= m.end && h.start < e) e = h.start;
    return [s, e];
  }

  const endingAt = (hits: Hit[], pos: number, cue: number): Hit | undefined => {
    let best: Hit | undefined;
    for (const h of hits) if (h.end === pos && h.cues & cue && (!best || h.start < best.start)) best = h;
    return best;
  };

  /** Walks back from the mention over gap words, list separators and list items (symptoms, other
   * mentions) to a negator: 没有胸痛, 也不喘, 无发热、咳嗽、气促. */
  function negatedBefore(text: string, hits: Hit[], mentions: readonly Mention[], m: Mention, sentenceStart: number): boolean {
    let pos = m.start;
    for (let steps = 0; steps < 16 && pos > sentenceStart; steps++) {
      while (pos > sentenceStart && text[pos - 1] === ' ') pos--;
      const neg = endingAt(hits, pos, Cue.Neg);
      if (neg) return !aNotA(text, neg, weighing);
      const gap = endingAt(hits, pos, Cue.Gap | Cue.Sep);
      if (gap) {
        pos = gap.start;
        continue;
      }
      // (the longest item ending here: 喉咙肿 the mention, not its 肿)
      const symptom = endingAt(hits, pos, Cue.Symptom);
      const mention = mentions.find((o) => o !== m && o.end === pos && (!symptom || o.start < symptom.start));
      const item = mention ?? symptom;
      // a word saying a case is under way ends the list unless it is denied itself: 无发热突发抽搐 is a fit with no
      // fever (没有突然胸痛 is none)
      if (item && 'concept' in item && happening.has(item.concept)) return !!endingAt(hits, item.start, Cue.Neg);
      if (item && item.start < pos) {
        pos = item.start;
        continue;
      }
      return false;
    }
    return false;
  }

  function read(input: string, mentions: readonly Mention[]): Scope[] {
    // (a scope a mention: most messages mention no concept, and need no cue read for one)
    if (!mentions.length) return [];
    const text = input.toLowerCase();
    const hits = hitsOf(text).slice();
    for (const r of text.matchAll(PAST_UNIT)) hits.push({ start: r.index as number, end: (r.index as number) + r[0].length, cues: Cue.Past });
    // (an anger someone caused, written with 的 for 得: 被我爸气的喘不上气)
    for (const r of figCaused ? text.matchAll(figCaused) : []) hits.push({ start: r.index as number, end: (r.index as number) + r[0].length, cues: Cue.Fig });
    // suppositions holding past their clause: to the sentence's end, or to the question they lead to
    const supposed = supposedSpans(text, hits);
    // asked ahead of time or for study (想提前了解, 护理考试)
    const aheadHere = !!askingAhead?.test(text);
    // a fiction named after its story, with a source reported before it: what is told between is the fiction's
    const fictionAt = lastFiction(text);
    const toldFrom = fictionAt < 0 ? Infinity : Math.min(...hits.filter((h) => h.cues & Cue.Reported && source(text, h)).map((h) => h.end));
    const scopes = mentions.map((m) => {
      const [ss, se] = bounds(text, m.start, SENTENCE_END);
      const [cs, ce] = clauseOf(text, hits, m);
      const negated = negatedBefore(text, hits, mentions, m, ss) || negatedAfter(text, hits, m);

      // over: a resolution after it, in its sentence or the next
      let resolved = false;
      let overAt = m.end;
      const [, nextEnd] = se < text.length ? bounds(text, Math.min(se + 1, text.length - 1), SENTENCE_END) : [se, se];
      if (!inForce.resolved.has(m.concept))
        for (const h of hits)
          if (h.cues & Cue.Resolved && h.start >= m.end && h.end <= Math.max(se, nextEnd) && !ofAnotherTime(text, hits, h, m) && !predictedBefore?.test(text.slice(Math.max(0, h.start - 14), h.start)) && !remedySaid(text, h.start) && !habitualBefore?.test(text.slice(Math.max(m.end, h.start - 16), h.start)) && !ASKED_AFTER.test(text.slice(h.end, h.end + 2))) {
            resolved = true;
            overAt = Math.max(overAt, h.end);
          }

      // past: a past time before it (or 疼过一次), unless it goes on: 开始/一直 in its clause, or a later clause
      // saying the symptom continues (现在还疼, 现在越来越厉害 — not 现在随身带糖)
      // (or after it in its clause where English puts it: "fainted once last year" → 晕倒 once 去年, "had chest
      // tightness last week" → 胸痛上周), or the whole of the clause after it ("overdosed once in college, years ago,")
      const english = /[a-z]/.test(text.slice(cs, ce));
      // (…not a past time it is compared with: 这次比上次深很多)
      const pastHits = hits.filter((h) => h.cues & Cue.Past && !sinceCued(text, hits, h) && !comparedBefore?.test(text.slice(Math.max(0, h.start - 2), h.start)) && ((inSpan(h, ss, se) && h.end <= m.start) || (english && h.start >= m.end && ((h.end <= ce && h.start - m.end <= ENGLISH_PAST_REACH) || aloneInNextClause(text, ce, h)))));
      const experiential =
        /^了?过(?!去|来|不|得)/.test(text.slice(m.end, m.end + 3)) || hits.some((h) => h.cues & Cue.PastAfter && h.start >= m.end && h.start <= m.end + 1);
      let past = !inForce.past.has(m.concept) && (pastHits.length > 0 || experiential);
      if (past) {
        const from = pastHits.length ? Math.min(...pastHits.map((h) => h.start)) : m.start;
        // (现在不疼了 says it is over; 现在叫不醒了 does not: that 不 is the symptom's own)
        const goesOn = hits.some((h) => {
          if (!(h.cues & Cue.Ongoing) || !inSpan(h, ss, se) || h.start < from || pastHits.includes(h) || saysOver(hits, mentions, h, text)) return false;
          // (all along within the past time of its own clause is that time's: 最后那阵子一直咳血)
          if (allAlongWords.has(text.slice(h.start, h.end)) && pastHits.some((p) => p.start >= cs && p.end <= h.start)) return false;
          if (h.start >= cs && h.end <= ce) return true;
          // a time cue between the past one and the mention moves the story to now (十年前…，刚刚…，捂着胸口)
          if (h.start < m.start) return true;
          const [, hce] = bounds(text, h.start, CLAUSE_END);
          // (a clause with a symptom of its own says something new, read on its own: 三岁那年高烧…今天又有点发烧; not
          // one that only qualifies it: …现在又疼得厉害)
          if (mentions.some((o) => o !== m && !modifiers.has(o.concept) && o.start >= h.end && o.end <= hce)) return false;
          // (and not one whose word is part of another symptom's: 我也开始嗓子疼 is a new sore throat, not the old shock)
          return hits.some((o) => o.cues & Cue.Continuing && o.start >= h.end && o.end <= hce && !insideSymptom(hits, o));
        });
        // a clause that opens on now in the clinical register (…末次透析5天前，现端坐呼吸) is now
        if (goesOn || nowOpener?.test(text.slice(cs, ce))) past = false;
      }
      if ((resolved || past) && backAgain(text, hits, mentions, m, overAt, Math.max(se, nextEnd))) resolved = past = false;

      // history: a history word before it in its clause, or a duration right after (脑梗五年了); a sequela word
      // in its clause or the next one to it, unless its own clause says it is happening now
      const nowHere =
        hits.some((h) => h.cues & Cue.Present && h.start >= cs && h.end <= ce && !lastingStates.has(text.slice(h.start, h.end))) ||
        mentions.some((o) => happening.has(o.concept) && o.start >= cs && o.end <= ce);
      const [pcs] = cs > ss ? bounds(text, Math.max(ss, cs - 2), CLAUSE_END) : [cs];
      const [, nce] = ce < se ? bounds(text, Math.min(se - 1, ce + 1), CLAUSE_END) : [ce, ce];
      const history =
        !inForce.history.has(m.concept) &&
        (hits.some((h) => h.cues & Cue.History && h.start >= cs && h.end <= m.start) ||
        hits.some((h) => h.cues & (Cue.History | Cue.HistDuration) && h.start >= m.end && h.start <= m.end + 2 && h.end <= ce) ||
        (!nowHere && hits.some((h) => h.cues & Cue.Sequela && h.start >= pcs && h.end <= nce && inSpan(h, ss, se) && (!sequelaNever.has(m.concept) || sequelaUsual.has(text.slice(h.start, h.end))))) ||
        // (a sign left behind, said to be still there after a history: 脑梗一年多了，左手还是使不上劲)
        (!nowHere && sequelaSigns.has(m.concept) && !!still?.test(text.slice(cs, m.end)) && hits.some((h) => h.cues & (Cue.History | Cue.HistDuration) && h.start >= ss && h.end <= m.start)) ||
        // (…or said to be stable after an illness months or years ago: 前年中风，现在左边偏瘫，人挺稳定的)
        (!nowHere && sequelaSigns.has(m.concept) && !!stable?.test(text.slice(cs, se)) && hits.some((h) => h.start >= ss && h.end <= m.start && (h.cues & (Cue.History | Cue.HistDuration) || (h.cues & Cue.Past && LONG_AGO.test(text.slice(h.start, h.end)))))) ||
        (!nowHere && !inForce.lasting?.has(m.concept) && habitualSince(text, hits, ss, m.start, nce)));
      const hypothetical =
        !inForce.asked.has(m.concept) &&
        ((supposed.some(([from, to]) => m.start >= from && m.end <= to) && !hits.some((h) => h.cues & Cue.Present && h.start >= cs && h.end <= ce)) ||
        // (a hypothetical runs on over an enumeration: 万一她腿肿得厉害、躺下就喘不过气了)
        // (…but not past a clause-break word: 她还以为我喝多了…然后…现在我站在楼顶上)
        hits.some((h) => h.cues & Cue.Hypo && h.start >= bounds(text, m.start, CLAUSE_NO_LIST)[0] && h.end <= m.start && !supposalEnds(text, h, m.start) && !hits.some((b) => b.cues & Cue.Break && b.start >= h.end && b.end <= m.start)) ||
        hits.some((h) => h.cues & Cue.HypoAfter && h.start >= m.end && h.start <= m.end + 1 && !CLAUSE_END.test(text.slice(m.end, h.start))) ||
        // a conditional closing the mention's clause (学生突然抽搐倒地的话…)
        !!conditionalEnd?.test(text.slice(m.end, ce)));
      // a knowledge question: nothing in its sentence says it is happening (现在, 刚才) or happened (晕倒了)
      // (a reading taken — 38.3度, SpO2 86 — is something happening too)
      // (read only when the message or the sentence asks something: most mentions are in neither)
      // (什么药都试过 asks nothing: "any")
      const knowAsked = hits.some((h) => h.cues & Cue.Know && inSpan(h, ss, se) && !universalAfter?.test(text.slice(h.end, se)));
      // (a leaflet speaks of no one: 我妈胸口疼、出冷汗，一旦出现这些怎么办 is her case)
      // (…nor a guideline's sentence: 出现呼吸困难要及时就医)
      const guidance = !!guidanceBefore?.test(text.slice(cs, m.start)) && !!guidanceAfter?.test(text.slice(m.end, se));
      const leaflet = (!!leafletAfter?.test(text.slice(m.end, se)) || guidance) && !personBefore?.test(text.slice(ss, m.start));
      // (a mention said done — 晕倒了 — unless, asked ahead, what to do follows it: 考考你 羊水破了该平躺还是坐着)
      const happened =
        (aheadHere || knowAsked || leaflet) &&
        (mentions.some((o) => o.start >= ss && o.end <= se && ((saidDone(text, o, aheadHere) && !supposedIn(text, hits, o)) || (!aheadHere && !leaflet && /.[了啦咗]/.test(o.text) && !thenAfter?.test(text.slice(o.end))) || happening.has(o.concept) || (/\d/.test(o.text) && !who.has(o.concept) && !THRESHOLD_AFTER.test(text.slice(o.end))))) ||
          !!caseSaid?.test(text.slice(ss, se)));
      // 疼不疼, 喘不喘: asked, not said (痛得不得了 is said: very much)
      const asked = text[m.end] === '不' && text[m.end + 1] === text[m.end - 1] && !(text[m.end - 1] === '得' && text[m.end + 2] === '了');
      // 会昏迷吗: whether it can come, asked
      const possible = !!possibilityBefore?.test(text.slice(Math.max(0, m.start - 3), m.start)) && !!possibilityAfter?.test(text.slice(m.end, m.end + 3));
      const knowledge =
        !inForce.asked.has(m.concept) &&
        (asked ||
        possible ||
        (((aheadHere && !ownPeopleBefore?.test(text.slice(ss, m.start))) || leaflet) && !happened && !saidNow?.test(text.slice(ss, se))) ||
        (knowAsked && !happened && !hits.some((h) => h.cues & Cue.Present && inSpan(h, ss, se) && !saysOver(hits, mentions, h, text))) ||
        hits.some((h) => h.cues & Cue.KnowAfter && h.start >= m.end && h.start <= m.end + 4 && h.end <= se) ||
        hits.some((h) => h.cues & Cue.ServiceAfter && h.start >= m.end && h.start <= m.end + 1) ||
        // (people in general: 小孩发烧会抽筋)
        (!!genericBefore?.test(text.slice(cs, m.start)) && !ownPeopleBefore?.test(text.slice(cs, m.start))));
      // a joke word said not to be one (不是开玩笑, 没开玩笑) makes nothing figurative; one far from a supposition laughs at
      // something else (万一他半夜又喘不上气咋办，现在睡得可香了，呼噜震天响 xswl): the safety line stays
      // (laughter laughs off no sign that came on or has lasted, nor a means made ready: 奶奶胳膊突然软了 嘴也歪了 哈哈; 刀都磨好了 哈哈)
      // (…and a joke denied in the sentence denies every joke word in it: 哈哈我要去紫砂啦 不是开玩笑 遗书在备忘录)
      // (each read only where a joke word is met: most sentences have none)
      let proof: boolean | undefined;
      const laughedOff = (h: Hit): boolean => !laughs.has(text.slice(h.start, h.end)) || !(proof ??= mentions.some((o) => laughProof.has(o.concept) && o.start >= ss && o.end <= se));
      const denied = (): boolean => hits.some((h) => h.cues & Cue.Joke && inSpan(h, ss, se) && jokeDisowned(text, h));
      const jokeable = !inForce.joked.has(m.concept);
      let figurative =
        (jokeable && hits.some((h) => h.cues & Cue.Joke && inSpan(h, ss, se) && (!hypothetical || jokeReaches(text, h, m)) && laughedOff(h)) && !denied()) ||
        (hits.some((h) => h.cues & Cue.Serious && h.start >= m.end && jokingAside(text.slice(h.end))) &&
          !mentions.some((o) => happening.has(o.concept) && o.end <= m.start + 4 && o.start >= ss)) ||
        (jokeable && jokeSaidAfter(text, hits, se, laughedOff)) ||
        (!inForce.figurative.has(m.concept) && !!emotionalAfter?.test(text.slice(m.end, se)));
      const listStart = bounds(text, m.start, CLAUSE_NO_LIST)[0];
      // (a cue's reach is counted to where the words the mention begins in begin: 喘不过气来 in 把人憋得喘不过气)
      const lead = mentions.reduce((a, o) => (o.start < a && o.end > m.start ? o.start : a), m.start);
      for (const h of hits) {
        if (figurative || inForce.figurative.has(m.concept)) break;
        // (a cue written to reach into the mention counts too: 得我想 before 想死, 网课卡得我想死)
        if (h.start < cs || h.start >= m.start || (h.end > m.start && (h.end > m.end || h.end - h.start < 3))) continue;
        if (h.cues & Cue.FigSubject && lead - h.end <= 3 && !notSubjectAt(text, h.start)) figurative = true;
        if (!(h.cues & Cue.Fig) || lead - h.end > 8) continue;
        // (the body part right before, or a word or two before in its clause or list: 胸口硬硬、压得喘不过气)
        const literal = hits.some((o) => o.cues & Cue.Literal && o.end <= h.start && o.end >= h.start - 3 && o.start >= Math.min(cs, listStart));
        if (!literal) figurative = true;
      }
      // (a relay that asks for help now is not hearsay: 群里有人说楼下302的老人躺在地上不动…谁能帮帮)
      // (…nor one told of the teller's own people: 群里有人说她妈是尿毒症…今天早上就水种; nor news of the writer's: 听说我妈晕倒了)
      // (…not past a clause-break word: 还以为跟电视剧里演的一样，结果他真的倒在地上了)
      // (…or told of a fiction named after its story, a reported word before it: 刚追完那部剧…后来还吞了一瓶药 编剧太狠了;
      // a reported word followed by a time — 追剧的时候 — says when, not whence)
      const animal = !personOnly.has(m.concept) && aboutNonhuman(text, ss, m.start);
      const reported = (hits.some((h) => h.cues & Cue.Reported && inSpan(h, ss, se) && h.end <= m.start && source(text, h) && !relayed(text, h, m.start) && !pastClaim(text, h, m.start) && !hits.some((b) => b.cues & Cue.Break && b.start >= h.end && b.end <= m.start)) && !hits.some((h) => h.cues & Cue.Plea)) || (toldFrom <= m.start && m.end <= fictionAt) || animal || quoted(text, m.start, m.end) || !!reportAfter?.test(text.slice(m.end, m.end + 6)) || !!reportBefore?.test(text.slice(Math.max(0, m.start - 6), m.start)) || (!inForce.addressed.has(m.concept) && !!addressee?.test(text.slice(ss, m.start)));
      return animal ? { negated, resolved, past, history, hypothetical, knowledge, figurative, reported, animal } : { negated, resolved, past, history, hypothetical, knowledge, figurative, reported };
    });
    // a word inside a negated mention is negated with it (鼻血 in 没流鼻血)
    return scopes.map((s, i) => {
      const m = mentions[i] as Mention;
      if (s.negated) return s;
      const inside = mentions.some((o, k) => k !== i && (scopes[k] as Scope).negated && o.start <= m.start && o.end >= m.end);
      return inside ? { ...s, negated: true } : s;
    });
  }

  function isNow(input: string, m: Mention): boolean {
    const text = input.toLowerCase();
    // 感觉要中风了 (feared), 心脏病都要犯了 (about to): not happening
    if (fearedBefore?.test(text.slice(Math.max(0, m.start - 2), m.start)) || aboutToAfter?.test(text.slice(m.end, m.end + 6))) return false;
    // (…but 了 before after is no now: 中风了后, 脑梗了以后)
    if (/^了(?![以之]?后)/.test(text.slice(m.end)) || /了$/.test(m.text)) return true;
    if (emergencyNow.some((w) => text.includes(w))) return true;
    // (where to go for it asked right after: 晋江现在心脏病要去哪一家)
    if (careAskedAfter?.test(text.slice(m.end, m.end + 10))) return false;
    const hits = hitsOf(text);
    const [cs, ce] = clauseOf(text, hits, m);
    return hits.some((h) => h.cues & Cue.Now && h.start >= cs && h.end <= ce && (h.end <= m.start || h.start >= m.end));
  }

  const MARKING = Cue.Neg | Cue.Hypo | Cue.Know | Cue.Past | Cue.History | Cue.Fig | Cue.Joke | Cue.Reported | Cue.Resolved | Cue.Sequela | Cue.FigSubject;

  function marks(input: string): Uint8Array {
    const text = input.toLowerCase();
    const out = new Uint8Array(text.length);
    const hits = hitsOf(text);
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !CLAUSE_END_CODES.has(text.charCodeAt(i))) continue;
      if (hits.some((h) => h.cues & MARKING && h.start >= start && h.end <= i)) out.fill(1, start, i);
      start = i + 1;
    }
    return out;
  }

  const recurrence = data.recurrence.map((w) => w.toLowerCase());
  const recurrenceAsked = data.recurrence_asked ? new RegExp(data.recurrence_asked) : undefined;
  const recurs = (text: string): boolean => {
    const lower = text.toLowerCase();
    return recurrence.some((w) => lower.includes(w)) || !!recurrenceAsked?.test(text);
  };

  // (someone's case in a hospital's hands, said anywhere: 救护车拉走了 — over for the alarm, not for the safety line; the
  // words as the cue trie holds them, scanned in one pass)
  const handled = cueScan(data.handled.map(norm));
  const inCare = (text: string): boolean => handled.any(text.toLowerCase());

  return { read, isNow, marks, recurs, inCare };
}
