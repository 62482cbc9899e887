import { trace } from '@opentelemetry/api';
import { tracingStarted } from './tracingState';

/** `trace_id` and `span_id` of the active span (the OpenTelemetry log fields), or nothing when tracing is off. */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  if (!tracingStarted()) return {};
  const context = trace.getActiveSpan()?.spanContext();
  return context ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
