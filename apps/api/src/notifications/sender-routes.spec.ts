import { LogSender } from './log-sender';
import { maskRecipient } from './notification-sender';
import { retryDelayMs } from './outbox-dispatcher';
import { chooseSenders } from './sender-routes';
import { SmtpSender } from './smtp-sender';

const base = { MAIL_FROM: 'Distans <no-reply@distans.example>', DEMO_MODE: false, SMTP_URL: undefined };

describe(chooseSenders.name, () => {
  it('should send e-mail by SMTP when SMTP_URL is set', () => {
    const routes = chooseSenders({ ...base, SMTP_URL: 'smtp://mail.example.org:25' });
    expect(routes.EMAIL).toBeInstanceOf(SmtpSender);
  });

  it('should log e-mail in demo mode and leave it unsent without SMTP otherwise', () => {
    expect(chooseSenders({ ...base, DEMO_MODE: true }).EMAIL).toBeInstanceOf(LogSender);
    expect(chooseSenders(base).EMAIL).toBeNull();
  });

  it('should log text messages in demo mode and have no SMS sender otherwise', () => {
    expect(chooseSenders({ ...base, DEMO_MODE: true }).SMS).toBeInstanceOf(LogSender);
    expect(chooseSenders(base).SMS).toBeNull();
    expect(chooseSenders({ ...base, SMTP_URL: 'smtps://u:p@mail.example.org:465' }).SMS).toBeNull();
  });
});

describe(maskRecipient.name, () => {
  it('should keep the first letter and the domain of an e-mail address', () => {
    expect(maskRecipient('anna@example.se')).toBe('a***@example.se');
    expect(maskRecipient('a.b@sub.example.se')).toBe('a***@sub.example.se');
  });

  it('should keep only the last two digits of a phone number', () => {
    expect(maskRecipient('+46 70 123 45 67')).toBe('***67');
    expect(maskRecipient('0701234567')).toBe('***67');
    expect(maskRecipient('123')).toBe('***');
  });
});

describe(retryDelayMs.name, () => {
  it('should double the wait after each failed attempt, up to six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 3600_000);
  });
});
