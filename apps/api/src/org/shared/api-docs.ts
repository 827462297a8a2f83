import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** Documents a `Page<T>` answer; Swagger cannot see through the generic by itself. */
export function ApiPageResponse(item: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'page', 'pageSize', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          page: { type: 'integer', minimum: 1 },
          pageSize: { type: 'integer', minimum: 1 },
          total: { type: 'integer', minimum: 0 },
        },
      },
    }),
  );
}

/** A record named by another, e.g. an office's county. */
export class RefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
