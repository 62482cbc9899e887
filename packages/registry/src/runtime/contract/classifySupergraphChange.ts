import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import type { ClassifiedChange } from '../types';

/**
 * What clients would see change if the candidate supergraph replaced the served one: the
 * two API schemas (the supergraph without its join/link machinery and `@inaccessible`
 * elements) diffed by graphql-inspector. Nothing served yet means nothing changes for a client.
 * Asynchronous because graphql-inspector's `diff` is.
 */
export async function classifySupergraphChange(servedSupergraphSdl: string | null, candidateSupergraphSdl: string): Promise<ClassifiedChange[]> {
  if (servedSupergraphSdl === null) return [];
  const changes = await diff(apiSchemaOf(servedSupergraphSdl), apiSchemaOf(candidateSupergraphSdl));
  return changes.map(classified);
}

function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

const CRITICALITY: Record<CriticalityLevel, ClassifiedChange['criticality']> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'NON_BREAKING',
};

function classified(change: Change): ClassifiedChange {
  const base = { criticality: CRITICALITY[change.criticality.level], type: change.type, message: change.message };
  return change.path === undefined ? base : { ...base, path: change.path };
}
