import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../common/validators';

export class OfficeDayQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'Office-local date, yyyy-MM-dd' })
  @IsCalendarDate()
  date: string;
}
