import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@devzone/subgraph-kit';
import { AllianceResolver } from './resolvers/alliance.resolver';
import { EnterpriseResolver } from './resolvers/enterprise.resolver';
import { HonorResolver } from './resolvers/honor.resolver';
import { EnterprisePageResolver, PartyOrganizationPageResolver } from './resolvers/pages.resolver';
import { PartyOrganizationResolver } from './resolvers/partyOrganization.resolver';
import { ProvenanceResolver } from './resolvers/provenance.resolver';
import { referenceResolvers } from './resolvers/references';
import { ServiceStationResolver } from './resolvers/serviceStation.resolver';
import { UpkeepResolver } from './resolvers/upkeep.resolver';
import { ZoneResolver } from './resolvers/zone.resolver';
import { Enterprise } from './types/enterprise.type';
import { PartyOrganization } from './types/partyOrganization.type';
import { Zone } from './types/zone.type';

let built: Promise<GraphQLSchema> | undefined;

/**
 * The one zone-subgraph schema. Built once per process and shared by every
 * zone service in it: type-graphql keeps its metadata in a global store.
 */
export function buildZoneSchema(): Promise<GraphQLSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [
        ZoneResolver,
        EnterpriseResolver,
        PartyOrganizationResolver,
        HonorResolver,
        AllianceResolver,
        ServiceStationResolver,
        ProvenanceResolver,
        UpkeepResolver,
        EnterprisePageResolver,
        PartyOrganizationPageResolver,
      ],
      orphanedTypes: [Zone, Enterprise, PartyOrganization],
    },
    referenceResolvers,
  );
  return built;
}
