// Where each value of a YAML document is, by path: what the console's editor finds a value's evidence by.
import { pathRanges } from '../../src/data/yaml-ranges';

const YAML = `# a comment
id: qinglan
aliases: [青岚, 青岚市]
facilities:
  # L12: the sentence
  - id: ql_first
    name: 青岚市第一人民医院
  - {id: ql_tumour, name: 青岚市肿瘤医院}
guidance:
  - steps:
      - 先向所在社区报告，
      - >-
        由社区安排专车
        闭环转运
`;

describe('pathRanges', () => {
  const at = (path: string) => pathRanges(YAML).find((r) => r.path === path);

  it('gives the line of every key and list item, and the last line of its value', () => {
    expect(at('id')).toEqual({ path: 'id', line: 2, end: 2 });
    expect(at('aliases[1]')).toEqual({ path: 'aliases[1]', line: 3, end: 3 });
    expect(at('facilities')).toEqual({ path: 'facilities', line: 4, end: 8 });
    expect(at('facilities[0]')).toEqual({ path: 'facilities[0]', line: 6, end: 7 });
    expect(at('facilities[0].name')).toEqual({ path: 'facilities[0].name', line: 7, end: 7 });
    expect(at('facilities[1].name')?.line).toBe(8);
    expect(at('guidance[0].steps[1]')).toEqual({ path: 'guidance[0].steps[1]', line: 12, end: 14 });
  });

  it('reads what it can of a document with a syntax error, and nothing of what is not YAML', () => {
    const broken = `id: qinglan\nname: 青岚市\nfacilities:\n  - id: [unclosed\n`;
    expect(pathRanges(broken).map((r) => r.path)).toEqual(expect.arrayContaining(['id', 'name']));
    expect(pathRanges('')).toEqual([]);
    expect(pathRanges('just a line of text')).toEqual([]);
  });
});
