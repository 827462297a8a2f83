import { useI18n } from '@distans/web-ui/i18n';

/**
 * The handler never joined and the meeting's time is over: thank the visitor for waiting, say that
 * it is not their fault and what happens next, then the screen returns to the door display.
 */
export function MissedScreen({ phone }: { phone: string }) {
  const { t } = useI18n();
  return (
    <main className="screen thanks" data-testid="handler-missed">
      <h1>{t('missed.title')}</h1>
      <p className="lead">{t('missed.sorry')}</p>
      <p className="lead">{t('missed.next')}</p>
      <p className="lead">{phone ? t('missed.deskOrPhone', { phone }) : t('missed.desk')}</p>
    </main>
  );
}
