import { useState } from 'react';
import { formatManageCode, manageLink } from '@distans/contracts';
import { longDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { saveDownload } from '@distans/web-ui/save-download';
import { downloadCalendar, type CitizenBookingView } from '../api';
import { addressText, nameIn } from '../office-text';

/** The booking as the visitor needs it on the day: reference, when, where, what to bring, what happens. */
export function BookingDetails(props: { booking: CitizenBookingView }) {
  const { t, locale } = useI18n();
  const { booking } = props;
  const agency = nameIn(booking.agency, locale);
  const caseType = nameIn(booking.caseType, locale);
  return (
    <div className="booking-details">
      <div className="reference-panel">
        <p>{t('booking.reference')}</p>
        <p className="reference" data-testid="reference">
          {booking.reference}
        </p>
      </div>
      <dl className="summary-list">
        <div className="summary-row">
          <dt>{t('booking.what')}</dt>
          <dd>
            <span lang={agency.lang}>{agency.text}</span>: <span lang={caseType.lang}>{caseType.text}</span>
          </dd>
        </div>
        <div className="summary-row">
          <dt>{t('booking.when')}</dt>
          <dd data-testid="booking-when">
            {longDate(booking.local.date, locale)}
            <br />
            {t('booking.times', { start: booking.local.start, end: booking.local.end })}
            <br />
            <span className="hint">{t('when.zoneNote', { zone: booking.local.zone })}</span>
          </dd>
        </div>
        <div className="summary-row">
          <dt>{t('booking.where')}</dt>
          <dd>
            {booking.office.name}
            <br />
            {addressText(booking.office)}
          </dd>
        </div>
      </dl>
      <h2>{t('booking.bringTitle')}</h2>
      <ul className="bullets">
        {booking.whatToBring.includes('VALID_ID') ? <li>{t('bring.idCheck')}</li> : <li>{t('bring.nothing')}</li>}
        <li>{t('bring.papers')}</li>
      </ul>
      <h2>{t('booking.roomTitle')}</h2>
      <ol className="bullets">
        <li>{t('booking.room.arrive')}</li>
        <li>{t('booking.room.desk')}</li>
        <li>{t('booking.room.screen')}</li>
        <li>{t('booking.room.private')}</li>
      </ol>
    </div>
  );
}

/** "Add to calendar": the .ics comes from the API with the code in a header, saved under a file name. */
export function CalendarButton(props: { reference: string; code: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const save = async () => {
    setFailed(false);
    try {
      const { blob } = await downloadCalendar(props.reference, props.code);
      saveDownload(blob, `distans-${props.reference}.ics`);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void save()} data-testid="add-to-calendar">
        {t('booking.addToCalendar')}
      </button>
      {failed && (
        <p className="inline-error" role="alert">
          {t('booking.calendarFailed')}
        </p>
      )}
    </>
  );
}

/** The manage link and the code, to keep: with the reference they let the visitor change or cancel. */
export function ManageLinkPanel(props: { reference: string; code: string }) {
  const { t } = useI18n();
  const link = manageLink(window.location.origin, props.reference, props.code);
  return (
    <div className="manage-panel">
      <h2>{t('booking.manageTitle')}</h2>
      <p>{t('booking.manageText')}</p>
      <p>
        <a href={link} data-testid="manage-link" className="manage-link">
          {link}
        </a>
      </p>
      <p>
        {t('booking.code')}{' '}
        <strong className="code" data-testid="manage-code">
          {formatManageCode(props.code)}
        </strong>
      </p>
    </div>
  );
}
