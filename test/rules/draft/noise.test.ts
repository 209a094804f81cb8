// Notices as administrators paste them: site navigation and footers, advertising and news lines, a QQ
// number, a licence, a foreign number, pinyin glosses, traditional characters, tables flattened into lines.
import { designationLines, draft, facilityId, fixture } from './support';

describe('a notice inside a news page (navigation, dateline, ads, QQ, licence, a foreign number)', () => {
  const r = draft(fixture('qinglan-sentences.txt'), 'qinglan');

  it('reads the source from the header and the signature', () => {
    expect(r.book.source).toMatchObject({
      title: '青岚市卫生健康委员会关于做好封控期间居民就医保障工作的通知',
      issuer: '青岚市卫生健康委员会',
      number: '青卫发〔2022〕37号',
      date: '2022-04-11',
      published: '2022-04-12',
    });
    expect(r.book.name).toBe('青岚市');
  });

  it('drafts the designations of the sentences, backups in order with their activation', () => {
    expect(designationLines(r)).toEqual([
      'controlled_zone,sealed_zone × dialysis → 青岚市第一人民医院 | 1.青岚市中心医院 2.青岚市中医院',
      'controlled_zone,sealed_zone × maternity → 青岚市第一人民医院 | 1.青岚市中心医院 2.青岚市中医院',
      'controlled_zone,sealed_zone × children → 青岚市第一人民医院 | 1.青岚市中心医院 2.青岚市中医院',
      'controlled_zone,sealed_zone × emergency → 青岚市第一人民医院 | 1.青岚市中心医院 2.青岚市中医院',
      // “…为我市封控区、管控区人员就医定点医院”: their hospital for care in general too
      'controlled_zone,sealed_zone × general → 青岚市第一人民医院 | 1.青岚市中心医院 2.青岚市中医院',
      'controlled_zone,sealed_zone × oncology → 青岚市肿瘤医院 | 1.青岚市中心医院 2.青岚市中医院',
    ]);
    expect(r.book.designations[0]?.activation).toBe('当定点医院出现满负荷或因阳性病例需闭环处置时，按顺序启用后备定点医院。');
  });

  it('keeps the hotline, the duty line and 120, with the address of the hospital', () => {
    const phones = r.book.contacts.map((c) => `${c.kind} ${c.phones.map((p) => p.number).join()}`);
    expect(phones).toEqual(expect.arrayContaining(['hotline 0797-8123456', 'duty 0797-8234567', 'hotline 120']));
    const first = r.book.facilities.find((f) => f.name === '青岚市第一人民医院');
    expect(first?.address).toBe('青岚市滨江路188号');
    expect(first?.phones.map((p) => p.number)).toEqual(['0797-8234567']);
  });

  it('leaves the ad line, the QQ number, the licence and the foreign number out, saying why', () => {
    const left = Object.fromEntries(r.leftOut.map((l) => [l.number, l.reason]));
    expect(left['0797-8666666']).toMatch(/advertising/);
    expect(left['88123456']).toMatch(/QQ/);
    expect(left['0050-8123-4567']).toBeDefined();
    const kept = r.book.contacts.flatMap((c) => c.phones.map((p) => p.number));
    for (const n of Object.keys(left)) expect(kept).not.toContain(n);
    expect(r.yaml).toMatch(/# Numbers left out \(not contacts of the notice\):\n#   0797-8666666 \(L24\): advertising line/);
  });

  it('takes no facility or place from the page around the notice', () => {
    expect(r.book.facilities.map((f) => f.name)).not.toContain(expect.stringMatching(/新闻网/));
    expect(r.problems).toEqual([]);
  });
});

describe('traditional characters with pinyin glosses and a table flattened one cell a line', () => {
  const r = draft(fixture('yunxi-table-cells.txt'), 'yunxi');

  it('reads the table’s rows as designations in simplified script', () => {
    expect(designationLines(r)).toEqual([
      'sealed_zone × dialysis → 云溪县人民医院',
      'sealed_zone × maternity → 云溪县妇幼保健院',
      'sealed_zone × children → 云溪县妇幼保健院',
      'sealed_zone × fever → 云溪县中医院',
    ]);
  });

  it('gives each hospital the address and phone of its row, and lists no table number as left out', () => {
    const f = r.book.facilities.find((x) => x.name === '云溪县妇幼保健院');
    expect(f?.address).toBe('云溪县城关镇建设路8号');
    expect(f?.phones.map((p) => p.number)).toEqual(['0736-5234567']);
    expect(r.leftOut).toEqual([]);
  });

  it('drops the pinyin from the text it quotes and reads the number and the signature', () => {
    expect(JSON.stringify(r.book.guidance)).not.toMatch(/fáng|hù/);
    expect(r.book.guidance.flatMap((g) => g.steps).join('')).toContain('全程做好个人防护');
    expect(r.book.source).toMatchObject({ issuer: '云溪县新冠肺炎疫情防控指挥部办公室', number: '第5号', date: '2022-05-03' });
    expect(r.book.places.map((p) => p.name)).toEqual(['城关镇']);
    expect(r.problems).toEqual([]);
  });
});

describe('a table pasted one row a line (tabs)', () => {
  const r = draft(fixture('hexi-rows.txt'), 'hexi');

  it('reads audience from the lead line, category and hospital from each row, and the phone column', () => {
    expect(designationLines(r)).toEqual([
      'controlled_zone × dialysis → 禾西区人民医院',
      'controlled_zone × maternity → 禾西区妇幼保健院',
      'controlled_zone × oncology → 禾西区第二人民医院',
    ]);
    expect(r.book.facilities.find((f) => f.id === facilityId(r, '禾西区第二人民医院'))?.phones).toEqual([{ number: '0571-86345678', label: '联系电话' }]);
    expect(r.book.kind).toBe('district');
  });

  it('drafts the numbered rules as guidance and the hotline as a contact', () => {
    const steps = r.book.guidance.flatMap((g) => g.steps);
    expect(steps).toEqual(expect.arrayContaining(['孕产妇、婴幼儿就医可由一名核酸阴性的家属陪同。']));
    expect(r.book.contacts).toEqual([expect.objectContaining({ kind: 'hotline', name: '就医咨询电话', phones: [{ number: '0571-86000120', label: '咨询' }] })]);
  });
});

describe('a page with nothing of a notice on it', () => {
  it('drafts nothing and says so', () => {
    const r = draft(fixture('nothing.txt'));
    expect(r.empty).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/^nothing to draft/) })]);
    expect(r.leftOut.map((l) => l.number)).toEqual(['0731-88888888']);
  });
});
