import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataUrlImageSize } from '../../src/tokens/imageSize.ts';
import { dataUrl, gif, jpeg, png, webpExtended, webpLossless, webpLossy } from './imageFixtures.ts';

test('PNG: size from IHDR', () => {
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/png', png(37, 3))), { width: 37, height: 3 });
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/png', png(1, 600))), { width: 1, height: 600 });
});

test('JPEG: size from SOF0, and from SOF2 (progressive)', () => {
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/jpeg', jpeg(1800, 2400))), { width: 1800, height: 2400 });
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/jpeg', jpeg(640, 480, 0, 0xc2))), { width: 640, height: 480 });
});

test('JPEG: a large EXIF segment before SOF is skipped by reading further into the base64', () => {
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/jpeg', jpeg(4032, 3024, 60_000))), { width: 4032, height: 3024 });
});

test('JPEG: DHT (C4) is not mistaken for a frame header', () => {
  const withDht = jpeg(300, 200);
  // Put a DHT segment (C4) whose bytes would read as a size right after SOI.
  const dht = Buffer.from([0xff, 0xc4, 0x00, 0x07, 0x00, 0x09, 0x99, 0x09, 0x99]);
  const bytes = Buffer.concat([withDht.subarray(0, 2), dht, withDht.subarray(2)]);
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/jpeg', bytes)), { width: 300, height: 200 });
});

test('GIF87a and GIF89a: logical screen size', () => {
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/gif', gif(513, 2)))!, { width: 513, height: 2 });
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/gif', gif(20, 30, '87a'))), { width: 20, height: 30 });
});

test('WebP: lossy VP8, lossless VP8L and extended VP8X', () => {
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/webp', webpLossy(1024, 768))), { width: 1024, height: 768 });
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/webp', webpLossless(16383, 5))), { width: 16383, height: 5 });
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/webp', webpExtended(40000, 3))), { width: 40000, height: 3 });
});

test('the reader does not depend on the declared MIME type', () => {
  assert.deepEqual(readDataUrlImageSize(dataUrl('image/jpeg', png(8, 9))), { width: 8, height: 9 });
});

test('unreadable data: truncated, unknown format, not base64, not an image, http URL → null', () => {
  assert.equal(readDataUrlImageSize(dataUrl('image/png', png(8, 9).subarray(0, 20))), null);
  assert.equal(readDataUrlImageSize(dataUrl('image/jpeg', jpeg(8, 9).subarray(0, 30))), null);
  assert.equal(readDataUrlImageSize(dataUrl('image/bmp', Buffer.from('BM' + 'x'.repeat(60)))), null);
  assert.equal(readDataUrlImageSize('data:image/png,rawbytes'), null);
  assert.equal(readDataUrlImageSize(dataUrl('text/plain', png(8, 9))), null);
  assert.equal(readDataUrlImageSize('https://example.com/cat.png'), null);
  assert.equal(readDataUrlImageSize('data:image/png;base64,'), null);
});
