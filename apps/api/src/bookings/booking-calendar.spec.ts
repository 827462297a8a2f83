import ICAL from 'ical.js';
import { bookingCalendar, CalendarFacts } from './booking-calendar';

const facts = (over: Partial<CalendarFacts> = {}): CalendarFacts => ({
  bookingId: '5d9c3a52-1c0e-4b8f-9a51-7c2f1e0d4b11',
  sequence: 0,
  cancelled: false,
  // 10:00-10:30 in Stockholm on the spring daylight-saving Sunday (CEST, UTC+2).
  start: new Date('2026-03-29T08:00:00Z'),
  end: new Date('2026-03-29T08:30:00Z'),
  zone: 'Europe/Stockholm',
  officeName: 'Servicekontor Kiruna',
  officeAddress: 'Storgatan 1, 981 31 Kiruna',
  organizerEmail: 'no-reply@distans.example',
  attendee: { name: 'A. Andersson', email: 'anna@example.se' },
  locale: 'sv',
  summary: 'Möte på distans: Försäkringskassan',
  description: 'Bokningsnummer: K7M-4QX',
  url: 'https://boka.example.se/manage/K7M-4QX#K7QM-4XRT-9P',
  ...over,
});

function parse(ics: string): { calendar: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe(bookingCalendar.name, () => {
  it('should be an invitation at the office-local time, with the TZID and its VTIMEZONE', () => {
    const { calendar, event } = parse(bookingCalendar(facts()));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    const start = event.component.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('Europe/Stockholm');
    expect(event.startDate.toString()).toBe('2026-03-29T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T08:30:00.000Z');
    expect(event.location).toBe('Servicekontor Kiruna, Storgatan 1, 981 31 Kiruna');
    expect(event.summary).toBe('Möte på distans: Försäkringskassan');
  });

  it('should read right on the autumn Sunday, when the office falls back to UTC+1', () => {
    const { event } = parse(
      bookingCalendar(facts({ start: new Date('2026-10-25T09:00:00Z'), end: new Date('2026-10-25T09:30:00Z') })),
    );
    expect(event.startDate.toString()).toBe('2026-10-25T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('should name the office as organizer and the visitor as attendee', () => {
    const { event } = parse(bookingCalendar(facts()));
    const organizer = event.component.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:no-reply@distans.example');
    expect(organizer.getParameter('cn')).toBe('Servicekontor Kiruna');
    const [attendee] = event.attendees;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe('mailto:anna@example.se');
    expect(attendee.getParameter('cn')).toBe('A. Andersson');
  });

  it('should keep the UID across a move and a cancellation, raise SEQUENCE and say CANCEL', () => {
    const first = parse(bookingCalendar(facts())).event;
    const moved = parse(bookingCalendar(facts({ sequence: 1, start: new Date('2026-03-30T08:00:00Z') }))).event;
    const cancelled = parse(bookingCalendar(facts({ sequence: 2, cancelled: true })));
    expect(moved.uid).toBe(first.uid);
    expect(cancelled.event.uid).toBe(first.uid);
    expect(first.uid).toContain('5d9c3a52-1c0e-4b8f-9a51-7c2f1e0d4b11');
    expect([first.sequence, moved.sequence, cancelled.event.sequence]).toEqual([0, 1, 2]);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('should still name a visitor who gave no e-mail, at an address that can never be delivered', () => {
    const { event } = parse(bookingCalendar(facts({ attendee: { name: 'B. B.', email: null } })));
    expect(event.attendees[0].getParameter('cn')).toBe('B. B.');
    expect(String(event.attendees[0].getFirstValue())).toMatch(/\.invalid$/);
  });
});
