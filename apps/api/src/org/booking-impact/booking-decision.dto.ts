import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BOOKING_DECISIONS, type BookingDecision } from '@distans/contracts';
import { IsOmittable } from '../../common/validators';

/**
 * `onBookings` on a change that may strand bookings: needed only when it does (the change is
 * refused with 409 BOOKINGS_AFFECTED and the list until it is given).
 */
export function OnBookings(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: BOOKING_DECISIONS,
      description:
        'What happens to future bookings the change leaves outside the hours (or in a room taken out of use): ' +
        'keep them, or cancel them and send each visitor the cancellation message',
    }),
    IsOmittable(),
    IsIn(BOOKING_DECISIONS, { message: `onBookings must be one of ${BOOKING_DECISIONS.join(', ')}` }),
  );
}

export class BookingDecisionQueryDto {
  @OnBookings() onBookings?: BookingDecision;
}
