import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What the audit names a record by. */
export type AuditEntityKind = 'zone' | 'enterprise' | 'party_organization' | 'honor' | 'indicator_report' | 'alliance' | 'service_station';
export type AuditAction = 'create' | 'update' | 'delete';

/** One change to a zone's data: who made it, when, and the record before and after. */
@Entity({ name: 'upkeep_audit' })
// From ZoneUpkeep1763900000500 (a descending and a partial index), only named here.
@Index('upkeep_audit_zone', { synchronize: false })
@Index('upkeep_audit_import', { synchronize: false })
export class UpkeepAuditRow {
  /** bigint: read as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  /** The principal's subject, or `seed:<file>` for a seed file applied. */
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text', name: 'entity_kind' }) entityKind!: AuditEntityKind;
  @Column({ type: 'text', name: 'natural_key' }) naturalKey!: string;
  @Column({ type: 'text', name: 'record_id', nullable: true }) recordId!: string | null;
  @Column({ type: 'text' }) action!: AuditAction;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after!: Record<string, unknown> | null;
  /** The import (or seed application) the change belongs to; null for a single mutation. */
  @Column({ type: 'uuid', name: 'import_id', nullable: true }) importId!: string | null;
}
