// The few texts the service itself sends (not answers: those come from the core and its locales).
// They name only the national emergency number 120: facts about a locality come from its rule book.
type Lang = { script?: 'simplified' | 'traditional'; lang?: 'zh' | 'en' };

export function rateLimitNotice(perMinute: number, retryAfterMs: number, l: Lang): string {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (l.lang === 'en')
    return `You are sending messages too fast (at most ${perMinute} a minute). Please wait ${s} s and try again. In an emergency (chest pain, difficulty breathing…) call 120 now.`;
  if (l.script === 'traditional')
    return `您發送消息太頻繁了（每分鐘最多 ${perMinute} 條），請 ${s} 秒後再發。如有胸痛、呼吸困難等緊急情況，請直接撥打 120。`;
  return `您发送消息太频繁了（每分钟最多 ${perMinute} 条），请 ${s} 秒后再发。如有胸痛、呼吸困难等紧急情况，请直接拨打 120。`;
}

/** Sent when an urgent ticket was not claimed in time and the core has no locality-specific notice. */
export function genericEscalationNotice(l: Lang): string {
  if (l.lang === 'en')
    return 'No one on duty has picked up your request yet. If this is an emergency, call 120 now and do not wait for a reply.';
  if (l.script === 'traditional') return '值班人員暫時未能接手您的求助。如病情緊急，請立即撥打 120 急救電話，不要等待回覆。';
  return '值班人员暂时未能接手您的求助。如病情紧急，请立即拨打 120 急救电话，不要等待回复。';
}

/** When processing a message failed: the user is not left without an answer. */
export function internalErrorNotice(l: Lang): string {
  if (l.lang === 'en') return 'Sorry, something went wrong. Please try again. In an emergency call 120.';
  if (l.script === 'traditional') return '抱歉，系統出了點問題，請稍後再試。如有緊急情況，請撥打 120。';
  return '抱歉，系统出了点问题，请稍后再试。如有紧急情况，请拨打 120。';
}
