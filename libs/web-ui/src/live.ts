import { LIVE_NAMESPACE, type LiveServerEvents } from '@distans/contracts';
import { io, type Socket } from 'socket.io-client';

export type LiveConnection = 'connecting' | 'connected' | 'reconnecting';
export type LiveSocket = Socket<LiveServerEvents>;

/** A connection that lasts this long is healthy; the back-off for server-side disconnects resets. */
const STABLE_AFTER_MS = 5_000;

/**
 * The `/live` socket of a signed-in staff member. socket.io reconnects by itself after network
 * trouble; when the server closes the socket (the access token expired), the token is refreshed
 * and the socket connects again with a growing back-off. `onConnection` hears every change, and
 * every 'connected' means events may have been missed: re-read what is shown.
 */
export function connectLive(options: {
  token: () => string | null;
  refreshToken: () => Promise<unknown>;
  onConnection: (state: LiveConnection) => void;
}): { socket: LiveSocket; close: () => void } {
  const socket: LiveSocket = io(LIVE_NAMESPACE, {
    auth: (send) => send({ token: options.token() ?? '' }),
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
  let kicks = 0;
  let stableTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => {
    options.onConnection('connected');
    stableTimer = setTimeout(() => (kicks = 0), STABLE_AFTER_MS);
  });
  socket.on('disconnect', (reason) => {
    clearTimeout(stableTimer);
    options.onConnection('reconnecting');
    if (reason === 'io server disconnect') {
      kicks += 1;
      const delay = Math.min(30_000, 1_000 * 2 ** (kicks - 1));
      void options.refreshToken().then(() => {
        retryTimer = setTimeout(() => socket.connect(), delay);
      });
    }
  });
  socket.on('connect_error', () => options.onConnection('reconnecting'));
  return {
    socket,
    close: () => {
      clearTimeout(stableTimer);
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
