import type { OfficeType, WeeklyIntervalDto } from '@distans/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('office')
export class Office {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') municipality: string;
  @Column('uuid', { name: 'county_id' }) countyId: string;
  @Column('uuid', { name: 'region_id' }) regionId: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('text', { name: 'street_address' }) streetAddress: string;
  @Column('text', { name: 'postal_code' }) postalCode: string;
  @Column('text') city: string;
  @Column('text', { name: 'office_type' }) officeType: OfficeType;
  @Column('jsonb', { name: 'weekly_hours' }) weeklyHours: WeeklyIntervalDto[];
  @Column('boolean', { name: 'closed_on_public_holidays' }) closedOnPublicHolidays: boolean;
  @Column('boolean') active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
