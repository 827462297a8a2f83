import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('county')
export class County {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('uuid', { name: 'region_id' }) regionId: string;
}
