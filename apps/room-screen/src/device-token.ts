/**
 * The kiosk's long-lived device credential. It lives in localStorage so that the screen survives
 * reloads and power cuts without anyone typing a code again; a 401 anywhere clears it.
 */
const KEY = 'distans.room.deviceToken';

export function readDeviceToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeDeviceToken(token: string): void {
  localStorage.setItem(KEY, token);
}

export function clearDeviceToken(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: nothing to clear.
  }
}
