import { useEffect, useRef } from 'react';
import { longDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import type { CreatedBooking } from '../api';

/**
 * The slip handed to a visitor booked at the desk: reference, time, place, room and what to bring.
 * On screen it sits in the page; printed (print CSS), it is the only thing on the paper.
 */
export function Slip(props: { booking: CreatedBooking; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { booking } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const agency = locale === 'sv' ? booking.agency.nameSv : booking.agency.nameEn;
  const caseType = locale === 'sv' ? booking.caseType.nameSv : booking.caseType.nameEn;
  return (
    <section className="slip-screen" aria-labelledby="slip-title" data-testid="slip-screen">
      <div className="slip-actions no-print">
        <p className="banner ok" role="status">
          {t('slip.booked', { reference: booking.reference })}
        </p>
        <button type="button" onClick={() => window.print()} data-testid="print-slip">
          {t('slip.print')}
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t('slip.done')}
        </button>
      </div>
      <article className="slip" data-testid="slip">
        <h2 id="slip-title" ref={heading} tabIndex={-1}>
          {t('slip.title')}
        </h2>
        <p className="slip-reference">
          <span>{t('slip.reference')}</span>
          <strong data-testid="slip-reference">{booking.reference}</strong>
        </p>
        <dl>
          <div>
            <dt>{t('slip.when')}</dt>
            <dd>
              {longDate(booking.local.date, locale)}, {booking.local.start}–{booking.local.end}
            </dd>
          </div>
          <div>
            <dt>{t('slip.where')}</dt>
            <dd>
              {booking.office.name}
              {booking.office.streetAddress &&
                `, ${booking.office.streetAddress}, ${booking.office.postalCode} ${booking.office.city}`}
            </dd>
          </div>
          <div>
            <dt>{t('slip.room')}</dt>
            <dd>{booking.room.name}</dd>
          </div>
          <div>
            <dt>{t('slip.meeting')}</dt>
            <dd>
              {agency}: {caseType}
            </dd>
          </div>
        </dl>
        <h3>{t('slip.bring')}</h3>
        <ul>
          {booking.caseType.idCheckRequired && <li>{t('slip.bringId')}</li>}
          <li>{t('slip.bringPapers')}</li>
          <li>{t('slip.arrive')}</li>
        </ul>
        <p className="slip-change">{t('slip.change')}</p>
      </article>
    </section>
  );
}
