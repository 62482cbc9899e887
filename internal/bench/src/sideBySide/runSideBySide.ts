import { isDeepStrictEqual } from 'node:util';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ServiceProcess } from '@devzone/testkit/dist/processes';
import { cpuWindow, sumOfReadings } from '../cpuWindow';
import { runLoad } from '../load';
import { processCpuMs } from '../processCpu';
import { note } from '../progress';
import { summarize } from '../stats';
import { COLUMN_TITLES, type Column } from './columns';
import { roundLabel, roundPasses } from './rounds';
import { askGraphQL, type Asking } from './httpClient';
import { databasesOf, startApolloPeer, startForwardingProxy, startHivePeer, syntheticSystemSpecs, type ProcessSystem } from './processSystem';
import { PROVINCE_WIDE_CONCURRENCY, PROVINCE_WIDE_GATEWAY, provinceWideDirect, SINGLE_ZONE, SINGLE_ZONE_SHAPES } from './shapes';
import { emptyCell, renderSideBySide, type CellRounds, type CpuProcess, type SideBySideRow } from './sideBySideTable';
import type { SideBySideSizes } from './sizes';
import { withSuiteProcesses } from './suiteProcesses';
import type { ProcessSuiteRun } from '../processSuiteMain';

const PEERS_NOTE =
  '"this gateway" deduplicates identical subgraph reads in flight across requests of the same principal (GATEWAY_DEDUP_INFLIGHT, on by default); "dedup off" is a second process of it with GATEWAY_DEDUP_INFLIGHT=false (identical reads of one operation still share). The varied-offset shape sends a different page per request: nothing to share. plain @apollo/gateway: IntrospectAndCompose over the province and ONE zone service (a plain gateway routes a subgraph to one URL: it cannot shard zones over services), so the peers run the single-zone shapes only. Hive Gateway (@graphql-hive/gateway-runtime) serves the supergraph the plain gateway composed; "dedup" is its HTTP transport\'s in-flight deduplication of identical subgraph fetches. Every peer signs its subgraph requests and sends a national administrator principal. "forwarding proxy (floor)" is the least any gateway in a process of its own does: a process that parses the request the zone service is asked directly, signs it, forwards it over kept-alive connections, and parses and re-serialises the answer (no schema, plan or checks): what one more process on the way costs by itself.';

const CACHE_NOTE =
  'Every column of this gateway runs with ZONE_READ_CACHE=off except "caches on", a second process of it with the zone-read cache and the answer cache on (and dedup as "this gateway"): its queries repeat, so after the first of each it asks the zone service for the zone\'s data version (at most one request on its way, shared by the reads that started before it was sent) and answers the whole query as kept.';

/** One target of a row: how to send one request to it. */
type Ask = () => Promise<unknown>;

/** An ask that numbers its requests (0, 1, ...), for shapes whose requests differ. */
function counted(send: (n: number) => Promise<unknown>): Ask {
  let next = 0;
  return () => send(next++);
}

/** The process ids whose CPU a column's requests use (see `CpuProcess`). */
interface ColumnProcesses {
  readonly front?: number;
  readonly province?: number;
  readonly zoneServices: readonly number[];
}

interface PlannedRow {
  shape: string;
  concurrency: number;
  asks: Partial<Record<Column, Ask>>;
  processes: Partial<Record<Column, ColumnProcesses>>;
}

function cpuOf(processes: ColumnProcesses | undefined): Record<CpuProcess, number | undefined> {
  const read = (pid: number | undefined) => (pid === undefined ? undefined : processCpuMs(pid));
  return {
    front: read(processes?.front),
    province: read(processes?.province),
    zoneServices: processes && processes.zoneServices.length > 0 ? sumOfReadings(processes.zoneServices.map(processCpuMs)) : undefined,
  };
}

/**
 * Measures the planned rows: every round measures every cell once, in row
 * and column order, so that a slow moment of the shared machine falls on
 * every column alike rather than on one.
 */
async function measureRows(rows: readonly PlannedRow[], sizes: SideBySideSizes, label: string): Promise<SideBySideRow[]> {
  const results: SideBySideRow[] = rows.map((row) => ({ shape: row.shape, concurrency: row.concurrency, cells: {} }));
  for (const pass of roundPasses(sizes.warmupRounds, sizes.rounds)) {
    note(`${label}: ${roundLabel(pass, sizes.warmupRounds, sizes.rounds)}, load average ${loadavg()[0]!.toFixed(2)}`);
    for (const [index, row] of rows.entries()) {
      for (const [column, ask] of Object.entries(row.asks) as [Column, Ask][]) {
        const cpu = cpuWindow(() => cpuOf(row.processes[column]));
        const result = await runLoad(ask, {
          concurrency: row.concurrency,
          durationMs: sizes.windowMs,
          maxRequests: sizes.maxRequests,
          warmupRequests: sizes.warmupRequests(row.concurrency),
          window: cpu,
        });
        if (pass.warmup) continue;
        const cell: CellRounds = (results[index]!.cells[column] ??= emptyCell());
        cell.failed += result.failed;
        if (result.firstError) cell.firstError ??= result.firstError;
        cell.throughput.push(result.completed > 0 ? result.throughput : Number.NaN);
        cell.p50.push(result.completed > 0 ? summarize(result.latencies).p50 : Number.NaN);
        if (result.completed > 0) {
          for (const [process, ms] of Object.entries(cpu.perRequest(result.completed)) as [CpuProcess, number][]) cell.cpu[process].push(ms);
        }
      }
    }
  }
  return results;
}

/**
 * The same query through our gateway and the plain one must answer the same data, and the floor
 * the zone service's own, or the columns compare different work.
 */
async function checkSameAnswers(asks: Partial<Record<Column, Ask>>, shape: string): Promise<string[]> {
  const reference = await asks.ours!();
  const peers = (['oursNoDedup', 'oursCached', 'apollo', 'hiveOff', 'hiveOn'] as const).filter((c) => asks[c]);
  const answers = await Promise.all(peers.map((c) => asks[c]!()));
  const mismatches = peers
    .filter((_, i) => !isDeepStrictEqual(answers[i], reference))
    .map((c) => `${shape}: ${COLUMN_TITLES[c]} answered other data than this gateway`);
  if (asks.floor && !isDeepStrictEqual(await asks.floor(), await asks.direct!()))
    mismatches.push(`${shape}: ${COLUMN_TITLES.floor} answered other data than the zone service`);
  return mismatches;
}

interface Peers {
  oursNoDedup: ServiceProcess;
  oursCached: ServiceProcess;
  apollo: ServiceProcess;
  hiveOff: ServiceProcess;
  hiveOn: ServiceProcess;
  floor: ServiceProcess;
}

async function singleZoneRows(system: ProcessSystem, peers: Peers): Promise<{ rows: PlannedRow[]; mismatches: string[] }> {
  const ours: Asking = { kind: 'credential', authorization: system.credential };
  const plain: Asking = { kind: 'credential' };
  const signed: Asking = { kind: 'signed', keys: system.signingKeys };
  const zoneIndex = system.zoneServices.findIndex((s) => s.zoneIds.includes(SINGLE_ZONE));
  const zone = system.zoneServices[zoneIndex];
  if (!zone) throw new Error(`no zone service hosts ${SINGLE_ZONE}`);
  const zoneServices = [system.servicePids.zoneServices[zoneIndex]!];
  const behind = (front: number): ColumnProcesses => ({ front, province: system.servicePids.province, zoneServices });
  const processes: Partial<Record<Column, ColumnProcesses>> = {
    direct: { zoneServices },
    ours: behind(system.servicePids.gateway),
    oursNoDedup: behind(peers.oursNoDedup.pid),
    oursCached: behind(peers.oursCached.pid),
    apollo: behind(peers.apollo.pid),
    hiveOff: behind(peers.hiveOff.pid),
    hiveOn: behind(peers.hiveOn.pid),
    floor: { front: peers.floor.pid, zoneServices },
  };
  const rows: PlannedRow[] = [];
  const mismatches: string[] = [];
  for (const shape of SINGLE_ZONE_SHAPES) {
    const varied = (n: number) => shape.vary?.(n) ?? {};
    const asks: Partial<Record<Column, Ask>> = {
      direct: counted((n) => askGraphQL(zone.url, signed, shape.direct.query, { ...shape.direct.variables, ...varied(n) })),
      ours: counted((n) => askGraphQL(system.gatewayUrl, ours, shape.gateway, varied(n))),
      oursNoDedup: counted((n) => askGraphQL(peers.oursNoDedup.url, ours, shape.gateway, varied(n))),
      oursCached: counted((n) => askGraphQL(peers.oursCached.url, ours, shape.gateway, varied(n))),
      apollo: counted((n) => askGraphQL(peers.apollo.url, plain, shape.gateway, varied(n))),
      hiveOff: counted((n) => askGraphQL(peers.hiveOff.url, plain, shape.gateway, varied(n))),
      hiveOn: counted((n) => askGraphQL(peers.hiveOn.url, plain, shape.gateway, varied(n))),
      floor: counted((n) => askGraphQL(peers.floor.url, plain, shape.direct.query, { ...shape.direct.variables, ...varied(n) })),
    };
    mismatches.push(...(await checkSameAnswers(asks, shape.name)));
    for (const concurrency of shape.concurrency) rows.push({ shape: shape.name, concurrency, asks, processes });
  }
  return { rows, mismatches };
}

function provinceWideRows(system: ProcessSystem, zones: number): PlannedRow[] {
  const ours: Asking = { kind: 'credential', authorization: system.credential };
  const signed: Asking = { kind: 'signed', keys: system.signingKeys };
  const asks: Partial<Record<Column, Ask>> = {
    direct: () =>
      Promise.all(system.zoneServices.map((s) => askGraphQL(s.url, signed, provinceWideDirect(s.zoneIds).query, provinceWideDirect(s.zoneIds).variables))),
    ours: () => askGraphQL(system.gatewayUrl, ours, PROVINCE_WIDE_GATEWAY),
  };
  const { gateway, province, zoneServices } = system.servicePids;
  const processes: Partial<Record<Column, ColumnProcesses>> = { direct: { zoneServices }, ours: { front: gateway, province, zoneServices } };
  return PROVINCE_WIDE_CONCURRENCY.map((concurrency) => ({ shape: `province-wide indicators, ${zones} zones`, concurrency, asks, processes }));
}

function zoneServiceOf(system: ProcessSystem, zoneId: string): string {
  const service = system.zoneServices.find((s) => s.zoneIds.includes(zoneId));
  if (!service) throw new Error(`no zone service hosts ${zoneId}`);
  return service.name;
}

function hasFailures(rows: readonly SideBySideRow[]): boolean {
  return rows.some((row) => Object.values(row.cells).some((cell) => cell.failed > 0));
}

/**
 * The side-by-side suite: every service its own process (PostgreSQL, zone
 * services, province, our gateway, the plain @apollo/gateway, Hive Gateway with
 * dedup off and on), the load generator in this one. Single-zone shapes on the
 * article seeds against the zone service asked directly and every gateway; province-wide
 * shapes on synthetic zones against our gateway and the zone services asked
 * directly in parallel.
 */
export async function runSideBySide(sizes: SideBySideSizes, onStarted: (stop: () => Promise<void>) => void = () => undefined): Promise<ProcessSuiteRun> {
  const loadBefore = loadavg()[0]!;
  const sections: string[] = [];
  let failed = false;
  await withSuiteProcesses('devzone-side-by-side-', onStarted, async (suite) => {
    const synthetic = syntheticSystemSpecs(suite.tempDir, 'side', sizes.zoneCounts, sizes.enterprisesPerZone);
    note('side-by-side: starting PostgreSQL (a process)');
    await suite.startDatabase([...databasesOf('a', { kind: 'articles' }), ...synthetic.flatMap((spec) => databasesOf(`z${spec.zones}`, spec))]);

    note('side-by-side: starting the article-seeded system, the plain @apollo/gateway, Hive Gateway twice and the forwarding proxy (each a process)');
    const system = await suite.startSystem('a', { kind: 'articles' });
    const supergraphFile = join(suite.tempDir, 'supergraph.graphql');
    const apollo = await startApolloPeer(system, 'yongkang', supergraphFile);
    const [hiveOff, hiveOn, oursNoDedup, oursCached, floor] = await Promise.all([
      startHivePeer(system, supergraphFile, false),
      startHivePeer(system, supergraphFile, true),
      system.startGatewayTwin('this gateway dedup off', { GATEWAY_DEDUP_INFLIGHT: 'false' }),
      system.startGatewayTwin('this gateway, caches on', { ZONE_READ_CACHE: 'on' }),
      startForwardingProxy(system, zoneServiceOf(system, SINGLE_ZONE)),
    ]);
    const single = await singleZoneRows(system, { oursNoDedup, oursCached, apollo, hiveOff, hiveOn, floor });
    const singleResults = await measureRows(single.rows, sizes, 'single-zone shapes');
    await suite.stopSystem();
    sections.push(
      renderSideBySide('Side by side, single-zone shapes (article seeds)', singleResults, [
        PEERS_NOTE,
        CACHE_NOTE,
        ...(single.mismatches.length > 0 ? single.mismatches : ['same data: every gateway answered every shape identically (checked before measuring).']),
      ]),
    );
    failed ||= single.mismatches.length > 0 || hasFailures(singleResults);

    const wide: SideBySideRow[] = [];
    for (const spec of synthetic) {
      note(`side-by-side: starting ${spec.zones} synthetic zones × ${spec.enterprisesPerZone} enterprises on ${spec.services} zone services (each a process)`);
      const zones = await suite.startSystem(`z${spec.zones}`, spec);
      wide.push(...(await measureRows(provinceWideRows(zones, spec.zones), sizes, `${spec.zones} zones`)));
      await suite.stopSystem();
    }
    sections.push(
      renderSideBySide(`Side by side, province-wide shapes (synthetic zones, ${sizes.enterprisesPerZone} enterprises each, 4 zone services)`, wide, [
        '"zone service directly" = one _entities request per zone service for all its zones, the four sent in parallel by the load generator, as the gateway fans out (no province root field).',
        'plain @apollo/gateway and Hive Gateway: not run (over the same supergraph they cannot shard: one URL per subgraph); the forwarding proxy: not run (it forwards to one zone service).',
      ]),
    );
    failed ||= hasFailures(wide);
  });
  return { text: sections.join('\n'), loadAverage: { before: loadBefore, after: loadavg()[0]! }, failed };
}
