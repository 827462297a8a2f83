import type { RoomEquipment } from '@distans/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('room')
export class Room {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'office_id' }) officeId: string;
  @Column('text') name: string;
  @Column('int') capacity: number;
  @Column('boolean', { name: 'step_free' }) stepFree: boolean;
  @Column('text', { array: true }) equipment: RoomEquipment[];
  @Column('boolean') active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
