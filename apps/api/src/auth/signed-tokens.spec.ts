import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { verifySignedToken } from './signed-tokens';

describe(verifySignedToken.name, () => {
  const jwt = new JwtService({ secret: 'a-secret-that-is-long-enough-for-the-test-0123' });
  const expected = (onForged: () => void) => ({ typ: 'access', lifetimeSeconds: 900, onForged });

  it('should tell a forged signature, a wrong kind and an overlong lifetime apart from an expired token', () => {
    const forged = jest.fn();
    const sub = randomUUID();
    const good = jwt.sign({ typ: 'access', sub }, { expiresIn: 900 });
    expect(verifySignedToken(jwt, good, expected(forged))).toMatchObject({ sub });
    expect(forged).not.toHaveBeenCalled();

    const [header, payload] = good.split('.');
    expect(verifySignedToken(jwt, `${header}.${payload}.AAAA`, expected(forged))).toBeNull();
    expect(
      verifySignedToken(jwt, jwt.sign({ typ: 'session-ticket', sub }, { expiresIn: 60 }), expected(forged)),
    ).toBeNull();
    expect(
      verifySignedToken(jwt, jwt.sign({ typ: 'access', sub }, { expiresIn: 90_000 }), expected(forged)),
    ).toBeNull();
    expect(verifySignedToken(jwt, 'not a token', expected(forged))).toBeNull();
    expect(forged).toHaveBeenCalledTimes(4);

    const expired = jwt.sign({ typ: 'access', sub, iat: Math.floor(Date.now() / 1000) - 1000 }, { expiresIn: 900 });
    expect(verifySignedToken(jwt, expired, expected(forged))).toBeNull();
    expect(forged).toHaveBeenCalledTimes(4);
  });
});
