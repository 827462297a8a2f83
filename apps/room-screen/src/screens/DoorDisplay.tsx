import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import { DOOR_LOCALES } from '../i18n/catalogues';
import { clock, dayName } from '@distans/web-ui/format';
import { currentAndNext, type DoorSlot, type RoomScreenStatus } from '../room-api';
import { useNow } from '../use-now';

type ShownState = DoorSlot['state'] | 'FREE';

function SlotText({ slot }: { slot: DoorSlot | null }) {
  const { t } = useI18n();
  if (!slot) return <span className="slot-word">{t('state.FREE')}</span>;
  return (
    <>
      <span className="slot-word">{t(`state.${slot.state}`)}</span>{' '}
      <span className="slot-times">
        {slot.local.start}–{slot.local.end}
      </span>
    </>
  );
}

/**
 * The idle door display: which room, the office's time, and whether the room is free. Times and
 * states only: no names, no agency, no reference, for anyone walking past.
 */
export function DoorDisplay({ status, skewMs, online }: { status: RoomScreenStatus; skewMs: number; online: boolean }) {
  const { t, locale } = useI18n();
  const now = useNow(skewMs);
  const zone = status.office.timeZone;
  const { current, next } = currentAndNext(status.slots, now);
  const currentState: ShownState = current?.state ?? 'FREE';
  const upcoming = status.slots.filter((slot) => Date.parse(slot.end) > now);

  return (
    <main className="screen door" data-testid="door-display">
      <header className="door-header">
        <div className="door-place">
          <h1 className="room-name">{status.room.name}</h1>
          <p className="office-name">{status.office.name}</p>
        </div>
        <LanguageSwitch locales={DOOR_LOCALES} />
      </header>

      <div className="door-body">
        <div className="door-main">
          <p className="clock">
            <time dateTime={new Date(now).toISOString()}>{clock(now, zone, locale)}</time>
          </p>
          <p className="date">{dayName(now, zone, locale)}</p>

          <section className={`door-current state-${currentState}`} aria-labelledby="door-now-title">
            <h2 id="door-now-title">{t('door.now')}</h2>
            <p className="current-text" data-testid="door-current" data-state={currentState}>
              <SlotText slot={current} />
            </p>
          </section>

          <section className="door-next" aria-labelledby="door-next-title">
            <h2 id="door-next-title">{t('door.next')}</h2>
            <p className="next-text" data-testid="door-next" data-state={next?.state ?? 'NONE'}>
              {next ? <SlotText slot={next} /> : t('door.noMore')}
            </p>
          </section>
        </div>

        <section className="door-today" aria-labelledby="door-today-title">
          <h2 id="door-today-title">{t('door.today')}</h2>
          {upcoming.length === 0 ? (
            <p className="muted">{t('door.nothingToday')}</p>
          ) : (
            // Focusable so that a long day can be scrolled from the keyboard.
            <ol className="slot-list" tabIndex={0} aria-labelledby="door-today-title">
              {upcoming.map((slot) => {
                const isCurrent = slot === current;
                return (
                  <li
                    key={`${slot.start}-${slot.state}`}
                    className={`slot state-${slot.state}${isCurrent ? ' is-current' : ''}`}
                    data-testid="door-slot"
                    data-state={slot.state}
                    aria-current={isCurrent ? 'time' : undefined}
                  >
                    <span className="slot-times">
                      {slot.local.start}–{slot.local.end}
                    </span>
                    <span className="slot-word">{t(`state.${slot.state}`)}</span>
                    {isCurrent && <span className="now-marker">{t('door.currentMarker')}</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>

      <div className="door-footer" role="status">
        {!online && <p className="notice warn">{t('door.offline')}</p>}
      </div>
    </main>
  );
}
