import { logLevelFromEnv, startTracing, type RunningTracing } from '@devzone/observability';
import { missingNodeFlagsHint } from './nodeFlags';
import { answerTerminationSignals } from './terminationSignals';

/** What a started service hands back to the shell. */
export interface StartedService {
  /** Printed in the ready line. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface RunFromEnvironmentOptions<S extends StartedService> {
  /** How the service is named in the ready and error lines, e.g. `Zone service "anhui"`. */
  readonly title: string;
  /** Reads the environment (throwing a ValidationError that names the variable), starts, and returns the service. */
  readonly start: () => Promise<S>;
  /** @default `${title} ready at ${url}` */
  readonly readyLine?: (service: S) => string;
  /**
   * The service's name in traces (OTEL_SERVICE_NAME overrides it).
   * @default the title in lower case, words joined by dashes: `zone-service-anhui`
   */
  readonly serviceName?: string;
}

/**
 * The one shell every service runs under when started on its own: start tracing
 * when OTEL_TRACES_EXPORTER asks for it (before the service opens anything), check
 * LOG_LEVEL, start, print one ready line (and a hint on stderr when started without
 * SERVICE_NODE_FLAGS), stop cleanly on SIGINT/SIGTERM (exit 0,
 * buffered spans exported first; a second signal ends it at once); on a start-up
 * failure print the reason without a stack trace and exit 1.
 */
export function runFromEnvironment<S extends StartedService>({ title, start, readyLine, serviceName }: RunFromEnvironmentOptions<S>): void {
  let tracing: RunningTracing | undefined;
  let stopping = false;
  const stopThenExit = (service: StartedService) => {
    if (stopping) return;
    stopping = true;
    void service
      .stop()
      .then(() => tracing?.shutdown().catch(() => undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`${title}: while stopping: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  const started = (async () => {
    logLevelFromEnv(process.env);
    tracing = startTracing(serviceName ?? serviceNameOf(title), process.env);
    return start();
  })();
  started.then(
    (service) => {
      console.log(readyLine ? readyLine(service) : `${title} ready at ${service.url}`);
      const hint = missingNodeFlagsHint(title);
      if (hint) console.warn(hint);
      // The shell alone answers them: the service's database and the spans still buffered are closed too.
      answerTerminationSignals(() => stopThenExit(service));
    },
    (error: unknown) => {
      console.error(`${title} could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

/** `Zone service "anhui"` → `zone-service-anhui`. */
export function serviceNameOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'service'
  );
}
