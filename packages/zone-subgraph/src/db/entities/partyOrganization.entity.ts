import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UpkeptRow } from './sourced';

@Entity({ name: 'party_organization' })
@Index('party_organization_zone_type', ['zoneId', 'type'])
@Index('party_organization_parent', ['parentId'])
// Page-order indexes (PagingIndexes1763900000300, KeysetIndexes1763900000700); the one TypeORM
// cannot express (DESC NULLS LAST) is only named here.
@Index('party_organization_page_name', ['zoneId', 'nameZh', 'id'])
@Index('party_organization_page_type', ['zoneId', 'type', 'nameZh', 'id'])
@Index('party_organization_page_members', { synchronize: false })
export class PartyOrganizationRow extends UpkeptRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text', name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column({ type: 'integer', name: 'member_count', nullable: true }) memberCount!: number | null;
  @Column({ type: 'text', name: 'member_count_qualifier', nullable: true }) memberCountQualifier!: string | null;
  @Column({ type: 'text', name: 'founded_on', nullable: true }) foundedOn!: string | null;
  @Column({ type: 'smallint', name: 'star_rating', nullable: true }) starRating!: number | null;
  @Column({ type: 'text', nullable: true }) brand!: string | null;
}

/** Which enterprises an organization covers (its own enterprise, or the members of a joint branch). */
@Entity({ name: 'organization_coverage' })
@Index('organization_coverage_enterprise', ['enterpriseId'])
export class OrganizationCoverageRow {
  @PrimaryColumn({ type: 'text', name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn({ type: 'text', name: 'enterprise_id' }) enterpriseId!: string;
}
