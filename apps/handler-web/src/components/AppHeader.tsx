import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import { useAuth } from '../auth/auth-context';
import { useSoundPreference } from '../cues/sound-preference';
import { routeHref } from '../routing/route';

/** Top bar on every signed-in screen: where am I, who am I, sound, language, log out. */
export function AppHeader(props: { onLogout: () => void }) {
  const { t } = useI18n();
  const { profile } = useAuth();
  const { muted, setMuted } = useSoundPreference();
  return (
    <header className="app-header">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Not a hash change: the hash is the app's route.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
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
        <button
          type="button"
          className="secondary sound-toggle"
          aria-pressed={!muted}
          onClick={() => setMuted(!muted)}
          title={t('sound.hint')}
        >
          {t('sound.label')}
          <span className="toggle-state" aria-hidden="true">
            {muted ? t('sound.off') : t('sound.on')}
          </span>
        </button>
        <LanguageSwitch />
        <button type="button" className="secondary" onClick={props.onLogout}>
          {t('app.logout')}
        </button>
      </div>
    </header>
  );
}
