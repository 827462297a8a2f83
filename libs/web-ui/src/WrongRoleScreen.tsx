import type { StaffRole } from '@distans/contracts';
import { LanguageSwitch, useI18n } from './i18n';
import { STAFF_APP_OF_ROLE, STAFF_APP_PATH } from './staff-apps';
import { useScreenHeading } from './use-screen-heading';

/**
 * A person logged in to the other staff app: say so, and send them to theirs. The session is kept,
 * since both apps share it, so the link opens the right app already logged in.
 */
export function WrongRoleScreen(props: { role: StaffRole; onLogout: () => void }) {
  const { t } = useI18n();
  const heading = useScreenHeading(t('wrongRole.title'));
  const app = STAFF_APP_OF_ROLE[props.role];
  return (
    <div className="login-page">
      <header className="login-header">
        <p className="brand">
          Distans <span className="brand-sub">{t('app.subtitle')}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main" data-testid="wrong-role">
        <h1 ref={heading} tabIndex={-1}>
          {t('wrongRole.title')}
        </h1>
        <p className="lead">{t('wrongRole.body')}</p>
        <p>
          <a className="button-link" href={STAFF_APP_PATH[app]} data-testid="wrong-role-link">
            {t(`wrongRole.open.${app}`)}
          </a>
        </p>
        <button type="button" className="secondary" onClick={props.onLogout}>
          {t('app.logout')}
        </button>
      </main>
    </div>
  );
}
