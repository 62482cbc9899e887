import { Resolver } from 'type-graphql';

/** Benchmark-site selection, presets and saved runs (being built). */
@Resolver()
export class SelectionResolver {}
