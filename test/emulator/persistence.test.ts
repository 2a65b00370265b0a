// --data-dir: a client killed mid-run, restarted against a restarted emulator, still sees its batch progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatLine, createBatch, fastEmulator, jsonl, pollBatch, readLines } from './helpers.ts';

test('files and a running batch survive a restart; progress continues from the timestamps', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bw-persist-'));
  try {
    const ids = Array.from({ length: 30 }, (_, i) => `p-${i}`);
    const first = await fastEmulator({ dataDir: dir, completeAfterMs: 1500, failRate: 0.2, seed: 4 });
    const created = await createBatch(first.client, jsonl(ids.map((id) => chatLine(id))));
    const { batch: before } = await pollBatch(first.client, created.id, (b) => b.status === 'in_progress' && b.request_counts!.completed > 0);
    await first.emulator.close();

    // Other flags on restart: the batch keeps the seed and fail rate it was created under.
    const second = await fastEmulator({ dataDir: dir });
    try {
      const resumed = await second.client.batches.retrieve(created.id);
      assert.equal(resumed.created_at, before.created_at);
      assert.equal(resumed.in_progress_at, before.in_progress_at);
      assert.ok(['in_progress', 'finalizing', 'completed'].includes(resumed.status), resumed.status);
      const files = await second.client.files.list();
      assert.ok(files.data.some((f) => f.id === created.input_file_id), 'the input file survived');

      const { batch, seen } = await pollBatch(second.client, created.id);
      assert.equal(batch.status, 'completed');
      const progress = seen.map((b) => b.request_counts!.completed + b.request_counts!.failed);
      assert.ok(progress[0] >= before.request_counts!.completed + before.request_counts!.failed, 'no progress lost');
      const lines = [...(await readLines(second.client, batch.output_file_id)), ...(await readLines(second.client, batch.error_file_id))];
      assert.deepEqual(lines.map((l) => l.custom_id).sort(), [...ids].sort());
      assert.equal(batch.request_counts!.failed, (await readLines(second.client, batch.error_file_id)).length);
      assert.ok(batch.request_counts!.failed > 0, 'fail-rate 0.2 still applies after the restart');
    } finally {
      await second.emulator.close();
    }

    // A third start sees the finished batch as it was.
    const third = await fastEmulator({ dataDir: dir });
    try {
      const done = await third.client.batches.retrieve(created.id);
      assert.equal(done.status, 'completed');
      assert.equal((await readLines(third.client, done.output_file_id)).length, done.request_counts!.completed);
    } finally {
      await third.emulator.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
