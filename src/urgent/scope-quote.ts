// Words quoted from a post, an article or a rumour (转了一条「胸口疼就是心梗」的帖子, 文章里写着“…”): what they say
// is the post's, not anyone's case. Read from the quotation marks around a mention and the words that name the
// quote's source right after its close or right before its opening (scope.yml's `quoted_after`, `quoted_before`). Pure.

// (the normaliser has made 「」, 『』, “” and ‘’ ASCII quotes, which open and close alike: a mention is inside one
// when an odd number of them come before it)
const PAIRED: Readonly<Record<string, string>> = { '《': '》' };
const SAME = new Set(["'", '"']);

/** Whether [start, end) lies inside a quotation that a post's or an article's words name as their source. */
export function quotedReader(after?: string, before?: string): (text: string, start: number, end: number) => boolean {
  if (!after && !before) return () => false;
  const afterRe = after ? new RegExp(`^(?:${after})`) : undefined;
  const beforeRe = before ? new RegExp(`(?:${before})$`) : undefined;
  const named = (text: string, open: number, close: number): boolean =>
    !!afterRe?.test(text.slice(close + 1, close + 9)) || !!beforeRe?.test(text.slice(Math.max(0, open - 10), open));
  return (text, start, end) => {
    for (const q of SAME) {
      let open = -1;
      let count = 0;
      for (let i = text.indexOf(q); i >= 0 && i < start; i = text.indexOf(q, i + 1)) {
        count++;
        open = i;
      }
      const close = count % 2 ? text.indexOf(q, end) : -1;
      if (close >= 0 && named(text, open, close)) return true;
    }
    for (const [o, c] of Object.entries(PAIRED)) {
      const open = text.lastIndexOf(o, start - 1);
      const close = open >= 0 ? text.indexOf(c, end) : -1;
      if (close >= 0 && text.lastIndexOf(c, start - 1) < open && named(text, open, close)) return true;
    }
    return false;
  };
}
