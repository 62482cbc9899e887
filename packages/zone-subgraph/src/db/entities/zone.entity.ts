import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Completeness } from '../../records/recordKinds';

@Entity({ name: 'zone' })
export class ZoneRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  /** True for zones made by the synthetic generator (tests, benchmarks). */
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
  @Column({ type: 'timestamptz', name: 'seeded_at', default: () => 'now()' }) seededAt!: Date;
  /** Per kind of record: `complete` (the zone's full register) or `named_only` (only what a source names). */
  @Column({ type: 'text', name: 'enterprises_completeness' }) enterprisesCompleteness!: Completeness;
  @Column({ type: 'text', name: 'party_organizations_completeness' }) partyOrganizationsCompleteness!: Completeness;
  @Column({ type: 'text', name: 'honors_completeness' }) honorsCompleteness!: Completeness;
  @Column({ type: 'text', name: 'alliances_completeness' }) alliancesCompleteness!: Completeness;
  @Column({ type: 'text', name: 'service_stations_completeness' }) serviceStationsCompleteness!: Completeness;
  /** Date the zone's records are as of (YYYY, YYYY-MM or YYYY-MM-DD); null for zones stored before it was kept. */
  @Column({ type: 'text', name: 'records_as_of', nullable: true }) recordsAsOf!: string | null;
}
