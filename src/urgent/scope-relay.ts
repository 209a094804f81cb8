// Whether a report's cue (新闻里说, 群里有人说, 电视上) reaches a mention after it, or the story has turned to a case of
// someone's own: the teller's own people (有人说她妈…), the writer's after hearsay (听说我妈…), or the writer's own
// people in a later clause (电视上老说要马上打急救，我觉得我爸还不至于，他就是左边脸发麻). Pure.
import type { ScopeFile } from './schema';
import { CLAUSE_NO_LIST, type Hit } from './scope-text';

/** What a report's cue opens a quotation with (电视上说，…), and nothing else before the clause ends. */
const REPORT_VERB_ONLY = /^(?:里|上|中)?(?:都|也|老|总|常|就)?(?:说|讲|讲了|说了|讲过|说过|写|写着|报道|播)?$/;

export type Relayed = (text: string, h: Hit, to: number) => boolean;

export function relayReader(data: Pick<ScopeFile, 'relay_after' | 'hearsay' | 'hearsay_own_after' | 'own_people_before'>, norm: (w: string) => string): Relayed {
  const relayAfter = data.relay_after ? new RegExp(data.relay_after) : undefined;
  const hearsay = new Set(data.hearsay.map(norm));
  const hearsayOwn = data.hearsay_own_after ? new RegExp(data.hearsay_own_after) : undefined;
  const ownPeople = data.own_people_before ? new RegExp(data.own_people_before) : undefined;
  return (text, h, to) => {
    if (relayAfter?.test(text.slice(h.end, h.end + 4))) return true;
    if (hearsayOwn?.test(text.slice(h.end, h.end + 6)) && hearsay.has(text.slice(h.start, h.end))) return true;
    // (not the clause a report's verb opens: 电视上说，我爸这个年纪的人中风了要马上送医)
    const own = ownPeople?.exec(text.slice(h.end, to));
    const gap = own ? text.slice(h.end, h.end + own.index) : '';
    const stop = gap.search(CLAUSE_NO_LIST);
    return stop >= 0 && !REPORT_VERB_ONLY.test(gap.slice(0, stop));
  };
}

/** Whether a report's word is a source: not the time of what follows (看电视剧的时候, scope.yml `reported_setting`) nor
 * a source followed, what is done after it the writer's people's (学抖音上拿酒精点火拔罐, `reported_heeded_before`). */
export function sourceReader(data: Pick<ScopeFile, 'reported_setting' | 'reported_heeded_before'>): (text: string, h: Hit) => boolean {
  const setting = data.reported_setting ? new RegExp(`^(?:${data.reported_setting})`) : undefined;
  const heeded = data.reported_heeded_before ? new RegExp(`(?:${data.reported_heeded_before})$`) : undefined;
  return (text, h) => !setting?.test(text.slice(h.end, h.end + 4)) && !heeded?.test(text.slice(Math.max(0, h.start - 3), h.start));
}

/** Whether a report's clause (or the one right after a bare 听说，) tells a claim (`reported_claim`: 能防病毒, 就好了) and
 * the position `at` is past that clause: what the writer tells after it is the writer's own account (听说烧艾草能防病毒，
 * 门窗关严了烧了一宿，…老太太叫不醒). */
export function claimReader(data: Pick<ScopeFile, 'reported_claim'>): (text: string, h: Hit, at: number) => boolean {
  const claim = data.reported_claim ? new RegExp(data.reported_claim) : undefined;
  return (text, h, at) => {
    if (!claim) return false;
    let from = h.end;
    while (from < at && /[\s,，:：]/.test(text[from] as string)) from++;
    const stop = text.slice(from, at).search(CLAUSE_NO_LIST);
    return stop >= 0 && claim.test(text.slice(from, from + stop));
  };
}
