/**
 * GraphQL operations a service has answered whose name starts with `operation`, by its own
 * `/metrics` (the gateway names its fetches `<client operation>__<subgraph>__<n>`).
 */
export async function operationsAnswered(serviceUrl: string, operation: string): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', serviceUrl))).text();
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('http_server_request_duration_seconds_count{') && line.includes(`graphql_operation_name="${operation}`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
