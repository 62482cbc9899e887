import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ): 100 on Linux everywhere this bench runs. */
const TICKS_PER_SECOND = 100;

/** The fields of `/proc/<pid>/stat` after the command name (state first), or undefined without such a process. */
function statFields(pid: number): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

/** CPU time (user and system) a process has used so far, in ms; undefined without `/proc` or the process. */
export function processCpuMs(pid: number): number | undefined {
  const fields = statFields(pid);
  // After the state: ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime, cutime, cstime.
  return fields ? ticksToMs(Number(fields[11]) + Number(fields[12])) : undefined;
}

/**
 * CPU time of a process and of every process below it, in ms: PostgreSQL's, whose server is a
 * child of the process the suite started and does its work in one backend per connection. Each
 * process counts with the children it has reaped, so the sum only grows as backends come and go.
 */
export function processTreeCpuMs(pid: number): number | undefined {
  const root = statFields(pid);
  if (!root) return undefined;
  const childrenOf = new Map<number, { pid: number; fields: string[] }[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push({ pid: Number(entry), fields });
    childrenOf.set(parent, siblings);
  }
  let ticks = Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
  const pending = [...(childrenOf.get(pid) ?? [])];
  for (let next = pending.pop(); next; next = pending.pop()) {
    // With the time of children it has reaped: a backend that exits during a window moves its time into PostgreSQL's server, not out of the sum.
    ticks += Number(next.fields[11]) + Number(next.fields[12]) + Number(next.fields[13]) + Number(next.fields[14]);
    pending.push(...(childrenOf.get(next.pid) ?? []));
  }
  return ticksToMs(ticks);
}
