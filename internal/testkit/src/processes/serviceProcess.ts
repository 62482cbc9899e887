import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@devzone/service-shell';

/** The repository root: this file is `internal/testkit/{src,dist}/processes/`. */
export const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

export interface ServiceProcessSpec {
  /** How the process is named in failure messages. */
  readonly name: string;
  /** The script node runs, relative to the repository root (`gateway/dist/main.js`) or absolute. */
  readonly script: string;
  /** The child's whole environment (nothing of the test runner's is inherited beyond PATH, HOME, TMPDIR, LANG). */
  readonly env: Readonly<Record<string, string>>;
  /** How long to wait for the ready line. @default 60000 */
  readonly startTimeoutMs?: number;
}

/** A service running as a child process, and the faults a test can inflict on it. */
export interface ServiceProcess {
  readonly name: string;
  /** The URL the ready line printed (`… ready at <url>`). */
  readonly url: string;
  /** The whole ready line, e.g. `Zone service "anhui" (changfeng, chuzhou, …) ready at http://…`. */
  readonly readyLine: string;
  /** The current child's process id. */
  readonly pid: number;
  /** Whether the current child has not exited. */
  isRunning(): boolean;
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM (after SIGCONT, should it be hung), then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to clean up, as when a host dies. */
  kill(): Promise<void>;
  /** SIGSTOP: it keeps its sockets open and answers nothing. */
  hang(): void;
  /** SIGCONT. */
  resume(): void;
  /** Starts it again with the same script and environment (after stop or kill) and waits for its ready line. */
  restart(): Promise<void>;
}

const READY_LINE = / ready at (\S+)/;
const KEPT_LINES = 200;
const STOP_GRACE_MS = 10_000;
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG'] as const;

/** Children still running, killed if the test process exits without stopping them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts `node <SERVICE_NODE_FLAGS> <script>` (the options every service runs with) and resolves once it prints its ready line; rejects with its output if it exits or times out first. */
export async function startServiceProcess(spec: ServiceProcessSpec): Promise<ServiceProcess> {
  const script = isAbsolute(spec.script) ? spec.script : join(REPOSITORY_ROOT, spec.script);
  if (!existsSync(script)) throw new Error(`${spec.name}: ${script} is missing. Build first (pnpm exec tsc -b; npm test builds before jest runs).`);
  const runner = new ServiceRunner(spec, script);
  await runner.start();
  return runner;
}

class ServiceRunner implements ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly lines: string[] = [];
  private readyUrl = '';
  private ready = '';

  constructor(
    private readonly spec: ServiceProcessSpec,
    private readonly script: string,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get url(): string {
    return this.readyUrl;
  }

  get readyLine(): string {
    return this.ready;
  }

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.lines.join('\n');
  }

  async start(): Promise<void> {
    if (this.isRunning()) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const env: Record<string, string> = {};
    for (const name of INHERITED) if (process.env[name] !== undefined) env[name] = process.env[name];
    // Every process (services, and the bench's peers and forwarders alike) with the services' own node options.
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, this.script], {
      cwd: REPOSITORY_ROOT,
      env: { ...env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    live.add(child);
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
    void this.exited.then(() => live.delete(child));
    this.readyUrl = await new Promise<string>((resolveReady, rejectReady) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        rejectReady(new Error(`${this.name} printed no ready line within ${this.startTimeoutMs} ms:\n${this.output()}`));
      }, this.startTimeoutMs);
      const onLine = (line: string) => {
        this.remember(line);
        const ready = READY_LINE.exec(line);
        if (ready) {
          clearTimeout(timer);
          this.ready = line;
          resolveReady(ready[1]!);
        }
      };
      readLines(child.stdout, onLine);
      readLines(child.stderr, onLine);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        rejectReady(new Error(`${this.name} exited (${signal ?? `code ${code}`}) before it was ready:\n${this.output()}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.isRunning()) return;
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  async kill(): Promise<void> {
    if (!this.child || !this.isRunning()) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  hang(): void {
    this.signal('SIGSTOP');
  }

  resume(): void {
    this.signal('SIGCONT');
  }

  restart(): Promise<void> {
    return this.start();
  }

  private get startTimeoutMs(): number {
    return this.spec.startTimeoutMs ?? 60_000;
  }

  private signal(signal: NodeJS.Signals): void {
    if (!this.child || !this.isRunning()) throw new Error(`${this.name} is not running: cannot send ${signal}`);
    this.child.kill(signal);
  }

  private remember(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.shift();
  }
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}
