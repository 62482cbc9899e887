import { buildFederatedSchema } from '@devzone/zone-subgraph';
import type { GraphQLSchema } from 'graphql';
import { CatalogueResolver } from './resolvers/catalogue.resolver';
import { ComparisonResolver } from './resolvers/comparison.resolver';
import { DirectoryResolver } from './resolvers/directory.resolver';
import { PeerResolver } from './resolvers/peers.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { SelectionResolver } from './resolvers/selection.resolver';
import { OnsiteMeetingResolver, ProvinceZonesResolver, ZoneDirectoryResolver } from './resolvers/zone.resolver';
import { Enterprise, PartyOrganization } from './types/directory.types';

let built: Promise<GraphQLSchema> | undefined;

/** The province subgraph schema, built once per process (type-graphql's metadata is global). */
export function buildProvinceSchema(): Promise<GraphQLSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [DirectoryResolver, SearchResolver, ZoneDirectoryResolver, ProvinceZonesResolver, OnsiteMeetingResolver, CatalogueResolver, ComparisonResolver, PeerResolver, SelectionResolver],
      orphanedTypes: [Enterprise, PartyOrganization],
    },
    { Zone: { __resolveReference: ZoneDirectoryResolver.resolveReference } },
  );
  return built;
}
