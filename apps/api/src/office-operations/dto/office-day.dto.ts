import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

export class OfficeDayQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'Office-local date, yyyy-MM-dd' })
  @IsCalendarDate()
  date: string;
}

export class ArrivalQueryDto extends OfficeDayQueryDto {
  @ApiProperty({ example: 'k7m', description: 'Start of a reference, part of a name, or 3+ digits of a phone number' })
  @IsString()
  @MaxLength(60)
  q: string;
}
