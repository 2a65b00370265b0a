import type { ImageDetail, ImageRule, ImageSize } from './types.ts';

const FIT_SIDE = 2048;
const SHORT_SIDE = 768;
const TILE = 512;
const PATCH = 32;
const MAX_PATCHES = 1536;
// Fractions like 1451.9999 must not become an extra patch.
const EPSILON = 1e-9;

/**
 * Tokens of one image. `size` null = unknown offline (an http(s) URL or a file id): the model's maximum for
 * that detail, so an estimate never undercounts an image.
 */
export function imageTokens(rule: ImageRule, size: ImageSize | null, detail: ImageDetail): number {
  if (rule.kind === 'tile') {
    if (detail === 'low') return rule.base;
    // 'auto' behaves as 'high' in API measurements (tokens.md §2b).
    const tiles = size ? tileCount(size) : MAX_TILES;
    return rule.base + tiles * rule.tile;
  }
  // Patch models ignore `detail` (community measurements, tokens.md §2a). The doc does not say how the
  // fractional product (1024 × 1.62 = 1658.88) is rounded; a reported bill of 1536 × 1.62 = 2488.32 → 2488
  // rules out ceil, and nearest keeps the error under half a token.
  const patches = size ? patchCount(size) : MAX_PATCHES;
  return Math.round(patches * rule.multiplier);
}

/**
 * 512px tiles after the high-detail resize: fit in 2048×2048, then shrink the shortest side to 768 (never
 * upscale). Scaled sides round to nearest with ties to even, as Python's round() does: measured bills for
 * gpt-4.1 show 2049×513 → height 512.75 → 513 (2 rows) but 2050×513 → 512.5 → 512 (1 row) (tokens.md §2b).
 */
export function tileCount({ width, height }: ImageSize): number {
  let w = width;
  let h = height;
  if (w > FIT_SIDE || h > FIT_SIDE) {
    const scale = FIT_SIDE / Math.max(w, h);
    w = roundHalfEven(w * scale);
    h = roundHalfEven(h * scale);
  }
  if (Math.min(w, h) > SHORT_SIDE) {
    const scale = SHORT_SIDE / Math.min(w, h);
    w = roundHalfEven(w * scale);
    h = roundHalfEven(h * scale);
  }
  return Math.ceil(w / TILE) * Math.ceil(h / TILE);
}

// The most tiles an image can need: 768×2048 after the resize is 2 × 4.
const MAX_TILES = 8;

/** 32px patches as the guide computes them for patch models (doc example: 1800×2400 → 1452). */
export function patchCount({ width, height }: ImageSize): number {
  const raw = Math.ceil(width / PATCH) * Math.ceil(height / PATCH);
  if (raw <= MAX_PATCHES) return raw;
  let r = Math.sqrt((PATCH * PATCH * MAX_PATCHES) / (width * height));
  // Shrink a little more so that a whole number of patches fits the longer-rounding side.
  const pw = (width * r) / PATCH;
  const ph = (height * r) / PATCH;
  r *= Math.min(Math.floor(pw) / pw, Math.floor(ph) / ph);
  const patches = ceilTolerant((width * r) / PATCH) * ceilTolerant((height * r) / PATCH);
  return Math.min(patches, MAX_PATCHES);
}

function ceilTolerant(x: number): number {
  return Math.ceil(x - EPSILON);
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (Math.abs(fraction - 0.5) > EPSILON) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}
