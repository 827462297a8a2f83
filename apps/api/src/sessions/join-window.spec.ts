import { joinWindow, outsideWindow } from './join-window';

describe(joinWindow.name, () => {
  const booking = { starts_at: new Date('2026-04-14T08:00:00Z'), ends_at: new Date('2026-04-14T08:30:00Z') };
  const window = joinWindow(booking, 10, 30);
  const zone = 'Europe/Stockholm';

  it('should open 10 minutes before the start and close 30 minutes after the end', () => {
    expect(window.opensAt.toISOString()).toBe('2026-04-14T07:50:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-04-14T09:00:00.000Z');
  });

  it('should say when it opens in the office’s local time, with the date when it is not today', () => {
    expect(outsideWindow(window, Date.parse('2026-04-14T07:49:00Z'), zone)).toBe(
      'The session opens at 09:50 (Europe/Stockholm)',
    );
    expect(outsideWindow(window, Date.parse('2026-04-12T07:00:00Z'), zone)).toBe(
      'The session opens at 2026-04-14 09:50 (Europe/Stockholm)',
    );
    expect(outsideWindow(window, Date.parse('2026-04-14T07:50:00Z'), zone)).toBeNull();
    expect(outsideWindow(window, Date.parse('2026-04-14T09:00:00Z'), zone)).toBeNull();
    expect(outsideWindow(window, Date.parse('2026-04-14T09:00:01Z'), zone)).toMatch(/closed at 11:00/);
  });
});
