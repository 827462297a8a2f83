import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createSession, loadCallEngine } from './call-engine';
import { VisitCall, type VisitCallSnapshot } from './visit-call';

export interface VisitCallHandlers {
  onEnded: () => void;
  onInterrupted: () => void;
  onUnauthorized: () => void;
}

const noSubscription = () => () => undefined;
const noSnapshot = () => null;

/** Read-only hooks for diagnostics and browser tests: the live call's WebRTC statistics. */
interface RoomScreenDiagnostics {
  callState: () => string;
  receiveStats: () => Promise<RTCStatsReport | null>;
  sendStats: () => Promise<RTCStatsReport | null>;
}
declare global {
  interface Window {
    distansRoomScreen?: RoomScreenDiagnostics;
  }
}

/**
 * The call for one checked-in booking, from the moment the visit appears until `bookingId` goes
 * back to null: then the session is left, camera and microphone are released and all is forgotten.
 */
export function useVisitCall(
  bookingId: string | null,
  getToken: () => string,
  handlers: VisitCallHandlers,
): { call: VisitCall | null; snapshot: VisitCallSnapshot | null } {
  const [call, setCall] = useState<VisitCall | null>(null);
  useEffect(() => {
    loadCallEngine().catch(() => undefined);
  }, []);
  const latest = useRef({ getToken, handlers });
  useEffect(() => {
    latest.current = { getToken, handlers };
  });

  useEffect(() => {
    if (!bookingId) return;
    const visitCall = new VisitCall({
      bookingId,
      createSession,
      getToken: () => latest.current.getToken(),
      onEnded: () => latest.current.handlers.onEnded(),
      onInterrupted: () => latest.current.handlers.onInterrupted(),
      onUnauthorized: () => latest.current.handlers.onUnauthorized(),
    });
    setCall(visitCall);
    window.distansRoomScreen = {
      callState: () => visitCall.getSnapshot().callState,
      receiveStats: () => visitCall.receiveStats(),
      sendStats: () => visitCall.sendStats(),
    };
    visitCall.start();
    return () => {
      visitCall.dispose();
      setCall(null);
      delete window.distansRoomScreen;
    };
  }, [bookingId]);

  const snapshot = useSyncExternalStore(call?.subscribe ?? noSubscription, call?.getSnapshot ?? noSnapshot);
  return { call, snapshot };
}
