import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodingNameForModel, UnknownModelError } from '../../src/tokens/index.ts';

test('o200k_base families, including names the JS packages do not know', () => {
  for (const model of [
    'gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-mini', 'chatgpt-4o-latest', 'gpt-4.1', 'gpt-4.1-mini-2025-04-14',
    'gpt-4.5-preview', 'o1', 'o1-pro', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5.1', 'gpt-5.2-pro', 'gpt-5-nano',
    'ft:gpt-4o-mini-2024-07-18:acme::abc123', 'omni-moderation-latest', 'codex-mini-latest',
  ]) {
    assert.equal(encodingNameForModel(model), 'o200k_base', model);
  }
});

test('cl100k_base families; gpt-4o / gpt-4.1 / gpt-4.5 never fall into the gpt-4- rule', () => {
  for (const model of [
    'gpt-4', 'gpt-4-0613', 'gpt-4-turbo', 'gpt-4-32k', 'gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'gpt-35-turbo',
    'text-embedding-3-small', 'text-embedding-ada-002', 'davinci-002', 'babbage-002',
    'ft:gpt-3.5-turbo-0125:acme::x1', 'ft:gpt-4-0613:acme::x2', 'ft:davinci-002:acme::x3',
  ]) {
    assert.equal(encodingNameForModel(model), 'cl100k_base', model);
  }
});

test('an unknown model is a typed error that names the model and the pricing-file fix', () => {
  assert.throws(
    () => encodingNameForModel('claude-3-opus'),
    (error: unknown) =>
      error instanceof UnknownModelError &&
      error.model === 'claude-3-opus' &&
      error.message.includes('"claude-3-opus"') &&
      error.message.includes('"encoding"'),
  );
  // 'gpt-40' is not gpt-4o, and a bare 'gpt-4x' is not gpt-4.
  assert.throws(() => encodingNameForModel('gpt-40'), UnknownModelError);
  assert.throws(() => encodingNameForModel('gpt-4x'), UnknownModelError);
});

test('the pricing-file override wins, for unknown and known models', () => {
  assert.equal(encodingNameForModel('my-local-model', 'cl100k_base'), 'cl100k_base');
  assert.equal(encodingNameForModel('gpt-4o', 'cl100k_base'), 'cl100k_base');
});
