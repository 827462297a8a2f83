import { swedishPublicHoliday, swedishPublicHolidaysOf } from './holidays';

describe(swedishPublicHoliday.name, () => {
  it.each([
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-05', 'påskdagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'pingstdagen'],
    ['2026-06-06', 'nationaldagen'],
    ['2026-06-20', 'midsommardagen'],
    ['2026-10-31', 'alla helgons dag'],
    ['2026-12-25', 'juldagen'],
    ['2026-12-26', 'annandag jul'],
  ])('should close on the public holiday %s (%s)', (date, name) => {
    expect(swedishPublicHoliday(date)).toEqual({ name });
  });

  it.each([
    ['2026-06-19', 'midsommarafton'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
  ])('should close on the de facto closed eve %s (%s)', (date, name) => {
    expect(swedishPublicHoliday(date)).toEqual({ name });
  });

  it.each([
    ['2026-01-05', 'trettondagsafton (half day)'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-04-30', 'valborgsmässoafton (half day)'],
    ['2026-05-25', 'annandag pingst (no longer a holiday)'],
    ['2026-10-30', 'allhelgonaafton (half day)'],
    ['2026-12-13', 'Luciadagen'],
    ['2026-03-30', 'an ordinary Monday'],
  ])('should not close on %s, %s', (date) => {
    expect(swedishPublicHoliday(date)).toBeNull();
  });

  it('should follow movable feasts in other years', () => {
    expect(swedishPublicHoliday('2027-03-26')).toEqual({ name: 'långfredagen' });
    expect(swedishPublicHoliday('2027-06-25')).toEqual({ name: 'midsommarafton' });
    expect(swedishPublicHoliday('2025-06-20')).toEqual({ name: 'midsommarafton' });
  });

  it('should throw a RangeError on a malformed date', () => {
    expect(() => swedishPublicHoliday('2026-12-32')).toThrow(RangeError);
  });
});

describe(swedishPublicHolidaysOf.name, () => {
  it('should list the 16 closing days of 2026 in date order', () => {
    const days = swedishPublicHolidaysOf(2026);
    expect(days).toHaveLength(16);
    expect(days[0]).toEqual({ date: '2026-01-01', name: 'nyårsdagen' });
    expect(days[days.length - 1]).toEqual({ date: '2026-12-31', name: 'nyårsafton' });
    expect([...days].sort((a, b) => a.date.localeCompare(b.date))).toEqual(days);
  });
});
