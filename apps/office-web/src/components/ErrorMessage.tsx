import { useI18n } from '@distans/web-ui/i18n';
import type { ErrorText } from '../errors';

/** A refused action in the reader's language, with the server's own words underneath when useful. */
export function ErrorMessage(props: { error: ErrorText }) {
  const { t } = useI18n();
  return (
    <div className="banner error" role="alert" data-testid="error">
      <p>{props.error.text}</p>
      {props.error.detail && (
        <p className="error-detail">
          {t('error.serverSaid')} <span lang="en">{props.error.detail}</span>
        </p>
      )}
    </div>
  );
}
