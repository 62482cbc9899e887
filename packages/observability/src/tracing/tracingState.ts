/** Whether this process started the OpenTelemetry SDK: when not, no span is ever begun. */
let started = false;

export function markTracingStarted(): void {
  started = true;
}

export function tracingStarted(): boolean {
  return started;
}
