import { classifyQuality } from './quality';

describe(classifyQuality.name, () => {
  it('should call a fast, clean connection good and a slow or lossy one poor', () => {
    expect(classifyQuality({ roundTripTime: 0.02, lossFraction: 0 })).toBe('good');
    expect(classifyQuality({ roundTripTime: 0.2, lossFraction: 0.01 })).toBe('fair');
    expect(classifyQuality({ roundTripTime: 0.05, lossFraction: 0.03 })).toBe('fair');
    expect(classifyQuality({ roundTripTime: 0.5, lossFraction: 0 })).toBe('poor');
    expect(classifyQuality({ roundTripTime: 0.05, lossFraction: 0.1 })).toBe('poor');
  });

  it('should not guess before any statistics arrive', () => {
    expect(classifyQuality({ roundTripTime: null, lossFraction: null })).toBe('unknown');
  });
});
