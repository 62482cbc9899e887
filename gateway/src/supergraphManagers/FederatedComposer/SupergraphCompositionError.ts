import type { CompositionProblem } from './types';

/** Thrown when no supergraph can be built at start-up; lists every problem. */
export class SupergraphCompositionError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'composition' | 'update',
    readonly problems: readonly CompositionProblem[],
  ) {
    super(`${headline[reason]}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'SupergraphCompositionError';
  }
}

const headline = {
  unreachable: 'A subgraph schema could not be fetched',
  composition: "A valid supergraph couldn't be composed. The following composition errors were found",
  update: 'The gateway refused the composed supergraph',
} as const;

export function formatProblem(problem: CompositionProblem): string {
  const where = problem.subgraph ? `[${problem.subgraph}] ` : '';
  const code = problem.code ? ` (${problem.code})` : '';
  return `\t${where}${problem.message}${code}`;
}
