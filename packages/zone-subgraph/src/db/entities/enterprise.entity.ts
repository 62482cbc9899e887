import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UpkeptRow } from './sourced';

@Entity({ name: 'enterprise' })
// Indexes TypeORM cannot express (COLLATE "C", DESC NULLS LAST, partial) come from the migrations
// (PagingIndexes1763900000300, ZoneUpkeep1763900000500) and are only named here.
@Index('enterprise_page_name', { synchronize: false })
@Index('enterprise_page_employees', { synchronize: false })
@Index('enterprise_page_output', { synchronize: false })
@Index('enterprise_page_tax', { synchronize: false })
@Index('enterprise_zone_credit_code', { synchronize: false })
@Index('enterprise_zone_industry', ['zoneId', 'industry'])
export class EnterpriseRow extends UpkeptRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', name: 'name_en', nullable: true }) nameEn!: string | null;
  @Column({ type: 'text', name: 'credit_code', nullable: true }) creditCode!: string | null;
  @Column({ type: 'text', nullable: true }) industry!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) flags!: string[];
  @Column({ type: 'integer', nullable: true }) employees!: number | null;
  @Column({ type: 'text', name: 'employees_qualifier', nullable: true }) employeesQualifier!: string | null;
  /** 万元 */
  @Column({ type: 'double precision', name: 'output_value', nullable: true }) outputValue!: number | null;
  /** 万元 */
  @Column({ type: 'double precision', nullable: true }) tax!: number | null;
  @Column({ type: 'integer', name: 'invention_patents', nullable: true }) inventionPatents!: number | null;
  @Column({ type: 'integer', name: 'utility_patents', nullable: true }) utilityPatents!: number | null;
}
