import { bookingCalendar } from 'apps/api/src/bookings/booking-calendar';
console.log(
  bookingCalendar({
    bookingId: '1b3c',
    sequence: 1,
    cancelled: false,
    start: new Date('2026-03-29T08:00:00Z'),
    end: new Date('2026-03-29T08:30:00Z'),
    zone: 'Europe/Stockholm',
    officeName: 'Servicekontor Kiruna',
    officeAddress: 'Storgatan 1, 981 31 Kiruna',
    organizerEmail: 'no-reply@distans.example',
    attendee: { name: 'A. Andersson', email: null },
    locale: 'sv',
    summary: 'Möte på distans: Försäkringskassan',
    description: 'Rad 1\nRad 2, med komma; och semikolon',
    url: 'http://localhost:3000/manage/K7P-3QX#K7QM-4XRT-9P',
  }),
);
