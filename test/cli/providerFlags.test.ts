// --provider, --deployment and bare batch ids: what the flags say is what runs, or a clear error before anything does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatLine, cli, tempDir, writeJsonl } from '../helpers.ts';
import { providerOfBatchId } from '../../src/run/providers/index.ts';

test('--deployment without --provider azure is refused (it would be ignored and the run billed elsewhere)', () => {
  const file = writeJsonl([chatLine('a', 'x', { max_tokens: 5 }, 'gpt-4.1-mini')]);
  const r = cli(['run', file, '--out', tempDir(), '--deployment', 'gpt-4.1-mini=evals'], { OPENAI_API_KEY: 'sk-test-never-sent', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
  assert.equal(r.code, 1);
  assert.match(r.stderr + r.stdout, /--deployment is for --provider azure \(the provider is openai\)/);
});

test('an unknown --provider lists the four', () => {
  const r = cli(['estimate', 'x.jsonl', '--provider', 'mistral']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /Allowed choices are openai, azure, gemini, anthropic/);
});

test('a bare batch id names its provider by its prefix', () => {
  assert.equal(providerOfBatchId('msgbatch_01abc'), 'anthropic');
  assert.equal(providerOfBatchId('batches/xyz123'), 'gemini');
  assert.equal(providerOfBatchId('batch_abc'), null);
});

test('estimate --provider azure prices no flex and no priority (Azure runs neither): the recommendation cannot be flex', () => {
  const file = writeJsonl(Array.from({ length: 20 }, (_, i) => chatLine(`r${i}`, `question ${i}`, { max_tokens: 50 }, 'gpt-5.4-mini')));
  const azure = JSON.parse(cli(['estimate', file, '--provider', 'azure', '--latency-budget', '1h', '--min-savings', '0', '--json']).stdout);
  assert.equal(azure.cost.flex, null);
  assert.equal(azure.cost.priority, null);
  assert.notEqual(azure.recommendation.mode, 'flex');
  const openai = JSON.parse(cli(['estimate', file, '--latency-budget', '1h', '--min-savings', '0', '--json']).stdout);
  assert.notEqual(openai.cost.flex, null, 'OpenAI itself has flex on this model');
});
