import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERRORS } from '@devzone/errors';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import { judgeMetricsRequest, type MetricsAccessRule } from './metricsAccess';

/** `GET /metrics` in the Prometheus text format, for the callers `rule` lets in; others get a JSON error. */
export function metricsHandler(metrics: ServiceMetrics, rule: MetricsAccessRule): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const verdict = judgeMetricsRequest(rule, { remoteAddress: req.socket.remoteAddress, headers: req.headers });
    if (!verdict.allowed) {
      const code = verdict.status === 401 ? ERRORS.UNAUTHENTICATED.code : ERRORS.FORBIDDEN.code;
      if (verdict.status === 401) res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      res.statusCode = verdict.status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message: verdict.message, extensions: { code } }] }));
      return;
    }
    metrics.exposition().then(
      (text) => {
        res.statusCode = 200;
        res.setHeader('content-type', metrics.contentType);
        res.setHeader('cache-control', 'no-store');
        res.end(text);
      },
      () => {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ errors: [{ message: 'Metrics could not be collected', extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } }] }));
      },
    );
  };
}
