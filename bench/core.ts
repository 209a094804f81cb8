// `npm run -s bench -- --core`: the whole pure core (normalise → NLU → dialogue → answer → render) on the
// NLU corpus, in conversations of four messages each (so follow-ups and remembered slots are exercised); with
// `--corpus=eval`, on every turn of the shared conversation sets (dev.jsonl, dev2.jsonl), a case a conversation. The
// core as built (dist/, as the service runs it; `--from=src` for src/ through tsx).
// Pinned to one CPU: the run starts itself again under `taskset -c 0` (`--cpu=N` for another, `--no-pin` not
// to). Method: warm-up passes for `--warmup` seconds (15; at least two passes: V8 is still optimising the turn's
// paths for the first ~20,000 messages), then `--rounds` (7) timed passes over the whole corpus; the median pass's
// throughput (the warm-up's passes are reported too); latency percentiles over every message of as many latency
// passes, run in alternation with the timed ones (the clock and CPU time read around each message, which the timed
// passes do not pay), in wall time and in CPU time (what the turn cost, without the time another process had the
// CPU); the CPU the run used beside its wall time.
// The last line is one JSON object: {"core": {...}}.
import { evalConversations, templatedConversations } from './corpus';
import { cpuMicros, machine, median, percentile, pinnedRerun, summarisePasses, warmUp, type Pass } from './measure';
import { fromOf, load } from './built';
import { newSession, type Session } from '../src/core/types';
import { EMPTY_STATUS } from '../src/rules/types';

const arg = (args: string[], name: string, fallback: string): string => args.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback;

export async function run(args: string[]): Promise<void> {
  const cpu = arg(args, '--cpu', '0');
  if (pinnedRerun('--core', args, cpu)) return;
  const rounds = Number(arg(args, '--rounds', '7'));
  const warmupS = Number(arg(args, '--warmup', '15'));
  const corpusName = arg(args, '--corpus', 'templated');
  if (corpusName !== 'templated' && corpusName !== 'eval') throw new Error(`bench --core: --corpus=${corpusName}? (templated | eval)`);
  const { texts: corpus, starts } = corpusName === 'eval' ? evalConversations() : templatedConversations();
  const from = fromOf(args);
  const { loadCore } = load<typeof import('../src/core/load')>(from, 'core/load');
  const t0 = performance.now();
  const core = await loadCore();
  const startupMs = performance.now() - t0;
  const ctx = { status: EMPTY_STATUS, now: 0 };
  const wallUs = new Float64Array(rounds * corpus.length);
  const cpuUs = new Float64Array(rounds * corpus.length);
  const inbounds = corpus.map((text, i) => ({ channel: 'cli' as const, messageId: String(i), user: 'bench', chat: 'bench', kind: 'text', text, sentAt: 0 }));
  // A throughput pass times the corpus as a whole; a latency pass also reads the clock and the process's CPU
  // time around every message (two system calls a message, a few per cent of a turn: kept out of throughput).
  const pass = (offset = -1): Pass => {
    let session: Session = newSession();
    const w0 = process.hrtime.bigint();
    const c0 = cpuMicros();
    for (let i = 0; i < inbounds.length; i++) {
      if (starts[i]) session = newSession();
      if (offset < 0) {
        session = core.turn(inbounds[i] as (typeof inbounds)[number], session, ctx).session;
        continue;
      }
      const t = process.hrtime.bigint();
      const c = cpuMicros();
      session = core.turn(inbounds[i] as (typeof inbounds)[number], session, ctx).session;
      cpuUs[offset + i] = cpuMicros() - c;
      wallUs[offset + i] = Number(process.hrtime.bigint() - t) / 1000;
    }
    return { messages: corpus.length, wallS: Number(process.hrtime.bigint() - w0) / 1e9, cpuS: (cpuMicros() - c0) / 1e6 };
  };
  const warm = await warmUp(() => pass(), warmupS); // JIT, the traditional converter's first load
  const passes: Pass[] = [];
  // throughput and latency passes in alternation, so that both see the same machine
  for (let r = 0; r < rounds; r++) {
    passes.push(pass());
    pass(r * corpus.length);
  }
  const s = summarisePasses(passes);
  wallUs.sort();
  cpuUs.sort();
  const pinned = process.env.JIUYI_BENCH_PINNED;
  const result = {
    core: {
      corpus: corpusName,
      from,
      msgs_per_s: s.msgs_per_s,
      passes: s.passes,
      /** The warm-up's passes (messages/s): the core as a freshly started service runs it. */
      warmup_passes: warm.map((w) => Math.round(w.messages / w.wallS)),
      warmup_s: warmupS,
      p50_us: Math.round(percentile(wallUs, 50)),
      p99_us: Math.round(percentile(wallUs, 99)),
      cpu_p50_us: Math.round(percentile(cpuUs, 50)),
      cpu_p99_us: Math.round(percentile(cpuUs, 99)),
      cpu_us_per_msg: s.cpu_us_per_msg,
      cores_used: s.cores_used,
      pinned_cpu: pinned ?? null,
      startup_ms: Math.round(startupMs),
      rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
      messages: wallUs.length,
      machine: machine(),
      method: `warm-up passes for ${warmupS} s (${warm.length} passes; at least 2), then the median of ${rounds} passes over ${corpus.length} messages (${corpusName === 'eval' ? 'every turn of dev.jsonl and dev2.jsonl' : 'the templated corpus, conversations of four'}) timed as a whole; the core ${from === 'dist' ? 'as built (dist/)' : 'from src/ through tsx'}; ${pinned ? `pinned to CPU ${pinned} (taskset)` : 'not pinned'}; latency percentiles over every message of ${rounds} latency passes in alternation with them (wall, and process CPU time, read around each message)`,
    },
  };
  const c = result.core;
  process.stdout.write(
    `bench core: ${c.msgs_per_s} msgs/s (median of ${rounds} passes: ${s.passes.join(', ')}; warm-up ${warm.length} passes in ${warmupS} s, the first five ${c.warmup_passes.slice(0, 5).join(', ')}), ${pinned ? `pinned to CPU ${pinned}` : 'NOT pinned'}, ` +
      `${c.cpu_us_per_msg} µs CPU a message (${c.cores_used} cores); p50 ${c.p50_us} µs, p99 ${c.p99_us} µs wall, p50 ${c.cpu_p50_us} µs, p99 ${c.cpu_p99_us} µs CPU; ` +
      `start-up ${c.startup_ms} ms, rss ${c.rss_mb} MB; load average ${c.machine.loadavg.join(' ')} (median rate ${Math.round(median(s.passes))})\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
