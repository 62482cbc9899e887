import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A reported figure: a value for a zone, an indicator and a period, with its source. */
@Entity({ name: 'indicator_report' })
@Index('indicator_report_zone_code', ['zoneId', 'code'])
export class IndicatorReportRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'text', name: 'period_basis' }) periodBasis!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'text' }) qualifier!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', name: 'source_document', nullable: true }) sourceDocument!: string | null;
  @Column({ type: 'text', name: 'source_passage', nullable: true }) sourcePassage!: string | null;
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
}
