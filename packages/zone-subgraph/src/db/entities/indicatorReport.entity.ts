import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reported figure: a value for a zone, an indicator and a period, with its source.
 * Either quoted from an article (source document and passage) or entered by a zone
 * system (`enteredBy`, with the document it cites, if any).
 */
@Entity({ name: 'indicator_report' })
@Index('indicator_report_zone_code', ['zoneId', 'code'])
// Partial unique index from ZoneUpkeep1763900000500: one entered figure per zone, code, period and scope.
@Index('indicator_report_entered_key', { synchronize: false })
export class IndicatorReportRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) period!: string;
  /** The part of the zone the figure is about (an alliance, a demonstration belt); '' for the whole zone. */
  @Column({ type: 'text', default: '' }) scope!: string;
  @Column({ type: 'text', name: 'period_basis' }) periodBasis!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'text' }) qualifier!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', name: 'source_document', nullable: true }) sourceDocument!: string | null;
  @Column({ type: 'text', name: 'source_passage', nullable: true }) sourcePassage!: string | null;
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
  @Column({ type: 'text', name: 'entered_by', nullable: true }) enteredBy!: string | null;
  @Column({ type: 'timestamptz', name: 'entered_at', nullable: true }) enteredAt!: Date | null;
  /** The document a zone system's figure cites: title, and optionally its address and date. */
  @Column({ type: 'text', name: 'citation_title', nullable: true }) citationTitle!: string | null;
  @Column({ type: 'text', name: 'citation_url', nullable: true }) citationUrl!: string | null;
  @Column({ type: 'text', name: 'citation_date', nullable: true }) citationDate!: string | null;
}
