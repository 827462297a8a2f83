import { useI18n } from '@distans/web-ui/i18n';

export function ThanksScreen() {
  const { t } = useI18n();
  return (
    <main className="screen thanks" data-testid="thanks">
      <h1>{t('thanks.title')}</h1>
      <p className="lead">{t('thanks.leave')}</p>
    </main>
  );
}
