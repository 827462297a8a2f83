import { hostileInputProblems, MAX_INPUT_DEPTH } from './input-guard';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe(hostileInputProblems.name, () => {
  it('should pass ordinary input, including text outside the Basic Multilingual Plane', () => {
    expect(
      hostileInputProblems({ citizen: { name: 'Åsa Öberg 👩🏽‍💼 ትግርኛ', email: 'a@b.se' }, accessibilityNeeds: ['x'] }),
    ).toEqual({});
    expect(hostileInputProblems(undefined)).toEqual({});
    expect(hostileInputProblems(nested(MAX_INPUT_DEPTH - 1))).toEqual({});
  });

  it('should name the field that holds a NUL character or half a surrogate pair', () => {
    expect(hostileInputProblems({ municipality: '\u0000' })).toEqual({ municipality: [expect.stringMatching(/NUL/)] });
    expect(hostileInputProblems({ citizen: { email: 'a\ud800@b.se' } })).toEqual({
      'citizen.email': [expect.stringMatching(/surrogate/)],
    });
    expect(hostileInputProblems({ list: ['ok', '\udc00'] })).toEqual({
      'list.1': [expect.stringMatching(/surrogate/)],
    });
  });

  it('should refuse a hostile field name without repeating it', () => {
    expect(hostileInputProblems({ 'a\u0000b': 1 })).toEqual({ body: [expect.stringMatching(/field name/)] });
  });

  it('should stop at the depth limit instead of walking 100,000 levels', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown;
    const started = performance.now();
    expect(hostileInputProblems({ citizen: deep })).toEqual({ citizen: [expect.stringMatching(/nested too deeply/)] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hostileInputProblems(nested(MAX_INPUT_DEPTH + 1))).toEqual({ a: [expect.stringMatching(/deeply/)] });
  });

  it('should list a bounded number of problems for a body full of them', () => {
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, '\u0000']));
    expect(Object.keys(hostileInputProblems(body)).length).toBeLessThanOrEqual(20);
  });
});
