// The texts the service sends when the core cannot be asked (it failed on a message, or gave no escalation
// notice): they stand alone, in three scripts and languages, and name only the national emergency number
// 120. Everything else, the rate-limit notice included, comes from the core and its locales.
type Lang = { script?: 'simplified' | 'traditional'; lang?: 'zh' | 'en' };

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
