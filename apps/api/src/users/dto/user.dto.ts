import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LANGUAGES, Language, STAFF_ROLES, StaffRole } from '@distans/contracts';
import { IsWeeklySchedule, WeeklyIntervalInput } from '../../common/dto/schedule.dto';
import { PageQuery } from '../../common/pagination';
import { IsOmittable, ToBoolean } from '../../common/validators';

const PASSWORD_RULE = 'password must be at least 12 characters';

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
  @ApiPropertyOptional({
    minLength: 12,
    description: 'Left out: the answer carries a one-time invitation code with which the person chooses their own',
  })
  @IsOmittable()
  @IsString()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'HANDLER only, required for handlers' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ description: 'HANDLER only: case types of the same agency' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  caseTypeIds?: string[];

  @ApiPropertyOptional({ description: 'OFFICE_STAFF only: the offices they serve' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  officeIds?: string[];

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true, message: `each language must be one of ${LANGUAGES.join(', ')}` })
  languages?: Language[];

  @ApiPropertyOptional({ type: [WeeklyIntervalInput], description: 'HANDLER and INTERPRETER working hours' })
  @IsOptional()
  @IsWeeklySchedule()
  weeklyHours?: WeeklyIntervalInput[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(120) displayName?: string;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  caseTypeIds?: string[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  officeIds?: string[];

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true, message: `each language must be one of ${LANGUAGES.join(', ')}` })
  languages?: Language[];

  @ApiPropertyOptional({ type: [WeeklyIntervalInput] })
  @IsOmittable()
  @IsWeeklySchedule()
  weeklyHours?: WeeklyIntervalInput[];
}

export class UserQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() officeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseTypeId?: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ description: 'Name or e-mail contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @ToBoolean() @IsBoolean() active?: boolean;
}

export class SetPasswordDto {
  @ApiProperty({ example: 'K7MQ-4XR9-ABCD-EFGH', description: 'The one-time code from the invitation or reset' })
  @IsString()
  @MaxLength(40)
  code: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(200)
  password: string;
}

export class CreateAbsenceDto {
  @ApiProperty({ example: '2026-12-01T08:00:00Z' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2026-12-01T16:00:00Z' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}
