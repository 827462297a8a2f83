import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches } from 'class-validator';
import { ID_CHECK_METHODS, IdCheckMethod } from '@distans/contracts';

export class CheckInDto {
  @ApiProperty({ enum: ID_CHECK_METHODS, description: 'How the visitor’s identity was verified in person' })
  @IsIn(ID_CHECK_METHODS, { message: `idCheckMethod must be one of ${ID_CHECK_METHODS.join(', ')}` })
  idCheckMethod: IdCheckMethod;
}

export class NewTimeDto {
  @ApiProperty({ example: '2026-12-02T09:00:00Z', description: 'A start from the new-time options' })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 date-time like 2026-12-01T09:00:00Z' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'start must include a time and a UTC offset, e.g. 2026-12-01T09:00:00Z',
  })
  start: string;
}
