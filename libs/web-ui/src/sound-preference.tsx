import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { unlockAudio } from './sound';

interface SoundPreference {
  muted: boolean;
  setMuted: (muted: boolean) => void;
}

const SoundContext = createContext<SoundPreference | null>(null);

/** An app's sound cues are on unless the person muted them; remembered per browser under `storageKey`. */
export function SoundPreferenceProvider(props: { storageKey: string; children: ReactNode }) {
  const { storageKey } = props;
  const [muted, setMutedState] = useState(() => localStorage.getItem(storageKey) === 'muted');
  const setMuted = useCallback(
    (next: boolean) => {
      localStorage.setItem(storageKey, next ? 'muted' : 'on');
      if (!next) unlockAudio();
      setMutedState(next);
    },
    [storageKey],
  );
  const value = useMemo(() => ({ muted, setMuted }), [muted, setMuted]);
  return <SoundContext.Provider value={value}>{props.children}</SoundContext.Provider>;
}

export function useSoundPreference(): SoundPreference {
  const value = useContext(SoundContext);
  if (!value) throw new Error('useSoundPreference outside SoundPreferenceProvider');
  return value;
}
