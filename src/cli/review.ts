// `review export [--out FILE] [--since YYYY-MM-DD]`: reviewed messages as examples for intents/ (YAML in the
// intents/classes format), to standard output or a file. It never edits intents/ itself.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/root';
import { exportExamples } from '../staff/review-export';
import type { Store } from '../store';
import { cliStore, parseFlags, stderr, stdout, type Out } from './store';

const USAGE = 'usage: jiuyi review export [--out FILE] [--since YYYY-MM-DD]\n';

export async function run(args: string[], d: { store?: Store; out?: Out; err?: Out; intentsDir?: string } = {}): Promise<number> {
  const out = d.out ?? stdout;
  const err = d.err ?? stderr;
  const { flags, rest } = parseFlags(args);
  if (rest[0] !== 'export') {
    err(USAGE);
    return 2;
  }
  const sinceFlag = flags.get('since');
  const since = typeof sinceFlag === 'string' ? Date.parse(sinceFlag) : undefined;
  if (since !== undefined && Number.isNaN(since)) {
    err(`review export: --since ${String(sinceFlag)} is not a date (YYYY-MM-DD)\n`);
    return 2;
  }
  const known = new Set(readdirSync(join(d.intentsDir ?? dataDir('intents'), 'classes')).filter((n) => n.endsWith('.yml')).map((n) => n.slice(0, -4)));
  const store = d.store ?? (await cliStore());
  try {
    const items = await store.listReviewItems({ state: 'reviewed', verdict: ['train', 'wrong'], limit: 100_000, ...(since !== undefined ? { since } : {}) });
    const e = exportExamples(items, known);
    for (const s of e.skipped) err(`skipped ${s.id}: ${s.why}\n`);
    const count = [...e.examples.values()].reduce((a, l) => a + l.length, 0);
    const file = flags.get('out');
    if (typeof file === 'string') {
      writeFileSync(file, e.yaml);
      err(`${count} examples under ${e.examples.size} intents written to ${file}\n`);
    } else {
      out(e.yaml);
      err(`${count} examples under ${e.examples.size} intents\n`);
    }
    return 0;
  } finally {
    if (!d.store) await store.close();
  }
}
