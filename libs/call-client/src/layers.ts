/**
 * The smallest layer at least as tall as the tile (device pixels), for cameras sending 720p at
 * full size and each lower layer at half the height of the one above (the encodings in produce()).
 */
export function layerForHeight(pixels: number, layers: number, topHeight = 720): number {
  for (let layer = 0; layer < layers - 1; layer += 1) {
    if (topHeight / 2 ** (layers - 1 - layer) >= pixels * 0.9) return layer;
  }
  return Math.max(0, layers - 1);
}
