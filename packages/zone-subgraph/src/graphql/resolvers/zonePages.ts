import { ERRORS } from '@devzone/errors';
import type { ZonePage } from '../../loaders/pageQueries';
import { filterDigest } from '../../paging/filterDigest';
import { decodeCursor, encodeCursor, type CursorBinding } from '../../paging/pageCursor';
import { ENTERPRISE_ORDERS, PARTY_ORGANIZATION_ORDERS, positionOf, type KeysetPosition, type PageOrder } from '../../paging/pageOrders';
import type { ZoneContext } from '../context.type';
import { toEnterprise, toPartyOrganization } from '../mappers';
import { EnterprisePage, PageInfo, PartyOrganizationPage } from '../types/connections.type';
import type { EnterprisesArgs, PartyOrganizationsArgs } from '../types/inputs';

/** The position `after` names, checked against the zone, order and filter it must come from; null without `after`. */
function positionAfter<R>(args: { after?: string | null; offset: number }, binding: CursorBinding, order: PageOrder<R>): KeysetPosition | null {
  if (args.after === undefined || args.after === null) return null;
  if (args.offset !== 0) throw ERRORS.BAD_USER_INPUT.err(`after: give either after or offset, not both (offset is ${args.offset})`, { field: 'after' });
  const decoded = decodeCursor(args.after, binding, order);
  if (!decoded.ok) throw ERRORS.BAD_USER_INPUT.err(`after: ${decoded.problem}`, { field: 'after' });
  return decoded.position;
}

function pageInfoOf<R extends { id: string }>(page: ZonePage<R>, binding: CursorBinding, order: PageOrder<R>): PageInfo {
  const last = page.rows.at(-1);
  return Object.assign(new PageInfo(), { endCursor: last ? encodeCursor(binding, positionOf(order, last)) : null, hasNextPage: page.hasNextPage });
}

/** `Zone.enterprises`: a page from `offset`, or after a cursor. */
export async function enterprisePage(zoneId: string, args: EnterprisesArgs, ctx: ZoneContext): Promise<EnterprisePage> {
  const order = ENTERPRISE_ORDERS[args.orderBy];
  const binding: CursorBinding = { zoneId, order: args.orderBy, filter: filterDigest(args.filter) };
  const after = positionAfter(args, binding, order);
  const page = await ctx.loaders.enterprisePage.load({ zoneId, filter: args.filter, orderBy: args.orderBy, first: args.first, offset: args.offset, after });
  return Object.assign(new EnterprisePage(), {
    hasNextPage: page.hasNextPage,
    pageInfo: pageInfoOf(page, binding, order),
    items: page.rows.map(toEnterprise),
    counted: { zoneId, filter: args.filter },
  });
}

/** `Zone.partyOrganizations`: a page from `offset`, or after a cursor. */
export async function partyOrganizationPage(zoneId: string, args: PartyOrganizationsArgs, ctx: ZoneContext): Promise<PartyOrganizationPage> {
  const order = PARTY_ORGANIZATION_ORDERS[args.orderBy];
  const binding: CursorBinding = { zoneId, order: args.orderBy, filter: filterDigest(args.filter) };
  const after = positionAfter(args, binding, order);
  const page = await ctx.loaders.organizationPage.load({ zoneId, filter: args.filter, orderBy: args.orderBy, first: args.first, offset: args.offset, after });
  return Object.assign(new PartyOrganizationPage(), {
    hasNextPage: page.hasNextPage,
    pageInfo: pageInfoOf(page, binding, order),
    items: page.rows.map(toPartyOrganization),
    counted: { zoneId, filter: args.filter },
  });
}
