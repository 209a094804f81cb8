// What the in-process benchmarks (--core, --nlu) share: one measuring method — a warm-up, then N passes over
// the whole corpus, each pass timed (wall and CPU), the median pass reported — and pinning to one core.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Microseconds of CPU this process has used (user + system, every thread). */
export function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Warm-up: passes until `seconds` of wall time have gone and at least `minPasses` were made; how many it took.
 * V8 keeps optimising a turn's many paths for some 20,000 messages (passes over the 1,200-message corpus went from
 * ~2,300 to ~6,000 messages/s on one core over the first twenty): a service that has run a few seconds is there,
 * and that steady state is what a benchmark of throughput measures. The first passes are reported beside it.
 */
export async function warmUp(pass: () => Pass | Promise<Pass>, seconds: number, minPasses = 2): Promise<Pass[]> {
  const out: Pass[] = [];
  const t0 = performance.now();
  while (out.length < minPasses || performance.now() - t0 < seconds * 1000) out.push(await pass());
  return out;
}

/** One timed pass: messages, wall seconds, CPU seconds. */
export interface Pass {
  messages: number;
  wallS: number;
  cpuS: number;
}

export interface PassSummary {
  /** Messages a second in the median pass (by wall time). */
  msgs_per_s: number;
  /** Every pass's messages a second, in the order they ran. */
  passes: number[];
  /** CPU microseconds a message (median pass), and the cores that CPU amounts to (CPU time / wall time). */
  cpu_us_per_msg: number;
  cores_used: number;
}

export function summarisePasses(passes: readonly Pass[]): PassSummary {
  const rates = passes.map((p) => p.messages / p.wallS);
  const cpu = passes.map((p) => (p.cpuS * 1e6) / p.messages);
  const cores = passes.map((p) => p.cpuS / p.wallS);
  return {
    msgs_per_s: Math.round(median(rates)),
    passes: rates.map((r) => Math.round(r)),
    cpu_us_per_msg: Number(median(cpu).toFixed(1)),
    cores_used: Number(median(cores).toFixed(2)),
  };
}

/** The CPUs this process may run on (1 when pinned). */
export function allowedCpus(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The machine while the benchmark ran: cores, load averages (1, 5, 15 min). */
export function machine(): { cpus: number; allowed_cpus: number; loadavg: number[] } {
  return { cpus: os.cpus().length, allowed_cpus: allowedCpus(), loadavg: os.loadavg().map((l) => Number(l.toFixed(2))) };
}

/**
 * Runs this benchmark again pinned to one CPU (`taskset -c <cpu>`) when it is not pinned yet and taskset is
 * there; returns true when it did (the pinned run printed the results), false when the caller should measure
 * here (already pinned, `--no-pin`, or no taskset: then the results say how many CPUs it could use).
 */
export function pinnedRerun(suite: string, args: readonly string[], cpu = '0'): boolean {
  if (args.includes('--no-pin') || process.env.JIUYI_BENCH_PINNED || allowedCpus() === 1) return false;
  const probe = spawnSync('taskset', ['-c', cpu, 'true']);
  if (probe.error || probe.status !== 0) return false;
  const script = process.argv[1] as string;
  const r = spawnSync('taskset', ['-c', cpu, process.execPath, ...process.execArgv, script, suite, ...args], {
    stdio: 'inherit',
    env: { ...process.env, JIUYI_BENCH_PINNED: cpu },
  });
  if (r.status !== 0) throw new Error(`bench ${suite}: the pinned run failed (${r.status ?? r.signal})`);
  return true;
}
