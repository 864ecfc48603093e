/** What Linux says about a process (by pid) and about the machine: memory, CPU time, open-file limits. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (almost always 100). */
export const CLOCK_TICKS = readClockTicks();

function readClockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** Resident memory of a process in KiB (VmRSS of /proc/<pid>/status). */
export function readRssKib(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

/** CPU time a process has used, user + system, in milliseconds (utime + stime of /proc/<pid>/stat). */
export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14 and stime field 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Write syscalls a process has made (syscw of /proc/<pid>/io: write, writev, sendmsg…). */
export function readWriteSyscalls(pid: number): number {
  const match = /^syscw:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN);
}

/** CPU time of each process that is still there, by pid. */
export function readCpuMsByPid(pids: readonly number[]): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const pid of pids) {
    try {
      byPid.set(pid, readCpuMs(pid));
    } catch {
      // exited meanwhile
    }
  }
  return byPid;
}

/** CPU time of several processes; a process that has gone counts as 0. */
export function readCpuMsOfAll(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += readCpuMs(pid);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** All CPUs of the machine, busy and total, in milliseconds since boot (first line of /proc/stat). */
export function readMachineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: ((total - idle) * 1000) / CLOCK_TICKS, total: (total * 1000) / CLOCK_TICKS };
}

/** The soft and hard "Max open files" of a process (what `ulimit -n` set for it). */
export function readOpenFilesLimit(pid: number | 'self' = 'self'): { soft: number; hard: number } {
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  const parse = (value: string | undefined) => (value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value));
  return { soft: parse(match?.[1]), hard: parse(match?.[2]) };
}
