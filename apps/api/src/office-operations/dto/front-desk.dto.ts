import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ID_CHECK_METHODS, IdCheckMethod } from '@distans/contracts';

export class CheckInDto {
  @ApiProperty({ enum: ID_CHECK_METHODS, description: 'How the visitor’s identity was verified in person' })
  @IsIn(ID_CHECK_METHODS, { message: `idCheckMethod must be one of ${ID_CHECK_METHODS.join(', ')}` })
  idCheckMethod: IdCheckMethod;
}
