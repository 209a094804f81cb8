// The urgent scorer as the start-up cache keeps it (typed arrays, scorer-cache.ts): read back it scores every
// message to the last bit as the model it was made from, gives the same model back, and a damaged or
// inconsistent entry is never used (the model is trained again).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BYTES_AT, fileCache } from '../../src/nlu/model-cache';
import { compileTables, modelOfTables, scorerTables } from '../../src/urgent/gram-scorer';
import { scorerTablesFromBytes, scorerTablesToBytes } from '../../src/urgent/scorer-cache';
import { atCachePrecision, score, type ScorerModel } from '../../src/urgent/scorer';
import { realNlu } from '../support/nlu';

const nlu = realNlu();
const bytesOf = (parts: Uint8Array[]): Buffer => Buffer.concat(parts);

describe('urgent scorer cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuyi-scorer-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back tables that score every message exactly as the model, and the model itself', () => {
    const model = nlu.urgent.model;
    const back = scorerTablesFromBytes(bytesOf(scorerTablesToBytes(scorerTables(model))));
    expect(back).toBeDefined();
    const again = modelOfTables(back!);
    expect(again.labels).toEqual(model.labels);
    expect([...again.bias]).toEqual([...model.bias]);
    expect([...again.weights.keys()]).toEqual([...model.weights.keys()]);
    const differing = [...model.weights].filter(([f, w]) => !w.every((x, c) => Object.is(x, again.weights.get(f)?.[c])));
    expect(differing.map(([f]) => f)).toEqual([]);
    const scorer = compileTables(back!, nlu.data.urgent.scorer.ngrams);
    const direct = compileTables(scorerTables(model), nlu.data.urgent.scorer.ngrams);
    for (const text of [...nlu.data.urgent.corpus.filter((_, i) => i % 11 === 0).map((e) => e.text), '我爸胸口疼得厉害还出冷汗', 'my mum collapsed 她叫不醒', '']) {
      const n = nlu.normalise(text).text;
      const v = nlu.urgent.detect(n);
      const expected = score(model, nlu.urgent.features(n), nlu.urgent.admitsOf(v.mentions, v.scopes));
      const lower = n.toLowerCase();
      // the detector's own verdict and a scorer over the tables read back agree with the model, bit for bit
      expect(v.score).toBe(expected.urgent);
      const marks = nlu.urgent.scope.marks(n);
      expect(scorer.score(lower, marks, [], undefined)).toEqual(direct.score(lower, marks, [], undefined));
    }
  });

  it('keeps a small model exactly, n-grams, marks and named features alike', () => {
    const model: ScorerModel = atCachePrecision({
      labels: ['chest_pain', 'none'],
      bias: Float64Array.from([0.1, -0.3]),
      weights: new Map([
        ['胸痛', Float64Array.from([2.2, -1])],
        ['~胸痛', Float64Array.from([-3, 1.7])],
        ['胸', Float64Array.from([0.3, 0])],
        ['胸口痛了', Float64Array.from([0.4, 0])],
        ['w:pain', Float64Array.from([1, 0])],
        ['C:chest_pain', Float64Array.from([1.5, -0.5])],
      ]),
    });
    const back = modelOfTables(scorerTablesFromBytes(bytesOf(scorerTablesToBytes(scorerTables(model))))!);
    expect([...back.weights.keys()]).toEqual([...model.weights.keys()]);
    expect([...back.weights.values()].map((w) => [...w])).toEqual([...model.weights.values()].map((w) => [...w]));
    expect([...back.bias]).toEqual([...model.bias]);
  });

  it('refuses bytes that do not add up', () => {
    const good = bytesOf(scorerTablesToBytes(scorerTables(nlu.urgent.model)));
    expect(scorerTablesFromBytes(good.subarray(0, good.length - 4))).toBeUndefined();
    expect(scorerTablesFromBytes(Buffer.concat([good, Buffer.alloc(4)]))).toBeUndefined();
    expect(scorerTablesFromBytes(Buffer.from('{}'))).toBeUndefined();
    const header = Buffer.from(good);
    header.write('[', 4); // the header's JSON broken
    expect(scorerTablesFromBytes(header)).toBeUndefined();
  });

  it('is read in place from an entry written for its file (no copy of its 20 MB), and copied out of bytes not aligned', () => {
    const tables = scorerTables(nlu.urgent.model);
    const cache = fileCache(mkdtempSync(join(tmpdir(), 'jiuyi-scorer-aligned-')));
    cache.writeBytes('aligned', 'k', scorerTablesToBytes(tables, BYTES_AT));
    const bytes = cache.readBytes('aligned', 'k') as Buffer;
    const viewed = scorerTablesFromBytes(bytes);
    expect(viewed?.block.buffer).toBe(bytes.buffer);
    expect(viewed?.rowKeys.buffer).toBe(bytes.buffer);
    // the same bytes two places further on: copied, and equal
    const shifted = Buffer.alloc(bytes.length + 2).subarray(2);
    bytes.copy(shifted);
    const copied = scorerTablesFromBytes(shifted);
    expect(copied?.block.buffer).not.toBe(shifted.buffer);
    expect(Buffer.from(copied!.block.buffer).equals(Buffer.from(tables.block.buffer, tables.block.byteOffset, tables.block.byteLength))).toBe(true);
    expect([...copied!.rowKeys]).toEqual([...tables.rowKeys]);
    expect([...viewed!.rowKeys]).toEqual([...tables.rowKeys]);
    expect(viewed!.named).toEqual(tables.named);
  });

  it('is read from the cache only while its bytes are intact', () => {
    const cache = fileCache(dir);
    const parts = scorerTablesToBytes(scorerTables(nlu.urgent.model));
    cache.writeBytes('u', 'k1', parts);
    cache.writeBytes('u', 'k2', parts);
    expect(readdirSync(dir)).toEqual(['u.k2.bin']);
    expect(cache.readBytes('u', 'k1')).toBeUndefined();
    expect(cache.readBytes('u', 'k2')?.equals(bytesOf(parts))).toBe(true);
    const file = join(dir, 'u.k2.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1; // one bit of a weight
    writeFileSync(file, bytes);
    expect(cache.readBytes('u', 'k2')).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, 100)); // cut short
    expect(cache.readBytes('u', 'k2')).toBeUndefined();
  });
});
