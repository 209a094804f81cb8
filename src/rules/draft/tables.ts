// Tables pasted as text: a header row of known column words (类别, 定点医院, 地址, 联系电话…), then rows, either
// one row a line with cells apart by tabs, runs of spaces or |, or one cell a line (a table flattened by a
// copy from a web page). Rows with a care category and a facility become designations; a facility's phone
// and address cells go to the facility. Pure.
import { PHONE } from '../schema';
import type { DesignationDraft, AudienceContext } from './designations';
import { audiencesIn, categoriesIn, headingAudiences } from './designations';
import type { FacilityIndex, Located } from './facilities';
import { formatPhone } from './phones';
import type { Paragraph } from './structure';
import { sub, trim, type Seg } from './text';

type Column = 'index' | 'category' | 'facility' | 'address' | 'phone' | 'contact' | 'area' | 'other';

const COLUMN_WORDS: { re: RegExp; col: Column }[] = [
  { re: /^(?:序号|编号|No\.?)$/i, col: 'index' },
  { re: /地址|地点|位置/, col: 'address' },
  { re: /电话|热线|手机|联系方式/, col: 'phone' },
  { re: /联系人|负责人/, col: 'contact' },
  { re: /医院|机构|名称|单位|定点|医疗点|诊室/, col: 'facility' },
  { re: /类别|类型|人群|对象|病种|专科|科室|就诊范围|服务内容|诊疗项目|需求|患者/, col: 'category' },
  { re: /区域|辖区|片区|街道|乡镇|区县|县区/, col: 'area' },
  { re: /备注|说明|时间/, col: 'other' },
];

function columnOf(cell: string): Column | undefined {
  const t = cell.replace(/\s+/g, '');
  if (!t || t.length > 12) return undefined;
  return COLUMN_WORDS.find((c) => c.re.test(t))?.col;
}

const SPLIT = /\t+|\s*[|｜]\s*|\s{2,}|\u3000+/;

function cellsOf(s: Seg): Seg[] {
  const out: Seg[] = [];
  const re = new RegExp(SPLIT.source, 'g');
  let start = 0;
  for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(trim(sub(s, start, m.index)));
    start = m.index + m[0].length;
  }
  out.push(trim(sub(s, start)));
  return out.filter((c) => c.text.length > 0);
}

interface Table {
  columns: Column[];
  header: string[];
  rows: { cells: Seg[]; para: Paragraph; paras: Paragraph[] }[];
  lead?: Paragraph;
}

/** Tables among the paragraphs (which were lines without sentence ends). */
export function findTables(paras: Paragraph[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Paragraph;
    // one row a line
    const cells = cellsOf(p.seg);
    const cols = cells.map((c) => columnOf(c.text));
    if (cells.length >= 2 && cols.every((c) => c) && cols.includes('facility')) {
      const t: Table = { columns: cols as Column[], header: cells.map((c) => c.text), rows: [], lead: paras[i - 1] };
      let j = i + 1;
      for (; j < paras.length; j++) {
        const row = cellsOf((paras[j] as Paragraph).seg);
        if (row.length < 2 || row.length > cols.length + 1 || /[。]/.test((paras[j] as Paragraph).seg.norm)) break;
        t.rows.push({ cells: row, para: paras[j] as Paragraph, paras: [paras[j] as Paragraph] });
      }
      if (t.rows.length) tables.push(t);
      i = j - 1;
      continue;
    }
    // one cell a line: a run of column words, one a paragraph
    if (cells.length === 1 && columnOf(p.seg.text)) {
      let j = i;
      const header: string[] = [];
      const columns: Column[] = [];
      while (j < paras.length && (paras[j] as Paragraph).caption) {
        const col = columnOf((paras[j] as Paragraph).seg.text);
        if (!col) break;
        header.push((paras[j] as Paragraph).seg.text.trim());
        columns.push(col);
        j++;
      }
      if (columns.length < 2 || !columns.includes('facility')) continue;
      const t: Table = { columns, header, rows: [], lead: paras[i - 1] };
      while (j + columns.length <= paras.length) {
        const group = paras.slice(j, j + columns.length);
        if (!group.every((g) => g.caption) || (columns[0] === 'index' && !/^\d{1,3}$/.test((group[0] as Paragraph).seg.norm.trim()))) break;
        t.rows.push({ cells: group.map((g) => g.seg), para: group[0] as Paragraph, paras: group });
        j += columns.length;
      }
      if (t.rows.length) tables.push(t);
      i = j - 1;
    }
  }
  return tables;
}

/** Designations, phones and addresses from the tables. */
export function draftTables(paras: Paragraph[], index: FacilityIndex, ctx: AudienceContext): DesignationDraft[] {
  const out: DesignationDraft[] = [];
  for (const t of findTables(paras)) {
    const leadAudiences = t.lead ? audiencesIn(t.lead.seg.norm, ctx) : [];
    for (const row of t.rows) {
      const cell = (col: Column) => row.cells.filter((_, k) => t.columns[k] === col);
      const rowSeg = rowSpan(row.cells);
      const located = index.located.filter((l) => row.cells.some((c) => c.offs.includes(l.para.seg.offs[l.mention.start] as number)) && cell('facility').some((c) => c.offs.includes(l.para.seg.offs[l.mention.start] as number)));
      const facilities = [...new Set(located.map((l: Located) => l.facility))].filter((f) => !f.role);
      if (!facilities.length) continue;
      for (const c of cell('phone')) {
        for (const n of rawPhones(c)) {
          if (!PHONE.test(n.number) || facilities.length !== 1) continue;
          const f = facilities[0]!;
          if (!f.phones.some((p) => p.number === n.number)) f.phones.push({ number: n.number, label: t.header[t.columns.indexOf('phone')], ev: { sentence: rowSeg, value: sub(c, n.start, n.end) } });
        }
      }
      const addr = cell('address')[0];
      if (addr && facilities.length === 1 && !facilities[0]!.address) facilities[0]!.address = { value: addr.text.replace(/\s+/g, ''), ev: { sentence: rowSeg, value: addr } };
      const catText = cell('category').map((c) => c.norm).join(' ');
      const categories = categoriesIn(catText, ctx.vocab);
      let audiences = audiencesIn([...cell('category'), ...cell('area')].map((c) => c.norm).join(' '), ctx);
      let review: string | undefined;
      if (!audiences.length) audiences = leadAudiences;
      if (!audiences.length) ({ audiences, review } = headingAudiences(row.para, ctx));
      for (const category of categories) {
        out.push({
          audiences,
          category,
          facilities,
          backups: [],
          note: cell('category').map((c) => c.text).join(' '),
          ev: { sentence: rowSeg },
          para: row.para,
          review,
        });
      }
    }
  }
  return out;
}

/** A phone cell holds only numbers: take them even without a word like 电话 beside them. */
function rawPhones(c: Seg): { number: string; start: number; end: number }[] {
  const out: { number: string; start: number; end: number }[] = [];
  const re = /\d[\d\-\s]{4,14}\d/g;
  for (let m = re.exec(c.norm); m; m = re.exec(c.norm)) out.push({ number: formatPhone(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The cells of a row as one Seg for evidence: its text joined with |, its span from the first cell to the last. */
function rowSpan(cells: Seg[]): Seg {
  const text = cells.map((c) => c.text).join(' | ');
  const first = cells[0]?.offs[0] ?? 0;
  const last = cells[cells.length - 1]?.offs.at(-1) ?? first;
  const offs = Array.from({ length: text.length }, (_, i) => (i === text.length - 1 ? last : first));
  return { text, norm: text, offs };
}
