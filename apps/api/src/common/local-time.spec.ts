import { clockLabel, localSpan, localTimes, zoneName } from './local-time';

const ZONE = 'Europe/Stockholm';
const at = (iso: string): Date => new Date(iso);

describe(clockLabel.name, () => {
  it('should show a plain wall clock on ordinary days, and on the spring change', () => {
    expect(clockLabel(at('2026-06-01T08:30:00Z'), ZONE)).toBe('10:30');
    expect(clockLabel(at('2026-03-29T01:00:00Z'), ZONE)).toBe('03:00');
  });

  it('should name the zone of each 02:xx on the autumn change, and only there', () => {
    expect(clockLabel(at('2026-10-25T00:15:00Z'), ZONE)).toBe('02:15 (CEST, UTC+2)');
    expect(clockLabel(at('2026-10-25T01:15:00Z'), ZONE)).toBe('02:15 (CET, UTC+1)');
    expect(clockLabel(at('2026-10-25T02:00:00Z'), ZONE)).toBe('03:00');
  });
});

describe(zoneName.name, () => {
  it('should fall back to the offset alone where a zone has no short name', () => {
    expect(zoneName(at('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('UTC+5:30');
  });
});

describe(localTimes.name, () => {
  it('should carry each time’s offset, so that a meeting over the autumn change reads right', () => {
    expect(localTimes(at('2026-10-25T00:45:00Z'), at('2026-10-25T01:15:00Z'), ZONE)).toEqual({
      date: '2026-10-25',
      start: '02:45',
      startOffset: '+02:00',
      end: '02:15',
      endOffset: '+01:00',
      zone: ZONE,
    });
  });
});

describe(localSpan.name, () => {
  it('should carry the offset at both ends of a span over midnight', () => {
    expect(localSpan(at('2026-03-28T22:00:00Z'), at('2026-03-29T06:00:00Z'), ZONE)).toEqual({
      startDate: '2026-03-28',
      start: '23:00',
      startOffset: '+01:00',
      endDate: '2026-03-29',
      end: '08:00',
      endOffset: '+02:00',
      zone: ZONE,
    });
  });
});
