import { VISITOR_LOCALES } from '@distans/contracts';
import { calendarText, composeMessage, formatLocalStart, NotificationFacts } from './notification-templates';

const facts = (over: Partial<NotificationFacts> = {}): NotificationFacts => ({
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
  ...over,
});

/** 10:00 in Stockholm on the two daylight-saving Sundays of 2026: 08:00Z in spring, 09:00Z in autumn. */
const SPRING = new Date('2026-03-29T08:00:00Z');
const AUTUMN = new Date('2026-10-25T09:00:00Z');

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

  it.each(VISITOR_LOCALES)('should show 10:00 office time on both daylight-saving Sundays in %s', (locale) => {
    for (const instant of [SPRING, AUTUMN]) {
      const text = formatLocalStart(instant, 'Europe/Stockholm', locale);
      expect(text).toContain('10:00');
      expect(text).not.toMatch(/0[89]:00/);
      expect(text).toContain('2026');
    }
  });

  it('should write the Arabic time with Western digits and a 24-hour clock, as on the office signs', () => {
    expect(formatLocalStart(SPRING, 'Europe/Stockholm', 'ar')).toBe('الأحد، 29 مارس 2026 في 10:00');
    expect(formatLocalStart(new Date('2026-03-29T13:30:00Z'), 'Europe/Stockholm', 'ar')).toContain('15:30');
  });

  it('should name the days in Somali and Tigrinya', () => {
    expect(formatLocalStart(AUTUMN, 'Europe/Stockholm', 'so')).toContain('Axad');
    expect(formatLocalStart(AUTUMN, 'Europe/Stockholm', 'ti')).toContain('ሰንበት');
  });
});

describe(composeMessage.name, () => {
  it('should confirm in Swedish with agency, local time, place, reference, code and manage link', () => {
    const message = composeMessage('CONFIRMATION', 'sv', facts());
    expect(message.subject).toBe('Bokningsbekräftelse K7M-4QX');
    expect(message.body).toContain('Försäkringskassan, Bostadsbidrag');
    expect(message.body).toContain('måndag 26 oktober 2026 kl. 10:00');
    expect(message.body).toContain('Servicekontor Kiruna, Storgatan 1, 981 31 Kiruna');
    expect(message.body).toContain('Kod: K7QM-4XRT-9P');
    expect(message.body).toContain('https://boka.example.se/manage/K7M-4QX#K7QM-4XRT-9P');
    expect(message.body).toContain('fram till måndag 26 oktober 2026 kl. 08:00');
    expect(message.body).toContain('id-handling');
    expect(message.body).not.toContain('länken du fick');
  });

  it('should cancel in English without the preparation advice or the code, and offer a new booking', () => {
    const message = composeMessage('CANCELLATION', 'en', facts());
    expect(message.subject).toBe('Your booking is cancelled K7M-4QX');
    expect(message.body).toContain('Swedish Social Insurance Agency');
    expect(message.body).not.toContain('identification');
    expect(message.body).not.toContain('K7QM-4XRT-9P');
    expect(message.body).toContain('https://boka.example.se');
    expect(message.short).toContain('K7M-4QX');
  });

  it.each(VISITOR_LOCALES)(
    'should carry the link and code in every message kind but the cancellation, in %s',
    (locale) => {
      for (const kind of ['CONFIRMATION', 'CHANGE', 'REMINDER'] as const) {
        const message = composeMessage(kind, locale, facts());
        expect(message.subject).toContain('K7M-4QX');
        for (const part of [message.body, message.short, message.html]) {
          expect(part).toContain('https://boka.example.se/manage/K7M-4QX#K7QM-4XRT-9P');
          expect(part).toContain('K7QM-4XRT-9P');
        }
        expect(message.body).toContain('10:00');
        expect(message.html).toContain(`lang="${locale}"`);
      }
    },
  );

  it.each(VISITOR_LOCALES)('should give each language its own text in %s', (locale) => {
    const others = VISITOR_LOCALES.filter((other) => other !== locale);
    const body = composeMessage('CONFIRMATION', locale, facts()).body;
    for (const other of others) expect(composeMessage('CONFIRMATION', other, facts()).body).not.toBe(body);
  });

  it('should write the Arabic e-mail right to left, with the reference, code and link kept left to right', () => {
    const message = composeMessage('CONFIRMATION', 'ar', facts());
    expect(message.subject).toBe('تأكيد الحجز K7M-4QX');
    expect(message.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(message.html).toMatch(/<body dir="rtl"/);
    expect(message.html).toContain('<bdi dir="ltr">K7QM-4XRT-9P</bdi>');
    expect(message.html).toContain('<a href="https://boka.example.se/manage/K7M-4QX#K7QM-4XRT-9P" dir="ltr">');
    expect(message.body).toContain('أحضر وثيقة هوية سارية');
    // The agency in English, with the Swedish name on the office's signs.
    expect(message.body).toContain('Swedish Social Insurance Agency (Försäkringskassan)');
    for (const locale of ['sv', 'en', 'so', 'ti'] as const) {
      expect(composeMessage('CONFIRMATION', locale, facts()).html).toContain('dir="ltr"');
      expect(composeMessage('CONFIRMATION', locale, facts()).html).not.toContain('dir="rtl"');
    }
  });

  it('should escape what comes from the booking in the HTML part', () => {
    const message = composeMessage('CONFIRMATION', 'sv', facts({ officeName: 'Kontor <b>&</b>' }));
    expect(message.html).toContain('Kontor &#60;b&#62;&#38;&#60;/b&#62;');
    expect(message.html).not.toContain('<b>&</b>');
  });

  it('should send a booking without its code to the office, not to a link it cannot give', () => {
    const message = composeMessage('REMINDER', 'sv', facts({ manage: null }));
    expect(message.body).toContain('Kontakta servicekontoret');
    expect(message.body).not.toContain('#');
  });

  it('should tell Tigrinya and Somali readers about the ID check in their own words', () => {
    expect(composeMessage('REMINDER', 'ti', facts()).short).toContain('መንነት ወረቐት');
    expect(composeMessage('REMINDER', 'so', facts()).short).toContain('Keen aqoonsi');
    expect(composeMessage('REMINDER', 'so', facts({ idCheckRequired: false })).short).not.toContain('aqoonsi');
  });
});

describe(calendarText.name, () => {
  it('should title and describe the calendar event in the booking language', () => {
    expect(calendarText('sv', facts()).summary).toBe('Möte på distans: Försäkringskassan');
    expect(calendarText('ar', facts()).summary).toContain('لقاء عن بُعد');
    expect(calendarText('en', facts()).description).toContain('K7QM-4XRT-9P');
  });
});
