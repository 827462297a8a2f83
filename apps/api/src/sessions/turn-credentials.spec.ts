import { iceServers, turnCredential } from './turn-credentials';

describe(turnCredential.name, () => {
  it('should match coturn’s REST scheme (known answer)', () => {
    // echo -n "1700000000:peer" | openssl dgst -sha1 -hmac "north-secret" -binary | base64
    expect(turnCredential('north-secret', 1_700_000_000_999, 'peer')).toEqual({
      username: '1700000000:peer',
      credential: 'Xf+oToG6LXk714L4FkYdtlsXDDw=',
    });
  });

  it('should give STUN servers always and TURN only with a shared secret', () => {
    const base = { STUN_URLS: ['stun:turn.example.org:3478'], TURN_URLS: ['turns:turn.example.org:443?transport=tcp'] };
    expect(iceServers({ ...base }, 1_700_000_000_000, 'x')).toEqual([{ urls: base.STUN_URLS }]);
    const [, turn] = iceServers({ ...base, TURN_SHARED_SECRET: 'north-secret' }, 1_700_000_000_000, 'x');
    expect(turn).toMatchObject({ urls: base.TURN_URLS, username: '1700000000:x' });
  });
});
