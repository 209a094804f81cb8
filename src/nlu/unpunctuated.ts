// A text without its spaces, punctuation and symbols — exactly `t.replace(/[\s\p{P}\p{S}]/gu, '')` — read with a
// table of the Basic Multilingual Plane's code units made once, rather than a Unicode-property regex a message.
const DROPPED = /[\s\p{P}\p{S}]/gu;

let table: Uint8Array | undefined;

/** 1 for each code unit outside the surrogates that the pattern drops. */
function droppedUnits(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const one = /^[\s\p{P}\p{S}]$/u;
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && one.test(String.fromCharCode(c))) t[c] = 1;
  return t;
}

export function unpunctuated(text: string): string {
  const drop = (table ??= droppedUnits());
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // (a character beyond the BMP, an emoji: the pattern itself, which reads code points)
    if (c >= 0xd800 && c <= 0xdfff) return text.replace(DROPPED, '');
    if (drop[c] === 1) {
      if (i > from) out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
