import { useI18n } from '@distans/web-ui/i18n';
import { getBooking } from '../../api';
import { confirmedReference, rememberedCode } from '../../answers';
import { BookingDetails, CalendarButton, ManageLinkPanel } from '../../components/BookingDetails';
import { ButtonLink, Loading, Page } from '../../components/ui';
import { useLoad } from '../../components/use-load';
import { LoadFailed } from './AgencyStep';

/** The booking is made: the reference in large type, when and where, what to bring, the calendar file, the manage link. */
export default function ConfirmationPage() {
  const { t } = useI18n();
  const reference = confirmedReference();
  const code = reference ? rememberedCode(reference) : null;
  const booking = useLoad(
    () => (reference && code ? getBooking(reference, code) : Promise.resolve(null)),
    [reference, code],
  );
  if (!reference || !code) {
    return (
      <Page title={t('confirmation.gone')}>
        <ButtonLink href="/">{t('common.toStart')}</ButtonLink>
      </Page>
    );
  }
  return (
    <Page title={t('confirmation.title')}>
      <div className="banner ok confirmation-banner" data-testid="confirmation">
        <p>{t('confirmation.lead')}</p>
      </div>
      {booking.loading && <Loading />}
      {booking.error != null && <LoadFailed error={booking.error} retry={booking.retry} />}
      {booking.data && (
        <>
          <BookingDetails booking={booking.data} />
          <div className="actions">
            <CalendarButton reference={reference} code={code} />
          </div>
          <ManageLinkPanel reference={reference} code={code} />
        </>
      )}
    </Page>
  );
}
