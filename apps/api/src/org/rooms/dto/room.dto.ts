import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ROOM_EQUIPMENT, RoomEquipment, type BookingDecision } from '@distans/contracts';
import { OnBookings } from '../../booking-impact/booking-decision.dto';
import { PageQuery } from '../../../common/pagination';
import { RefView } from '../../shared/api-docs';
import { IsNotBlank, IsOmittable, ToBoolean, Trim } from '../../../common/validators';

const EQUIPMENT_MESSAGE = `each equipment item must be one of ${ROOM_EQUIPMENT.join(', ')}`;

export class CreateRoomDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() officeId: string;

  @ApiProperty({ example: 'Besöksrum 1', maxLength: 80 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(80)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 50, description: 'Seats, interpreter and companions included' })
  @IsInt()
  @Min(1)
  @Max(50)
  capacity: number;

  @ApiPropertyOptional({ default: true }) @IsOmittable() @IsBoolean() stepFree?: boolean;

  @ApiPropertyOptional({ enum: ROOM_EQUIPMENT, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROOM_EQUIPMENT.length)
  @IsIn(ROOM_EQUIPMENT, { each: true, message: EQUIPMENT_MESSAGE })
  equipment?: RoomEquipment[];

  @ApiPropertyOptional({ default: true }) @IsOmittable() @IsBoolean() active?: boolean;
}

/** A room stays in its office; make a new one to move it. */
export class UpdateRoomDto {
  @ApiPropertyOptional({ maxLength: 80 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(80)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50 }) @IsOmittable() @IsInt() @Min(1) @Max(50) capacity?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() stepFree?: boolean;

  @ApiPropertyOptional({ enum: ROOM_EQUIPMENT, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROOM_EQUIPMENT.length)
  @IsIn(ROOM_EQUIPMENT, { each: true, message: EQUIPMENT_MESSAGE })
  equipment?: RoomEquipment[];

  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;

  /** Asked for when `active: false` would leave bookings still to come in the room. */
  @OnBookings() onBookings?: BookingDecision;
}

export class RoomQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() officeId?: string;
  @ApiPropertyOptional() @IsOptional() @ToBoolean() @IsBoolean() active?: boolean;
}

export class RoomView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RefView }) office: RefView;
  @ApiProperty() name: string;
  @ApiProperty() capacity: number;
  @ApiProperty() stepFree: boolean;
  @ApiProperty({ enum: ROOM_EQUIPMENT, isArray: true }) equipment: RoomEquipment[];
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
