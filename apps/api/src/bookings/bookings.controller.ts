import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { publicRateLimit } from '../auth/rate-limits';
import { NotFoundError } from '../common/domain-errors';
import type { CitizenBookingView, CreatedBooking } from '@distans/contracts';
import { BookingsService } from './bookings.service';
import { CreateBookingDto, RescheduleBookingDto } from './dto/create-booking.dto';

const MANAGE_TOKEN = {
  name: 'x-manage-token',
  description:
    "The manage code returned when the booking was made ('K7QM-4XRT-9P'; case, spaces and dashes do not matter)",
  required: true,
};

/** Citizen self-service: book, and see, move or cancel with the reference and manage token. */
@ApiTags('booking')
@Public('CITIZEN')
@Throttle({ default: publicRateLimit })
@Controller('bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  create(@Body() dto: CreateBookingDto): Promise<CreatedBooking> {
    return this.bookings.create(dto, { via: 'PUBLIC', bookedBy: null });
  }

  @ApiHeader(MANAGE_TOKEN)
  @Get('ref/:reference')
  get(@Param('reference') reference: string, @Headers('x-manage-token') token?: string): Promise<CitizenBookingView> {
    return this.bookings.getForCitizen(reference, requireToken(token));
  }

  /** The booking for the visitor's calendar: an invitation, or its cancellation once cancelled. */
  @ApiHeader(MANAGE_TOKEN)
  @ApiProduces('text/calendar')
  @Get('ref/:reference/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="booking.ics"')
  @Header('Cache-Control', 'no-store')
  calendar(@Param('reference') reference: string, @Headers('x-manage-token') token?: string): Promise<string> {
    return this.bookings.calendarForCitizen(reference, requireToken(token));
  }

  @ApiHeader(MANAGE_TOKEN)
  @Post('ref/:reference/cancel')
  @HttpCode(200)
  cancel(
    @Param('reference') reference: string,
    @Headers('x-manage-token') token?: string,
  ): Promise<CitizenBookingView> {
    return this.bookings.cancelForCitizen(reference, requireToken(token));
  }

  @ApiHeader(MANAGE_TOKEN)
  @Post('ref/:reference/reschedule')
  @HttpCode(200)
  reschedule(
    @Param('reference') reference: string,
    @Body() dto: RescheduleBookingDto,
    @Headers('x-manage-token') token?: string,
  ): Promise<CitizenBookingView> {
    return this.bookings.rescheduleForCitizen(reference, requireToken(token), dto.start);
  }
}

function requireToken(token: string | undefined): string {
  if (!token || token.length > 200) throw new NotFoundError('Booking not found');
  return token;
}
