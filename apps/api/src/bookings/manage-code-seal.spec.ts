import { ManageCodeSeal } from './manage-code-seal';

describe(ManageCodeSeal.name, () => {
  it('should give back the code it sealed, and never show it in the sealed form', () => {
    const seal = new ManageCodeSeal('a secret of the api that is long enough');
    const sealed = seal.seal('K7QM-4XRT-9P');
    expect(sealed).not.toContain('K7QM');
    expect(seal.open(sealed)).toBe('K7QM-4XRT-9P');
  });

  it('should open nothing under another secret, nor a tampered value', () => {
    const sealed = new ManageCodeSeal('one secret, long enough for the test').seal('K7QM-4XRT-9P');
    expect(new ManageCodeSeal('another secret, long enough too').open(sealed)).toBeNull();
    const [iv, tag, data] = sealed.split('.');
    const flipped = `${iv}.${tag}.${data.startsWith('A') ? 'B' : 'A'}${data.slice(1)}`;
    expect(new ManageCodeSeal('one secret, long enough for the test').open(flipped)).toBeNull();
    expect(new ManageCodeSeal('x').open(null)).toBeNull();
  });
});
