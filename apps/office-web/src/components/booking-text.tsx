import type { BookingStatus } from '@distans/contracts';
import { languageName } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { BOOKING_STATUS_ICONS } from '@distans/web-ui/status-icons';
import type { StaffBookingView } from '../api';

/** Statuses after which the booking no longer holds its room. */
export function isReleased(status: BookingStatus): boolean {
  return status === 'CANCELLED' || status === 'NO_SHOW' || status === 'HANDLER_MISSED';
}

/** Status as text with a shape, so that it never depends on colour alone. */
export function StatusBadge(props: { booking: Pick<StaffBookingView, 'status' | 'waitingForHandler'> }) {
  const { t } = useI18n();
  const { status, waitingForHandler } = props.booking;
  return (
    <span className="status-group">
      <span className={`status status-${status.toLowerCase()}`} data-testid="booking-status" data-status={status}>
        <span aria-hidden="true" className="status-icon">
          {BOOKING_STATUS_ICONS[status]}
        </span>{' '}
        {t(`status.${status}`)}
      </span>
      {waitingForHandler && (
        <strong className="status waiting-mark" data-testid="waiting-for-handler">
          <span aria-hidden="true">◔</span> {t('status.waitingForHandler')}
        </strong>
      )}
    </span>
  );
}

/** What the desk prepares for: an interpreter (and the language), step-free access, a hearing loop. */
/** Marks a booking that came in as a burst from one address: logistics for staff, no personal data. */
export function BurstMark(props: { booking: Pick<StaffBookingView, 'burst'>; explain?: boolean }) {
  const { t } = useI18n();
  if (!props.booking.burst) return null;
  return (
    <span className="burst-mark" data-testid="burst-mark">
      <span aria-hidden="true">⚡</span> <strong>{t('burst.label')}</strong>
      {props.explain && <span className="burst-explain">: {t('burst.explain')}</span>}
    </span>
  );
}

export function Needs(props: { booking: Pick<StaffBookingView, 'interpreter' | 'accessibilityNeeds' | 'language'> }) {
  const { t, locale } = useI18n();
  const { interpreter, accessibilityNeeds } = props.booking;
  const items: { key: string; icon: string; text: string }[] = [];
  if (interpreter.needed) {
    items.push({
      key: 'interpreter',
      icon: '⇄',
      text: t('needs.interpreter', { language: languageName(interpreter.language ?? props.booking.language, locale) }),
    });
  }
  for (const need of accessibilityNeeds) {
    items.push({ key: need, icon: need === 'HEARING_LOOP' ? '◎' : '♿', text: t(`needs.${need}`) });
  }
  if (items.length === 0) return null;
  return (
    <ul className="needs" aria-label={t('needs.label')}>
      {items.map((item) => (
        <li key={item.key} className={`need need-${item.key.toLowerCase()}`}>
          <span aria-hidden="true">{item.icon}</span> {item.text}
        </li>
      ))}
    </ul>
  );
}

/** An agency's or case type's name for staff, who read Swedish or English. */
export function staffName(named: { nameSv: string; nameEn: string }, locale: string): string {
  return locale === 'sv' ? named.nameSv : named.nameEn;
}
