import type { BenchContext, Suite } from '../context';
import { queryOrThrow, signedQueryOrThrow } from '../graphqlClient';
import { startRealStack } from '../realStack';
import { sampleSequential } from '../sample';
import { summarize } from '../stats';
import { formatMs, renderTable } from '../table';

interface Shape {
  name: string;
  /** Zone service that holds the data. */
  service: string;
  /** Asked of the zone service directly: an `_entities` query. */
  direct: { query: string; variables: Record<string, unknown> };
  /** The same data through the gateway (root field on the province, fields from the zone). */
  gateway: { query: string; variables?: Record<string, unknown> };
}

const ENTITIES = (selection: string) => `query($r:[_Any!]!){ _entities(representations:$r){ ${selection} } }`;
const ENTERPRISE_PAGE = `enterprises(first: 20) { totalCount items { id nameZh industry employees { value qualifier } } }`;
const ANHUI_ZONES = ['changfeng', 'chuzhou', 'dangtu', 'feixi', 'ningguo', 'suixi'];

const SHAPES: readonly Shape[] = [
  {
    name: 'zone indicators (yongkang)',
    service: 'yongkang',
    direct: { query: ENTITIES('... on Zone { indicators { code value } }'), variables: { r: [{ __typename: 'Zone', id: 'yongkang' }] } },
    gateway: { query: '{ zone(id:"yongkang") { indicators { code value } } }' },
  },
  {
    name: 'enterprises page, 20 (yongkang)',
    service: 'yongkang',
    direct: { query: ENTITIES(`... on Zone { ${ENTERPRISE_PAGE} }`), variables: { r: [{ __typename: 'Zone', id: 'yongkang' }] } },
    gateway: { query: `{ zone(id:"yongkang") { ${ENTERPRISE_PAGE} } }` },
  },
  {
    name: 'enterprise by id + honors',
    service: 'yongkang',
    direct: {
      query: ENTITIES('... on Enterprise { nameZh partyOrganizations { nameZh } honors { title level } }'),
      variables: { r: [{ __typename: 'Enterprise', id: 'yongkang:sanfeng' }] },
    },
    gateway: { query: '{ enterprise(id:"yongkang:sanfeng") { nameZh partyOrganizations { nameZh } honors { title level } } }' },
  },
  {
    name: '6 zones of one service (anhui)',
    service: 'anhui',
    direct: { query: ENTITIES('... on Zone { id indicators { code value } }'), variables: { r: ANHUI_ZONES.map((id) => ({ __typename: 'Zone', id })) } },
    gateway: { query: '{ zones(province:"anhui") { id indicators { code value } } }' },
  },
];

/** 1. What the gateway (and the province's root field) adds over asking the zone service directly, per query shape. */
export const overheadSuite: Suite = {
  name: 'overhead',
  title: 'Gateway overhead per query shape',
  run: async (ctx: BenchContext) => {
    const stack = await ctx.cache.use('real', () => startRealStack(ctx.pg));
    const rows: (string | number)[][] = [];
    for (const shape of SHAPES) {
      const service = stack.zoneServices.find((s) => s.name === shape.service);
      if (!service) throw new Error(`no zone service ${shape.service}`);
      const direct = summarize(
        await sampleSequential(() => signedQueryOrThrow(service.url, stack.signingKeys, shape.direct.query, shape.direct.variables), ctx.sizes.overhead),
      );
      const viaGateway = summarize(
        await sampleSequential(() => queryOrThrow(stack.gatewayUrl, shape.gateway.query, shape.gateway.variables), ctx.sizes.overhead),
      );
      rows.push([shape.name, 'zone service, _entities', direct.count, formatMs(direct.p50), formatMs(direct.p95), formatMs(direct.mean), '']);
      rows.push([
        '',
        'gateway',
        viaGateway.count,
        formatMs(viaGateway.p50),
        formatMs(viaGateway.p95),
        formatMs(viaGateway.mean),
        `+${formatMs(viaGateway.p50 - direct.p50)}`,
      ]);
    }
    ctx.print(
      renderTable(
        `1. Gateway overhead per query shape (${stack.label}; sequential requests, ms)`,
        ['shape', 'asked of', 'n', 'p50', 'p95', 'mean', 'added p50'],
        rows,
        ['"added" = gateway p50 − direct p50: query planning, the province root field (one HTTP hop + its SQL), the _entities hop, JSON re-serialisation.'],
      ),
    );
  },
};
