import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UpkeptRow } from './sourced';

@Entity({ name: 'honor' })
@Index('honor_zone', ['zoneId'])
@Index('honor_holder', ['holderId'])
export class HonorRow extends UpkeptRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) level!: string;
  @Column({ type: 'integer', nullable: true }) year!: number | null;
  @Column({ type: 'text', name: 'awarded_by', nullable: true }) awardedBy!: string | null;
  /** zone | enterprise | party_organization */
  @Column({ type: 'text', name: 'holder_kind' }) holderKind!: string;
  @Column({ type: 'text', name: 'holder_id' }) holderId!: string;
}
