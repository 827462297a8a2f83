import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsNotBlank, IsOmittable, Trim } from '../../../common/validators';

/** Region and county codes: stable, URL-friendly keys such as `stockholm-gotland`. */
export const AREA_CODE = /^[a-z0-9-]{2,40}$/;
export const AREA_CODE_MESSAGE = 'code must be 2-40 lower-case letters, digits or dashes';

export class CreateRegionDto {
  @ApiProperty({ example: 'syd', pattern: AREA_CODE.source })
  @IsString()
  @Matches(AREA_CODE, { message: AREA_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Syd', maxLength: 100 }) @Trim() @IsString() @IsNotBlank() @MaxLength(100) name: string;
}

export class UpdateRegionDto {
  @ApiPropertyOptional({ pattern: AREA_CODE.source })
  @IsOmittable()
  @IsString()
  @Matches(AREA_CODE, { message: AREA_CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name?: string;
}

export class RegionQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Name or code contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class RegionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'syd' }) code: string;
  @ApiProperty({ example: 'Syd' }) name: string;
}
