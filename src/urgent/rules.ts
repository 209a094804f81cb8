// The red-flag classes as rules over concept mentions (intents/urgent/classes.yml): a class is raised when
// every item of one of its rules is found about something happening now. A mention typed with a homophone
// that is a word of its own (抽出) counts only beside another mention for the same class; a named disease
// (脑梗, 心梗) only with a sign it is happening now; a mild symptom (有点胸闷) does not raise a rule that says
// so, unless something in the message is severe. Pure.
import { itemConcepts, ownConceptsOf, type ClassesFile, type RuleItem } from './schema';
import type { Mention } from './mentions';
import { inScope, SCOPE_KEYS, type Scope, type ScopeReader } from './scope';

export interface ClassHit {
  id: string;
  /** The mention that stands for it in the reply and the ticket (the first of the rule's first item). */
  mention: Mention;
  /** Concepts that raised it. */
  concepts: string[];
}

export interface RuleVerdict {
  hits: ClassHit[];
  /** Mentions of red-flag concepts kept out of scope only because they are asked about or supposed
   * (胸痛挂什么科, 如果破水了): the reply adds "if this is happening now, call 120". */
  caution: Mention[];
  /** Every red-flag mention of the message is out of scope or said to be mild (没有胸痛, 上周晕过, 有点胸闷), or it has
   * none and its supporting signs are all denied (不是想不开): the scope rules have judged it, and the scorer needs its
   * threshold across classes. */
  closed: boolean;
  /** The classes an open red-flag mention belongs to: the scorer's lower threshold holds only for these (a fever
   * says nothing for suicide). */
  openClasses: ReadonlySet<string>;
  /** When `closed`, the classes its out-of-scope mentions belong to: the scorer may not raise these (a stroke years
   * ago says nothing against a plan to die now, which the scorer may still find). */
  closedClasses: ReadonlySet<string>;
}

export interface RuleEngine {
  judge(text: string, mentions: readonly Mention[], scopes: readonly Scope[]): RuleVerdict;
  /** Concepts any class's rules use, by class. */
  conceptsOf(classId: string): ReadonlySet<string>;
}


function someIn(usable: ReadonlyMap<string, unknown>, concepts: ReadonlySet<string>): boolean {
  for (const c of usable.keys()) if (concepts.has(c)) return true;
  return false;
}

/** Said in the past and nothing else: not resolved, history, negated, supposed, asked about or figurative. */
const onlyPast = (s: Scope): boolean => s.past && SCOPE_KEYS.every((k) => k === 'past' || !s[k]);

export function createRuleEngine(data: ClassesFile, scope: ScopeReader): RuleEngine {
  const context = new Set(data.context);
  const needsNow = new Set(data.needs_now);
  const byClass = ownConceptsOf(data.classes);
  const redFlagConcepts = new Set([...byClass.values()].flatMap((s) => [...s]).filter((c) => !context.has(c)));
  const supporting = new Set(data.supporting);
  const intentDenied = new Set(data.intent_denied);
  // each class's rules with their items' concepts listed once (an item of one concept or of several: the first
  // mention found counts; an item of `min` forms of one concept: every mention is read)
  const classes = Object.entries(data.classes).map(([id, cls]) => ({
    id,
    rules: cls.rules.map((rule) => ({
      rule,
      items: rule.all.map((item): CompiledItem => (typeof item === 'string' || 'any' in item ? { concepts: itemConcepts(item) } : { concept: item.concept, min: item.min })),
      first: itemConcepts(rule.all[0] as RuleItem),
    })),
  }));

  function judge(text: string, mentions: readonly Mention[], scopes: readonly Scope[]): RuleVerdict {
    // most messages mention no concept at all: no rule holds, nothing to be cautious of, nothing open or closed
    if (!mentions.length) return { hits: [], caution: [], closed: false, openClasses: NO_CLASSES, closedClasses: NO_CLASSES };
    // usable mentions, by concept
    const usable = new Map<string, Mention[]>();
    // mentions whose only reading is the past (他昨天说不想活了), for the rules that count them
    let saidBefore: Mention[] | undefined;
    mentions.forEach((m, i) => {
      const s = scopes[i] as Scope;
      if (onlyPast(s)) (saidBefore ??= []).push(m);
      const ok = context.has(m.concept) ? !s.negated : inScope(s) && (!needsNow.has(m.concept) || scope.isNow(text, m));
      if (!ok) return;
      const list = usable.get(m.concept);
      if (list) list.push(m);
      else usable.set(m.concept, [m]);
    });
    const severe = (usable.get('severe') ?? []).length > 0;

    const hits: ClassHit[] = [];
    // mentions a rule found put to an everyday use (木炭…烧烤): they do not open the message to the scorer
    let spent: Set<Mention> | undefined;
    for (const { id, rules } of classes) {
      const own = byClass.get(id) as Set<string>;
      // every item of a rule needs a mention of one of the class's concepts: none usable, no rule can hold
      if (!someIn(usable, own)) continue;
      for (const { rule, items, first: firstConcepts } of rules) {
        // an everyday use named (周末烧烤用, 冬天不漏风) spends the rule's mentions, found in full or not
        if (rule.none.length && rule.none.some((c) => usable.has(c))) {
          for (const item of items) for (const c of item.concepts ?? [item.concept as string]) for (const m of usable.get(c) ?? []) (spent ??= new Set()).add(m);
          continue;
        }
        const picked: (Mention | undefined)[] = [];
        const before = rule.past_counts.length && saidBefore ? saidBefore.filter((m) => rule.past_counts.includes(m.concept)) : NONE;
        let ok = true;
        // the items of one concept each (the first of their mentions found, else of those said before), then those of
        // `min` forms of one, counted in words the others did not take (也用不上了 is one goodbye, not a goodbye and the
        // finality beside it)
        for (const [k, item] of items.entries()) {
          if (!item.concepts) continue;
          const m = firstFound(usable, own, item.concepts) ?? firstSaid(before, item.concepts);
          if (!m) {
            ok = false;
            break;
          }
          picked[k] = m;
        }
        if (!ok) continue;
        const taken = picked.filter((m): m is Mention => !!m);
        for (const [k, item] of items.entries()) {
          if (item.concepts) continue;
          const ms = foundOf(usable, own, item.concept).filter((m) => !taken.some((t) => t.start < m.end && m.start < t.end));
          if (new Set(ms.map((m) => m.text)).size < item.min) {
            ok = false;
            break;
          }
          picked[k] = ms[0] as Mention;
        }
        if (!ok) continue;
        const first = picked[0] as Mention;
        if (rule.mild_blocks && !severe && firstConcepts.flatMap((c) => foundOf(usable, own, c)).every((m) => mildIn(text, usable, m))) continue;
        hits.push({ id, mention: first, concepts: [...new Set((picked as Mention[]).map((m) => m.concept))] });
        break;
      }
    }
    let recurs: boolean | undefined;
    let inCare: boolean | undefined;
    const caution = hits.length
      ? []
      : mentions.filter((m, i) => {
          const s = scopes[i] as Scope;
          // (or said as past, with a question of what to do if it comes back: 过敏性休克…治好了…如果再发生怎么办; or heard
          // of, 听说蛋蛋突然疼得几个小时内手术…是真的吗: what is heard of may happen, and the line says what to do then —
          // heard of as over, only when it ended in a hospital's hands: 隔壁一家煤气中毒了 救护车拉走了)
          const again = (s.past || s.resolved || s.history) && (recurs ??= scope.recurs(text));
          const heard = s.reported && !s.past && !s.history && (!s.resolved || (inCare ??= scope.inCare(text)));
          return redFlagConcepts.has(m.concept) && (s.hypothetical || s.knowledge || heard || again) && !s.negated && !s.figurative;
        });
    // what opens the message to the scorer: a red-flag symptom (not a supporting word, not a guessed homophone that is a word of its own)
    const red = mentions.filter((m) => redFlagConcepts.has(m.concept) && !supporting.has(m.concept) && !m.realWord);
    const open = red.filter((m) => (usable.get(m.concept) ?? []).includes(m) && (severe || !mildIn(text, usable, m)) && !spent?.has(m));
    const openClasses = new Set<string>();
    for (const [id, own] of byClass) if (open.some((m) => own.has(m.concept))) openClasses.add(id);
    // (closed only by mentions read as written: a homophone guessed out of scope — 开治 for 开指 — says nothing either way)
    const closedClasses = new Set<string>();
    if (open.length === 0) for (const [id, own] of byClass) if (red.some((m) => !m.typo && own.has(m.concept))) closedClasses.add(id);
    // (no red-flag sign at all, and the supporting ones all denied — 不是想不开, 不疼 没出血: judged too, the scorer held
    // to its threshold across classes; not shut, for a denial can be of one feature only: 不是一阵一阵的那种)
    const denied = !red.length && mentions.some((m, i) => supporting.has(m.concept) && (scopes[i] as Scope).negated) && !mentions.some((m, i) => supporting.has(m.concept) && inScope(scopes[i] as Scope));
    // …and where what is denied is the class itself (不是想不开), that class is shut as a negated red flag shuts it
    if (denied) for (const [id, own] of byClass) if (mentions.some((m, i) => intentDenied.has(m.concept) && own.has(m.concept) && (scopes[i] as Scope).negated)) closedClasses.add(id);
    return { hits: hits.sort((a, b) => a.mention.start - b.mention.start), caution, closed: closedClasses.size > 0 || denied, openClasses, closedClasses };
  }

  return { judge, conceptsOf: (id) => byClass.get(id) ?? new Set() };
}

/** A mild word in the mention's own clause (有点胸闷), not one said of the rest (其他都还好，就是喘不上气). */
function mildIn(text: string, usable: ReadonlyMap<string, Mention[]>, m: Mention): boolean {
  const mild = usable.get('mild') ?? [];
  return mild.some((x) => x.end <= m.start + 1 && m.start - x.end <= 4 && !apart(text, x.end, m.start)) || mild.some((x) => x.start >= m.end && x.start - m.end <= 1);
}

const apart = (text: string, a: number, b: number): boolean => /[,，。;；!！?？]|就是|但是|只是|可是|不过/.test(text.slice(a, b));

/** A rule's item, its concepts listed once: one of `concepts`, or `min` forms of `concept`. */
type CompiledItem = { concepts: string[]; concept?: undefined; min?: undefined } | { concepts?: undefined; concept: string; min: number };

const NONE: readonly Mention[] = [];
const NO_CLASSES: ReadonlySet<string> = new Set();

/** The first of `foundOf(…, c)` over the concepts in order, without listing them. */
function firstFound(usable: ReadonlyMap<string, Mention[]>, own: ReadonlySet<string>, concepts: readonly string[]): Mention | undefined {
  for (const c of concepts) {
    const list = usable.get(c);
    if (!list) continue;
    for (const m of list) if (!m.realWord || besideSure(usable, own, c, m)) return m;
  }
  return undefined;
}

/** The first mention said before of one of the concepts. */
function firstSaid(before: readonly Mention[], concepts: readonly string[]): Mention | undefined {
  for (const m of before) if (concepts.includes(m.concept)) return m;
  return undefined;
}

/** Another of the class's concepts than `concept` has a usable mention that is no guess, in other words than the guess
 * `m` (绝经以后骨头就不行了: 不行了 read as 不醒了 is not confirmed by 不行了 read as severe). */
function besideSure(usable: ReadonlyMap<string, Mention[]>, own: ReadonlySet<string>, concept: string, m: Mention): boolean {
  for (const c of own) if (c !== concept && (usable.get(c) ?? NONE).some((o) => !o.typo && (o.end <= m.start || o.start >= m.end))) return true;
  return false;
}

/** The usable mentions of a class's concept; a homophone that is a word of its own (`realWord`) only beside another
 * of the class's concepts that is no guess. */
function foundOf(usable: ReadonlyMap<string, Mention[]>, own: ReadonlySet<string>, concept: string): Mention[] {
  return (usable.get(concept) ?? []).filter((m) => !m.realWord || besideSure(usable, own, concept, m));
}
