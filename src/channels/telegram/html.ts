// Telegram HTML parse mode: everything we send is escaped first (user text, rule-book text, staff text).

/** Escape `&`, `<` and `>` for Telegram's HTML parse mode (the only three it requires). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
