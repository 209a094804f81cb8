// BM25 over a rule book's few dozen facts, two fields (the notice's words, and the names that also find a fact),
// each document's terms counted once. It scores as MiniSearch did with the same parameters (BM25+ with k 1.2,
// b 0.4, d 0.5, field boosts, a per-document boost, the sum times the number of query terms matched), at a tenth
// of its cost for indexes this small: its general query machinery (query specs, per-term result maps) cost
// ~125 µs a search here, more than the rest of the answer. Built once per book; `search` allocates per call only
// what it returns, and the terms a document matched are found only for the hits read.

export interface Bm25Options {
  /** Weight of each field's matches, in the order of the documents' fields. */
  boosts: readonly number[];
  k: number;
  b: number;
  d: number;
}

export interface Bm25Hit {
  /** Index of the document as added. */
  doc: number;
  score: number;
}

export interface Bm25Index {
  /** `boost(doc)`: a multiplier for a document's every match (topic, recent answer, facility). Highest first;
   * equal scores in the order their documents were first matched. `min`: documents scoring less are left out
   * (the order of the others is the same). */
  search(terms: readonly string[], boost?: (doc: number) => number, min?: number): Bm25Hit[];
  /** The query terms a document matched, in the query's order (asked only of the few hits a caller reads). */
  matched(terms: readonly string[], doc: number): string[];
}

/** A term's documents in one field, with each one's BM25 weight for it (idf times the length norm). */
interface Posting {
  docs: number[];
  raw: Float64Array;
}

/** `docs[i][f]`: the distinct terms of field f of document i. */
export function buildBm25(docs: readonly (readonly string[])[][], o: Bm25Options): Bm25Index {
  const n = docs.length;
  const fields = o.boosts.length;
  const lists = Array.from({ length: fields }, () => new Map<string, number[]>());
  const lengths = Array.from({ length: fields }, () => new Float64Array(n));
  const average = new Float64Array(fields);
  docs.forEach((doc, i) => {
    for (let f = 0; f < fields; f++) {
      const terms = doc[f] ?? [];
      (lengths[f] as Float64Array)[i] = terms.length;
      average[f] = (average[f] as number) + terms.length / Math.max(1, n);
      for (const t of terms) {
        const list = (lists[f] as Map<string, number[]>).get(t);
        if (list) list.push(i);
        else (lists[f] as Map<string, number[]>).set(t, [i]);
      }
    }
  });
  // everything but the query's boosts is known now: each term's postings in every field, weighed
  const postings = new Map<string, (Posting | undefined)[]>();
  for (let f = 0; f < fields; f++)
    for (const [t, list] of lists[f] as Map<string, number[]>) {
      const df = list.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const avg = average[f] as number;
      const raw = Float64Array.from(list, (i) => {
        const len = (lengths[f] as Float64Array)[i] as number;
        return idf * (o.d + (o.k + 1) / (1 + o.k * (1 - o.b + (o.b * len) / avg)));
      });
      let byField = postings.get(t);
      if (!byField) postings.set(t, (byField = new Array<Posting | undefined>(fields).fill(undefined)));
      byField[f] = { docs: list, raw };
    }
  const scores = new Float64Array(n);
  const boosts = new Float64Array(n);
  // per document: how many of the query's terms it matched, and the last one (a term matching in both fields
  // counts once)
  const counts = new Int32Array(n);
  const last = new Int32Array(n);
  const order: number[] = [];

  function search(terms: readonly string[], boost?: (doc: number) => number, min = -Infinity): Bm25Hit[] {
    for (let ti = 0; ti < terms.length; ti++) {
      const byField = postings.get(terms[ti] as string);
      if (!byField) continue;
      for (let f = 0; f < fields; f++) {
        const p = byField[f];
        if (!p) continue;
        const fieldBoost = o.boosts[f] as number;
        for (let j = 0; j < p.docs.length; j++) {
          const i = p.docs[j] as number;
          // a document's boost, asked the first time it matches
          if (!counts[i]) {
            order.push(i);
            boosts[i] = boost ? boost(i) : 1;
            counts[i] = 1;
            last[i] = ti;
          } else if (last[i] !== ti) {
            counts[i] = (counts[i] as number) + 1;
            last[i] = ti;
          }
          scores[i] = (scores[i] as number) + fieldBoost * (boosts[i] as number) * (p.raw[j] as number);
        }
      }
    }
    // highest first; equal scores in the order their documents were first matched: a stable insertion sort (a few
    // dozen documents at most), as the stable Array#sort ordered them, without a comparator call per comparison
    const hits: Bm25Hit[] = [];
    for (const i of order) {
      const score = (scores[i] as number) * (counts[i] as number);
      scores[i] = 0;
      counts[i] = 0;
      if (!(score >= min)) continue;
      const hit = { doc: i, score };
      let k = hits.length;
      hits.push(hit);
      for (; k > 0 && (hits[k - 1] as Bm25Hit).score < score; k--) hits[k] = hits[k - 1] as Bm25Hit;
      hits[k] = hit;
    }
    order.length = 0;
    return hits;
  }

  function matched(terms: readonly string[], doc: number): string[] {
    const out: string[] = [];
    for (const t of terms) if (postings.get(t)?.some((p) => p?.docs.includes(doc))) out.push(t);
    return out;
  }

  return { search, matched };
}
