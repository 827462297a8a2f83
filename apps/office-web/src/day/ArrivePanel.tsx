import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import type { StaffBookingView } from '../api';
import { StatusBadge } from '../components/booking-text';
import { useSession } from '../session';

/** Typing pauses this long before the search goes out: one request per burst of keystrokes. */
const SEARCH_DEBOUNCE_MS = 150;

/**
 * "Who are you here to see?": the visitor's reference, name or phone number, in two or three
 * keystrokes. Matches come from the server, which compares phone numbers without returning them.
 */
export function ArrivePanel(props: { officeId: string; date: string; onPick: (booking: StaffBookingView) => void }) {
  const { t } = useI18n();
  const { auth } = useSession();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<StaffBookingView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      auth.api
        .get<StaffBookingView[]>(`/offices/${props.officeId}/arrivals?date=${props.date}&q=${encodeURIComponent(q)}`)
        .then((found) => {
          if (!current) return;
          setMatches(found);
          setFailed(false);
        })
        .catch(() => current && setFailed(true));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, auth, props.officeId, props.date]);

  return (
    <section className="arrive card" aria-labelledby="arrive-title">
      <h2 id="arrive-title">{t('arrive.title')}</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches?.[0]) props.onPick(matches[0]);
        }}
      >
        <label htmlFor="arrive-query">{t('arrive.label')}</label>
        <input
          ref={input}
          id="arrive-query"
          data-testid="arrive-query"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby="arrive-hint"
        />
        <p id="arrive-hint" className="hint">
          {t('arrive.hint')}
        </p>
      </form>
      <div role="status" className="arrive-results" aria-live="polite">
        {failed && <p className="field-error">{t('arrive.failed')}</p>}
        {matches && matches.length === 0 && <p className="empty">{t('arrive.none')}</p>}
        {matches && matches.length > 0 && (
          <>
            <p className="visually-hidden">{t('arrive.count', { count: matches.length })}</p>
            <ul className="match-list">
              {matches.map((match) => (
                <li key={match.id}>
                  <button
                    type="button"
                    className="match secondary"
                    data-testid="arrive-match"
                    data-booking-id={match.id}
                    onClick={() => props.onPick(match)}
                  >
                    <span className="item-time">{match.local.start}</span> <strong>{match.reference}</strong>{' '}
                    <span>{match.visitorName}</span> <StatusBadge booking={match} />
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
