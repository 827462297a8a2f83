import { useEffect, useState } from 'react';

/** The current time (corrected by `skewMs`), re-rendering every second. */
export function useNow(skewMs: number): number {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    setNow(Date.now() + skewMs);
    const timer = window.setInterval(() => setNow(Date.now() + skewMs), 1_000);
    return () => window.clearInterval(timer);
  }, [skewMs]);
  return now;
}
