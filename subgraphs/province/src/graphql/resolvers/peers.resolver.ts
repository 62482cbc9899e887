import { ERRORS } from '@devzone/errors';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { resolveZoneScope } from '../../analytics/candidateZones';
import { resolveCriteria } from '../../analytics/criteria';
import { readPeerInputs } from '../../analytics/peers/readPeerInputs';
import { PEER_METHOD, suggestPeers } from '../../analytics/peers/suggestPeers';
import { readableZoneById, requireCapability } from '../../authz';
import type { ProvinceContext } from '../context.type';
import { toZone } from '../mappers';
import { showsFigureTexts } from '../selection/figureTexts';
import { PeerSuggestions, PeerSuggestionsArgs, toPeerSuggestions } from '../types/peers.types';

/** Peer learning (观摩交流): which zones a zone should visit. */
@Resolver()
export class PeerResolver {
  @Query(() => PeerSuggestions, {
    description:
      'Peer learning (观摩交流, 先进带动后进): zones similar to `zoneId` in industry profile and size that are stronger on at least one criterion, best first, with the gap per criterion. ' +
      'Zones are read straight from the zone services (one round trip per service, none for entities the zone-read cache holds at their current version); zones that fail are listed in `failedZones` and `notSuggested`, never dropped. See `method` for the formulas.',
  })
  async peerSuggestions(
    @Args(() => PeerSuggestionsArgs) args: PeerSuggestionsArgs,
    @Ctx() ctx: ProvinceContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PeerSuggestions> {
    requireCapability(ctx.principal, 'ANALYSE', 'peerSuggestions');
    // A learner outside the caller's scope is refused exactly like an unknown one.
    const learnerRow = await readableZoneById(ctx, args.zoneId);
    if (!learnerRow) throw ERRORS.BAD_USER_INPUT.err(`zoneId: unknown zone "${args.zoneId}"`, { field: 'zoneId' });
    const criteria = resolveCriteria(args.criteria, 'criteria');
    const scope = await resolveZoneScope(ctx, { provinces: args.provinces ?? null });

    const candidates = scope.zones.filter((z) => z.id !== learnerRow.id);
    const zones = [learnerRow, ...candidates];
    const reads = await readPeerInputs(
      ctx.zoneReader,
      { zones, unroutable: zones.filter((z) => !ctx.registry.serviceForZone(z.id)), provinceCodes: scope.provinceCodes },
      criteria,
      { source: args.source, period: args.period ?? undefined, computedOverNamedOnly: args.computedOverNamedOnly },
      // The figures' texts only when the answer shows them: at province scale they are most of what the zones send.
      { provenanceText: showsFigureTexts(info) },
    );
    const outcome = suggestPeers({ learnerId: learnerRow.id, candidateIds: candidates.map((z) => z.id), criteria, limit: args.limit, ...reads });
    const zoneById = new Map(zones.map((row) => [row.id, toZone(row)]));
    return toPeerSuggestions(zoneById.get(learnerRow.id)!, outcome, zoneById, reads.failures, PEER_METHOD);
  }
}
