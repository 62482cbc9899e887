import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'zone' })
export class ZoneRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  /** True for zones made by the synthetic generator (tests, benchmarks). */
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
  @Column({ type: 'timestamptz', name: 'seeded_at', default: () => 'now()' }) seededAt!: Date;
}
