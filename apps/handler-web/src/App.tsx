import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { I18nProvider, useI18n } from '@distans/web-ui/i18n';
import { STAFF_APP_OF_ROLE } from '@distans/web-ui/staff-apps';
import { WrongRoleScreen } from '@distans/web-ui/WrongRoleScreen';
import type { Profile } from './api/types';
import { AuthProvider } from './auth/auth-context';
import { AuthManager } from '@distans/web-ui/auth-manager';
import { markJoinPhase } from '@distans/call-client/join-timings';
import type { ActiveCall, EndReason } from './call/active-call';
import { AppHeader } from './components/AppHeader';
import { AnnouncerProvider } from '@distans/web-ui/Announcer';
import { ReminderBanner } from './components/ReminderBanner';
import { SoundPreferenceProvider } from '@distans/web-ui/sound-preference';
import { HANDLER_LOCALES, loadCatalogue } from './i18n/catalogues';
import { LiveProvider } from './live/live-provider';
import { navigate, useRoute } from './routing/route';
import { AgendaScreen, type Flash } from './screens/AgendaScreen';
import { BookingDetailScreen } from './screens/BookingDetailScreen';
import { CallScreen } from './screens/CallScreen';
import { LoginScreen } from '@distans/web-ui/LoginScreen';
import { PreJoinScreen } from './screens/PreJoinScreen';

const auth = new AuthManager();

export function App() {
  return (
    <I18nProvider locales={HANDLER_LOCALES} loadCatalogue={loadCatalogue} storageKey="distans.handler.locale">
      <AnnouncerProvider>
        <SoundPreferenceProvider storageKey="distans.handler.sound">
          <Root />
        </SoundPreferenceProvider>
      </AnnouncerProvider>
    </I18nProvider>
  );
}

function Root() {
  const { signedIn, signedOutReason } = useSyncExternalStore(auth.subscribe, auth.getSnapshot);
  if (!signedIn) return <LoginScreen auth={auth} signedOutReason={signedOutReason} />;
  return <SignedIn />;
}

function SignedIn() {
  const { t } = useI18n();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    auth.api
      .get<Profile>('/me')
      .then(setProfile)
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [attempt]);

  if (!profile) {
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

  const logout = () => void auth.logout();
  // Office staff and administrators work in the office console; send them there, still logged in.
  if (STAFF_APP_OF_ROLE[profile.role] !== 'handler') return <WrongRoleScreen role={profile.role} onLogout={logout} />;
  return (
    <AuthProvider value={{ auth, profile, logout }}>
      <LiveProvider>
        <Shell onLogout={logout} />
      </LiveProvider>
    </AuthProvider>
  );
}

function Shell(props: { onLogout: () => void }) {
  const { t } = useI18n();
  const route = useRoute();
  const [call, setCall] = useState<ActiveCall | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);

  // The call engine (mediasoup-client) is not loaded with the agenda, but as soon as the device
  // check opens, so that pressing Join does not wait for it.
  const onDeviceCheck = route.name === 'prejoin';
  useEffect(() => {
    if (onDeviceCheck) import('./call/active-call').catch(() => undefined);
  }, [onDeviceCheck]);

  const startCall = useCallback(async (bookingId: string, stream: MediaStream) => {
    // Where the join-to-first-frame phases start (join-timings.ts): the press itself.
    markJoinPhase('press', 0);
    const { ActiveCall } = await import('./call/active-call');
    const next = new ActiveCall(bookingId, stream, () => auth.accessToken ?? '');
    exposeForDiagnostics(next);
    next.join();
    // The hash first: the render that sees the new call must already see the call route, or the
    // effect below would take it for a navigation away and leave.
    navigate({ name: 'call', bookingId });
    setCall(next);
    setFlash(null);
  }, []);

  const closeCall = useCallback((current: ActiveCall) => {
    current.dispose();
    exposeForDiagnostics(null);
    setCall((active) => (active === current ? null : active));
  }, []);

  // When the meeting ends (by us, by leaving, or closed by the server) go back to the agenda.
  useEffect(() => {
    if (!call) return;
    return call.subscribe(() => {
      const { ended, endRequestedHere } = call.getSnapshot();
      if (!ended) return;
      closeCall(call);
      setFlash(endFlash(ended, endRequestedHere, t));
      navigate({ name: 'agenda', date: null }, { replace: true });
    });
  }, [call, closeCall, t]);

  // Navigating away from the call (back button, header link) leaves it; the meeting goes on for the others.
  const inCallRoute = route.name === 'call' ? route.bookingId : null;
  useEffect(() => {
    // Disposing leaves quietly, without the "ended" handling above (which would navigate again).
    if (call && inCallRoute !== call.bookingId) closeCall(call);
  }, [call, inCallRoute, closeCall]);

  // Releases the camera if the tab is closed mid-call.
  useEffect(() => {
    if (!call) return;
    const onUnload = () => call.dispose();
    window.addEventListener('pagehide', onUnload);
    return () => window.removeEventListener('pagehide', onUnload);
  }, [call]);

  useEffect(() => {
    if (route.name !== 'agenda') setFlash(null);
  }, [route.name]);

  const logout = () => {
    if (call) closeCall(call);
    props.onLogout();
  };

  return (
    <div className={`shell shell-${route.name}`}>
      <AppHeader onLogout={logout} />
      {route.name !== 'call' && <ReminderBanner />}
      <main id="main" tabIndex={-1}>
        {route.name === 'agenda' && <AgendaScreen key="agenda" date={route.date} flash={flash} />}
        {route.name === 'booking' && <BookingDetailScreen key={route.bookingId} bookingId={route.bookingId} />}
        {route.name === 'prejoin' && (
          <PreJoinScreen
            key={route.bookingId}
            bookingId={route.bookingId}
            onJoin={(stream) => void startCall(route.bookingId, stream)}
          />
        )}
        {route.name === 'call' && (
          <CallScreen
            key={route.bookingId}
            bookingId={route.bookingId}
            call={call?.bookingId === route.bookingId ? call : null}
          />
        )}
      </main>
    </div>
  );
}

function endFlash(reason: EndReason, endRequestedHere: boolean, t: (key: string) => string): Flash {
  switch (reason) {
    case 'ended-by-handler':
      return endRequestedHere
        ? { tone: 'ok', text: t('flash.endedByYou') }
        : { tone: 'ok', text: t('flash.endedByHandler') };
    case 'closed':
      return { tone: 'warn', text: t('flash.closed') };
    case 'left':
      return { tone: 'ok', text: t('flash.left') };
  }
}

/**
 * `window.distansCall` gives the receive and send statistics of the current call, for support
 * diagnostics and for the end-to-end test that checks frames are decoded. Nothing else is exposed.
 */
function exposeForDiagnostics(call: ActiveCall | null): void {
  const target = window as unknown as { distansCall?: unknown };
  target.distansCall = call
    ? { receiveStats: () => call.receiveStats(), sendStats: () => call.sendStats(), bookingId: call.bookingId }
    : undefined;
}
