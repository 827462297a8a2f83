import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import { useAuth } from '../auth/auth-context';
import { SkipLink, SoundToggle } from '@distans/web-ui/header-parts';
import { routeHref } from '../routing/route';

/** Top bar on every signed-in screen: where am I, who am I, sound, language, log out. */
export function AppHeader(props: { onLogout: () => void }) {
  const { t } = useI18n();
  const { profile } = useAuth();
  return (
    <header className="app-header">
      <SkipLink />
      <p className="brand">
        <a href={routeHref({ name: 'agenda', date: null })}>
          {/* The role the person has: a handler and an interpreter use the same app. */}
          Distans <span className="brand-sub">{t(`role.${profile.role}`)}</span>
        </a>
      </p>
      <div className="header-tools">
        <p className="signed-in-as">
          <span className="visually-hidden">{t('app.signedInAs')} </span>
          {profile.displayName}
        </p>
        <SoundToggle />
        <LanguageSwitch />
        <button type="button" className="secondary" onClick={props.onLogout}>
          {t('app.logout')}
        </button>
      </div>
    </header>
  );
}
