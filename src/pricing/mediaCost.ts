// Per-unit prices of image and video requests: which catalog key a request body bills under, how many units, and
// what they cost. Pure; the caller turns an { error } into a file:line problem. The prompt's text tokens are priced
// separately, at the model's token rates (tokens stage).
import { VIDEO_DEFAULT_SECONDS } from '../requests/validateVideoBody.ts';
import type { MediaPrice } from './types.ts';

export type MediaUnits = { key: string; units: number } | { error: string };

/** The modes with a per-unit media price (MediaPrice has sync and batch only: no flex or priority for media). */
export const MEDIA_MODES = ['sync', 'batch'] as const;
export type MediaMode = (typeof MEDIA_MODES)[number];

const IMAGE_URLS: ReadonlySet<string> = new Set(['/v1/images/generations', '/v1/images/edits']);
const VIDEO_URL = '/v1/videos';

/**
 * Images: key `"<quality> <size>"`, units = n (default 1). A quality or size that is absent, null or "auto" takes its
 * part of `media.default` (the API picks for itself then; the catalog says what that usually bills as).
 * Video: key = size (default: `media.default`), units = seconds (the API's default is 4).
 * An error when the url is not a media endpoint, the price is for the other unit, or the catalog has no such key.
 */
export function mediaUnits(url: string, body: Record<string, unknown>, media: MediaPrice): MediaUnits {
  if (IMAGE_URLS.has(url)) {
    if (media.unit !== 'image') return { error: `${url} bills per image, but the catalog prices this model per ${media.unit}` };
    const defaults = splitImageKey(media.default);
    if (!defaults) return { error: `the catalog's default media key ${JSON.stringify(media.default)} is not "<quality> <size>"` };
    const quality = chosen(body.quality) ?? defaults.quality;
    const size = chosen(body.size) ?? defaults.size;
    return priced(`${quality} ${size}`, positiveInteger(body.n) ?? 1, media);
  }
  if (url === VIDEO_URL) {
    if (media.unit !== 'second') return { error: `${url} bills per second, but the catalog prices this model per ${media.unit}` };
    const size = chosen(body.size) ?? media.default;
    return priced(size, videoSeconds(body.seconds) ?? VIDEO_DEFAULT_SECONDS, media);
  }
  return { error: `${url} is not an image or video endpoint, so it has no per-unit price` };
}

/** USD for `units` of `key` in one mode. A key the mode does not list is a programming error: mediaUnits vets keys. */
export function mediaCostUsd(media: MediaPrice, mode: MediaMode, key: string, units: number): number {
  const price = media[mode][key];
  if (price === undefined) throw new RangeError(`mediaCostUsd: no ${mode} price for media key ${JSON.stringify(key)}`);
  if (!Number.isFinite(units) || units < 0) throw new RangeError(`mediaCostUsd: units must be a finite number >= 0, got ${units}`);
  return price * units;
}

function priced(key: string, units: number, media: MediaPrice): MediaUnits {
  const missing = MEDIA_MODES.filter((mode) => media[mode][key] === undefined);
  if (missing.length === 0) return { key, units };
  const known = [...new Set([...Object.keys(media.sync), ...Object.keys(media.batch)])].sort();
  const where = missing.length === 2 ? '' : ` (${missing[0]})`;
  const list = known.length > 0 ? known.map((k) => JSON.stringify(k)).join(', ') : 'none';
  return { error: `no ${media.unit} price for ${JSON.stringify(key)} in the catalog${where}; its keys are ${list}` };
}

function splitImageKey(key: string): { quality: string; size: string } | null {
  const at = key.indexOf(' ');
  if (at <= 0 || at === key.length - 1) return null;
  return { quality: key.slice(0, at), size: key.slice(at + 1) };
}

/** A string the request chose; absent, null, empty and "auto" leave the choice to the default. */
function chosen(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'auto' ? value : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The API takes seconds as a string ("8"); a number is tolerated here, since validation has already spoken. */
function videoSeconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return positiveInteger(n);
}
