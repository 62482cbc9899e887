/** One reason a supergraph could not be built: a composition error or an unreachable subgraph. */
export interface CompositionProblem {
  readonly message: string;
  /** Composition error code (e.g. `INVALID_FIELD_SHARING`), when composition reported one. */
  readonly code?: string;
  /** The subgraph the problem comes from, when known. */
  readonly subgraph?: string;
}

/** What `refresh()` did. The gateway keeps serving `supergraphSdl` in every case. */
export type RefreshResult =
  | { readonly outcome: 'updated'; readonly supergraphSdl: string }
  | { readonly outcome: 'unchanged'; readonly supergraphSdl: string }
  | {
      readonly outcome: 'rejected';
      /** `unreachable`: an SDL could not be fetched; `composition`: the SDLs do not compose; `update`: the gateway refused the result. */
      readonly reason: 'unreachable' | 'composition' | 'update';
      readonly problems: readonly CompositionProblem[];
      readonly supergraphSdl: string;
    };

/** A subgraph of the supergraph: its name and the URL the gateway's data source is built for. */
export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
}
