// Files' expires_after and batches' output_expires_after are honoured: expires_at says when, and after it the file
// is gone (404, not listed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';
import { chatLine, fastEmulator, finishOnClock, jsonl, TestClock } from './helpers.ts';

const BOUND = { timeout: 20_000 };
const HOUR_S = 3600;

test('expires_after on upload: expires_at = created_at + seconds; then 404 everywhere and not listed', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, client } = await fastEmulator({ now: clock.now });
  try {
    const text = jsonl([chatLine('a')]);
    const file = await client.files.create({
      file: await toFile(Buffer.from(text), 'in.jsonl'),
      purpose: 'batch',
      expires_after: { anchor: 'created_at', seconds: HOUR_S },
    });
    assert.equal(file.created_at, Math.floor(clock.ms / 1000));
    assert.equal(file.expires_at, file.created_at + HOUR_S);
    const keeper = await client.files.create({ file: await toFile(Buffer.from(text), 'keep.jsonl'), purpose: 'batch' });
    assert.equal(keeper.expires_at, keeper.created_at + 30 * 86_400, 'the default for purpose=batch: 30 days');
    const userData = await client.files.create({
      file: await toFile(Buffer.from('{}'), 'notes.json'),
      purpose: 'user_data',
      expires_after: { anchor: 'created_at', seconds: 7200 },
    });
    assert.equal(userData.expires_at, userData.created_at + 7200, 'honoured for any purpose');

    clock.advance(HOUR_S * 1000 - 1000);
    assert.equal((await client.files.retrieve(file.id)).id, file.id);
    clock.advance(1000);
    await assert.rejects(client.files.retrieve(file.id), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError);
      assert.equal((e.error as { message: string }).message, `No such File object: ${file.id}`);
      return true;
    });
    await assert.rejects(client.files.content(file.id), OpenAI.NotFoundError);
    await assert.rejects(client.files.delete(file.id), OpenAI.NotFoundError);
    assert.deepEqual((await client.files.list()).data.map((f) => f.id), [userData.id, keeper.id]);
    // A batch on an expired file cannot find it.
    await assert.rejects(client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }), OpenAI.NotFoundError);
  } finally {
    await emulator.close();
  }
});

test('expires_after out of range or with another anchor is a 400 naming the parameter', BOUND, async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const upload = async (expires_after: unknown) =>
      client.files.create({ file: await toFile(Buffer.from(jsonl([chatLine('a')])), 'in.jsonl'), purpose: 'batch', expires_after: expires_after as never });
    for (const [value, param] of [
      [{ anchor: 'created_at', seconds: 3599 }, 'expires_after.seconds'],
      [{ anchor: 'created_at', seconds: 2_592_001 }, 'expires_after.seconds'],
      [{ anchor: 'last_active_at', seconds: 3600 }, 'expires_after.anchor'],
    ] as const) {
      await assert.rejects(upload(value), (e: unknown) => {
        assert.ok(e instanceof OpenAI.BadRequestError, String(e));
        assert.equal(e.param, param);
        return true;
      });
    }
    assert.equal((await client.files.list()).data.length, 0, 'a refused upload keeps nothing');
    const ok = await upload({ anchor: 'created_at', seconds: 2_592_000 });
    assert.equal(ok.expires_at, ok.created_at + 2_592_000);
  } finally {
    await emulator.close();
  }
});

test('output_expires_after: the output and error files expire that long after they are created', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, client } = await fastEmulator({ failRate: 0.5, seed: 2, now: clock.now });
  try {
    const input = await client.files.create({
      file: await toFile(Buffer.from(jsonl(Array.from({ length: 20 }, (_, i) => chatLine(`r-${i}`)))), 'in.jsonl'),
      purpose: 'batch',
    });
    await assert.rejects(
      client.batches.create({
        input_file_id: input.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        output_expires_after: { anchor: 'created_at', seconds: 60 },
      }),
      (e: unknown) => e instanceof OpenAI.BadRequestError && e.param === 'output_expires_after.seconds',
    );
    const created = await client.batches.create({
      input_file_id: input.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      output_expires_after: { anchor: 'created_at', seconds: 2 * HOUR_S },
    });
    // The anchor is the file's creation, not the batch's: let some time pass before the files are written.
    clock.advance(10 * 60_000);
    const { batch } = await finishOnClock(client, created.id, clock);
    assert.equal(batch.status, 'completed');
    const output = await client.files.retrieve(batch.output_file_id!);
    const errors = await client.files.retrieve(batch.error_file_id!);
    for (const f of [output, errors]) {
      assert.equal(f.purpose, 'batch_output');
      assert.ok(f.created_at > batch.created_at + 500);
      assert.equal(f.expires_at, f.created_at + 2 * HOUR_S);
    }
    clock.advance(2 * HOUR_S * 1000);
    await assert.rejects(client.files.content(output.id), OpenAI.NotFoundError);
    await assert.rejects(client.files.retrieve(errors.id), OpenAI.NotFoundError);
    // The batch still names its files; the input, 30 days by default, is still there.
    assert.equal((await client.batches.retrieve(batch.id)).output_file_id, output.id);
    assert.equal((await client.files.retrieve(input.id)).id, input.id);
  } finally {
    await emulator.close();
  }
});
