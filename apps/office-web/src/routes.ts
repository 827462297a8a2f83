/**
 * The console's addresses, below /office/ (real URLs through the history API, so reload, bookmarks
 * and the back button work). The administrators' settings will live under `/admin/…` in this same
 * app: add their routes to App.tsx's switch and their entry to `sectionsFor` when they are built.
 */
export const OFFICE_BASE = '/office';

export type Section = 'day' | 'book' | 'blocks' | 'screens';

export const SECTIONS: readonly Section[] = ['day', 'book', 'blocks', 'screens'];

export function sectionPath(officeId: string, section: Section, date?: string | null): string {
  if (section === 'day') return date ? `/offices/${officeId}/day/${date}` : `/offices/${officeId}`;
  return `/offices/${officeId}/${section}`;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A path from the top of the console, for links that leave the current office's nested routes. */
export function absolute(path: string): string {
  return `~${OFFICE_BASE}${path}`;
}
