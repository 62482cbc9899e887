import { ERRORS } from '@devzone/errors';
import { databaseFailureError, type SignedRoute, type SignedRouteAnswer } from '@devzone/subgraph-kit';
import type { DataSource } from 'typeorm';
import { parseDataVersionsRequest } from './dataVersionsRequest';
import { readDataVersions } from './readDataVersions';

export interface DataVersionsRouteOptions {
  /** Names the service in a database failure. */
  readonly service: string;
  readonly dataSource: DataSource;
  /** Zones this service hosts: any other zone asked is left out of the answer. */
  readonly hostedZoneIds: ReadonlySet<string>;
}

const errorAnswer = (status: number, error: { message: string; extensions: Record<string, unknown> }): SignedRouteAnswer => ({
  status,
  body: { errors: [{ message: error.message, extensions: error.extensions }] },
});

/**
 * `POST <service url>data-versions` with `{"zones": ["yongkang", ...]}` answers
 * `{"versions": {"yongkang": "17"}}`: each hosted zone's data version, which changes in the same
 * transaction as anything its GraphQL answers read (migration `ZoneDataVersion`). A response cache
 * keys a zone's answers by it. Signed like GraphQL requests; docs/zone-data.md, "Data versions".
 */
export function dataVersionsRoute({ service, dataSource, hostedZoneIds }: DataVersionsRouteOptions): SignedRoute {
  return {
    path: '/data-versions',
    handle: async ({ body }) => {
      const request = parseDataVersionsRequest(body);
      if (!request.ok) return errorAnswer(400, ERRORS.BAD_USER_INPUT.err(`${request.field}: ${request.message}`, { field: request.field }));
      const hosted = request.zoneIds.filter((id) => hostedZoneIds.has(id));
      try {
        const versions = hosted.length === 0 ? new Map<string, string>() : await readDataVersions(dataSource, hosted);
        return { status: 200, body: { versions: Object.fromEntries(versions) } };
      } catch (error) {
        const failure = databaseFailureError(error, { service });
        if (!failure) throw error;
        return errorAnswer(failure.extensions.code === ERRORS.BAD_USER_INPUT.code ? 400 : 503, failure);
      }
    },
  };
}
