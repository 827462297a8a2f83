import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../common/validators';

export class AgendaQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'Local date (in your own time zone), yyyy-MM-dd' })
  @IsCalendarDate()
  date: string;
}
