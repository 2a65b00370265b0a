// Cancelling takes time: `cancelling` for cancelAfterMs while in-flight lines may still finish, then `cancelled`
// with partial output. Where the unrun lines go is a switch: nowhere (default, all OpenAI documents) or the error
// file with batch_cancelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatLine, createBatch, fastEmulator, jsonl, pollBatch, readLines, TestClock } from './helpers.ts';

const BOUND = { timeout: 20_000 };
const MINUTE = 60_000;

test('cancel after: cancelling for cancelAfterMs (counts still rising), then cancelled with partial output', BOUND, async () => {
  const clock = new TestClock();
  const ids = Array.from({ length: 200 }, (_, i) => `c-${i}`);
  // The batch would run 60 minutes; it is cancelled 6 minutes in, and cancelling lasts 10 minutes.
  const { emulator, client } = await fastEmulator({ completeAfterMs: 60 * MINUTE, cancelAfterMs: 10 * MINUTE, now: clock.now });
  try {
    const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
    clock.advance(30);
    await pollBatch(client, created.id, (b) => b.status === 'in_progress');
    clock.advance(6 * MINUTE);
    const atCancel = await client.batches.cancel(created.id);
    assert.equal(atCancel.status, 'cancelling');
    assert.equal(atCancel.cancelling_at, Math.floor(clock.ms / 1000));
    const doneAtCancel = atCancel.request_counts!.completed;
    assert.ok(doneAtCancel > 0 && doneAtCancel < 50, `about 10% done: ${doneAtCancel}`);

    clock.advance(5 * MINUTE);
    const midway = await client.batches.retrieve(created.id);
    assert.equal(midway.status, 'cancelling');
    assert.ok(midway.request_counts!.completed > doneAtCancel, 'in-flight lines keep finishing while cancelling');

    clock.advance(5 * MINUTE);
    const { batch, seen } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'cancelled');
    assert.ok(seen.every((b) => b.status === 'cancelling' || b.status === 'cancelled'));
    assert.equal(batch.cancelled_at, Math.floor(clock.ms / 1000));
    assert.equal(batch.completed_at, null);
    // What finished by the end of cancelling: about 16 of 60 minutes.
    const out = await readLines(client, batch.output_file_id);
    assert.equal(out.length, batch.request_counts!.completed);
    assert.ok(out.length > midway.request_counts!.completed - 1 && out.length < 100, `partial: ${out.length}`);
    assert.ok(out.every((l) => l.response!.status_code === 200));
    assert.equal(batch.request_counts!.total, 200);
  } finally {
    await emulator.close();
  }
});

test('cancelled while validating: cancelling for cancelAfterMs, then cancelled with no files', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, client } = await fastEmulator({ validateMs: 5000, cancelAfterMs: 2000, now: clock.now });
  try {
    const created = await createBatch(client, jsonl([chatLine('a')]));
    assert.equal((await client.batches.cancel(created.id)).status, 'cancelling');
    clock.advance(1999);
    assert.equal((await client.batches.retrieve(created.id)).status, 'cancelling');
    clock.advance(1);
    const batch = await client.batches.retrieve(created.id);
    assert.equal(batch.status, 'cancelled');
    assert.equal(batch.output_file_id, null);
    assert.equal(batch.error_file_id, null);
  } finally {
    await emulator.close();
  }
});

for (const mode of ['omitted', 'error-file'] as const) {
  test(`cancelled lines ${mode}${mode === 'omitted' ? ' (default)' : ''}: where the unrun lines go`, BOUND, async () => {
    const clock = new TestClock();
    const ids = Array.from({ length: 60 }, (_, i) => `l-${i}`);
    const { emulator, client } = await fastEmulator({
      completeAfterMs: 10 * MINUTE,
      cancelAfterMs: 1000,
      now: clock.now,
      ...(mode === 'error-file' ? { cancelledLines: mode } : {}),
    });
    try {
      const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
      clock.advance(30);
      await pollBatch(client, created.id, (b) => b.status === 'in_progress');
      clock.advance(3 * MINUTE);
      await client.batches.cancel(created.id);
      clock.advance(1000);
      const { batch } = await pollBatch(client, created.id);
      assert.equal(batch.status, 'cancelled');
      const out = await readLines(client, batch.output_file_id);
      const err = await readLines(client, batch.error_file_id);
      assert.ok(out.length > 0 && out.length < ids.length, `partial: ${out.length}`);
      assert.equal(out.length, batch.request_counts!.completed);
      assert.equal(batch.request_counts!.failed, 0);
      if (mode === 'omitted') {
        // OpenAI documents only "partial results (if any) available in the output file".
        assert.equal(batch.error_file_id, null);
        assert.equal(err.length, 0);
      } else {
        assert.equal(out.length + err.length, ids.length);
        assert.deepEqual([...out, ...err].map((l) => l.custom_id).sort(), [...ids].sort());
        for (const l of err) {
          assert.equal(l.response, null);
          assert.deepEqual(l.error, { code: 'batch_cancelled', message: 'This request could not be executed before the batch was cancelled.' });
        }
      }
    } finally {
      await emulator.close();
    }
  });
}

test('expired lines are in the error file whatever cancelledLines says', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, client } = await fastEmulator({ completeAfterMs: 10 * MINUTE, expireAfterMs: 2 * MINUTE, now: clock.now });
  try {
    const ids = Array.from({ length: 40 }, (_, i) => `e-${i}`);
    const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
    clock.advance(30);
    await pollBatch(client, created.id, (b) => b.status === 'in_progress');
    clock.advance(2 * MINUTE);
    const { batch } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'expired');
    const out = await readLines(client, batch.output_file_id);
    const err = await readLines(client, batch.error_file_id);
    assert.equal(out.length + err.length, ids.length);
    assert.ok(err.length > 0 && err.every((l) => l.error!.code === 'batch_expired'));
  } finally {
    await emulator.close();
  }
});
