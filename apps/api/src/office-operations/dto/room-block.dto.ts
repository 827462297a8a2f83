import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ROOM_BLOCK_REASONS, RoomBlockReason } from '@distans/contracts';
import { IsCalendarDate } from '../../common/validators';

const WITH_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function instantMessage(field: string): string {
  return `${field} must be an ISO 8601 date-time with a UTC offset, e.g. 2026-12-01T09:00:00+01:00`;
}

export class CreateRoomBlockDto {
  @ApiProperty() @IsUUID() roomId: string;

  @ApiProperty({ example: '2026-12-01T08:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: instantMessage('start') })
  @Matches(WITH_OFFSET, { message: instantMessage('start') })
  start: string;

  @ApiProperty({ example: '2026-12-01T12:00:00+01:00', description: 'After start; at most 31 days later' })
  @IsISO8601({ strict: true }, { message: instantMessage('end') })
  @Matches(WITH_OFFSET, { message: instantMessage('end') })
  end: string;

  @ApiProperty({ enum: ROOM_BLOCK_REASONS })
  @IsIn(ROOM_BLOCK_REASONS, { message: `reason must be one of ${ROOM_BLOCK_REASONS.join(', ')}` })
  reason: RoomBlockReason;

  @ApiPropertyOptional({ example: 'Screen replaced', description: 'No personal data, please' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'When the block overlaps bookings, list them in the 409 answer so they can be rebooked',
  })
  @IsOptional()
  @IsBoolean()
  listConflicts = false;
}

export class RoomBlockQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'First office-local date' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last office-local date (included); at most 31 days' })
  @IsCalendarDate()
  to: string;
}
