import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('agency')
export class Agency {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text', { name: 'name_sv' }) nameSv: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
}
