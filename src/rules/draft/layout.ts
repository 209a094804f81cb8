// Where the notice is on the pasted page: each line classified (page furniture, a related-links block, the
// title, the document number, the dateline, the signature…), the title found (joined when it wraps), and
// the body told apart from the header and footer around it. Pure.
import { CHROME, DOC_TYPES, ORGAN_SUFFIX } from './cues';
import { join, sub, trim, type Line, type Seg } from './text';

export type LineKind =
  | 'blank'
  | 'chrome' // navigation, share buttons, site footer
  | 'link' // a block of related-article links
  | 'title'
  | 'number' // 泉丰泉办〔2020〕23号
  | 'dateline' // 2022-02-26 15:27:31 (a news page's publication time)
  | 'meta' // 来源: / 原标题: / 发布时间:
  | 'addressee' // 各医疗卫生单位：
  | 'signature' // the issuer under the text
  | 'date' // 2022年2月25日 under the text
  | 'text';

export interface Classified {
  line: Line;
  kind: LineKind;
  /** Where the line lies: before the title, the notice itself, after the signature. */
  region: 'header' | 'body' | 'footer';
}

export interface Layout {
  lines: Classified[];
  title?: Seg;
  /** A header line naming the issuer and number (…办公室通告(2022年第2号)). */
  issuerLine?: Seg;
  number?: Seg;
  signature?: Seg;
  date?: Seg;
  dateline?: Line;
  /** 来源: lines, in order. */
  sources: Seg[];
}

const SENTENCE_END = /[。！？!?；;]/;
const DATE_LINE = /^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日\s*$/;
const DATELINE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s+\d{1,2}:\d{2}/;
const NUMBER_LINE = /^(?:[\u4e00-\u9fa5]{1,14}\s*[〔\[【(（﹝]\s*\d{4}\s*[〕\]】)）﹞]\s*第?\s*\d{1,4}\s*号|[(（]?\s*(?:\d{4}\s*年\s*)?第\s*\d{1,4}\s*号\s*[)）]?)$/;
const META = /^(?:来源|原标题|原题|作者|发布时间|发布日期|信息来源|发文机关|发布机构|时间|日期)\s*[:：]/;
const LINK = /^\s*[-·•●▪]\s+\S/;
const HEADER_NUMBER = /^(.{2,60}?)(?:通告|通知|公告)\s*[(（]\s*(\d{4}\s*年\s*第\s*\d{1,4}\s*号)\s*[)）]\s*$/;

function kindOf(l: Line): LineKind {
  const t = l.norm.trim();
  if (!t) return 'blank';
  if (CHROME.test(t)) return 'chrome';
  if (NUMBER_LINE.test(t)) return 'number';
  if (DATE_LINE.test(t)) return 'date';
  if (META.test(t)) return 'meta';
  if (DATELINE.test(t) && t.length <= 80 && !SENTENCE_END.test(t) && !/[\u4e00-\u9fa5]{12}/.test(t)) return 'dateline';
  if (t.length <= 30 && /^各.{1,28}[:：]$/.test(t)) return 'addressee';
  return 'text';
}

/** A title line: short, no sentence punctuation, a document type at its end or 关于 in it. */
function titleLike(t: string): boolean {
  if (/^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]|\d)/.test(t)) return false;
  return t.length >= 4 && t.length <= 70 && !SENTENCE_END.test(t) && !/[,，]\S*[,，]/.test(t) && (DOC_TYPES.test(t) || /^关于/.test(t));
}

export function layout(lines: Line[]): Layout {
  const cls: Classified[] = lines.map((line) => ({ line, kind: kindOf(line), region: 'body' }));
  markLinkBlocks(cls);
  const out: Layout = { lines: cls, sources: [] };

  const titleAt = findTitle(cls, out);
  for (let i = 0; i < titleAt.start; i++) (cls[i] as Classified).region = 'header';
  // the header's own facts: number, issuer line, dateline
  for (const c of cls) {
    const t = c.line.norm.trim();
    if (c.region === 'header' || c.kind === 'meta' || c.kind === 'dateline' || c.kind === 'number') {
      if (c.kind === 'number' && !out.number) out.number = trim(c.line, '()（）');
      if (c.kind === 'dateline' && !out.dateline) out.dateline = c.line;
      if (c.kind === 'meta' || c.kind === 'dateline') {
        // 来源:某某日报, 发布时间:2022-04-12 09:30 来源:青岚市卫生健康委员会
        const from = /来源\s*[:：]\s*([^\s|]+)/.exec(c.line.norm);
        if (from) {
          const at = (from.index ?? 0) + from[0].length - (from[1] as string).length;
          out.sources.push(sub(c.line, at, at + (from[1] as string).length));
        }
        if (!out.dateline && DATELINE.test(t)) out.dateline = c.line;
      }
      const m = HEADER_NUMBER.exec(t);
      if (m && !out.issuerLine && c.region === 'header') {
        const lead = c.line.norm.indexOf(t);
        out.issuerLine = trim(sub(c.line, lead, lead + (m[1] as string).length));
        if (!out.number) {
          const at = c.line.norm.indexOf(m[2] as string);
          out.number = sub(c.line, at, at + (m[2] as string).length);
        }
      }
    }
  }
  findSignature(cls, out);
  return out;
}

/** Three or more bulleted lines in a row: a block of related-article links. */
function markLinkBlocks(cls: Classified[]): void {
  for (let i = 0; i < cls.length; ) {
    let j = i;
    while (j < cls.length && (LINK.test((cls[j] as Classified).line.text) || ((cls[j] as Classified).kind === 'blank' && j > i))) j++;
    let n = 0;
    for (let k = i; k < j; k++) if ((cls[k] as Classified).kind !== 'blank') n++;
    if (n >= 3) for (let k = i; k < j; k++) if ((cls[k] as Classified).kind !== 'blank') (cls[k] as Classified).kind = 'link';
    i = Math.max(j, i + 1);
  }
}

/** Finds and marks the title (joining a title wrapped over two lines); returns where the notice starts. */
function findTitle(cls: Classified[], out: Layout): { start: number } {
  const texts = cls.map((c) => (c.kind === 'text' ? c.line.norm.trim() : ''));
  // 1. a 关于… title, or one wrapped over two lines (…关于疫情紧急期间保障 / 各类群众就医需要的通知)
  for (let i = 0; i < cls.length; i++) {
    const t = texts[i] as string;
    if (!t || SENTENCE_END.test(t)) continue;
    const next = nextText(cls, i);
    const n = next >= 0 ? (texts[next] as string) : '';
    if (/关于/.test(t) && !DOC_TYPES.test(t) && n && DOC_TYPES.test(n) && !SENTENCE_END.test(n) && t.length + n.length <= 80 && next === i + 1) {
      return setTitle(cls, out, [i, next]);
    }
    if (/关于/.test(t) && titleLike(t)) return setTitle(cls, out, [i]);
  }
  // 2. a line ending with a document type (…通告, …的通知)
  for (let i = 0; i < cls.length; i++) {
    const t = texts[i] as string;
    if (t && titleLike(t) && DOC_TYPES.test(t) && t.length >= 6) return setTitle(cls, out, [i]);
  }
  // 3. a news report's 原标题:
  const orig = cls.findIndex((c) => c.kind === 'meta' && /^(?:原标题|原题)/.test(c.line.norm.trim()));
  if (orig >= 0) {
    const l = (cls[orig] as Classified).line;
    out.title = trim(sub(l, l.norm.search(/[:：]/) + 1));
    let last = orig;
    for (let k = orig + 1; k < cls.length && ['meta', 'dateline', 'blank', 'chrome'].includes((cls[k] as Classified).kind); k++) last = k;
    return { start: last + 1 };
  }
  // 4. the first short line without sentence punctuation before the first sentence
  for (let i = 0; i < cls.length; i++) {
    const t = texts[i] as string;
    if (!t) continue;
    if (SENTENCE_END.test(t) || /[,，]/.test(t)) break;
    if (t.length >= 4 && t.length <= 40 && !/^[一二三四五六七八九十\d]/.test(t)) return setTitle(cls, out, [i]);
  }
  return { start: 0 };
}

function nextText(cls: Classified[], i: number): number {
  for (let k = i + 1; k < cls.length; k++) if ((cls[k] as Classified).kind !== 'blank') return (cls[k] as Classified).kind === 'text' ? k : -1;
  return -1;
}

function setTitle(cls: Classified[], out: Layout, at: number[]): { start: number } {
  out.title = join(at.map((i) => trim((cls[i] as Classified).line)));
  for (const i of at) (cls[i] as Classified).kind = 'title';
  return { start: (at[0] as number) };
}

/** The issuer and date under the text; everything after them is the page's footer. */
function findSignature(cls: Classified[], out: Layout): void {
  let dateAt = -1;
  for (let i = cls.length - 1; i >= 0; i--) {
    const c = cls[i] as Classified;
    if (c.region === 'header') break;
    if (c.kind === 'date') {
      dateAt = i;
      break;
    }
  }
  if (dateAt < 0) return;
  const dateLine = cls[dateAt] as Classified;
  out.date = trim(dateLine.line);
  for (let k = dateAt - 1; k >= 0 && k >= dateAt - 3; k--) {
    const c = cls[k] as Classified;
    if (c.kind === 'blank') continue;
    const t = c.line.norm.trim();
    if (c.kind === 'text' && t.length <= 40 && !SENTENCE_END.test(t) && !/[,，:：]/.test(t) && ORGAN_SUFFIX.test(t.replace(/\s+/g, ''))) {
      c.kind = 'signature';
      out.signature = trim(c.line);
    }
    break;
  }
  for (let k = dateAt + 1; k < cls.length; k++) (cls[k] as Classified).region = 'footer';
}
