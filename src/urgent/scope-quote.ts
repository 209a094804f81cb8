// Words quoted from a post, an article or a rumour (转了一条「胸口疼就是心梗」的帖子, 文章里写着“…”): what they say
// is the post's, not anyone's case. Read from the quotation marks around a mention and the words that name the
// quote's source right after its close or right before its opening (scope.yml's `quoted_after`, `quoted_before`). Pure.

// (the normaliser has made 「」, 『』, “” and ‘’ ASCII quotes, which open and close alike: a mention is inside one
// when an odd number of them come before it)
// (an apostrophe between two letters is English's own — I've, it's — and opens nothing)
const PAIRED: readonly (readonly [string, string])[] = [['《', '》']];
const SAME = ["'", '"'] as const;
const LETTER = /[a-z]/i;
const apostrophe = (text: string, i: number): boolean => text[i] === "'" && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
/** The next quotation mark q at or after `from` that is not an apostrophe. */
function nextMark(text: string, q: string, from: number): number {
  let i = text.indexOf(q, from);
  while (i >= 0 && apostrophe(text, i)) i = text.indexOf(q, i + 1);
  return i;
}

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
      for (let i = nextMark(text, q, 0); i >= 0 && i < start; i = nextMark(text, q, i + 1)) {
        count++;
        open = i;
      }
      const close = count % 2 ? nextMark(text, q, end) : -1;
      if (close >= 0 && named(text, open, close)) return true;
    }
    for (const [o, c] of PAIRED) {
      const open = text.lastIndexOf(o, start - 1);
      const close = open >= 0 ? text.indexOf(c, end) : -1;
      if (close >= 0 && text.lastIndexOf(c, start - 1) < open && named(text, open, close)) return true;
    }
    return false;
  };
}
