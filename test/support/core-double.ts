// A tiny stand-in for the pure core (src/core), for service and HTTP tests that are about the plumbing,
// not the answers: it remembers a locality, asks for it with quick replies, flags 胸痛 as urgent,
// hands off on 转人工, stays silent while staff hold the conversation, and reads the live status.
// Its facts are made up for the tests and never leave test/.
import type { Analysis } from '../../src/nlu/types';
import type { CannedAnswer, Core, Inbound, Reply, Session, TurnContext, TurnResult } from '../../src/core/types';

const PLACES: Record<string, string> = { xinzhou: '忻州市', jinjiang: '晋江市' };
export const DOUBLE_FACILITY = 'xz_test_hospital';

function analysis(text: string, intent: string): Analysis {
  return {
    original: text,
    normalised: text,
    script: 'simplified',
    lang: 'zh',
    forwarded: false,
    tokens: [],
    entities: [],
    intent: { name: intent, confidence: 1 },
    ranking: [{ name: intent, confidence: 1 }],
    redFlags: [],
    urgency: { score: 0, by: null, caution: false },
  };
}

function reply(parts: string[], extra: Partial<Reply> = {}): Reply {
  return { parts, urgent: false, handoff: false, ask: null, quickReplies: [], intent: 'designation', sources: [], script: 'simplified', lang: 'zh', ...extra };
}

export function createCoreDouble(opts: { throwOn?: string } = {}): Core & { calls: number } {
  const core = {
    calls: 0,
    turn(inbound: Inbound, session: Session, ctx: TurnContext): TurnResult {
      core.calls += 1;
      const text = inbound.text;
      if (opts.throwOn && text.includes(opts.throwOn)) throw new Error('core double: asked to fail');
      const next: Session = { ...session, turns: session.turns + 1 };
      const urgent = /胸痛|胸口疼/.test(text) && !/不|没有/.test(text);
      if (urgent) {
        next.handoff = next.handoff ?? { since: ctx.now, reason: 'urgent:chest_pain' };
        const r = reply(['【紧急】请立即拨打 120。'], { urgent: true, handoff: true, handoffReason: 'urgent:chest_pain', intent: 'urgent', locality: next.locality });
        return { reply: r, session: next, analysis: analysis(text, 'urgent') };
      }
      if (session.handoff?.heldBy) return { reply: null, session: next, analysis: analysis(text, 'held') };
      if (text.includes('转人工')) {
        next.handoff = { since: ctx.now, reason: 'requested' };
        return { reply: reply(['已为您转接人工。'], { handoff: true, handoffReason: 'requested', intent: 'human', locality: next.locality }), session: next, analysis: analysis(text, 'human') };
      }
      const named = Object.keys(PLACES).find((id) => inbound.choice === id || text.includes(PLACES[id]!.slice(0, 2)));
      if (named) next.locality = named;
      if (!next.locality) {
        const quickReplies = Object.entries(PLACES).map(([value, label]) => ({ label, value }));
        return { reply: reply(['请问您在哪个城市？'], { ask: 'locality', quickReplies, intent: 'designation' }), session: next, analysis: analysis(text, 'designation') };
      }
      if (/天气|股票/.test(text)) return { reply: reply(['我只能回答就医问题。'], { intent: 'fallback', review: 'fallback', locality: next.locality }), session: next, analysis: analysis(text, 'fallback') };
      const full = ctx.status.facilities[DOUBLE_FACILITY]?.state === 'full';
      const answer = `${PLACES[next.locality]}：请到${full ? '备用医院' : '测试医院'}就诊。<b>`;
      return { reply: reply([answer], { locality: next.locality, sources: [next.locality] }), session: next, analysis: analysis(text, 'designation') };
    },
    kb(query: string): CannedAnswer[] {
      const all: CannedAnswer[] = [{ locality: 'xinzhou', title: '忻州 · 透析', text: '忻州透析：测试医院。', keywords: ['忻州', '透析'] }];
      return all.filter((a) => query.split(/\s+/).some((w) => a.keywords.includes(w)));
    },
    localities: () => Object.entries(PLACES).map(([id, name]) => ({ id, name })),
    facilities: () => [{ id: DOUBLE_FACILITY, name: '测试医院', locality: 'xinzhou' }],
    escalationNotice: (locality: string | undefined) => `请立即拨打120。${locality ? `${PLACES[locality] ?? locality}热线：0000-0000000` : ''}`,
    rateLimitNotice: (perMinute: number, seconds: number) => `太快了：每分钟最多 ${perMinute} 条，${seconds} 秒后再发。`,
  };
  return core;
}
