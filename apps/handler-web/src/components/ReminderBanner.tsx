import { clock } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useAuth } from '../auth/auth-context';
import { useLive } from '../live/live-provider';
import { routeHref } from '../routing/route';

/** On every screen: a visitor is checked in and waiting, and this handler has not joined yet. */
export function ReminderBanner() {
  const { t, locale } = useI18n();
  const { profile } = useAuth();
  const { reminders, summary, dismissReminder } = useLive();
  if (reminders.length === 0) return null;
  return (
    <section className="reminders" aria-labelledby="reminders-title" data-testid="handler-reminders">
      <h2 id="reminders-title">{t('reminder.title')}</h2>
      <ul>
        {reminders.map((bookingId) => {
          const known = summary(bookingId);
          return (
            <li key={bookingId} className="banner warn" data-testid="handler-reminder" data-booking-id={bookingId}>
              <p>
                {known
                  ? t('reminder.text', {
                      time: clock(known.start, profile.timeZone, locale),
                      reference: known.reference,
                      room: known.roomName,
                      office: known.officeName,
                    })
                  : t('reminder.textUnknown')}
              </p>
              <a className="button-link" href={routeHref({ name: 'prejoin', bookingId })}>
                {t('reminder.join')}
              </a>
              <button type="button" className="secondary" onClick={() => dismissReminder(bookingId)}>
                {t('reminder.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
