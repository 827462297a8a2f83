import { formatManageCode, isManageCode, manageLink, normaliseManageCode } from './manage-code';

describe(normaliseManageCode.name, () => {
  it('should read what people type from a slip: case, groups and look-alike letters', () => {
    expect(normaliseManageCode('k7qm-4xrt-9p')).toBe('K7QM4XRT9P');
    expect(normaliseManageCode(' K7QM 4XRT 9P ')).toBe('K7QM4XRT9P');
    expect(normaliseManageCode('O0IL-1ABC-DE')).toBe('0011' + '1ABCDE');
  });
});

describe(isManageCode.name, () => {
  it('should accept ten Crockford characters and nothing else', () => {
    expect(isManageCode('K7QM-4XRT-9P')).toBe(true);
    expect(isManageCode('k7qm4xrt9p')).toBe(true);
    expect(isManageCode('K7QM-4XRT-9')).toBe(false);
    expect(isManageCode('K7QM-4XRT-9PP')).toBe(false);
    expect(isManageCode('K7QM-4XRT-9U')).toBe(false);
    expect(isManageCode('mt_abcdefgh')).toBe(false);
  });
});

describe(manageLink.name, () => {
  it('should put the grouped code in the fragment, which browsers never send', () => {
    expect(manageLink('https://boka.example.se/', 'K7P-3QX', 'k7qm4xrt9p')).toBe(
      'https://boka.example.se/manage/K7P-3QX#K7QM-4XRT-9P',
    );
    expect(formatManageCode('K7QM4XRT9P')).toBe('K7QM-4XRT-9P');
  });
});
