import { Resolver } from 'type-graphql';

/** Indicator catalogue, zone comparison and peer suggestions (being built). */
@Resolver()
export class ComparisonResolver {}
