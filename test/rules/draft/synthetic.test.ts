// Notices of cities the drafter was not built on, written for these tests in the ways notices are written:
// (一)(二) items with details in brackets, per-district hotlines, 1. 2. items with a contact person, and
// sentences that send people somewhere (统一到…治疗).
import { designationLines, draft, fixture } from './support';

describe('（一）（二） items with the address and phone in brackets, and per-district hotlines', () => {
  const r = draft(fixture('fengcheng-items.txt'), 'fengcheng');

  it('designates each item’s hospitals for the audiences of the notice’s title', () => {
    expect(designationLines(r)).toEqual([
      'controlled_zone,sealed_zone × maternity → 枫城市妇幼保健院',
      'controlled_zone,sealed_zone × dialysis → 枫城市第三人民医院、枫城市中心医院',
      'controlled_zone,sealed_zone × children → 枫城市儿童医院',
      'controlled_zone,sealed_zone × oncology → 枫城市肿瘤医院',
    ]);
    // the audience came from the notice's title, not from the list: each is marked for review
    expect(r.review.filter((x) => /^designations\[\d\]$/.test(x.path)).map((x) => x.reason)).toEqual(Array(4).fill(expect.stringMatching(/title or preamble/)));
  });

  it('gives hospitals the address and phone in their brackets', () => {
    const f = r.book.facilities.find((x) => x.name === '枫城市第三人民医院');
    expect(f).toMatchObject({ address: '枫城市和平北路9号', phones: [{ number: '0351-6023456' }] });
  });

  it('names each district’s hotline after the district and the heading', () => {
    const names = r.book.contacts.map((c) => `${c.name} ${c.phones[0]?.number}`);
    expect(names).toEqual(expect.arrayContaining(['东湖区就医咨询电话 0351-6101010', '西山区就医咨询电话 0351-6202020']));
    expect(r.book.places.map((p) => p.name)).toEqual(['东湖区', '西山区']);
    expect(r.leftOut).toEqual([]);
  });
});

describe('1. 2. 3. items for isolated people, a contact person in brackets, units to report to', () => {
  const r = draft(fixture('songlin-items.txt'), 'songlin');

  it('reads audience and categories from each item’s label, in the listed order', () => {
    expect(designationLines(r)).toEqual([
      'isolated × fever → 松林县人民医院',
      'isolated × maternity → 松林县妇幼保健院、松林县人民医院',
      'isolated × children → 松林县妇幼保健院、松林县人民医院',
      'isolated × dialysis → 松林县中医院',
    ]);
  });

  it('finds the person, the duty line and the unit to report to', () => {
    const person = r.book.contacts.find((c) => c.kind === 'person');
    expect(person).toMatchObject({ name: '周明', phones: [{ number: '13912345678' }] });
    expect(r.book.contacts.find((c) => c.kind === 'duty')).toMatchObject({ name: '县卫生健康局值班电话', phones: [{ number: '0745-7823456' }] });
    expect(r.book.contacts.filter((c) => c.kind === 'unit').map((c) => c.name)).toEqual(['县卫生健康局医政股']);
    expect(r.book.within ?? []).toEqual([]);
  });

  it('drafts the generic tiers the notice gives duties to', () => {
    const generic = r.book.facilities.filter((f) => f.generic).map((f) => f.name);
    expect(generic).toEqual(['乡镇卫生院', '村卫生室']);
  });
});

describe('sentences that send people to a hospital (统一到…治疗), marked for review', () => {
  const r = draft(fixture('qichuan-routing.txt'), 'qichuan');

  it('reads a designation from each, the audience from the sentence or the title', () => {
    expect(designationLines(r)).toEqual(['isolated × dialysis → 栖川区人民医院', 'isolated × maternity → 栖川区妇幼保健院', 'isolated × fever → 栖川区人民医院']);
    expect(r.review.filter((x) => /^designations\[\d+\]$/.test(x.path)).length).toBe(3);
  });

  it('keeps what else the sentences say as guidance, and the liaison as a person with a role', () => {
    expect(r.book.guidance.flatMap((g) => g.steps).join('')).toContain('由隔离点安排专车接送');
    expect(r.book.contacts.find((c) => c.kind === 'person')).toMatchObject({ name: '郑海燕', role: '隔离点联络员', phones: [{ number: '13801234567' }] });
  });
});

describe('a news app’s page: hospitals listed by district, specialty items, a related-news block', () => {
  const r = draft(fixture('yuechuan-districts.txt'), 'yuechuan');

  it('reads the dateline and the source under the title', () => {
    expect(r.book.source).toMatchObject({ issuer: '岳川市卫生健康委员会', date: '2022-01-04', published: '2022-01-05', via: '岳川日报' });
  });

  it('designates the specialty items, not the district lists, and takes nothing from the related news', () => {
    expect(designationLines(r)).toEqual([
      'controlled_zone,sealed_zone × maternity → 岳川市妇幼保健院、秦东区妇幼保健院',
      'controlled_zone,sealed_zone × dialysis → 岳川市第三医院',
      'controlled_zone,sealed_zone × covid → 岳川市第八医院',
    ]);
    expect(r.book.facilities.map((f) => f.name)).not.toContain('省人民医院');
    expect(r.book.places.map((p) => p.name)).toEqual(['秦东区', '渭北区']);
  });

  it('gives each district hospital its duty line, and keeps 120 and 12345 where the text dials them', () => {
    expect(r.book.facilities.find((f) => f.name === '岳川市第九医院')?.phones).toEqual([{ number: '029-86543210', label: '值班' }]);
    const numbers = r.book.contacts.flatMap((c) => c.phones.map((p) => p.number));
    expect(numbers).toEqual(expect.arrayContaining(['120', '12345']));
  });
});

describe('a short notice: the place its title is about, a list of hospitals with no care category', () => {
  const r = draft(['关于柳溪县封控区人员就医的通知', '一、封控区人员就医定点医院：柳溪县人民医院、柳溪县中医院。', '二、就医咨询电话：0799-82345678。'].join('\n'));

  it('takes the locality from the title', () => {
    expect(r.book).toMatchObject({ id: 'liuxi', name: '柳溪县', kind: 'county' });
  });

  it('designates the list for general care, marked for review', () => {
    expect(designationLines(r)).toEqual(['sealed_zone × general → 柳溪县人民医院、柳溪县中医院']);
    expect(r.review.find((x) => x.path === 'designations[0]')?.reason).toMatch(/general care/);
    expect(r.problems).toEqual([]);
  });
});
