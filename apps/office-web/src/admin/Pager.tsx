import { useI18n } from '@distans/web-ui/i18n';

/** Previous and next page of a list, with where the reader is. */
export function Pager(props: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('admin.pager.label')}>
      <button
        type="button"
        className="secondary"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t('admin.pager.previous')}
      </button>
      <span>{t('admin.pager.position', { page: props.page, pages })}</span>
      <button
        type="button"
        className="secondary"
        disabled={props.page >= pages}
        onClick={() => props.onPage(props.page + 1)}
        data-testid="pager-next"
      >
        {t('admin.pager.next')}
      </button>
    </nav>
  );
}
