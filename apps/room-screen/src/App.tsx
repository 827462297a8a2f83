import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTIVE_BOOKING_STATUSES, type BookingChangedEvent } from '@distans/contracts';
import { createApiClient } from '@distans/web-ui/api';
import { useI18n } from '@distans/web-ui/i18n';
import { useVisitCall } from './call/use-visit-call';
import { clearDeviceToken, readDeviceToken, storeDeviceToken } from './device-token';
import { isDoorLocale, ROOM_LOCALES } from './i18n/catalogues';
import { followStatus, phaseAfterVisit, type KioskPhase } from './kiosk-phase';
import type { PairedDevice } from './room-api';
import { CallScreen } from './screens/CallScreen';
import { DoorDisplay } from './screens/DoorDisplay';
import { LoadingScreen } from './screens/LoadingScreen';
import { PairingScreen } from './screens/PairingScreen';
import { ThanksScreen } from './screens/ThanksScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { MissedScreen } from './screens/MissedScreen';
import { SurveyScreen } from './survey/SurveyScreen';
import { StaffCallProvider } from './staff-call';
import { useRoomStatus } from './use-room-status';
import { useWakeLock } from './use-wake-lock';

/** How long "Thank you for your visit" stays before the door display returns. */
const THANKS_MS = 8_000;
/** "Your case handler could not join" has more to read: what happens next. */
const MISSED_MS = 20_000;

export function App() {
  const [token, setToken] = useState(readDeviceToken);
  const paired = useCallback((device: PairedDevice) => {
    storeDeviceToken(device.deviceToken);
    setToken(device.deviceToken);
  }, []);
  // Any 401 means this device was revoked: forget the token and ask for a new code.
  const revoked = useCallback(() => {
    clearDeviceToken();
    setToken(null);
  }, []);

  if (!token) return <PairingScreen onPaired={paired} />;
  return <Kiosk key={token} token={token} onRevoked={revoked} />;
}

/**
 * The paired kiosk: door display, then welcome and the call for a checked-in visit, then thanks.
 * Everything is driven by the room's status and the call's own events; nobody clicks anything.
 */
function Kiosk({ token, onRevoked }: { token: string; onRevoked: () => void }) {
  const { locale, setLocale } = useI18n();
  useWakeLock();
  const api = useMemo(() => createApiClient('', () => token, onRevoked), [token, onRevoked]);
  const [phase, setPhase] = useState<KioskPhase>({ kind: 'door' });
  // Bookings that are over on this screen (ended by the handler, completed, cancelled): never rejoin
  // them, even if a status answer still lists one for a moment.
  const finished = useRef(new Set<string>());
  const activeBookingId = phase.kind === 'visit' ? phase.visit.bookingId : null;

  const endVisit = useCallback((bookingId: string, next: KioskPhase) => {
    finished.current.add(bookingId);
    setPhase((previous) => (previous.kind === 'visit' && previous.visit.bookingId === bookingId ? next : previous));
  }, []);

  const onBookingChanged = useCallback(
    (event: BookingChangedEvent) => {
      if (event.bookingId !== activeBookingId) return;
      // Still booked or under way: the status that follows the event tells the rest.
      if (ACTIVE_BOOKING_STATUSES.includes(event.status)) return;
      endVisit(event.bookingId, phaseAfterVisit(event.bookingId, event.status));
    },
    [activeBookingId, endVisit],
  );

  const { status, skewMs, online, refresh } = useRoomStatus(api, token, onBookingChanged);

  const { call, snapshot } = useVisitCall(activeBookingId, () => token, {
    onEnded: () => activeBookingId && endVisit(activeBookingId, phaseAfterVisit(activeBookingId, 'COMPLETED')),
    onInterrupted: refresh,
    onUnauthorized: onRevoked,
  });
  const joined = snapshot?.joined ?? false;
  const everJoined = snapshot?.everJoined ?? false;

  // A visit starts in the language it was booked in (where the kiosk has it); the visitor may
  // still switch. Only when the visit begins, so a switch by the visitor is not undone.
  const visitId = phase.kind === 'visit' ? phase.visit.bookingId : null;
  const visitLocale = phase.kind === 'visit' ? phase.visit.locale : null;
  useEffect(() => {
    if (!visitId || !visitLocale) return;
    const offered = ROOM_LOCALES.find((locale) => locale === visitLocale);
    if (offered) setLocale(offered, { remember: false });
  }, [visitId, visitLocale, setLocale]);

  // The door display outside stays neutral: back to Swedish once a visit in another language is over.
  useEffect(() => {
    if (phase.kind === 'door' && !isDoorLocale(locale)) setLocale('sv', { remember: false });
  }, [phase.kind, locale, setLocale]);

  // Follow the room's status (see followStatus), also when the live event was missed.
  useEffect(() => {
    if (!status) return;
    const next = followStatus(phase, status, finished.current, { joined, everJoined });
    if (!next) return;
    if (next.ended) finished.current.add(next.ended);
    setPhase(next.phase);
  }, [status, phase, joined, everJoined]);

  const backToDoor = useCallback(() => {
    // The next person at the door gets the default language again.
    setLocale('sv');
    setPhase({ kind: 'door' });
    refresh();
  }, [refresh, setLocale]);

  // The survey decides itself when it is over.
  const surveyed = phase.kind === 'thanks' && phase.bookingId !== null;
  useEffect(() => {
    if ((phase.kind !== 'thanks' && phase.kind !== 'missed') || surveyed) return;
    const timer = window.setTimeout(backToDoor, phase.kind === 'missed' ? MISSED_MS : THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [phase.kind, surveyed, backToDoor]);

  const staffCall = useMemo(
    () => ({ call: status?.staffCall ?? null, phone: status?.office.phone ?? '', skewMs, refresh }),
    [status?.staffCall, status?.office.phone, skewMs, refresh],
  );
  return <StaffCallProvider value={staffCall}>{screen()}</StaffCallProvider>;

  function screen() {
    switch (phase.kind) {
      case 'thanks':
        return phase.bookingId ? (
          <SurveyScreen api={api} bookingId={phase.bookingId} thanksMs={THANKS_MS} onDone={backToDoor} />
        ) : (
          <ThanksScreen />
        );
      case 'missed':
        return <MissedScreen phone={status?.office.phone ?? ''} />;
      case 'visit':
        if (call && snapshot?.everJoined)
          return <CallScreen visit={phase.visit} call={call} snapshot={snapshot} api={api} />;
        return <WelcomeScreen visit={phase.visit} snapshot={snapshot} api={api} roomName={status?.room.name ?? ''} />;
      case 'door':
        if (!status) return <LoadingScreen offline={!online} />;
        return <DoorDisplay status={status} skewMs={skewMs} online={online} />;
    }
  }
}
