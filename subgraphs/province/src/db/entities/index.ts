import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ApiKeyRow } from './apiKey';

export { ApiKeyRow };

@Entity({ name: 'province' })
export class ProvinceRow {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
}

/** The directory entry of a zone: who it is, wherever its records live. */
@Entity({ name: 'directory_zone' })
@Index('directory_zone_province', ['provinceCode'])
export class DirectoryZoneRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'province_code' }) provinceCode!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ type: 'text' }) level!: string;
  @Column({ type: 'text', name: 'source_document', nullable: true }) sourceDocument!: string | null;
  @Column({ type: 'text', name: 'source_passage', nullable: true }) sourcePassage!: string | null;
}

/** A provincial on-site meeting (现场会), with the precision the source gives. */
@Entity({ name: 'onsite_meeting' })
export class OnsiteMeetingRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'province_code' }) provinceCode!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'text' }) precision!: string;
  @Column({ type: 'text', name: 'source_document' }) sourceDocument!: string;
  @Column({ type: 'text', name: 'source_passage' }) sourcePassage!: string;
}

@Entity({ name: 'onsite_meeting_host' })
export class OnsiteMeetingHostRow {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text', name: 'zone_id' }) zoneId!: string;
}

/** A named benchmark-selection preset: its settings (criteria, method ...) and why they were chosen. */
@Entity({ name: 'benchmark_preset' })
export class BenchmarkPresetRow {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'text' }) purpose!: string;
  /** The preset's selection settings, as validated by seed/presetSchema.ts. */
  @Column({ type: 'jsonb' }) settings!: unknown;
  @Column({ type: 'text' }) justification!: string;
}

/**
 * A saved selection run: the settings it ran with, the exact figures it used
 * (with provenance) and its result, so it replays identically later.
 */
@Entity({ name: 'selection_run' })
// Newest-first listing indexes (created_at DESC) from the migrations, only named here.
@Index('selection_run_created_at', { synchronize: false })
@Index('selection_run_owner', { synchronize: false })
export class SelectionRunRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  /** Principal.subject of whoever saved it (`legacy` for runs saved before owners were recorded). */
  @Column({ type: 'text', name: 'created_by' }) createdBy!: string;
  @Column({ type: 'text', name: 'engine_version' }) engineVersion!: string;
  @Column({ type: 'jsonb' }) settings!: unknown;
  @Column({ type: 'jsonb' }) snapshot!: unknown;
  @Column({ type: 'jsonb' }) result!: unknown;
}

export const provinceEntities = [ProvinceRow, DirectoryZoneRow, OnsiteMeetingRow, OnsiteMeetingHostRow, BenchmarkPresetRow, SelectionRunRow, ApiKeyRow];
