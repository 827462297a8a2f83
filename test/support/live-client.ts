import { io, Socket } from 'socket.io-client';

/** Clients of the /live namespace for tests: connect as someone, wait for an event, close them all. */
export function liveClients(baseUrl: () => string) {
  const sockets: Socket[] = [];
  return {
    connect(token: string | undefined): Promise<Socket> {
      return new Promise((resolve, reject) => {
        const socket = io(`${baseUrl()}/live`, {
          auth: token ? { token } : {},
          transports: ['websocket'],
          reconnection: false,
        });
        sockets.push(socket);
        // The server joins the caller's rooms asynchronously after the handshake; give it a moment.
        socket.once('connect', () => setTimeout(() => resolve(socket), 150));
        socket.once('connect_error', reject);
      });
    },
    next<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
        socket.once(event, (payload: T) => {
          clearTimeout(timer);
          resolve(payload);
        });
      });
    },
    closeAll(): void {
      for (const socket of sockets) socket.disconnect();
    },
  };
}
