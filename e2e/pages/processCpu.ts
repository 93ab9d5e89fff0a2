/**
 * CPU seconds used by this Playwright worker and everything it started (its Chromium: browser, GPU,
 * renderers, utilities), read from Linux's /proc. Summing user + system time with the times of reaped
 * children over the process tree gives a running total that does not drop when a renderer exits.
 * `KP_E2E_CPU=1` records each test's share (see fixtures.ts, docs/testing.md); elsewhere it returns
 * null and nothing is recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Chromium ships for

interface ProcStat {
  ppid: number;
  ticks: number;
}

/** utime + stime + cutime + cstime of /proc/PID/stat (fields 14-17), and its parent. */
function readStat(pid: string): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // it exited while we were looking
  }
  // The command name (field 2) may hold spaces and parentheses: the fields after it start at the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return { ppid: Number(fields[1]), ticks };
}

export function processTreeCpuSeconds(root = process.pid): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const pid of entries) {
    const stat = readStat(pid);
    if (!stat) continue;
    ticks.set(Number(pid), stat.ticks);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(pid)]);
  }
  let total = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    total += ticks.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total / TICKS_PER_SECOND;
}
