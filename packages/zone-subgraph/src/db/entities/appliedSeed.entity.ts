import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The content of a zone's seed file as last applied: a file edited since is reported at start. */
@Entity({ name: 'applied_seed' })
export class AppliedSeedRow {
  @PrimaryColumn({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text', name: 'file_name' }) fileName!: string;
  /** sha256 of the file's bytes, hex. */
  @Column({ type: 'text', name: 'content_hash' }) contentHash!: string;
  /** The validated seed as applied: what the next application compares with. */
  @Column({ type: 'jsonb' }) content!: unknown;
  @Column({ type: 'timestamptz', name: 'applied_at', default: () => 'now()' }) appliedAt!: Date;
  @Column({ type: 'text', name: 'applied_by' }) appliedBy!: string;
}
