import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, ToBoolean } from '../../common/validators';
import { ACCESSIBILITY_NEEDS, AccessibilityNeed, LANGUAGES, Language } from '@distans/contracts';

export const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class AvailabilityQueryDto {
  @ApiProperty() @IsUUID() caseType: string;

  @ApiPropertyOptional({ description: 'One office; give exactly one of office, municipality, region' })
  @IsOptional()
  @IsUUID()
  office?: string;

  @ApiPropertyOptional({ example: 'Kiruna' }) @IsOptional() @IsString() @MaxLength(100) municipality?: string;

  @ApiPropertyOptional({ description: 'Region id' }) @IsOptional() @IsUUID() region?: string;

  @ApiProperty({ example: '2026-12-01', description: 'First office-local date' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-14', description: 'Last office-local date (included); at most 31 days after from' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'sv', description: 'The visitor’s language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language: Language = 'sv';

  @ApiPropertyOptional({
    description:
      'An interpreter for `language` is needed. Not with Swedish (400 INTERPRETER_NOT_NEEDED_FOR_SWEDISH); ' +
      'always with Swedish Sign Language (`sgn-se`). Left out: no interpreter, except for sign language.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  interpreter?: boolean;

  @ApiPropertyOptional({
    enum: ACCESSIBILITY_NEEDS,
    isArray: true,
    description: 'Comma-separated; limits the rooms offered',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayUnique()
  @IsIn(ACCESSIBILITY_NEEDS, {
    each: true,
    message: `each accessibility need must be one of ${ACCESSIBILITY_NEEDS.join(', ')}`,
  })
  accessibility: AccessibilityNeed[] = [];
}
