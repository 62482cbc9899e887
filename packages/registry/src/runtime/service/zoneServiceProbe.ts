/** How the registry reaches a zone service it checks: the network boundary of its checks. */
export interface ZoneServiceProbe {
  /** The service's subgraph SDL (`{ _service { sdl } }`); throws an Error whose message says why (unreachable, unhealthy, not a subgraph). */
  fetchSdl(url: string): Promise<string>;
  /** Resolves each zone as an entity (`_entities` with `{ __typename: "Zone", id }`); per zone null when it resolved to that id, else the reason. */
  resolveZones(url: string, zoneIds: readonly string[]): Promise<ReadonlyMap<string, string | null>>;
}
