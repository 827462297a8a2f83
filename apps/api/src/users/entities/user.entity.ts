import type { Language, StaffRole, WeeklyIntervalDto } from '@distans/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text') role: StaffRole;
  @Column('text', { name: 'password_hash', select: false }) passwordHash: string;
  @Column('boolean') active: boolean;
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('text', { array: true }) languages: Language[];
  @Column('jsonb', { name: 'weekly_hours' }) weeklyHours: WeeklyIntervalDto[];
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('int', { name: 'failed_logins' }) failedLogins: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
