import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourcedRow } from './sourced';

@Entity({ name: 'service_station' })
@Index('service_station_zone', ['zoneId'])
export class ServiceStationRow extends SourcedRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'zone_id' }) zoneId!: string;
  @Column({ type: 'text', name: 'name_zh' }) nameZh!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', name: 'host_enterprise_id', nullable: true }) hostEnterpriseId!: string | null;
  @Column({ type: 'double precision', name: 'area_sqm', nullable: true }) areaSqm!: number | null;
}
