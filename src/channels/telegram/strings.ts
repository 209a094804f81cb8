// Fixed texts the Telegram adapter sends itself (keyboard prompts and the staff group's interface).
// Replies to residents' questions come from the core's locales, not from here.

export const USER = {
  chooseLocality: '请选择您所在的地区 / Choose your locality:',
  noLocalities: '暂时没有可选的地区。',
  chooseLang: '请选择语言 / 請選擇語言 / Choose a language:',
  pressed: '已收到',
};

export const STAFF = {
  title: (urgent: boolean, id: string) => `${urgent ? '🆘 紧急工单' : '📋 工单'} #${id}`,
  escalated: (level: number) => `⚠️ 无人认领，已升级（第 ${level} 级）`,
  locality: '地区',
  reason: '原因',
  channel: '渠道',
  state: '状态',
  stateOpen: '待认领',
  stateClaimed: (by: string) => `已认领：${by}`,
  stateClosed: (by: string | undefined) => (by ? `已关闭：${by}` : '已关闭'),
  unknown: '未知',
  lastMessages: '最近消息：',
  who: { user: '👤', bot: '🤖', staff: '🧑‍⚕️' } as Record<string, string>,
  hint: '认领后，回复本消息即可回复用户。',
  userMessage: (id: string) => `💬 工单 #${id} 用户新消息：`,
  claimed: '已认领',
  closed: '已关闭',
  alreadyClaimed: (by: string) => `该工单已由 ${by} 认领`,
  claimFirst: '请先点“认领”再回复。',
  ticketClosed: '该工单已关闭。',
  ticketMissing: '找不到该工单。',
  replySent: '✓ 已发送给用户',
  replyFailed: '发送失败，请稍后重试。',
  actionFailed: '操作失败，请稍后重试。',
  kbUsage: '用法：/kb 关键词（例如 /kb 忻州 透析）',
  kbNone: (q: string) => `没有找到与“${q}”相关的答案。`,
  kbMore: (n: number) => `（另有 ${n} 条，请用更具体的关键词）`,
  ticketsNone: '目前没有待处理的工单。',
  ticketsTitle: (n: number) => `待处理工单（${n}）：`,
};
