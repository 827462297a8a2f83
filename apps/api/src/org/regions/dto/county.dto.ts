import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { RefView } from '../../shared/api-docs';
import { IsNotBlank, IsOmittable, Trim } from '../../../common/validators';
import { AREA_CODE, AREA_CODE_MESSAGE, UpdateRegionDto } from './region.dto';

export class CreateCountyDto {
  @ApiProperty({ example: 'skane', pattern: AREA_CODE.source })
  @IsString()
  @Matches(AREA_CODE, { message: AREA_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Skåne län', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() regionId: string;
}

/** A county's code and name change like a region's; it may also move to another region. */
export class UpdateCountyDto extends UpdateRegionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Moving a county moves its offices to the new region too' })
  @IsOmittable()
  @IsUUID()
  regionId?: string;
}

export class CountyQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional({ description: 'Name or code contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class CountyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'skane' }) code: string;
  @ApiProperty({ example: 'Skåne län' }) name: string;
  @ApiProperty({ type: RefView }) region: RefView;
}
