import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourcedRow } from './sourced';

@Entity({ name: 'alliance' })
@Index('alliance_zone', ['zoneId'])
export class AllianceRow extends SourcedRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}

@Entity({ name: 'alliance_member' })
export class AllianceMemberRow {
  @PrimaryColumn({ type: 'text', name: 'alliance_id' }) allianceId!: string;
  @PrimaryColumn({ type: 'text', name: 'member_id' }) memberId!: string;
  /** enterprise | party_organization */
  @Column({ type: 'text', name: 'member_kind' }) memberKind!: string;
}
