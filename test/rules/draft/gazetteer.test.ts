// The national list of divisions as the drafter uses it: a chain of names resolved to one division, its
// lineage, and the locality's kind, larger areas and places taken from it.
import { buildGazetteer, lineage } from '../../../src/rules/draft/gazetteer';
import { draft, fixture } from './support';

describe('buildGazetteer', () => {
  const g = buildGazetteer([
    { code: '11', name: '京华市', children: [{ code: '1101', name: '市辖区', children: [{ code: '110101', name: '东城区' }] }] },
    {
      code: '32',
      name: '江南省',
      children: [
        { code: '3201', name: '江州市', children: [{ code: '320101', name: '东城区', children: [{ code: '320101001', name: '滨湖街道' }] }] },
        { code: '3202', name: '河州市', children: [{ code: '320201', name: '临河县' }] },
      ],
    },
  ]);

  it('hangs a municipality’s districts from the municipality itself', () => {
    expect(g.find('东城区').map((d) => lineage(d).map((a) => a.name).join('>'))).toEqual(['京华市', '江南省>江州市']);
    expect(g.find('市辖区')).toEqual([]);
  });

  it('resolves a name only when its chain or the text says which one', () => {
    expect(g.resolve(['东城区'])).toBeUndefined();
    expect(g.resolve(['江州市', '东城区'])?.code).toBe('320101');
    expect(g.resolve(['东城区'], '……江州市东城区的居民……')?.code).toBe('320101');
    expect(g.resolve(['滨湖街道'])?.level).toBe(4);
  });
});

describe('a draft with the national list', () => {
  it('takes a county’s towns, its kind and what it lies within from the list, marked for review', () => {
    // 宁化县 (Fujian) is a real county the fixtures do not name: rewrite a fixture for it
    const r = draft(fixture('songlin-items.txt').replace(/松林县/g, '宁化县'));
    expect(r.book).toMatchObject({ id: 'ninghua', name: '宁化县', kind: 'county', parent: '福建省三明市' });
    expect(r.book.within).toEqual(expect.arrayContaining(['福建省', '三明市', '三明']));
    expect(r.book.places.length).toBeGreaterThan(10);
    expect(r.book.places.every((p) => /(?:镇|乡|街道)$/.test(p.name))).toBe(true);
    expect(r.review.find((x) => x.path === 'places')?.reason).toMatch(/national list of divisions/);
    expect(r.problems).toEqual([]);
  });

  it('leaves a place the list does not know as the text gives it', () => {
    const r = draft(fixture('qinglan-sentences.txt'));
    expect(r.book).toMatchObject({ id: 'qinglan', name: '青岚市', kind: 'city' });
    expect(r.book.within).toBeUndefined();
    expect(r.book.places).toEqual([]);
  });
});
