import { randomSpans, seededRandom } from '../testing/spec-helpers';
import { Span, contains, normalizeSpans, overlapsAny, subtractSpans } from './spans';
import { startsBlockedBy, startsFittingIn } from './start-windows';

const s = (start: number, end: number): Span => ({ start, end });
const inSet = (set: readonly Span[], point: number): boolean =>
  set.some((span) => span.start <= point && point < span.end);

describe(startsFittingIn.name, () => {
  it('should give each span shortened by the length, ends included', () => {
    expect(startsFittingIn([s(0, 10), s(20, 23), s(30, 40)], 3)).toEqual([s(0, 8), s(20, 21), s(30, 38)]);
  });

  it('should drop spans shorter than the length', () => {
    expect(startsFittingIn([s(0, 2), s(5, 10)], 3)).toEqual([s(5, 8)]);
  });

  it('should agree with contains for every start on random input', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 200; round++) {
      const spans = normalizeSpans(randomSpans(random, 6, 60));
      const length = 1 + Math.floor(random() * 6);
      const starts = startsFittingIn(spans, length);
      const points = Array.from({ length: 80 }, (_, i) => i - 5);
      expect(points.map((t) => inSet(starts, t))).toEqual(points.map((t) => contains(spans, s(t, t + length))));
    }
  });
});

describe(startsBlockedBy.name, () => {
  it('should block starts whose span would reach into a busy span, merging widened neighbours', () => {
    expect(startsBlockedBy([s(10, 20), s(22, 30)], 3)).toEqual([s(8, 30)]);
    expect(startsBlockedBy([s(10, 20), s(30, 40)], 3)).toEqual([s(8, 20), s(28, 40)]);
  });

  it('should leave a start free when its span ends exactly where the busy span begins', () => {
    const blocked = startsBlockedBy([s(10, 20)], 5);
    expect(inSet(blocked, 5)).toBe(false);
    expect(inSet(blocked, 6)).toBe(true);
    expect(inSet(blocked, 19)).toBe(true);
    expect(inSet(blocked, 20)).toBe(false);
  });

  it('should agree with overlapsAny for every start on random input', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 200; round++) {
      const busy = normalizeSpans(randomSpans(random, 6, 60));
      const length = 1 + Math.floor(random() * 6);
      const blocked = startsBlockedBy(busy, length);
      expect(normalizeSpans(blocked)).toEqual(blocked);
      const free = subtractSpans([s(-10, 80)], blocked);
      const points = Array.from({ length: 80 }, (_, i) => i - 5);
      expect(points.map((t) => inSet(free, t))).toEqual(points.map((t) => !overlapsAny(busy, s(t, t + length))));
    }
  });
});
