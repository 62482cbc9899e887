import { buildFederatedSchema } from '@devzone/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { ApiKeysResolver } from './resolvers/apiKeys.resolver';
import { CatalogueResolver } from './resolvers/catalogue.resolver';
import { ComparisonResolver } from './resolvers/comparison.resolver';
import { DirectoryResolver } from './resolvers/directory.resolver';
import { PeerResolver } from './resolvers/peers.resolver';
import { RegistryResolver } from './resolvers/registry.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { SelectionResolver } from './resolvers/selection.resolver';
import { resolveSourcePassageReference, SourceDocumentResolver, SourceReferenceResolver } from './resolvers/source.resolver';
import { OnsiteMeetingResolver, ProvinceZonesResolver, ZoneDirectoryResolver, ZoneServiceInfoResolver } from './resolvers/zone.resolver';
import { Enterprise, PartyOrganization } from './types/directory.types';
import { SourcePassage } from './types/source.types';

let built: Promise<GraphQLSchema> | undefined;

/** The province subgraph schema, built once per process (type-graphql's metadata is global). */
export function buildProvinceSchema(): Promise<GraphQLSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [
        DirectoryResolver,
        SearchResolver,
        ZoneDirectoryResolver,
        ZoneServiceInfoResolver,
        ProvinceZonesResolver,
        OnsiteMeetingResolver,
        CatalogueResolver,
        ComparisonResolver,
        PeerResolver,
        SelectionResolver,
        SourceDocumentResolver,
        SourceReferenceResolver,
        ApiKeysResolver,
        RegistryResolver,
      ],
      orphanedTypes: [Enterprise, PartyOrganization, SourcePassage],
    },
    {
      Zone: { __resolveReference: ZoneDirectoryResolver.resolveReference },
      SourceDocument: { __resolveReference: SourceDocumentResolver.resolveReference },
      SourcePassage: { __resolveReference: resolveSourcePassageReference },
    },
  );
  return built;
}
