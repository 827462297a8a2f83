import { useSyncExternalStore } from 'react';

/** The screens, addressed by the URL hash so that reload and the back button work without a router. */
export type Route =
  | { name: 'agenda'; date: string | null }
  | { name: 'booking'; bookingId: string }
  | { name: 'prejoin'; bookingId: string }
  | { name: 'call'; bookingId: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'agenda' && (parts[1] === undefined || DATE.test(parts[1]))) {
    return { name: 'agenda', date: parts[1] ?? null };
  }
  if (parts[0] === 'booking' && parts[1] && ID.test(parts[1])) {
    if (parts[2] === 'join') return { name: 'prejoin', bookingId: parts[1] };
    if (parts[2] === 'call') return { name: 'call', bookingId: parts[1] };
    if (parts[2] === undefined) return { name: 'booking', bookingId: parts[1] };
  }
  return { name: 'agenda', date: null };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'agenda':
      return route.date ? `#/agenda/${route.date}` : '#/agenda';
    case 'booking':
      return `#/booking/${route.bookingId}`;
    case 'prejoin':
      return `#/booking/${route.bookingId}/join`;
    case 'call':
      return `#/booking/${route.bookingId}/call`;
  }
}

/** `replace` for redirects that should not leave a step in the history (e.g. after a meeting ends). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (options.replace) {
    history.replaceState(history.state, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href.slice(1);
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Parsed per render from a string snapshot: cheap, and keeps the snapshot referentially stable.
  return parseRoute(hash);
}
