import { useI18n } from '@distans/web-ui/i18n';
import { ButtonLink, Page } from '../components/ui';
import { MANAGE_PATH, stepPath } from '../routes';

/** What the service is, in the visitor's language, and the two ways in. */
export function StartPage(props: { notFound?: boolean }) {
  const { t } = useI18n();
  return (
    <Page title={t('start.title')}>
      {props.notFound && (
        <p className="banner warn" role="alert">
          {t('start.notFound')}
        </p>
      )}
      <p className="lead">{t('start.lead')}</p>
      <ul className="bullets">
        <li>{t('start.point.agencies')}</li>
        <li>{t('start.point.noEid')}</li>
        <li>{t('start.point.languages')}</li>
        <li>{t('start.point.idCheck')}</li>
      </ul>
      <div className="actions">
        <ButtonLink href={stepPath('agency')} testId="start-booking">
          {t('start.book')}
        </ButtonLink>
      </div>
      <h2>{t('start.manage.title')}</h2>
      <p>{t('start.manage.text')}</p>
      <ButtonLink href={MANAGE_PATH} secondary testId="start-manage">
        {t('start.manage.link')}
      </ButtonLink>
    </Page>
  );
}
