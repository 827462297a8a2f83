import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

interface AnnouncerValue {
  /** Read out politely by screen readers (after what they are currently saying). */
  announce: (text: string) => void;
}

const AnnouncerContext = createContext<AnnouncerValue | null>(null);

/**
 * One polite live region for the whole app, present from the start: screen readers only announce
 * changes to regions that already existed, so a region created together with its text stays silent.
 */
export function AnnouncerProvider(props: { children: ReactNode }) {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((next: string) => {
    // Clear first, so that the same sentence twice in a row is announced twice.
    setText('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setText(next), 100);
  }, []);
  const value = useMemo(() => ({ announce }), [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {props.children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {text}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnouncer(): AnnouncerValue {
  const value = useContext(AnnouncerContext);
  if (!value) throw new Error('useAnnouncer outside AnnouncerProvider');
  return value;
}
