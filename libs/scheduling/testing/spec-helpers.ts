/* Helpers for this library's specs; kept outside src so that builds leave them out. */
import { Span } from '../src/spans';

export const at = (iso: string): number => Date.parse(iso);

export const span = (startIso: string, endIso: string): Span => ({ start: at(startIso), end: at(endIso) });

export const isoSpans = (spans: readonly Span[]): string[] =>
  spans.map((s) => `${new Date(s.start).toISOString()}/${new Date(s.end).toISOString()}`);

/** Deterministic PRNG (mulberry32) so that randomized specs are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random raw spans on a small integer axis, possibly overlapping, empty or inverted. */
export function randomSpans(random: () => number, count: number, axis: number): Span[] {
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * axis);
    return { start, end: start + Math.floor(random() * 12) - 2 };
  });
}
