/** Printing the benchmark's figures: lines, sections, percentages, milliseconds and percentiles. */

export const out = (line = ''): void => void process.stdout.write(`${line}\n`);
export const section = (title: string): void => out(`\n== ${title} ${'='.repeat(Math.max(0, 90 - title.length))}`);
export const started = performance.now();
export const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
export const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
