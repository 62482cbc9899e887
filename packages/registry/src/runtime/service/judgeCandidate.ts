import { composeZonesSupergraph } from '../composeZonesSupergraph';
import { classifySupergraphChange, commonZonesSdl } from '../contract';
import { supergraphHash } from '../supergraphHash';
import type { ClassifiedChange, RegisteredService, RegistryProblem } from '../types';

export type CandidateJudgement =
  | { readonly ok: true; readonly supergraphSdl: string; readonly supergraphHash: string; readonly changes: readonly ClassifiedChange[] }
  | {
      readonly ok: false;
      readonly problems: readonly RegistryProblem[];
      readonly supergraphHash: string | null;
      readonly changes: readonly ClassifiedChange[];
    };

export interface CandidateContext {
  readonly province: () => Promise<{ readonly url: string; readonly sdl: string }>;
  /** The supergraph served now; null before anything was accepted. */
  readonly servedSupergraphSdl: string | null;
  /** Breaking changes refuse the candidate unless this is set (an administrator's force, a rollback, a recompose). */
  readonly breakingAllowed: boolean;
}

/**
 * The last checks of a candidate set of services: the shard contract (what they serve in
 * common), composition with the province, then what clients would see change. Composition
 * comes before the breaking-change check because only a composed supergraph can be compared
 * with the served one.
 */
export async function judgeCandidate(
  services: readonly RegisteredService[],
  { province, servedSupergraphSdl, breakingAllowed }: CandidateContext,
): Promise<CandidateJudgement> {
  const common = commonZonesSdl(services.map(({ name, sdl }) => ({ name, sdl })));
  if (common.problems.length > 0) return { ok: false, problems: common.problems, supergraphHash: null, changes: [] };

  let provinceSubgraph: { url: string; sdl: string };
  try {
    provinceSubgraph = await province();
  } catch (error) {
    return {
      ok: false,
      problems: [{ check: 'composition', path: 'province', message: `the province's own SDL is unavailable: ${(error as Error).message}` }],
      supergraphHash: null,
      changes: [],
    };
  }
  const composed = composeZonesSupergraph(provinceSubgraph, common.sdl);
  if (composed.status === 'failed') return { ok: false, problems: composed.problems, supergraphHash: null, changes: [] };

  const hash = supergraphHash(composed.supergraphSdl);
  const changes = await classifySupergraphChange(servedSupergraphSdl, composed.supergraphSdl);
  const breaking = changes.filter((change) => change.criticality === 'BREAKING');
  if (breaking.length > 0 && !breakingAllowed) {
    const problems = breaking.map((change) => ({
      check: 'contract',
      ...(change.path ? { path: change.path } : {}),
      message: `breaking change for clients: ${change.message} (an administrator may force it)`,
    }));
    return { ok: false, problems, supergraphHash: hash, changes };
  }
  return { ok: true, supergraphSdl: composed.supergraphSdl, supergraphHash: hash, changes };
}
