import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveServerEvents } from '@distans/contracts';
import { connectLive, type LiveConnection } from '@distans/web-ui/live-client';
import { useSession } from './session';

type EventName = keyof LiveServerEvents;
type Listener<E extends EventName> = Parameters<LiveServerEvents[E]>[0];

interface LiveValue {
  connection: LiveConnection;
  /** Bumped on every (re)connect: what is shown may have missed events and should be read again. */
  epoch: number;
  /** Listens to one kind of live event; returns the unsubscribe function. */
  on: <E extends EventName>(event: E, listener: (payload: Listener<E>) => void) => () => void;
}

const LiveContext = createContext<LiveValue | null>(null);

/**
 * The console's one `/live` socket: bookings of the person's offices changing, calls for staff
 * from their rooms and those calls being taken. Screens subscribe to what they show.
 */
export function LiveProvider(props: { children: ReactNode }) {
  const { auth } = useSession();
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [epoch, setEpoch] = useState(0);
  const listeners = useRef(new Map<EventName, Set<(payload: never) => void>>());

  useEffect(() => {
    const relay =
      <E extends EventName>(name: E) =>
      (payload: Listener<E>) =>
        listeners.current.get(name)?.forEach((listener) => (listener as (value: Listener<E>) => void)(payload));
    return connectLive({
      token: () => auth.accessToken ?? '',
      // The server drops the socket when the token has expired: refresh it, then back off.
      beforeRetry: () => auth.refresh(),
      retryAfterMs: (kicks) => Math.min(30_000, 1_000 * 2 ** (kicks - 1)),
      onConnection: (state) => {
        setConnection(state);
        if (state === 'connected') setEpoch((value) => value + 1);
      },
      on: {
        'booking.changed': relay('booking.changed'),
        'staff.call': relay('staff.call'),
        'staff.call.acknowledged': relay('staff.call.acknowledged'),
      },
    });
  }, [auth]);

  const on = useCallback<LiveValue['on']>((event, listener) => {
    const set = listeners.current.get(event) ?? new Set();
    listeners.current.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, []);

  const value = useMemo<LiveValue>(() => ({ connection, epoch, on }), [connection, epoch, on]);
  return <LiveContext.Provider value={value}>{props.children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}
