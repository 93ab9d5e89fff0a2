/** Timing helpers for the benches: warm up, then the median of several runs. Figures only, no asserts. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Milliseconds of one call, median over `runs` after `warmup` unmeasured calls. */
export function timeMedian(fn: () => unknown, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function timeMedianAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export interface Paired {
  baseMs: number;
  subjectMs: number;
  /** Median of the per-run ratios subject/base: steadier than a ratio of medians on a shared machine. */
  ratio: number;
}

/**
 * Milliseconds now: wall time, or with BENCH_CLOCK=cpu the process's CPU time (user + system), which a
 * machine shared with other jobs does not inflate (waiting for a core costs no CPU time).
 */
export const now: () => number =
  typeof process !== 'undefined' && process.env.BENCH_CLOCK === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      }
    : () => performance.now();

/** Times `base` and `subject` back to back in every run, so a busy neighbour slows both alike. */
export function timePaired(base: () => unknown, subject: () => unknown, runs: number, warmup = 1): Paired {
  for (let i = 0; i < warmup; i++) {
    base();
    subject();
  }
  const baseTimes: number[] = [];
  const subjectTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = now();
    base();
    const b = now() - start;
    start = now();
    subject();
    const s = now() - start;
    baseTimes.push(b);
    subjectTimes.push(s);
    ratios.push(s / b);
  }
  return { baseMs: median(baseTimes), subjectMs: median(subjectTimes), ratio: median(ratios) };
}
