import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Redirect, Route, Router, Switch, useLocation, useParams } from 'wouter';
import { AnnouncerProvider } from '@distans/web-ui/Announcer';
import { AuthManager } from '@distans/web-ui/auth-manager';
import { I18nProvider, useI18n } from '@distans/web-ui/i18n';
import { LoginScreen } from '@distans/web-ui/LoginScreen';
import { SoundPreferenceProvider } from '@distans/web-ui/sound-preference';
import { STAFF_APP_OF_ROLE } from '@distans/web-ui/staff-apps';
import { WrongRoleScreen } from '@distans/web-ui/WrongRoleScreen';
import { officesOf, type OfficeSummary, type PageOf, type Profile } from './api';
import { AlertCenter } from './components/AlertCenter';
import { AppHeader } from './components/AppHeader';
import { OFFICE_LOCALES, loadCatalogue } from './i18n/catalogues';
import { LiveProvider } from './live';
import { AdminArea } from './admin/AdminArea';
import { SetPasswordScreen } from './admin/SetPasswordScreen';
import { absolute, ADMIN_BASE, adminPath, DATE_PATTERN, OFFICE_BASE, SET_PASSWORD_ROUTE, sectionPath } from './routes';
import { BlocksScreen } from './screens/BlocksScreen';
import { BookScreen } from './screens/BookScreen';
import { DayScreen } from './screens/DayScreen';
import { RoomScreensScreen } from './screens/RoomScreensScreen';
import { SessionProvider, useSession } from './session';
import { StatisticsScreen } from './statistics/StatisticsScreen';

const auth = new AuthManager();

export function App() {
  return (
    <I18nProvider locales={OFFICE_LOCALES} loadCatalogue={loadCatalogue} storageKey="distans.office.locale">
      <AnnouncerProvider>
        <SoundPreferenceProvider storageKey="distans.office.sound">
          <Router base={OFFICE_BASE}>
            <Root />
          </Router>
        </SoundPreferenceProvider>
      </AnnouncerProvider>
    </I18nProvider>
  );
}

function Root() {
  const { signedIn, signedOutReason } = useSyncExternalStore(auth.subscribe, auth.getSnapshot);
  const [location] = useLocation();
  // Reached from an invitation or a reset, before the person has a password to log in with.
  if (location === SET_PASSWORD_ROUTE) return <SetPasswordScreen />;
  if (!signedIn) return <LoginScreen auth={auth} signedOutReason={signedOutReason} />;
  return <SignedIn />;
}

function SignedIn() {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<{ profile: Profile; offices: OfficeSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const translate = useRef(t);
  translate.current = t;

  useEffect(() => {
    const load = async () => {
      const profile = await auth.api.get<Profile>('/me');
      if (STAFF_APP_OF_ROLE[profile.role] !== 'office') return { profile, offices: [] };
      return { profile, offices: await loadOffices(profile) };
    };
    load()
      .then(setLoaded)
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [attempt]);

  // An administrator who adds or renames an office sees it in the office menu at once.
  const refreshOffices = useCallback(async () => {
    if (!loaded) return;
    const offices = await loadOffices(loaded.profile);
    setLoaded((current) => (current ? { ...current, offices } : current));
  }, [loaded]);

  const logout = () => void auth.logout();
  if (!loaded) {
    return (
      <main id="main" className="boot">
        {error ? (
          <div className="banner error" role="alert">
            <p>{t('app.profileFailed', { message: error })}</p>
            <button type="button" onClick={() => setAttempt((value) => value + 1)}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <p className="loading">{t('common.loading')}</p>
        )}
      </main>
    );
  }
  if (STAFF_APP_OF_ROLE[loaded.profile.role] !== 'office')
    return <WrongRoleScreen role={loaded.profile.role} onLogout={logout} />;

  return (
    <SessionProvider value={{ auth, profile: loaded.profile, offices: loaded.offices, logout, refreshOffices }}>
      <LiveProvider>
        <Shell />
      </LiveProvider>
    </SessionProvider>
  );
}

async function loadOffices(profile: Profile): Promise<OfficeSummary[]> {
  const page = await auth.api.get<PageOf<OfficeSummary>>('/offices?pageSize=200');
  return officesOf(profile, page.items);
}

function Shell() {
  const { offices, profile } = useSession();
  const { t } = useI18n();
  return (
    <div className="shell">
      <Switch>
        <Route path="/offices/:officeId" nest>
          <OfficeArea />
        </Route>
        {profile.role === 'ADMIN' && (
          <Route path={ADMIN_BASE} nest>
            <AdminArea />
          </Route>
        )}
        <Route>
          {offices[0] ? (
            <Redirect to={sectionPath(offices[0].id, 'day')} replace />
          ) : profile.role === 'ADMIN' ? (
            <Redirect to={adminPath('offices')} replace />
          ) : (
            <main id="main" className="boot">
              <p className="banner warn">{t('app.noOffices')}</p>
            </main>
          )}
        </Route>
      </Switch>
    </div>
  );
}

/** Everything about one office; an office outside the person's scope leads back to their first. */
function OfficeArea() {
  const { officeId } = useParams<{ officeId: string }>();
  const { offices } = useSession();
  const office = offices.find((candidate) => candidate.id === officeId);
  if (!office) return <Redirect to={absolute(offices[0] ? sectionPath(offices[0].id, 'day') : '/')} replace />;
  return (
    <>
      <AppHeader office={office} />
      <AlertCenter />
      <main id="main" tabIndex={-1} className="main">
        <Switch>
          <Route path="/">
            <DayScreen key={`${office.id}-today`} office={office} date={null} />
          </Route>
          <Route path="/day/:date">
            {(params: { date: string }) =>
              DATE_PATTERN.test(params.date) ? (
                <DayScreen key={`${office.id}-${params.date}`} office={office} date={params.date} />
              ) : (
                <Redirect to="/" replace />
              )
            }
          </Route>
          <Route path="/book">
            <BookScreen key={office.id} office={office} />
          </Route>
          <Route path="/blocks">
            <BlocksScreen key={office.id} office={office} />
          </Route>
          <Route path="/screens">
            <RoomScreensScreen key={office.id} office={office} />
          </Route>
          <Route path="/statistics">
            <StatisticsScreen key={office.id} officeId={office.id} />
          </Route>
          <Route>
            <Redirect to="/" replace />
          </Route>
        </Switch>
      </main>
    </>
  );
}
