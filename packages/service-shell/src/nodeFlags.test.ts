import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { missingNodeFlags, missingNodeFlagsHint, SERVICE_NODE_FLAGS } from './nodeFlags';

const SHELL_DIST = join(__dirname, '..', 'dist');

describe('missingNodeFlags', () => {
  it('names each of SERVICE_NODE_FLAGS a command line lacks, and nothing when it has them all', () => {
    expect(missingNodeFlags([])).toEqual([...SERVICE_NODE_FLAGS]);
    expect(missingNodeFlags(['--inspect', ...SERVICE_NODE_FLAGS])).toEqual([]);
  });

  it('hints at the command to use, naming the service and the options missing', () => {
    expect(missingNodeFlagsHint('Zone service "anhui"', undefined, ['--inspect'])).toBe(
      `Zone service "anhui" runs without ${SERVICE_NODE_FLAGS.join(' ')}: after a quiet spell its next requests run unoptimised ` +
        `(docs/operations.md, "Memory after a quiet spell"); start it as node ${SERVICE_NODE_FLAGS.join(' ')} <package>/dist/main.js`,
    );
    expect(missingNodeFlagsHint('Gateway', undefined, [...SERVICE_NODE_FLAGS])).toBeUndefined();
  });
});

/** A service under runFromEnvironment (the built shell), started with `flags`: its output once it is ready and stopped. */
async function readyServiceOutput(flags: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const script = `require(${JSON.stringify(SHELL_DIST)}).runFromEnvironment({ title: 'Test service', start: async () => ({ url: 'http://127.0.0.1:1/', stop: async () => undefined }) });`;
  const child = spawn(process.execPath, [...flags, '-e', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OTEL_TRACES_EXPORTER: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // Stopped once ready: the hint, if any, is printed right after the ready line.
    if (stdout.includes('ready at')) setTimeout(() => child.kill('SIGTERM'), 200);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { stdout, stderr };
}

describe('runFromEnvironment and the node options', () => {
  it('prints the hint on stderr when the service was started without SERVICE_NODE_FLAGS', async () => {
    const { stdout, stderr } = await readyServiceOutput([]);
    expect(stdout.trim()).toBe('Test service ready at http://127.0.0.1:1/');
    expect(stderr.trim()).toBe(missingNodeFlagsHint('Test service', undefined, []));
  }, 20_000);

  it('prints nothing more when started with them', async () => {
    const { stdout, stderr } = await readyServiceOutput(SERVICE_NODE_FLAGS);
    expect(stdout.trim()).toBe('Test service ready at http://127.0.0.1:1/');
    expect(stderr).toBe('');
  }, 20_000);
});
