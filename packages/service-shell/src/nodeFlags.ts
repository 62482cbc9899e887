/**
 * The `node` options every service runs with, on the command line before its entry point (the
 * launcher, the test kit's processes, the image, compose and the Kubernetes manifests).
 *
 * `--no-memory-reducer`: some seconds after a service's traffic stops, V8's memory reducer runs full
 * collections to hand memory back. With no request in flight the hidden classes of per-request objects
 * die in them, and every optimised function of the request path built on those is thrown away
 * (`--trace-deopt`: over a hundred at once, "reason: weak objects"): the next query after a pause runs
 * unoptimised until V8 has compiled it again. Without it a service keeps the heap it grew to under
 * load. It has to be given on the command line: NODE_OPTIONS refuses it, and set at run time it has no
 * effect (docs/benchmarks.md, "The gateway after a quiet spell").
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];

/** The options of SERVICE_NODE_FLAGS a process was started without. */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return SERVICE_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}

/**
 * One line for a service started without some of SERVICE_NODE_FLAGS (a deployment of its own that
 * runs `node <package>/dist/main.js`): it works, but after a quiet spell it runs unoptimised again.
 * Undefined when it has them all.
 */
export function missingNodeFlagsHint(title: string, entry = '<package>/dist/main.js', execArgv: readonly string[] = process.execArgv): string | undefined {
  const missing = missingNodeFlags(execArgv);
  if (missing.length === 0) return undefined;
  return (
    `${title} runs without ${missing.join(' ')}: after a quiet spell its next requests run unoptimised ` +
    `(docs/operations.md, "Memory after a quiet spell"); start it as node ${SERVICE_NODE_FLAGS.join(' ')} ${entry}`
  );
}
