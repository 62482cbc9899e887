import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { freePort, type ServiceProcess } from '@devzone/testkit/dist/processes';
import { cpuWindow } from '../cpuWindow';
import { runLoad } from '../load';
import { processCpuMs } from '../processCpu';
import { note } from '../progress';
import { summarize } from '../stats';
import type { ProcessSuiteRun } from '../processSuiteMain';
import { askGraphQL, type Asking } from '../sideBySide/httpClient';
import { roundLabel, roundPasses } from '../sideBySide/rounds';
import { databasesOf, startForwardingProxy, type ProcessSystem } from '../sideBySide/processSystem';
import { SINGLE_ZONE, SINGLE_ZONE_SHAPES } from '../sideBySide/shapes';
import { withSuiteProcesses } from '../sideBySide/suiteProcesses';
import type { BackKind, FrontKind } from './hopForwarders';
import { emptyHopColumn, renderHop, type HopColumn } from './hopTable';
import type { HopSizes } from './sizes';

const HOP_FORWARDER_SCRIPT = 'internal/bench/dist/hop/hopForwarderMain.js';
/** The forwarders, from the one built on what Node and undici give to the one that frames HTTP itself on both sides. */
const FORWARDERS: readonly { front: FrontKind; back: BackKind }[] = [
  { front: 'node-http', back: 'undici' },
  { front: 'raw-socket', back: 'undici' },
  { front: 'node-http', back: 'raw-socket' },
  { front: 'raw-socket', back: 'raw-socket' },
];

const NOTES = [
  "One zone's indicators (the side-by-side suite's first shape), one request at a time, every service its own process (NODE_ENV=production), this gateway with ZONE_READ_CACHE=off. Rounds of every column in turn, the order reversed every other round, after one warm-up round whose figures are dropped (--quick: none).",
  '"forwarding proxy (floor)" is the side-by-side suite\'s floor: Node\'s HTTP server, undici\'s `Pool.request` and its body stream, the request and the answer parsed and serialised again. The forwarders below it send the client\'s body signed and hand back the answer\'s bytes without parsing either: "node-http" is Node\'s HTTP server, "undici" an undici pool\'s `dispatch` with a handler collecting the chunks (this gateway\'s client), "raw-socket" a socket whose HTTP/1.1 framing the forwarder does itself (content-length bodies only, no limits or timeouts: a measuring instrument, not a way to serve anyone).',
  'p50: median of the rounds ± half their range; ratio: the median of the rounds\' own ratios to "directly" (see the side-by-side suite). CPU: /proc/<pid>/stat over the window per request, median of the rounds.',
];

type Ask = () => Promise<unknown>;

interface PlannedColumn {
  readonly column: HopColumn;
  readonly ask: Ask;
  readonly frontPid: number | undefined;
}

async function startHopForwarder(system: ProcessSystem, zoneUrl: string, front: FrontKind, back: BackKind): Promise<ServiceProcess> {
  return system.startPeer(`hop forwarder ${front} → ${back}`, HOP_FORWARDER_SCRIPT, {
    PORT: String(await freePort()),
    ZONE_URL: zoneUrl,
    HOP_FRONT: front,
    HOP_BACK: back,
  });
}

/** Every column must answer the zone service's own data, or the rows compare different work. */
async function checkSameData(columns: readonly PlannedColumn[], reference: unknown): Promise<string[]> {
  const mismatches: string[] = [];
  for (const { column, ask } of columns) {
    const answer = await ask();
    if (!isDeepStrictEqual(answer, reference)) mismatches.push(`${column.title} answered other data than the zone service`);
  }
  return mismatches;
}

/**
 * The hop suite: what one process between the client and the zone service costs at c=1, from a
 * forwarder built on Node's HTTP server and undici to one that frames HTTP on raw sockets, beside
 * this gateway: where the time a front adds goes.
 */
export async function runHop(sizes: HopSizes, onStarted: (stop: () => Promise<void>) => void = () => undefined): Promise<ProcessSuiteRun> {
  const loadBefore = loadavg()[0]!;
  let text = '';
  let failed = false;
  await withSuiteProcesses('devzone-hop-', onStarted, async (suite) => {
    note('hop: starting PostgreSQL, the article-seeded system, the floor, the four forwarders and a second gateway with dedup off (each a process)');
    await suite.startDatabase(databasesOf('a', { kind: 'articles' }));
    const system = await suite.startSystem('a', { kind: 'articles' });
    const zoneIndex = system.zoneServices.findIndex((s) => s.zoneIds.includes(SINGLE_ZONE));
    const zone = system.zoneServices[zoneIndex];
    const zonePid = system.servicePids.zoneServices[zoneIndex];
    if (!zone || zonePid === undefined) throw new Error(`no zone service hosts ${SINGLE_ZONE}`);
    const shape = SINGLE_ZONE_SHAPES[0]!;
    const signed: Asking = { kind: 'signed', keys: system.signingKeys };
    const anonymous: Asking = { kind: 'credential' };
    const ours: Asking = { kind: 'credential', authorization: system.credential };
    const askFront =
      (url: string): Ask =>
      () =>
        askGraphQL(url, anonymous, shape.direct.query, shape.direct.variables);
    const floor = await startForwardingProxy(system, zone.name);
    const forwarders = await Promise.all(FORWARDERS.map(({ front, back }) => startHopForwarder(system, zone.url, front, back)));
    const noDedup = await system.startGatewayTwin('this gateway dedup off', { GATEWAY_DEDUP_INFLIGHT: 'false' });
    const direct: PlannedColumn = {
      column: emptyHopColumn('zone service directly'),
      ask: () => askGraphQL(zone.url, signed, shape.direct.query, shape.direct.variables),
      frontPid: undefined,
    };
    const fronts: PlannedColumn[] = [
      { column: emptyHopColumn('forwarding proxy (floor)'), ask: askFront(floor.url), frontPid: floor.pid },
      ...FORWARDERS.map(({ front, back }, i) => ({
        column: emptyHopColumn(`forwarder ${front} → ${back}`),
        ask: askFront(forwarders[i]!.url),
        frontPid: forwarders[i]!.pid,
      })),
    ];
    const gateways: PlannedColumn[] = [
      { column: emptyHopColumn('this gateway'), ask: () => askGraphQL(system.gatewayUrl, ours, shape.gateway), frontPid: system.servicePids.gateway },
      { column: emptyHopColumn('this gateway, dedup off'), ask: () => askGraphQL(noDedup.url, ours, shape.gateway), frontPid: noDedup.pid },
    ];
    const reference = await direct.ask();
    const mismatches = [
      ...(await checkSameData(fronts, reference)),
      ...(await checkSameData(gateways, { zone: (reference as { _entities: unknown[] })._entities[0] })),
    ];
    const planned = [direct, ...fronts, ...gateways];
    for (const pass of roundPasses(sizes.warmupRounds, sizes.rounds)) {
      note(`hop: ${roundLabel(pass, sizes.warmupRounds, sizes.rounds)}, load average ${loadavg()[0]!.toFixed(2)}`);
      for (const { column, ask, frontPid } of pass.index % 2 === 0 ? planned : [...planned].reverse()) {
        const cpu = cpuWindow(() => ({ front: frontPid === undefined ? undefined : processCpuMs(frontPid), zone: processCpuMs(zonePid) }));
        const result = await runLoad(ask, {
          concurrency: 1,
          durationMs: sizes.windowMs,
          maxRequests: sizes.maxRequests,
          warmupRequests: sizes.warmupRequests,
          window: cpu,
        });
        if (pass.warmup) continue;
        column.failed += result.failed;
        if (result.firstError) column.firstError ??= result.firstError;
        const perRequest = cpu.perRequest(result.completed);
        column.p50.push(result.completed > 0 ? summarize(result.latencies).p50 : Number.NaN);
        column.frontCpu.push(perRequest.front ?? Number.NaN);
        column.zoneCpu.push(perRequest.zone ?? Number.NaN);
      }
    }
    const columns = planned.map((p) => p.column);
    text = renderHop(`What one hop costs, c=1 (${sizes.rounds} round(s) of ${sizes.windowMs / 1000} s after ${sizes.warmupRounds} warm-up round(s))`, columns, [
      ...NOTES,
      ...(mismatches.length > 0 ? mismatches : ["same data: every front answered the zone service's data (checked before measuring)."]),
    ]);
    failed = mismatches.length > 0 || columns.some((c) => c.failed > 0);
  });
  return { text, loadAverage: { before: loadBefore, after: loadavg()[0]! }, failed };
}
