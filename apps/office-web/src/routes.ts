/**
 * The console's addresses, below /office/ (real URLs through the history API, so reload, bookmarks
 * and the back button work): one office's day under `/offices/:id/…`, the administrators' settings
 * under `/admin/…`.
 */
export const OFFICE_BASE = '/office';

export type Section = 'day' | 'book' | 'blocks' | 'screens' | 'statistics';

export const SECTIONS: readonly Section[] = ['day', 'book', 'blocks', 'screens', 'statistics'];

export function sectionPath(officeId: string, section: Section, date?: string | null): string {
  if (section === 'day') return date ? `/offices/${officeId}/day/${date}` : `/offices/${officeId}`;
  return `/offices/${officeId}/${section}`;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A path from the top of the console, for links that leave the current office's nested routes. */
export function absolute(path: string): string {
  return `~${OFFICE_BASE}${path}`;
}

/**
 * The administrators' areas, in menu order. To add one (statistics, say): name it here, give it
 * `nav.admin.<name>` in the catalogues and a route in admin/AdminArea.tsx.
 */
export const ADMIN_SECTIONS = ['offices', 'agencies', 'people', 'audit', 'statistics'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export const ADMIN_BASE = '/admin';

export function adminPath(section: AdminSection, ...rest: string[]): string {
  return [ADMIN_BASE, section, ...rest].join('/');
}

/** Where an invited or reset staff member chooses a password (the API names it in the code's path). */
export const SET_PASSWORD_ROUTE = '/set-password';
