import {
  Span,
  contains,
  intersectSpans,
  normalizeSpans,
  overlaps,
  overlapsAny,
  subtractSpans,
  totalLength,
  unionSpans,
} from './spans';
import { randomSpans, seededRandom } from '../testing/spec-helpers';

const s = (start: number, end: number): Span => ({ start, end });
const AXIS = 60;

/** Reference model: which integer points of the axis a list covers. */
function covered(spans: readonly Span[]): boolean[] {
  const points = new Array<boolean>(AXIS + 20).fill(false);
  for (const { start, end } of spans) for (let t = start; t < end; t++) if (t >= 0) points[t] = true;
  return points;
}

function isNormalized(spans: readonly Span[]): boolean {
  return spans.every((span, i) => span.end > span.start && (i === 0 || span.start > spans[i - 1].end));
}

describe(normalizeSpans.name, () => {
  it('should sort, merge overlapping and touching spans and drop empty or inverted ones', () => {
    expect(normalizeSpans([s(10, 12), s(1, 3), s(3, 5), s(4, 4), s(7, 6), s(11, 15), s(20, 21)])).toEqual([
      s(1, 5),
      s(10, 15),
      s(20, 21),
    ]);
  });

  it('should keep a span swallowed by a longer one inside it', () => {
    expect(normalizeSpans([s(0, 10), s(2, 3)])).toEqual([s(0, 10)]);
  });

  it('should not mutate its input', () => {
    const input = [s(3, 5), s(1, 4)];
    normalizeSpans(input);
    expect(input).toEqual([s(3, 5), s(1, 4)]);
  });

  it('should match the reference model on random input', () => {
    const random = seededRandom(1);
    for (let round = 0; round < 300; round++) {
      const raw = randomSpans(random, 8, AXIS);
      const result = normalizeSpans(raw);
      expect(isNormalized(result)).toBe(true);
      expect(covered(result)).toEqual(covered(raw));
    }
  });
});

describe(unionSpans.name, () => {
  it('should merge several raw lists into one normalized list', () => {
    expect(unionSpans([s(5, 7)], [s(0, 2), s(6, 9)], [])).toEqual([s(0, 2), s(5, 9)]);
  });
});

describe(subtractSpans.name, () => {
  it('should cut holes, trim ends and drop fully covered spans', () => {
    expect(subtractSpans([s(0, 10), s(20, 30), s(40, 50)], [s(2, 4), s(8, 22), s(40, 50)])).toEqual([
      s(0, 2),
      s(4, 8),
      s(22, 30),
    ]);
  });

  it('should keep everything when nothing is cut and give nothing from nothing', () => {
    expect(subtractSpans([s(0, 10)], [])).toEqual([s(0, 10)]);
    expect(subtractSpans([], [s(0, 10)])).toEqual([]);
  });

  it('should let one cut span several source spans', () => {
    expect(subtractSpans([s(0, 5), s(6, 8), s(9, 12)], [s(3, 10)])).toEqual([s(0, 3), s(10, 12)]);
  });

  it('should match the reference model on random input', () => {
    const random = seededRandom(2);
    for (let round = 0; round < 300; round++) {
      const a = normalizeSpans(randomSpans(random, 6, AXIS));
      const b = normalizeSpans(randomSpans(random, 6, AXIS));
      const result = subtractSpans(a, b);
      expect(isNormalized(result)).toBe(true);
      const [ca, cb] = [covered(a), covered(b)];
      expect(covered(result)).toEqual(ca.map((inA, t) => inA && !cb[t]));
    }
  });
});

describe(intersectSpans.name, () => {
  it('should keep only the common parts', () => {
    expect(intersectSpans([s(0, 10), s(20, 30)], [s(5, 25), s(28, 40)])).toEqual([s(5, 10), s(20, 25), s(28, 30)]);
  });

  it('should give nothing for touching spans', () => {
    expect(intersectSpans([s(0, 10)], [s(10, 20)])).toEqual([]);
  });

  it('should match the reference model on random input', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 300; round++) {
      const a = normalizeSpans(randomSpans(random, 6, AXIS));
      const b = normalizeSpans(randomSpans(random, 6, AXIS));
      const result = intersectSpans(a, b);
      expect(isNormalized(result)).toBe(true);
      const [ca, cb] = [covered(a), covered(b)];
      expect(covered(result)).toEqual(ca.map((inA, t) => inA && cb[t]));
    }
  });
});

describe(overlaps.name, () => {
  it('should treat spans as half-open', () => {
    expect(overlaps(s(0, 10), s(9, 20))).toBe(true);
    expect(overlaps(s(0, 10), s(10, 20))).toBe(false);
    expect(overlaps(s(10, 20), s(0, 10))).toBe(false);
    expect(overlaps(s(0, 10), s(2, 3))).toBe(true);
  });

  it('should never report an empty span as overlapping', () => {
    expect(overlaps(s(0, 10), s(5, 5))).toBe(false);
  });
});

describe(contains.name, () => {
  const list = [s(0, 10), s(20, 30)];

  it('should accept a span inside one list span, including both edges', () => {
    expect(contains(list, s(0, 10))).toBe(true);
    expect(contains(list, s(22, 30))).toBe(true);
  });

  it('should reject spans that stick out or bridge a gap', () => {
    expect(contains(list, s(5, 11))).toBe(false);
    expect(contains(list, s(9, 21))).toBe(false);
    expect(contains(list, s(-1, 3))).toBe(false);
    expect(contains(list, s(30, 31))).toBe(false);
  });

  it('should reject empty spans and empty lists', () => {
    expect(contains(list, s(3, 3))).toBe(false);
    expect(contains([], s(1, 2))).toBe(false);
  });

  it('should match the reference model on random input', () => {
    const random = seededRandom(4);
    for (let round = 0; round < 300; round++) {
      const list = normalizeSpans(randomSpans(random, 6, AXIS));
      const points = covered(list);
      const start = Math.floor(random() * AXIS);
      const probe = s(start, start + 1 + Math.floor(random() * 8));
      const expected = points.slice(probe.start, probe.end).every(Boolean);
      expect(contains(list, probe)).toBe(expected);
    }
  });
});

describe(overlapsAny.name, () => {
  const list = [s(0, 10), s(20, 30)];

  it('should find overlaps and ignore touching spans', () => {
    expect(overlapsAny(list, s(9, 12))).toBe(true);
    expect(overlapsAny(list, s(10, 20))).toBe(false);
    expect(overlapsAny(list, s(-5, 0))).toBe(false);
    expect(overlapsAny(list, s(-5, 50))).toBe(true);
    expect(overlapsAny([], s(0, 1))).toBe(false);
    expect(overlapsAny(list, s(5, 5))).toBe(false);
  });

  it('should match the reference model on random input', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 300; round++) {
      const list = normalizeSpans(randomSpans(random, 6, AXIS));
      const points = covered(list);
      const start = Math.floor(random() * AXIS);
      const probe = s(start, start + 1 + Math.floor(random() * 8));
      expect(overlapsAny(list, probe)).toBe(points.slice(probe.start, probe.end).some(Boolean));
    }
  });
});

describe(totalLength.name, () => {
  it('should add up span lengths', () => {
    expect(totalLength([s(0, 10), s(20, 25)])).toBe(15);
    expect(totalLength([])).toBe(0);
  });
});
