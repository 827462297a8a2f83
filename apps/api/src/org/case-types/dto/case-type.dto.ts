import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDivisibleBy,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { AgencyView } from '../../agencies/dto/agency.dto';
import { IsNotBlank, IsOmittable, ToBoolean, Trim } from '../../../common/validators';

const CASE_TYPE_CODE = /^[a-z0-9-]{2,60}$/;
const CASE_TYPE_CODE_MESSAGE = 'code must be 2-60 lower-case letters, digits or dashes';
const DURATION_MESSAGE = 'durationMin must be a multiple of 5 minutes';

export class CreateCaseTypeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() agencyId: string;

  @ApiProperty({ example: 'housing-allowance', pattern: CASE_TYPE_CODE.source })
  @IsString()
  @Matches(CASE_TYPE_CODE, { message: CASE_TYPE_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Bostadsbidrag', maxLength: 160 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(160)
  nameSv: string;

  @ApiProperty({ example: 'Housing allowance', maxLength: 160 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(160)
  nameEn: string;

  @ApiProperty({ minimum: 5, maximum: 480, multipleOf: 5, example: 30 })
  @IsInt()
  @Min(5)
  @Max(480)
  @IsDivisibleBy(5, { message: DURATION_MESSAGE })
  durationMin: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, default: 0, description: 'Handler time after the meeting' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(120)
  bufferAfterMin?: number;

  @ApiPropertyOptional({ default: true }) @IsOmittable() @IsBoolean() interpreterAllowed?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOmittable() @IsBoolean() idCheckRequired?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 43200, default: 60, description: 'Earliest booking, minutes ahead' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(43200)
  minNoticeMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 60, description: 'Latest booking, days ahead' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(365)
  maxDaysAhead?: number;

  @ApiPropertyOptional({ default: true }) @IsOmittable() @IsBoolean() active?: boolean;
}

/** A case type stays with its agency: handlers' permissions hang on that pairing. */
export class UpdateCaseTypeDto {
  @ApiPropertyOptional({ pattern: CASE_TYPE_CODE.source })
  @IsOmittable()
  @IsString()
  @Matches(CASE_TYPE_CODE, { message: CASE_TYPE_CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ maxLength: 160 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(160)
  nameSv?: string;

  @ApiPropertyOptional({ maxLength: 160 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(160)
  nameEn?: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 480, multipleOf: 5 })
  @IsOmittable()
  @IsInt()
  @Min(5)
  @Max(480)
  @IsDivisibleBy(5, { message: DURATION_MESSAGE })
  durationMin?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 }) @IsOmittable() @IsInt() @Min(0) @Max(120) bufferAfterMin?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() interpreterAllowed?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() idCheckRequired?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 43200 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(43200)
  minNoticeMin?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 365 }) @IsOmittable() @IsInt() @Min(1) @Max(365) maxDaysAhead?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
}

export class CaseTypeQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @ToBoolean() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Code or name contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class CaseTypeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  @ApiProperty() code: string;
  @ApiProperty() nameSv: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() durationMin: number;
  @ApiProperty() bufferAfterMin: number;
  @ApiProperty() interpreterAllowed: boolean;
  @ApiProperty() idCheckRequired: boolean;
  @ApiProperty() minNoticeMin: number;
  @ApiProperty() maxDaysAhead: number;
  @ApiProperty() active: boolean;
}
