import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('case_type')
export class CaseType {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') code: string;
  @Column('text', { name: 'name_sv' }) nameSv: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
  @Column('int', { name: 'duration_min' }) durationMin: number;
  @Column('int', { name: 'buffer_after_min' }) bufferAfterMin: number;
  @Column('boolean', { name: 'interpreter_allowed' }) interpreterAllowed: boolean;
  @Column('boolean', { name: 'id_check_required' }) idCheckRequired: boolean;
  @Column('int', { name: 'min_notice_min' }) minNoticeMin: number;
  @Column('int', { name: 'max_days_ahead' }) maxDaysAhead: number;
  @Column('boolean') active: boolean;
}
