import { execFileSync } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';

/** What the figures were measured on, printed first so a table is never read without it. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  commit: string;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(now: Date = new Date()): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    commit: gitCommit(),
  };
}

export function renderMachine(info: MachineInfo): string {
  return [
    `machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB`,
    `node ${info.node} on ${info.os}`,
    `date: ${info.date}, commit ${info.commit}`,
  ].join('\n');
}
