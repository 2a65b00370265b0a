// Model names as the real API answers them: a family name answers as its snapshot (gpt-4o → gpt-4o-2024-08-06), in
// sync answers, batch lines and the Batch object's `model`; models.retrieve is a 404 for a model the catalog does
// not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { ModelCatalog } from '../../src/emulator/modelTraits.ts';
import type { Catalog } from '../../src/pricing/index.ts';
import { chatLine, createBatch, fastEmulator, jsonl, pollBatch, readLines } from './helpers.ts';

const BOUND = { timeout: 20_000 };

function entry(snapshots: string[]) {
  return { input: 1, output: 4, batch_input: 0.5, batch_output: 2, flex: null, reasoning: false, cached_input: null, snapshots, endpoints: [] };
}
/** The fields the emulator reads, so these tests do not depend on the bundled catalog's current state. */
const CATALOG = {
  as_of: '2026-10-01',
  source: 'test',
  models: {
    'gpt-4o': entry(['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20']),
    'gpt-4o-mini': entry(['gpt-4o-mini-2024-07-18']),
    'gpt-3.5-turbo': entry(['gpt-3.5-turbo-0125']),
    // An alias listed before nothing dated: answered as sent.
    'gpt-5.6-sol': entry(['gpt-5.6']),
    'text-embedding-3-small': entry([]),
    'omni-moderation-latest': entry(['omni-moderation-2024-09-26']),
  },
} as unknown as Catalog;

test('answeredName: the first dated snapshot of a family; snapshots, aliases and unknown models as sent', BOUND, () => {
  const m = new ModelCatalog(CATALOG);
  assert.equal(m.answeredName('gpt-4o'), 'gpt-4o-2024-08-06');
  assert.equal(m.answeredName('gpt-4o-2024-11-20'), 'gpt-4o-2024-11-20');
  assert.equal(m.answeredName('gpt-3.5-turbo'), 'gpt-3.5-turbo-0125');
  assert.equal(m.answeredName('gpt-5.6-sol'), 'gpt-5.6-sol');
  assert.equal(m.answeredName('gpt-5.6'), 'gpt-5.6');
  assert.equal(m.answeredName('text-embedding-3-small'), 'text-embedding-3-small');
  assert.equal(m.answeredName('omni-moderation-latest'), 'omni-moderation-2024-09-26');
  assert.equal(m.answeredName('my-own-model'), 'my-own-model');
});

test('sync answers carry the snapshot name on every endpoint', BOUND, async () => {
  const { emulator, client } = await fastEmulator({ catalog: CATALOG });
  try {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    assert.equal((await client.chat.completions.create({ model: 'gpt-4o', messages })).model, 'gpt-4o-2024-08-06');
    assert.equal((await client.chat.completions.create({ model: 'gpt-4o-2024-11-20', messages })).model, 'gpt-4o-2024-11-20');
    assert.equal((await client.chat.completions.create({ model: 'my-own-model', messages })).model, 'my-own-model');
    assert.equal((await client.responses.create({ model: 'gpt-4o-mini', input: 'hi' })).model, 'gpt-4o-mini-2024-07-18');
    assert.equal((await client.completions.create({ model: 'gpt-3.5-turbo', prompt: 'hi' })).model, 'gpt-3.5-turbo-0125');
    assert.equal((await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' })).model, 'text-embedding-3-small');
    assert.equal((await client.moderations.create({ model: 'omni-moderation-latest', input: 'hi' })).model, 'omni-moderation-2024-09-26');
  } finally {
    await emulator.close();
  }
});

test('batch lines and the Batch object name the snapshot too', BOUND, async () => {
  const { emulator, client } = await fastEmulator({ catalog: CATALOG });
  try {
    const created = await createBatch(client, jsonl(['a', 'b'].map((id) => chatLine(id, `hello ${id}`, { model: 'gpt-4o' }))));
    const { batch } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'completed');
    assert.equal(batch.model, 'gpt-4o-2024-08-06');
    const out = await readLines(client, batch.output_file_id);
    assert.deepEqual(out.map((l) => l.response!.body.model), ['gpt-4o-2024-08-06', 'gpt-4o-2024-08-06']);
  } finally {
    await emulator.close();
  }
});

test('models.retrieve: 404 model_not_found with the real message for a model the catalog does not know', BOUND, async () => {
  const { emulator, client } = await fastEmulator({ catalog: CATALOG });
  try {
    assert.deepEqual(await client.models.retrieve('gpt-4o'), { id: 'gpt-4o', object: 'model', created: 1_715_367_049, owned_by: 'system' });
    assert.equal((await client.models.retrieve('gpt-4o-2024-11-20')).id, 'gpt-4o-2024-11-20');
    await assert.rejects(client.models.retrieve('gpt-nonexistent'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError);
      assert.deepEqual(e.error, {
        message: 'The model `gpt-nonexistent` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      });
      return true;
    });
    const listed = (await client.models.list()).data.map((m) => m.id);
    assert.ok(listed.includes('gpt-4o') && listed.includes('gpt-4o-2024-08-06') && !listed.includes('gpt-nonexistent'));
  } finally {
    await emulator.close();
  }
});
