import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsNotBlank, IsOmittable, Trim } from '../../../common/validators';

const AGENCY_CODE = /^[A-Z0-9]{2,12}$/;
const AGENCY_CODE_MESSAGE = 'code must be 2-12 capital letters A-Z or digits';

export class CreateAgencyDto {
  @ApiProperty({ example: 'SKV', pattern: AGENCY_CODE.source })
  @IsString()
  @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Skatteverket', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  nameSv: string;

  @ApiProperty({ example: 'Swedish Tax Agency', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  nameEn: string;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ pattern: AGENCY_CODE.source })
  @IsOmittable()
  @IsString()
  @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  nameSv?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  nameEn?: string;
}

export class AgencyQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Code or name contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SKV' }) code: string;
  @ApiProperty({ example: 'Skatteverket' }) nameSv: string;
  @ApiProperty({ example: 'Swedish Tax Agency' }) nameEn: string;
}
