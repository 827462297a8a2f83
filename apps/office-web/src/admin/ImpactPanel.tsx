import { useEffect, useRef, useState } from 'react';
import { BOOKING_DECISIONS } from '@distans/contracts';
import { ApiError } from '@distans/web-ui/api';
import { longDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import type { ConflictingBooking } from '../api';
import { staffName } from '../components/booking-text';
import type { BookingDecision, BookingImpactView } from './admin-api';

/** The bookings a 409 BOOKINGS_AFFECTED names (a booking made after the preview, say). */
export function affectedOf(error: unknown): ConflictingBooking[] | null {
  if (!(error instanceof ApiError) || error.body?.code !== 'BOOKINGS_AFFECTED') return null;
  const affected = error.body.extra?.affected;
  return Array.isArray(affected) ? (affected as ConflictingBooking[]) : [];
}

export interface PendingImpact {
  affected: ConflictingBooking[];
  save: (decision: BookingDecision) => Promise<void>;
}

/**
 * Saving a change that may strand bookings: first the API's preview; with none affected the
 * change is saved at once, otherwise the bookings are shown and the administrator decides. A
 * booking made between preview and save makes the API refuse (409), and is shown the same way.
 */
export function useImpactGuard(run: (action: () => Promise<void>) => Promise<boolean>) {
  const [pending, setPending] = useState<PendingImpact | null>(null);
  const guard = async (
    preview: () => Promise<BookingImpactView>,
    save: (decision?: BookingDecision) => Promise<void>,
  ): Promise<boolean> => {
    let affected: ConflictingBooking[] = [];
    const ok = await run(async () => {
      affected = (await preview()).affected;
      if (affected.length) return;
      try {
        await save();
      } catch (error) {
        const late = affectedOf(error);
        if (!late) throw error;
        affected = late;
      }
    });
    if (ok && affected.length) setPending({ affected, save });
    return ok && !affected.length;
  };
  const decide = async (decision: BookingDecision): Promise<boolean> => {
    if (!pending) return false;
    const ok = await run(() => pending.save(decision));
    if (ok) setPending(null);
    return ok;
  };
  return { pending, guard, decide, dismiss: () => setPending(null) };
}

/** The bookings a change would affect, and the administrator's explicit choice for them. */
export function ImpactPanel(props: {
  pending: PendingImpact;
  busy: boolean;
  onDecide: (decision: BookingDecision) => void;
  onDismiss: () => void;
}) {
  const { t, locale } = useI18n();
  const [decision, setDecision] = useState<BookingDecision | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card impact-panel" aria-labelledby="impact-heading" data-testid="impact-panel">
      <h2 id="impact-heading" ref={heading} tabIndex={-1}>
        {t('admin.impact.title', { count: props.pending.affected.length })}
      </h2>
      <p>{t('admin.impact.intro')}</p>
      <ul className="impact-list">
        {props.pending.affected.map((booking) => (
          <li key={booking.id} data-testid="impact-booking">
            <strong>
              {longDate(booking.local.startDate, locale)} {booking.local.start}–{booking.local.end}
            </strong>{' '}
            {staffName(booking.agency, locale)} · {t('admin.impact.reference', { reference: booking.reference })}
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>{t('admin.impact.question')}</legend>
        {BOOKING_DECISIONS.map((option) => (
          <div className="choice" key={option}>
            <input
              type="radio"
              id={`impact-${option}`}
              name="impact-decision"
              value={option}
              checked={decision === option}
              onChange={() => setDecision(option)}
            />
            <label htmlFor={`impact-${option}`}>{t(`admin.impact.${option}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button
          type="button"
          disabled={!decision || props.busy}
          onClick={() => decision && props.onDecide(decision)}
          data-testid="impact-confirm"
        >
          {t('admin.impact.confirm')}
        </button>
        <button type="button" className="secondary" onClick={props.onDismiss}>
          {t('admin.impact.dismiss')}
        </button>
      </div>
    </section>
  );
}
