import type { ImageSize } from './types.ts';

// Image dimensions from a data: URL, reading only the header bytes: the base64 prefix is decoded in growing
// windows, never the whole image and never pixels.
const DATA_URL = /^data:image\/[\w.+-]+;base64,/i;
const FIRST_WINDOW = 64;

/** width × height of a base64 data: URL image (PNG, JPEG, GIF, WebP), or null when it cannot be read. */
export function readDataUrlImageSize(url: string): ImageSize | null {
  const header = DATA_URL.exec(url);
  if (!header) return null;
  const base64Start = header[0].length;
  // Only JPEG needs more than the first window: its size sits in the SOF segment, after any EXIF/ICC segments.
  for (let want = FIRST_WINDOW; ; want *= 4) {
    const end = base64Start + Math.ceil(want / 3) * 4;
    const complete = end >= url.length;
    const size = readImageSize(Buffer.from(url.slice(base64Start, end), 'base64'), complete);
    if (size !== 'need-more') return size;
    if (complete) return null;
  }
}

/** Size from the first bytes of an image file; 'need-more' when a JPEG's SOF lies beyond `bytes`. */
export function readImageSize(bytes: Buffer, complete = true): ImageSize | null | 'need-more' {
  if (isPng(bytes)) return bytes.length >= 24 ? positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20)) : null;
  if (isGif(bytes)) return bytes.length >= 10 ? positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8)) : null;
  if (isWebp(bytes)) return readWebpSize(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = readJpegSize(bytes);
    return size === 'need-more' && complete ? null : size;
  }
  return null;
}

function isPng(b: Buffer): boolean {
  return b.length >= 16 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR';
}

function isGif(b: Buffer): boolean {
  const magic = b.toString('latin1', 0, 6);
  return magic === 'GIF87a' || magic === 'GIF89a';
}

function isWebp(b: Buffer): boolean {
  return b.length >= 16 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
}

// WebP: the first chunk says which bitstream follows (RFC 9649).
function readWebpSize(b: Buffer): ImageSize | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return positive(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    return positive(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  }
  return null;
}

// JPEG: walk the marker segments to the first SOFn (C0–CF except DHT C4, JPG C8, DAC CC).
function readJpegSize(b: Buffer): ImageSize | null | 'need-more' {
  let at = 2;
  while (true) {
    if (at + 4 > b.length) return 'need-more';
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any SOF
    const length = b.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > b.length) return 'need-more';
      return positive(b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
    }
    if (length < 2) return null;
    at += 2 + length;
  }
}

function positive(width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { width, height } : null;
}
