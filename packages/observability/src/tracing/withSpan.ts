import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { tracingStarted } from './tracingState';

/** What code inside a span may say about it. */
export interface TraceSpan {
  setAttributes(attributes: Attributes): void;
  /** Marks the span failed, with the reason. */
  fail(reason: string): void;
}

const NO_SPAN: TraceSpan = { setAttributes: () => undefined, fail: () => undefined };

const tracer = trace.getTracer('@devzone/observability');

/**
 * Runs `work` inside a new span named `name` (the active span while it runs, so fetches
 * and SQL it starts are its children). With tracing off it only runs `work`.
 */
export function withSpan<T>(name: string, attributes: Attributes, work: (span: TraceSpan) => Promise<T>): Promise<T> {
  // Not an async function: returning `work`'s promise from one would cost three more microtask turns.
  if (!tracingStarted()) return work(NO_SPAN);
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    const handle: TraceSpan = {
      setAttributes: (more) => span.setAttributes(more),
      fail: (reason) => span.setStatus({ code: SpanStatusCode.ERROR, message: reason }),
    };
    try {
      return await work(handle);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
