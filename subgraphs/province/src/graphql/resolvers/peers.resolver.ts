import { Resolver } from 'type-graphql';

/** Peer learning (观摩交流): which zones a zone should visit (being built). */
@Resolver()
export class PeerResolver {}
