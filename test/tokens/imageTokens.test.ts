import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageRuleForModel } from '../../src/tokens/imageRules.ts';
import { imageTokens, patchCount, tileCount } from '../../src/tokens/imageTokens.ts';

const gpt4o = imageRuleForModel('gpt-4o');

// Worked examples of the OpenAI "Images and vision" guide.
test('guide: gpt-4o 1024×1024 high → 765 (4 tiles)', () => {
  assert.equal(imageTokens(gpt4o, { width: 1024, height: 1024 }, 'high'), 765);
});

test('guide: gpt-4o 2048×4096 high → 1105 (6 tiles)', () => {
  assert.equal(imageTokens(gpt4o, { width: 2048, height: 4096 }, 'high'), 1105);
});

test('guide: gpt-4o 4096×8192 low → 85', () => {
  assert.equal(imageTokens(gpt4o, { width: 4096, height: 8192 }, 'low'), 85);
});

test('guide: patch models 1024×1024 → 1024 patches, 1800×2400 → 1452 patches', () => {
  assert.equal(patchCount({ width: 1024, height: 1024 }), 1024);
  assert.equal(patchCount({ width: 1800, height: 2400 }), 1452);
});

test('auto detail counts as high', () => {
  const size = { width: 1024, height: 1024 };
  assert.equal(imageTokens(gpt4o, size, 'auto'), imageTokens(gpt4o, size, 'high'));
});

test('small images are never upscaled: 1×1 and 512×512 are one tile, 513×100 two', () => {
  assert.equal(tileCount({ width: 1, height: 1 }), 1);
  assert.equal(tileCount({ width: 512, height: 512 }), 1);
  assert.equal(tileCount({ width: 513, height: 100 }), 2);
  assert.equal(tileCount({ width: 768, height: 768 }), 4);
});

test('measured gpt-4.1 bills: 2049×513 → 8 tiles, 2050×513 → 4 tiles (ties round to even)', () => {
  assert.equal(tileCount({ width: 2049, height: 513 }), 8);
  assert.equal(tileCount({ width: 2050, height: 513 }), 4);
});

test('tile counts are symmetric in width and height', () => {
  for (const [w, h] of [[3000, 1000], [800, 2100], [4000, 1474]]) {
    assert.equal(tileCount({ width: w, height: h }), tileCount({ width: h, height: w }));
  }
});

test('patch models: under the cap the count is whole 32px patches, partial ones included', () => {
  assert.equal(patchCount({ width: 33, height: 32 }), 2);
  assert.equal(patchCount({ width: 128, height: 64 }), 8);
  assert.ok(patchCount({ width: 4000, height: 4000 }) <= 1536);
});

test('patch tokens are patches × the model multiplier, rounded to nearest, detail ignored', () => {
  const mini = imageRuleForModel('gpt-4.1-mini-2025-04-14');
  assert.equal(imageTokens(mini, { width: 1024, height: 1024 }, 'low'), Math.round(1024 * 1.62));
  assert.equal(imageTokens(mini, { width: 1024, height: 1024 }, 'high'), Math.round(1024 * 1.62));
  assert.equal(imageTokens(imageRuleForModel('gpt-4.1-nano'), { width: 1800, height: 2400 }, 'auto'), Math.round(1452 * 2.46));
  assert.equal(imageTokens(imageRuleForModel('o4-mini'), { width: 128, height: 64 }, 'auto'), Math.round(8 * 1.72));
});

test('unknown size counts the maximum: 8 tiles for tile models, 1536 patches for patch models', () => {
  assert.equal(imageTokens(gpt4o, null, 'high'), 85 + 8 * 170);
  assert.equal(imageTokens(gpt4o, null, 'low'), 85);
  assert.equal(imageTokens(imageRuleForModel('gpt-5-mini'), null, 'auto'), Math.round(1536 * 1.62));
  // No real size needs more tiles than the maximum.
  for (const [w, h] of [[768, 2048], [2048, 767], [2048, 2048], [100, 20000], [1025, 2049]]) {
    assert.ok(tileCount({ width: w, height: h }) <= 8, `${w}×${h}`);
  }
  assert.equal(tileCount({ width: 768, height: 2048 }), 8);
});

test('model table: specific names before families, ft: and dated names follow their base', () => {
  assert.deepEqual(imageRuleForModel('gpt-4o-mini-2024-07-18'), { kind: 'tile', base: 2833, tile: 5667 });
  assert.deepEqual(imageRuleForModel('gpt-4o-2024-08-06'), { kind: 'tile', base: 85, tile: 170 });
  assert.deepEqual(imageRuleForModel('gpt-4.1'), { kind: 'tile', base: 85, tile: 170 });
  assert.deepEqual(imageRuleForModel('gpt-4.5-preview'), { kind: 'tile', base: 85, tile: 170 });
  assert.deepEqual(imageRuleForModel('gpt-5'), { kind: 'tile', base: 70, tile: 140 });
  assert.deepEqual(imageRuleForModel('gpt-5.1'), { kind: 'tile', base: 70, tile: 140 });
  assert.deepEqual(imageRuleForModel('gpt-5-chat-latest'), { kind: 'tile', base: 70, tile: 140 });
  assert.deepEqual(imageRuleForModel('o1'), { kind: 'tile', base: 75, tile: 150 });
  assert.deepEqual(imageRuleForModel('o3-2025-04-16'), { kind: 'tile', base: 75, tile: 150 });
  assert.deepEqual(imageRuleForModel('gpt-4.1-nano'), { kind: 'patch', multiplier: 2.46 });
  assert.deepEqual(imageRuleForModel('gpt-5-nano'), { kind: 'patch', multiplier: 2.46 });
  assert.deepEqual(imageRuleForModel('gpt-5.1-mini'), { kind: 'patch', multiplier: 1.62 });
  assert.deepEqual(imageRuleForModel('o4-mini-2025-04-16'), { kind: 'patch', multiplier: 1.72 });
  assert.deepEqual(imageRuleForModel('ft:gpt-4o-mini-2024-07-18:acme::abc'), { kind: 'tile', base: 2833, tile: 5667 });
  assert.deepEqual(imageRuleForModel('gpt-4-turbo'), { kind: 'tile', base: 85, tile: 170 });
});
