import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('room_device')
export class RoomDevice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'room_id' }) roomId: string;
  @Column('text') label: string;
  @Column('text', { name: 'token_hash', select: false }) tokenHash: string;
  @Column('uuid', { name: 'paired_by' }) pairedBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_seen_at', nullable: true }) lastSeenAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'revoked_by', nullable: true }) revokedBy: string | null;
}
