import { useI18n } from '@distans/web-ui/i18n';

export function LoadingScreen({ offline }: { offline: boolean }) {
  const { t } = useI18n();
  return (
    <main className="screen loading">
      <h1 className="visually-hidden">Distans</h1>
      <p className="lead" role="status">
        {offline ? t('loading.offline') : t('loading.starting')}
      </p>
    </main>
  );
}
