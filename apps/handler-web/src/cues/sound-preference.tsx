import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { unlockAudio } from './chime';

const STORAGE_KEY = 'distans.handler.sound';

interface SoundPreference {
  muted: boolean;
  setMuted: (muted: boolean) => void;
}

const SoundContext = createContext<SoundPreference | null>(null);

/** The check-in sound is on unless the handler muted it; remembered per browser. */
export function SoundPreferenceProvider(props: { children: ReactNode }) {
  const [muted, setMutedState] = useState(() => localStorage.getItem(STORAGE_KEY) === 'muted');
  const setMuted = useCallback((next: boolean) => {
    localStorage.setItem(STORAGE_KEY, next ? 'muted' : 'on');
    if (!next) unlockAudio();
    setMutedState(next);
  }, []);
  const value = useMemo(() => ({ muted, setMuted }), [muted, setMuted]);
  return <SoundContext.Provider value={value}>{props.children}</SoundContext.Provider>;
}

export function useSoundPreference(): SoundPreference {
  const value = useContext(SoundContext);
  if (!value) throw new Error('useSoundPreference outside SoundPreferenceProvider');
  return value;
}
