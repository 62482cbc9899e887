import { ERRORS } from '@devzone/errors';
import type { ZoneContext } from '../context.type';
import { toEnterprise, toPartyOrganization } from '../mappers';
import type { Enterprise } from '../types/enterprise.type';
import type { PartyOrganization } from '../types/partyOrganization.type';
import { Zone } from '../types/zone.type';
import { assertHosted } from './hosting';

type Reference = { id: string };

/** `__resolveReference` for every entity: batched through the request's loaders. */
export const referenceResolvers = {
  Zone: {
    __resolveReference: async ({ id }: Reference, context: ZoneContext): Promise<Zone> => {
      assertHosted(id, context);
      if (!(await context.loaders.zoneById.load(id))) throw ERRORS.NOT_FOUND.err(`Zone "${id}" has no records in its service yet`, { id });
      return Object.assign(new Zone(), { id });
    },
  },
  Enterprise: {
    __resolveReference: async ({ id }: Reference, context: ZoneContext): Promise<Enterprise> => {
      assertHosted(id, context);
      const row = await context.loaders.enterpriseById.load(id);
      if (!row) throw ERRORS.NOT_FOUND.err(`Enterprise "${id}" not found`, { id });
      return toEnterprise(row);
    },
  },
  PartyOrganization: {
    __resolveReference: async ({ id }: Reference, context: ZoneContext): Promise<PartyOrganization> => {
      assertHosted(id, context);
      const row = await context.loaders.organizationById.load(id);
      if (!row) throw ERRORS.NOT_FOUND.err(`Party organization "${id}" not found`, { id });
      return toPartyOrganization(row);
    },
  },
};
