import { composeMessage, formatLocalStart, NotificationFacts } from './notification-templates';

const facts: NotificationFacts = {
  bookingId: '5d9c3a52-1c0e-4b8f-9a51-7c2f1e0d4b11',
  reference: 'K7M-4QX',
  agencyName: { sv: 'Försäkringskassan', en: 'Swedish Social Insurance Agency' },
  caseTypeName: { sv: 'Bostadsbidrag', en: 'Housing allowance' },
  officeName: 'Servicekontor Kiruna',
  officeAddress: 'Storgatan 1, 981 31 Kiruna',
  startsAt: new Date('2026-10-26T09:00:00Z'),
  endsAt: new Date('2026-10-26T09:30:00Z'),
  zone: 'Europe/Stockholm',
  idCheckRequired: true,
  interpreter: false,
  changeableUntil: new Date('2026-10-26T07:00:00Z'),
  site: 'https://boka.example.se',
  manage: { code: 'K7QM-4XRT-9P', link: 'https://boka.example.se/manage/K7M-4QX#K7QM-4XRT-9P' },
};

describe(formatLocalStart.name, () => {
  it('should show the office-local wall-clock time on both sides of a daylight-saving change', () => {
    expect(formatLocalStart(new Date('2026-10-23T08:00:00Z'), 'Europe/Stockholm', 'sv')).toBe(
      'fredag 23 oktober 2026 kl. 10:00',
    );
    expect(formatLocalStart(new Date('2026-10-26T09:00:00Z'), 'Europe/Stockholm', 'sv')).toBe(
      'måndag 26 oktober 2026 kl. 10:00',
    );
    expect(formatLocalStart(new Date('2026-10-26T09:00:00Z'), 'Europe/Stockholm', 'en')).toBe(
      'Monday, 26 October 2026 at 10:00',
    );
  });
});

describe(formatLocalStart.name, () => {
  it('should name the zone where the time happens twice, so the visitor comes at the right 02:15', () => {
    expect(formatLocalStart(new Date('2026-10-25T00:15:00Z'), 'Europe/Stockholm', 'sv')).toBe(
      'söndag 25 oktober 2026 kl. 02:15 (CEST, UTC+2)',
    );
    expect(formatLocalStart(new Date('2026-10-25T01:15:00Z'), 'Europe/Stockholm', 'en')).toBe(
      'Sunday, 25 October 2026 at 02:15 (CET, UTC+1)',
    );
    expect(formatLocalStart(new Date('2026-10-25T02:15:00Z'), 'Europe/Stockholm', 'en')).toBe(
      'Sunday, 25 October 2026 at 03:15',
    );
  });
});

describe(composeMessage.name, () => {
  it('should confirm in Swedish with agency, local time, place and reference', () => {
    const message = composeMessage('CONFIRMATION', 'sv', facts);
    expect(message.subject).toBe('Bokningsbekräftelse K7M-4QX');
    expect(message.body).toContain('Försäkringskassan, Bostadsbidrag');
    expect(message.body).toContain('måndag 26 oktober 2026 kl. 10:00');
    expect(message.body).toContain('Servicekontor Kiruna, Storgatan 1, 981 31 Kiruna');
    expect(message.body).toContain('id-handling');
  });

  it('should cancel in English without the preparation advice', () => {
    const message = composeMessage('CANCELLATION', 'en', facts);
    expect(message.subject).toBe('Your booking is cancelled K7M-4QX');
    expect(message.body).toContain('Swedish Social Insurance Agency');
    expect(message.body).not.toContain('identification');
    expect(message.short).toContain('K7M-4QX');
  });
});
