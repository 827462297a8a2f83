import { BandwidthRecovery, type BweInfo } from './bandwidth-recovery';

/** A transport that records the ceilings set on it, as mediasoup's would apply them. */
function fakeTransport() {
  const ceilings: number[] = [];
  return {
    ceilings,
    closed: false,
    setMaxOutgoingBitrate: async (bitrate: number) => {
      ceilings.push(bitrate);
    },
  };
}

const heldBack: BweInfo = { desiredBitrate: 1_200_000, availableBitrate: 240_000, maxBitrate: 1_620_000 };

describe('BandwidthRecovery', () => {
  it('should lower the ceiling and lift it again, which makes the estimator probe, while the estimate holds the picture back', async () => {
    const transport = fakeTransport();
    const recovery = new BandwidthRecovery(transport, () => 10_000);
    expect(await recovery.onEstimate(heldBack)).toBe(true);
    expect(transport.ceilings).toEqual([1_296_000, 0]);
  });

  it('should still probe while the estimate is only just above what the consumers ask for', async () => {
    // Audio and retransmissions need room beside the top layer's own bitrate.
    const transport = fakeTransport();
    const recovery = new BandwidthRecovery(transport, () => 10_000);
    expect(await recovery.onEstimate({ ...heldBack, availableBitrate: 1_209_000 })).toBe(true);
    expect(transport.ceilings).toEqual([1_296_000, 0]);
  });

  it('should probe at most every 5 seconds', async () => {
    let now = 10_000;
    const transport = fakeTransport();
    const recovery = new BandwidthRecovery(transport, () => now);
    await recovery.onEstimate(heldBack);
    now += 4_999;
    expect(await recovery.onEstimate(heldBack)).toBe(false);
    now += 1;
    expect(await recovery.onEstimate(heldBack)).toBe(true);
    expect(transport.ceilings).toEqual([1_296_000, 0, 1_296_000, 0]);
  });

  it.each([
    [
      'the estimate covers what the consumers ask for, with room to spare',
      { ...heldBack, availableBitrate: 1_320_000 },
    ],
    ['nothing is consumed', { desiredBitrate: 0, availableBitrate: 300_000, maxBitrate: 1_000_000 }],
    [
      'the lowered ceiling would cut the estimate',
      { desiredBitrate: 100_000, availableBitrate: 30_000, maxBitrate: 35_000 },
    ],
  ])('should leave the line alone when %s', async (_label, info) => {
    const transport = fakeTransport();
    expect(await new BandwidthRecovery(transport, () => 10_000).onEstimate(info)).toBe(false);
    expect(transport.ceilings).toEqual([]);
  });

  it('should do nothing on a closed transport, and survive one closing mid-probe', async () => {
    const closed = { ...fakeTransport(), closed: true };
    expect(await new BandwidthRecovery(closed, () => 10_000).onEstimate(heldBack)).toBe(false);
    const closing = {
      closed: false,
      setMaxOutgoingBitrate: async () => {
        throw new Error('Transport closed');
      },
    };
    expect(await new BandwidthRecovery(closing, () => 10_000).onEstimate(heldBack)).toBe(false);
  });

  describe('telling when the line has recovered', () => {
    const withRoom: BweInfo = { ...heldBack, availableBitrate: 1_500_000 };
    const watch = () => {
      let recovered = 0;
      const recovery = new BandwidthRecovery(
        fakeTransport(),
        () => 10_000,
        () => (recovered += 1),
      );
      return { recovery, recovered: () => recovered };
    };

    it('should tell once, after the estimate fell and then had room to spare twice in a row', async () => {
      const { recovery, recovered } = watch();
      await recovery.onEstimate(heldBack);
      await recovery.onEstimate(withRoom);
      expect(recovered()).toBe(0);
      await recovery.onEstimate(withRoom);
      expect(recovered()).toBe(1);
      await recovery.onEstimate(withRoom);
      expect(recovered()).toBe(1);
    });

    it('should not take one estimate that a probe lifted on a weak line for a recovery', async () => {
      const { recovery, recovered } = watch();
      for (const info of [
        heldBack,
        withRoom,
        heldBack,
        withRoom,
        { ...heldBack, availableBitrate: 1_250_000 },
        withRoom,
      ])
        await recovery.onEstimate(info);
      expect(recovered()).toBe(0);
    });

    it('should still tell, and never touch the ceiling, without the probes', async () => {
      const transport = fakeTransport();
      let recovered = 0;
      const recovery = new BandwidthRecovery(
        transport,
        () => 10_000,
        () => (recovered += 1),
        false,
      );
      expect(await recovery.onEstimate(heldBack)).toBe(false);
      await recovery.onEstimate(withRoom);
      await recovery.onEstimate(withRoom);
      expect(recovered).toBe(1);
      expect(transport.ceilings).toEqual([]);
    });

    it('should not tell when the estimate never fell below what the consumers ask for', async () => {
      const { recovery, recovered } = watch();
      for (let i = 0; i < 5; i += 1) await recovery.onEstimate(withRoom);
      expect(recovered()).toBe(0);
    });
  });
});
