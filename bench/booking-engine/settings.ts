/** The benchmark's settings: sizes and counts from the environment (see bench/README.md), and fixed choices. */
import type { WeeklyIntervalDto } from '@distans/contracts';

export const env = process.env;
export const num = (name: string, fallback: number): number => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number`);
  return parsed;
};

export const ZONE = 'Europe/Stockholm';
export const DAYS = 14;
export const EXTRA_HANDLERS = num('BENCH_HANDLERS', 600);
export const INTERPRETERS = num('BENCH_INTERPRETERS', 40);
export const SAMPLES = num('BENCH_SAMPLES', 200);
export const WARMUP = num('BENCH_WARMUP', 20);
export const TARGET_FRACTION = num('BENCH_TARGET_FRACTION', 0.4);
export const TIMEOUT_SECONDS = num('BENCH_TIMEOUT_SECONDS', 900);
export const BREAKDOWN_SAMPLES = 50;
export const SAME_SLOT_REQUESTS = 200;
export const OVERLAP_REQUESTS = 200;
export const OVERLAP_STARTS = ['10:00', '10:15', '10:30', '10:45'];
export const BENCH_DOMAIN = 'bench.distans.example';
export const BURST_MARKER = 'Bench burst';
export const MINUTE = 60_000;
export const GRID_MS = 15 * MINUTE;

/** Agency shares of the generated handlers and bookings, roughly by visits (see seed/data/people.ts). */
export const AGENCY_WEIGHTS: [code: string, weight: number][] = [
  ['SKV', 0.34],
  ['FK', 0.21],
  ['AF', 0.14],
  ['PM', 0.1],
  ['MV', 0.08],
  ['KFM', 0.07],
  ['DV', 0.06],
];
export const OTHER_LANGUAGES = ['ar', 'so', 'ti', 'fa', 'prs', 'ku', 'uk', 'ru', 'pl', 'bs', 'es', 'fi', 'tr', 'de'];
export const MON_FRI_0800_1630: WeeklyIntervalDto[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as WeeklyIntervalDto['weekday'],
  opens: '08:00',
  closes: '16:30',
}));
