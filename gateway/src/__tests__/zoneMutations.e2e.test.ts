import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

/**
 * Zone upkeep mutations through the seeded system (registry mode): the gateway sends each
 * to the service hosting the zone its `zoneId` names. A zone service refuses a zone it does
 * not host, so an answer for a zone proves the mutation reached that zone's service.
 */
jest.setTimeout(180_000);

let stack: RunningStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

interface ImportAnswer {
  importZoneRecords: { kind: string; dryRun: boolean; applied: boolean; rows: number };
}

const DRY_RUN = /* GraphQL */ `
  mutation DryRun($zone: ID!, $content: ImportContent!) {
    importZoneRecords(zoneId: $zone, kind: ENTERPRISES, format: JSON, content: $content, dryRun: true) {
      kind
      dryRun
      applied
      rows
    }
  }
`;

/** A row the dry run reads and does not write. */
const content = JSON.stringify([{ nameZh: '网关路由测试企业', nameEn: 'Gateway routing test enterprise' }]);

it.each(['ningguo', 'yongkang', 'chengxi'])('sends a mutation naming %s to the service hosting it', async (zone) => {
  const answer = await postGraphQL<ImportAnswer>(stack.gatewayUrl, DRY_RUN, { zone, content });

  expect(answer.errors).toBeUndefined();
  expect(answer.data?.importZoneRecords).toMatchObject({ kind: 'ENTERPRISES', dryRun: true, applied: false, rows: 1 });
});

it('answers a zone no service hosts with ZONE_NOT_ROUTED', async () => {
  const answer = await postGraphQL<ImportAnswer>(stack.gatewayUrl, DRY_RUN, { zone: 'atlantis', content });

  // importZoneRecords is non-null: its failure nulls the whole answer.
  expect(answer.data).toBeNull();
  expect(answer.errors).toMatchObject([
    {
      message: 'Zone "atlantis" is not hosted by any registered zone service: the mutation was not sent',
      extensions: { code: 'ZONE_NOT_ROUTED', zoneId: 'atlantis' },
    },
  ]);
});

it('refuses one operation changing two zones as BAD_USER_INPUT', async () => {
  const twoZones = /* GraphQL */ `
    mutation TwoZones($content: ImportContent!) {
      a: importZoneRecords(zoneId: "ningguo", kind: ENTERPRISES, format: JSON, content: $content) {
        rows
      }
      b: importZoneRecords(zoneId: "yongkang", kind: ENTERPRISES, format: JSON, content: $content) {
        rows
      }
    }
  `;

  const answer = await postGraphQL(stack.gatewayUrl, twoZones, { content });

  expect(answer.errors).toMatchObject([
    {
      message:
        'One mutation may change one zone only: "a: importZoneRecords" names zone "ningguo" and "b: importZoneRecords" names zone "yongkang"; send them as separate operations',
      extensions: { code: 'BAD_USER_INPUT', field: 'zoneId' },
    },
  ]);
});
