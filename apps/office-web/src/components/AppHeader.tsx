import { Link, useLocation } from 'wouter';
import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import { SkipLink, SoundToggle } from '@distans/web-ui/header-parts';
import type { OfficeSummary } from '../api';
import { useLive } from '../live';
import { absolute, SECTIONS, sectionPath, type Section } from '../routes';
import { useSession } from '../session';

/** The section a nested location (relative to /offices/:officeId) belongs to. */
function sectionOf(location: string): Section {
  const first = location.split('/').filter(Boolean)[0];
  return SECTIONS.find((section) => section === first) ?? 'day';
}

/** Top bar on every screen: which office, the sections, live state, sound, language, log out. */
export function AppHeader(props: { office: OfficeSummary }) {
  const { t } = useI18n();
  const { profile, offices, logout } = useSession();
  const { connection } = useLive();
  const [location, navigate] = useLocation();
  const current = sectionOf(location);

  return (
    <header className="app-header">
      <SkipLink />
      <div className="header-row">
        <p className="brand">
          Distans <span className="brand-sub">{t('app.subtitle')}</span>
        </p>
        <div className="office-switch">
          <label htmlFor="office-select">{t('header.office')}</label>
          <select
            id="office-select"
            data-testid="office-select"
            value={props.office.id}
            onChange={(event) =>
              navigate(absolute(sectionPath(event.target.value, current === 'day' ? 'day' : current)))
            }
          >
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
        </div>
        <p className={`live-status live-${connection}`} role="status" data-testid="live-status">
          <span className="live-dot" aria-hidden="true" />
          {t(`live.${connection}`)}
        </p>
        <p className="signed-in-as">
          <span className="visually-hidden">{t('app.signedInAs')} </span>
          {profile.displayName}
        </p>
      </div>
      <div className="sections-row">
        <nav className="sections" aria-label={t('nav.label')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section}>
                <Link
                  href={section === 'day' ? '/' : `/${section}`}
                  aria-current={current === section ? 'page' : undefined}
                  data-testid={`nav-${section}`}
                >
                  {t(`nav.${section}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <SoundToggle />
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={logout}>
            {t('app.logout')}
          </button>
        </div>
      </div>
    </header>
  );
}
