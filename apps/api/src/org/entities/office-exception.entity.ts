import type { TimeIntervalDto } from '@distans/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('office_exception')
export class OfficeException {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'office_id' }) officeId: string;
  /** Office-local calendar date, kept as the 'yyyy-MM-dd' string to avoid any zone conversion. */
  @Column('date') date: string;
  @Column('boolean') closed: boolean;
  @Column('jsonb') intervals: TimeIntervalDto[];
  @Column('text') reason: string;
}
