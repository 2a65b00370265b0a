import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countImagePromptTokens, countRequestTokens, countText, encodingNameForModel } from '../../src/tokens/index.ts';

const o = (t: string) => countText(t, 'o200k_base');
const PROMPT = 'A children\'s book drawing of a veterinarian using a stethoscope to listen to a baby otter.';

test('image generation: the prompt text, no framing, no images', () => {
  const body = { model: 'gpt-image-2', prompt: PROMPT, size: '1024x1024', quality: 'high', n: 4 };
  assert.equal(countImagePromptTokens(body, 'o200k_base'), o(PROMPT));
  // n images share one prompt: the prompt is billed once per request.
  assert.deepEqual(countRequestTokens('/v1/images/generations', body, 'o200k_base'), { input_tokens: o(PROMPT), images: 0, unknown_size_images: 0 });
});

test('image edits: the prompt text only (input images bill as image tokens at their own rate)', () => {
  const body = { model: 'gpt-image-2', prompt: 'make it blue', images: [{ image_url: 'https://e.com/a.png' }, { file_id: 'file-1' }], mask: { file_id: 'file-m' } };
  assert.deepEqual(countRequestTokens('/v1/images/edits', body, 'o200k_base'), { input_tokens: o('make it blue'), images: 0, unknown_size_images: 0 });
});

test('videos: the prompt is not token-billed', () => {
  const body = { model: 'sora-2', prompt: PROMPT, seconds: '8' };
  assert.deepEqual(countRequestTokens('/v1/videos', body, 'o200k_base'), { input_tokens: 0, images: 0, unknown_size_images: 0 });
});

test('malformed image bodies count nothing and never throw', () => {
  for (const prompt of [undefined, null, 7, ['a'], { text: 'a' }, '']) {
    assert.equal(countImagePromptTokens({ model: 'gpt-image-2', prompt }, 'o200k_base'), 0, JSON.stringify(prompt));
  }
});

test('GPT image models get o200k_base (undocumented: a stated guess), the pricing file can override', () => {
  for (const model of ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-2', 'gpt-image-2-2026-04-21', 'gpt-image-2.5-flare', 'chatgpt-image-latest']) {
    assert.equal(encodingNameForModel(model), 'o200k_base', model);
  }
  assert.equal(encodingNameForModel('gpt-image-2', 'cl100k_base'), 'cl100k_base');
  assert.throws(() => encodingNameForModel('gpt-imagex'));
});
