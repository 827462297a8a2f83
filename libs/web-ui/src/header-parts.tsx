import { useI18n } from './i18n';
import { useSoundPreference } from './sound-preference';

/** The first thing a keyboard reaches: straight to the screen's content, past the header. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // Not a change of address: the address is the app's route.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}

/** Switches the app's sound cues on and off; the On/Off tag says which, the hint says what for. */
export function SoundToggle() {
  const { t } = useI18n();
  const { muted, setMuted } = useSoundPreference();
  return (
    <button
      type="button"
      className="secondary sound-toggle"
      aria-pressed={!muted}
      onClick={() => setMuted(!muted)}
      title={t('sound.hint')}
      data-testid="sound-toggle"
    >
      {t('sound.label')}
      <span className="toggle-state" aria-hidden="true">
        {muted ? t('sound.off') : t('sound.on')}
      </span>
    </button>
  );
}
