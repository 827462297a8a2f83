import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ACCESSIBILITY_NEEDS,
  AccessibilityNeed,
  LANGUAGES,
  Language,
  NOTIFICATION_LOCALES,
  NotificationLocale,
} from '@distans/contracts';

/** Deliberately minimal: no personal identity number; identity is checked in person. */
export class CitizenContactDto {
  @ApiProperty({ example: 'A. Andersson', description: 'A name or initials, so staff can greet the visitor' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ example: '+46 70 123 45 67', description: 'For the confirmation text message' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{5,24}$/, { message: 'phone must be a phone number like +46 70 123 45 67' })
  phone?: string;

  @ApiPropertyOptional({ example: 'anna@example.se', description: 'For the confirmation e-mail' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;
}

export class CreateBookingDto {
  @ApiProperty() @IsUUID() caseTypeId: string;
  @ApiProperty() @IsUUID() officeId: string;

  @ApiProperty({
    example: '2026-12-01T09:00:00Z',
    description: 'Start instant from /availability (UTC or with offset)',
  })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 date-time like 2026-12-01T09:00:00Z' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'start must include a time and a UTC offset, e.g. 2026-12-01T09:00:00Z',
  })
  start: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'sv', description: 'The visitor’s language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language: Language = 'sv';

  @ApiPropertyOptional({
    description:
      'An interpreter for `language`. Not with Swedish (400 INTERPRETER_NOT_NEEDED_FOR_SWEDISH); ' +
      'always with Swedish Sign Language (`sgn-se`). Left out: no interpreter, except for sign language.',
  })
  @IsOptional()
  @IsBoolean()
  interpreter?: boolean;

  @ApiPropertyOptional({ enum: ACCESSIBILITY_NEEDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ACCESSIBILITY_NEEDS, {
    each: true,
    message: `each accessibility need must be one of ${ACCESSIBILITY_NEEDS.join(', ')}`,
  })
  accessibilityNeeds: AccessibilityNeed[] = [];

  @ApiPropertyOptional({ description: 'Anything else staff should prepare for' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  accessibilityNote?: string;

  @ApiProperty({ type: CitizenContactDto })
  @IsDefined({ message: 'citizen is required: at least a name or initials' })
  @ValidateNested()
  @Type(() => CitizenContactDto)
  citizen: CitizenContactDto;

  @ApiPropertyOptional({ enum: NOTIFICATION_LOCALES, default: 'sv', description: 'Language of confirmations' })
  @IsOptional()
  @IsIn(NOTIFICATION_LOCALES)
  locale: NotificationLocale = 'sv';
}

export class RescheduleBookingDto {
  @ApiProperty({ example: '2026-12-02T09:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 date-time like 2026-12-01T09:00:00Z' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'start must include a time and a UTC offset, e.g. 2026-12-01T09:00:00Z',
  })
  start: string;
}
