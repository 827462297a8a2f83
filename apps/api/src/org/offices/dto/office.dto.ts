import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OFFICE_TYPES, OfficeType, type BookingDecision } from '@distans/contracts';
import { OnBookings } from '../../booking-impact/booking-decision.dto';
import { IsWeeklySchedule, WeeklyIntervalInput } from '../../../common/dto/schedule.dto';
import { PageQuery } from '../../../common/pagination';
import { RefView } from '../../shared/api-docs';
import { IsIanaTimeZone, IsNotBlank, IsOmittable, ToBoolean, Trim } from '../../../common/validators';

const OFFICE_TYPE_MESSAGE = `officeType must be one of ${OFFICE_TYPES.join(', ')}`;

export class CreateOfficeDto {
  @ApiProperty({ example: 'Servicekontor Eslöv', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'Eslöv', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  municipality: string;

  @ApiProperty({ format: 'uuid', description: 'The region follows from the county' }) @IsUUID() countyId: string;

  @ApiProperty({ enum: OFFICE_TYPES }) @IsIn(OFFICE_TYPES, { message: OFFICE_TYPE_MESSAGE }) officeType: OfficeType;

  @ApiPropertyOptional({ example: 'Europe/Stockholm', default: 'Europe/Stockholm', description: 'IANA time zone' })
  @IsOmittable()
  @IsString()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 'Storgatan 1', maxLength: 200 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(200)
  streetAddress?: string;

  @ApiPropertyOptional({ example: '241 30', maxLength: 20 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(20)
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Eslöv', maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: '0413-123 45', maxLength: 30, description: 'Shown to visitors who need to call' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ type: [WeeklyIntervalInput], description: 'Regular opening hours, office-local time' })
  @IsOmittable()
  @IsWeeklySchedule()
  weeklyHours?: WeeklyIntervalInput[];

  @ApiPropertyOptional({ default: true, description: 'Closed on Swedish public holidays unless an exception opens it' })
  @IsOmittable()
  @IsBoolean()
  closedOnPublicHolidays?: boolean;

  @ApiPropertyOptional({ default: true }) @IsOmittable() @IsBoolean() active?: boolean;
}

/** Administrators may change everything; office staff only `weeklyHours` and `closedOnPublicHolidays`. */
export class UpdateOfficeDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() countyId?: string;

  @ApiPropertyOptional({ enum: OFFICE_TYPES })
  @IsOmittable()
  @IsIn(OFFICE_TYPES, { message: OFFICE_TYPE_MESSAGE })
  officeType?: OfficeType;

  @ApiPropertyOptional({ example: 'Europe/Stockholm' }) @IsOmittable() @IsString() @IsIanaTimeZone() timeZone?: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOmittable() @Trim() @IsString() @MaxLength(200) streetAddress?: string;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOmittable() @Trim() @IsString() @MaxLength(20) postalCode?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOmittable() @Trim() @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ maxLength: 30 }) @IsOmittable() @Trim() @IsString() @MaxLength(30) phone?: string;

  @ApiPropertyOptional({ type: [WeeklyIntervalInput] })
  @IsOmittable()
  @IsWeeklySchedule()
  weeklyHours?: WeeklyIntervalInput[];

  @ApiPropertyOptional() @IsOmittable() @IsBoolean() closedOnPublicHolidays?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;

  /** Asked for when new hours leave future bookings outside them. */
  @OnBookings() onBookings?: BookingDecision;
}

export class OfficeQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() countyId?: string;
  @ApiPropertyOptional({ description: 'Exact municipality, any letter case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ enum: OFFICE_TYPES })
  @IsOptional()
  @IsIn(OFFICE_TYPES, { message: OFFICE_TYPE_MESSAGE })
  officeType?: OfficeType;

  @ApiPropertyOptional({ description: 'Name contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @ToBoolean() @IsBoolean() active?: boolean;
}

export class AddressView {
  @ApiProperty() streetAddress: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() city: string;
  @ApiProperty() phone: string;
}

/** What anyone may know about an office: no personal data. */
export class OfficeAccessView {
  @ApiProperty({ description: 'At least one room in use is step-free' }) stepFree: boolean;
  @ApiProperty({ description: 'At least one room in use has a hearing loop' }) hearingLoop: boolean;
}

export class OfficeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() municipality: string;
  @ApiProperty({ type: RefView }) county: RefView;
  @ApiProperty({ type: RefView }) region: RefView;
  @ApiProperty({ type: AddressView }) address: AddressView;
  @ApiProperty({ enum: OFFICE_TYPES }) officeType: OfficeType;
  @ApiProperty({ example: 'Europe/Stockholm' }) timeZone: string;
  @ApiProperty({ type: [WeeklyIntervalInput] }) weeklyHours: WeeklyIntervalInput[];
  @ApiProperty() closedOnPublicHolidays: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: OfficeAccessView }) access: OfficeAccessView;
}
