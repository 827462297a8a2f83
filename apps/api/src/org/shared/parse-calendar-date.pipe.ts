import { Injectable, PipeTransform } from '@nestjs/common';
import { isIsoDate, IsoDate } from '@distans/scheduling';
import { InvalidInputError } from '../../common/domain-errors';

/** The `:date` path parameter: a real calendar date written yyyy-MM-dd, else a 400 naming `date`. */
@Injectable()
export class ParseCalendarDatePipe implements PipeTransform<string, IsoDate> {
  transform(value: string): IsoDate {
    if (!isIsoDate(value)) {
      throw new InvalidInputError('Some fields are invalid', {
        details: { date: ['date must be a calendar date in yyyy-MM-dd format'] },
      });
    }
    return value;
  }
}
