import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { VisitorLocale } from '@distans/contracts';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** What a booking's calendar file states: when and where, who meets, and in which language. */
export interface CalendarFacts {
  bookingId: string;
  /** Raised by every new time and by the cancellation (booking.calendar_sequence). */
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  zone: string;
  officeName: string;
  officeAddress: string;
  /** The sender of the service's messages (no-reply): the ORGANIZER's address. */
  organizerEmail: string;
  attendee: { name: string; email: string | null };
  locale: VisitorLocale;
  summary: string;
  description: string;
  /** The manage link, or the site when the booking's code is not at hand. */
  url: string;
}

/**
 * A booking as an iCalendar invitation that Outlook and Google act on: METHOD:REQUEST with an
 * ORGANIZER and an ATTENDEE (a METHOD:PUBLISH file is often ignored), METHOD:CANCEL once it is
 * cancelled. The UID comes from the booking id, so a moved or cancelled booking updates the event
 * the visitor already has, and SEQUENCE says which version is newer. Times carry the office's TZID
 * with its VTIMEZONE (from @touch4it/ical-timezones), so calendars in any zone show the right hour.
 * Built with ical-generator, which escapes and folds lines as RFC 5545 requires.
 */
export function bookingCalendar(facts: CalendarFacts): string {
  const calendar = ical({
    prodId: { company: 'Distans', product: 'booking', language: facts.locale.toUpperCase() },
    method: facts.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: facts.zone, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: `booking-${facts.bookingId}@distans`,
    sequence: facts.sequence,
    // Luxon dates in the office's zone: given plain Dates, ical-generator would label UTC wall
    // clocks with the office's TZID.
    start: DateTime.fromJSDate(facts.start, { zone: facts.zone }),
    end: DateTime.fromJSDate(facts.end, { zone: facts.zone }),
    stamp: DateTime.utc(),
    timezone: facts.zone,
    status: facts.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: facts.summary,
    description: facts.description,
    location: [facts.officeName, facts.officeAddress].filter(Boolean).join(', '),
    url: facts.url,
    organizer: { name: facts.officeName, email: facts.organizerEmail },
    attendees: [
      {
        name: facts.attendee.name,
        // ATTENDEE needs an address. A visitor with only a phone gets one in the reserved .invalid
        // domain (RFC 2606): never deliverable, and the event still names them and reads as an
        // invitation rather than a published event.
        email: facts.attendee.email ?? `visitor-${facts.bookingId}@distans.invalid`,
        role: ICalAttendeeRole.REQ,
        status: facts.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}
