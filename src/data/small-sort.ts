// A stable sort for the short lists a turn sorts (a message's entity candidates and entities, its concept mentions):
// in place, in the order Array#sort gives — both are stable, so with a consistent comparator the order is the same —
// without the work space V8's sort allocates on every call (~1 KB, whatever the length: ~2 KB a message, 4% of what a
// turn allocates). Longer lists are left to Array#sort.
const SHORT = 32;

export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const x = list[i] as T;
    let j = i;
    for (; j > 0 && compare(list[j - 1] as T, x) > 0; j--) list[j] = list[j - 1] as T;
    list[j] = x;
  }
  return list;
}
