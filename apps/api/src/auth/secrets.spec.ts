import { HUMAN_ALPHABET, humanCode, normalizeHumanCode, randomToken, sha256 } from './secrets';

describe(humanCode.name, () => {
  it('should only use characters that cannot be confused when read aloud or typed', () => {
    const codes = Array.from({ length: 500 }, () => humanCode(8)).join('');
    expect(codes).toMatch(new RegExp(`^[${HUMAN_ALPHABET}]+$`));
    expect(codes).not.toMatch(/[01OILUV]/);
  });

  it('should accept codes typed in lower case with separators', () => {
    expect(normalizeHumanCode(' k7m4-qx r9 ')).toBe('K7M4QXR9');
  });
});

describe(randomToken.name, () => {
  it('should give distinct prefixed tokens whose hashes differ', () => {
    const a = randomToken('dvc');
    const b = randomToken('dvc');
    expect(a.startsWith('dvc_')).toBe(true);
    expect(a).not.toBe(b);
    expect(sha256(a)).not.toBe(sha256(b));
    expect(sha256(a)).toHaveLength(64);
  });
});
