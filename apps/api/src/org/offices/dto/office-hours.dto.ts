import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { BookingDecision } from '@distans/contracts';
import type { OpeningDaySource } from '@distans/scheduling';
import { OnBookings } from '../../booking-impact/booking-decision.dto';
import { TimeIntervalInput } from '../../../common/dto/schedule.dto';
import { PageQuery } from '../../../common/pagination';
import { IsCalendarDate, IsOmittable, Trim } from '../../../common/validators';

export class PutOfficeExceptionDto {
  @ApiProperty({ description: 'true: closed all day; false: open during `intervals` instead of the weekly hours' })
  @IsBoolean()
  closed: boolean;

  @ApiPropertyOptional({
    type: [TimeIntervalInput],
    description: 'At least one when closed is false; left out when closed is true',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TimeIntervalInput)
  intervals?: TimeIntervalInput[];

  @ApiPropertyOptional({ example: 'Staff training', maxLength: 200 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(200)
  reason?: string;

  /** Asked for when the new hours of the day leave bookings outside them. */
  @OnBookings() onBookings?: BookingDecision;
}

export class OfficeExceptionQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'First date, included' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last date, included' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class OfficeExceptionView {
  @ApiProperty({ example: '2026-12-23' }) date: string;
  @ApiProperty() closed: boolean;
  @ApiProperty({ type: [TimeIntervalInput] }) intervals: TimeIntervalInput[];
  @ApiProperty() reason: string;
}

export const MAX_CALENDAR_DAYS = 62;

export class OpeningHoursQueryDto {
  @ApiProperty({ example: '2026-12-21', description: 'First office-local date, included' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-31', description: `Last date, included; at most ${MAX_CALENDAR_DAYS} days in all` })
  @IsCalendarDate()
  to: string;
}

export class OpenIntervalView {
  @ApiProperty({ example: '2026-03-29T08:00:00.000Z' }) start: string;
  @ApiProperty({ example: '2026-03-29T12:00:00.000Z' }) end: string;
  @ApiProperty({ example: '10:00', description: 'Office-local wall-clock time' }) opens: string;
  @ApiProperty({ example: '14:00', description: 'Office-local wall-clock time' }) closes: string;
}

const SOURCES: OpeningDaySource[] = ['weekly', 'exception', 'holiday'];

export class OpeningDayView {
  @ApiProperty({ example: '2026-12-25' }) date: string;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday .. 7 = Sunday' }) weekday: number;
  @ApiProperty({ enum: SOURCES, description: 'What decided the hours of this day' }) source: OpeningDaySource;
  @ApiProperty({ type: String, nullable: true, description: 'The exception’s reason or the holiday’s name' })
  reason: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Juldagen', description: 'Swedish public holiday, if any' })
  holiday: string | null;
  @ApiProperty() closed: boolean;
  @ApiProperty({ type: [OpenIntervalView] }) intervals: OpenIntervalView[];
}

export class OpeningHoursView {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timeZone: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [OpeningDayView] }) days: OpeningDayView[];
}
