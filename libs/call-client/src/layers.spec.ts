import { layerForHeight } from './layers';

describe(layerForHeight.name, () => {
  it('should give a phone-sized tile the smallest layer and a full screen the top one', () => {
    expect(layerForHeight(150, 3)).toBe(0);
    expect(layerForHeight(300, 3)).toBe(1);
    expect(layerForHeight(720, 3)).toBe(2);
    expect(layerForHeight(1080, 3)).toBe(2);
  });

  it('should stay within the layers there are', () => {
    expect(layerForHeight(150, 1)).toBe(0);
    expect(layerForHeight(2000, 2)).toBe(1);
    expect(layerForHeight(100, 2)).toBe(0);
  });
});
