/**
 * `node internal/bench/dist/sideBySide/syntheticZoneMain.js`: one zone service
 * over SYNTHETIC zones as a process of its own, for the side-by-side suite.
 * It regenerates the bench's synthetic zones (same generator, seed and
 * grouping as syntheticStack.ts), keeps the block of BENCH_SERVICE_INDEX and
 * seeds them on first start. Environment: DATABASE_URL, SERVICE_SIGNING_KEYS,
 * HOST, PORT, BENCH_ZONES, BENCH_ENTERPRISES_PER_ZONE, BENCH_SERVICES,
 * BENCH_SERVICE_INDEX (1-based).
 */
import 'reflect-metadata';
import { tmpdir } from 'node:os';
import { parseSigningKeys } from '@devzone/auth';
import { generateZones } from '@devzone/synthetic';
import { startZoneService } from '@devzone/zone-subgraph';
import { groupIntoServices } from '../serviceGroups';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function positiveInteger(name: string): number {
  const value = Number(required(name));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${process.env[name] ?? ''}"`);
  return value;
}

async function main(): Promise<void> {
  const zones = positiveInteger('BENCH_ZONES');
  const enterprisesPerZone = positiveInteger('BENCH_ENTERPRISES_PER_ZONE');
  const services = positiveInteger('BENCH_SERVICES');
  const index = positiveInteger('BENCH_SERVICE_INDEX');
  const seeds = generateZones({ zones, enterprisesPerZone, seed: 1, prefix: 'syn' });
  const group = groupIntoServices(seeds, services, 'synthetic', tmpdir())[index - 1];
  if (!group) throw new Error(`BENCH_SERVICE_INDEX=${index}: only ${Math.min(services, zones)} service(s) for ${zones} zone(s)`);
  const service = await startZoneService({
    name: group.definition.name,
    databaseUrl: required('DATABASE_URL'),
    seeds: group.seeds ?? [],
    synthetic: true,
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 0),
    signingKeys: parseSigningKeys(process.env.SERVICE_SIGNING_KEYS),
  });
  console.log(`Zone service "${service.name}" (${service.hostedZoneIds.join(', ')}) ready at ${service.url}`);
  const stop = () =>
    void service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`synthetic zone service could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
