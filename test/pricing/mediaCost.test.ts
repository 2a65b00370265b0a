import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEDIA_MODES, mediaCostUsd, mediaUnits } from '../../src/pricing/mediaCost.ts';
import type { MediaPrice } from '../../src/pricing/types.ts';

// Hand-made: shaped like the catalog, figures chosen to be easy to check (not OpenAI's prices).
const IMAGES: MediaPrice = {
  unit: 'image',
  sync: { 'low 1024x1024': 0.01, 'medium 1024x1024': 0.04, 'high 1024x1024': 0.16, 'medium 1536x1024': 0.06, 'high 1536x1024': 0.24 },
  batch: { 'low 1024x1024': 0.005, 'medium 1024x1024': 0.02, 'high 1024x1024': 0.08, 'medium 1536x1024': 0.03, 'high 1536x1024': 0.12 },
  default: 'medium 1024x1024',
};
const VIDEO: MediaPrice = {
  unit: 'second',
  sync: { '720x1280': 0.1, '1280x720': 0.1, '1792x1024': 0.5 },
  batch: { '720x1280': 0.05, '1280x720': 0.05, '1792x1024': 0.25 },
  default: '720x1280',
};
const GEN = '/v1/images/generations';

test('images: key "<quality> <size>" from the body, units = n', () => {
  assert.deepEqual(mediaUnits(GEN, { quality: 'high', size: '1536x1024', n: 3 }, IMAGES), { key: 'high 1536x1024', units: 3 });
  assert.deepEqual(mediaUnits('/v1/images/edits', { quality: 'low', size: '1024x1024' }, IMAGES), { key: 'low 1024x1024', units: 1 });
});

test('images: absent, null or "auto" quality / size take their part of the default key', () => {
  assert.deepEqual(mediaUnits(GEN, {}, IMAGES), { key: 'medium 1024x1024', units: 1 });
  assert.deepEqual(mediaUnits(GEN, { quality: 'auto', size: 'auto' }, IMAGES), { key: 'medium 1024x1024', units: 1 });
  assert.deepEqual(mediaUnits(GEN, { quality: null, size: '1536x1024' }, IMAGES), { key: 'medium 1536x1024', units: 1 });
  assert.deepEqual(mediaUnits(GEN, { quality: 'high', size: 'auto', n: null }, IMAGES), { key: 'high 1024x1024', units: 1 });
});

test('images: a key the catalog lacks is an error naming it and the keys there are', () => {
  const result = mediaUnits(GEN, { quality: 'high', size: '2048x2048' }, IMAGES);
  assert.ok('error' in result);
  assert.match(result.error, /no image price for "high 2048x2048" in the catalog; its keys are /);
  for (const key of Object.keys(IMAGES.sync)) assert.ok(result.error.includes(JSON.stringify(key)), key);
  // Present in one mode only: the error says which mode lacks it.
  const lopsided: MediaPrice = { ...IMAGES, batch: { ...IMAGES.batch } };
  delete lopsided.batch['high 1536x1024'];
  const one = mediaUnits(GEN, { quality: 'high', size: '1536x1024' }, lopsided);
  assert.ok('error' in one && one.error.includes('"high 1536x1024" in the catalog (batch)'), JSON.stringify(one));
});

test('video: key = size (default from the catalog), units = seconds (default 4)', () => {
  assert.deepEqual(mediaUnits('/v1/videos', { size: '1792x1024', seconds: '12' }, VIDEO), { key: '1792x1024', units: 12 });
  assert.deepEqual(mediaUnits('/v1/videos', {}, VIDEO), { key: '720x1280', units: 4 });
  assert.deepEqual(mediaUnits('/v1/videos', { seconds: 8 }, VIDEO), { key: '720x1280', units: 8 });
  const missing = mediaUnits('/v1/videos', { size: '1024x1792' }, VIDEO);
  assert.ok('error' in missing && /no second price for "1024x1792"/.test(missing.error), JSON.stringify(missing));
});

test('a url or unit that does not fit is an error, not a guess', () => {
  const notMedia = mediaUnits('/v1/chat/completions', {}, IMAGES);
  assert.ok('error' in notMedia && /not an image or video endpoint/.test(notMedia.error));
  const wrongUnit = mediaUnits('/v1/videos', {}, IMAGES);
  assert.ok('error' in wrongUnit && /bills per second, but the catalog prices this model per image/.test(wrongUnit.error));
  const wrongUnit2 = mediaUnits(GEN, {}, VIDEO);
  assert.ok('error' in wrongUnit2 && /bills per image/.test(wrongUnit2.error));
  const badDefault = mediaUnits(GEN, {}, { ...IMAGES, default: 'medium' });
  assert.ok('error' in badDefault && /default media key "medium"/.test(badDefault.error));
});

test('mediaCostUsd: the mode\'s unit price × units', () => {
  assert.equal(mediaCostUsd(IMAGES, 'sync', 'high 1536x1024', 3), 0.72);
  assert.equal(mediaCostUsd(IMAGES, 'batch', 'high 1536x1024', 3), 0.36);
  assert.equal(mediaCostUsd(VIDEO, 'sync', '1792x1024', 12), 6);
  assert.equal(mediaCostUsd(VIDEO, 'batch', '720x1280', 4), 0.2);
  assert.equal(mediaCostUsd(VIDEO, 'batch', '720x1280', 0), 0);
});

test('mediaCostUsd: an unknown key or bad units is a programming error', () => {
  assert.throws(() => mediaCostUsd(IMAGES, 'sync', 'ultra 9x9', 1), RangeError);
  assert.throws(() => mediaCostUsd(IMAGES, 'sync', 'low 1024x1024', -1), RangeError);
  assert.throws(() => mediaCostUsd(IMAGES, 'sync', 'low 1024x1024', Number.NaN), RangeError);
});

test('units and keys from mediaUnits feed mediaCostUsd end to end', () => {
  const units = mediaUnits(GEN, { quality: 'low', n: 10 }, IMAGES);
  assert.ok(!('error' in units));
  assert.equal(mediaCostUsd(IMAGES, 'batch', units.key, units.units), 0.05);
});

test('MEDIA_MODES: the modes MediaPrice prices', () => {
  assert.deepEqual([...MEDIA_MODES], ['sync', 'batch']);
});
