import { useCallback, useEffect, useRef, useState } from 'react';
import type { BookingChangedEvent } from '@distans/contracts';
import type { ApiClient } from '@distans/web-ui/api';
import { connectLive } from '@distans/web-ui/live-client';
import type { RoomScreenStatus } from './room-api';

/** Live events carry the news; the poll is only the safety net for a socket that silently died. */
const POLL_MS = 30_000;
/** After the server itself closed the socket (e.g. a failed handshake), socket.io does not retry. */
const SERVER_DISCONNECT_RETRY_MS = 15_000;

export interface RoomStatusState {
  status: RoomScreenStatus | null;
  /** Server clock minus the kiosk's clock, so the door shows the office's time even on a drifting kiosk. */
  skewMs: number;
  /** False while the last status request failed (network or server down). */
  online: boolean;
}

/**
 * The room's status from GET /room-screen/status, refreshed on every live 'booking.changed' for
 * this room, on every socket (re)connect and every 30 s. Requests never overlap, so an older answer
 * cannot overwrite a newer one.
 */
export function useRoomStatus(
  api: ApiClient,
  token: string,
  onBookingChanged: (event: BookingChangedEvent) => void,
): RoomStatusState & { refresh: () => void } {
  const [state, setState] = useState<RoomStatusState>({ status: null, skewMs: 0, online: true });
  const inFlight = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);
  const onEvent = useRef(onBookingChanged);
  useEffect(() => {
    onEvent.current = onBookingChanged;
  });

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const sentAt = Date.now();
    api
      .get<RoomScreenStatus>('/room-screen/status')
      .then((status) => {
        if (!mounted.current) return;
        const receivedAt = Date.now();
        const skewMs = Date.parse(status.now) - (sentAt + receivedAt) / 2;
        setState({ status, skewMs: Number.isFinite(skewMs) ? skewMs : 0, online: true });
      })
      .catch(() => {
        // A 401 is handled by the client (back to pairing); anything else keeps the last answer.
        if (mounted.current) setState((previous) => ({ ...previous, online: false }));
      })
      .finally(() => {
        inFlight.current = false;
        if (again.current && mounted.current) {
          again.current = false;
          refresh();
        }
      });
  }, [api]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    const poll = window.setInterval(refresh, POLL_MS);
    return () => {
      mounted.current = false;
      window.clearInterval(poll);
    };
  }, [refresh]);

  useEffect(
    () =>
      connectLive({
        token: () => token,
        retryAfterMs: () => SERVER_DISCONNECT_RETRY_MS,
        onConnection: (connection) => {
          if (connection === 'connected') refresh();
        },
        on: {
          'booking.changed': (event) => {
            onEvent.current(event);
            refresh();
          },
          // A staff member took this room's call: the screen now says that staff are on their way.
          'staff.call.acknowledged': () => refresh(),
        },
      }),
    [token, refresh],
  );

  return { ...state, refresh };
}
