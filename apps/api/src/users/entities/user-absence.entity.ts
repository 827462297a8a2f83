import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('user_absence')
export class UserAbsence {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('text') reason: string;
}
