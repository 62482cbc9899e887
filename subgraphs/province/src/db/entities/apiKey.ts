import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An API key: what it grants and who issued it. The key itself is never
 * stored, only sha256 of it (see @devzone/auth `apiKey.ts` for why that hash).
 */
@Entity({ name: 'api_key' })
@Index('api_key_created_at', ['createdAt'])
export class ApiKeyRow {
  /** The public part of the key, `dzk_<keyId>_…`. */
  @PrimaryColumn({ type: 'text', name: 'key_id' }) keyId!: string;
  @Column({ type: 'text', name: 'key_hash' }) keyHash!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'text', array: true }) roles!: string[];
  /** Null: every province (national roles, administrators). */
  @Column({ type: 'text', array: true, nullable: true }) provinces!: string[] | null;
  @Column({ type: 'text', array: true, name: 'zone_ids', default: () => "'{}'" }) zoneIds!: string[];
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'text', name: 'created_by' }) createdBy!: string;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'text', name: 'revoked_by', nullable: true }) revokedBy!: string | null;
}
