import { useEffect, useRef } from 'react';

/**
 * Moves focus to the screen's heading when the screen opens (so that screen-reader and keyboard
 * users start at the top of the new content, as after a page load) and names the browser tab.
 */
export function useScreenHeading(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);
  useEffect(() => {
    document.title = `${title} – Distans`;
  }, [title]);
  return heading;
}
