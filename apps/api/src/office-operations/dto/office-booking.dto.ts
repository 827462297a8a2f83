import { OmitType } from '@nestjs/swagger';
import { CreateBookingDto } from '../../bookings/dto/create-booking.dto';

/** The public booking body without `officeId`: the office is the one in the path. */
export class OfficeBookingDto extends OmitType(CreateBookingDto, ['officeId'] as const) {}
