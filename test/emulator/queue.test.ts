// Batch limits: the enqueued-token queue per model (a batch that would overflow it fails at validation with the real
// token_limit_exceeded error) and the 2,000-batches-an-hour creation limit. Time is the emulator's clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { promptTokens } from '../../src/emulator/tokens.ts';
import { chatLine, createBatch, fastEmulator, finishOnClock, jsonl, pollBatch, TestClock } from './helpers.ts';

const BOUND = { timeout: 20_000 };

function lines(prefix: string, n: number, model = 'gpt-4o-mini') {
  return Array.from({ length: n }, (_, i) => chatLine(`${prefix}-${i}`, `Say hello to ${prefix}-${i}`, { model }));
}

function tokensOf(ls: ReturnType<typeof lines>): number {
  return ls.reduce((sum, l) => sum + promptTokens('/v1/chat/completions', l.body), 0);
}

test('queue limit: a batch that would overflow its model\'s queue fails at validation with token_limit_exceeded', BOUND, async () => {
  const clock = new TestClock();
  const a = lines('a', 10);
  const b = lines('b', 10);
  const limit = tokensOf(a) + tokensOf(b) - 1;
  const { emulator, client } = await fastEmulator({ queueLimit: limit, completeAfterMs: 60_000, now: clock.now });
  try {
    const first = await createBatch(client, jsonl(a));
    const second = await createBatch(client, jsonl(b));
    clock.advance(30);
    const running = (await pollBatch(client, first.id, (x) => x.status !== 'validating')).batch;
    assert.equal(running.status, 'in_progress');
    const { batch: failed } = await pollBatch(client, second.id, (x) => x.status !== 'validating');
    assert.equal(failed.status, 'failed');
    assert.equal(typeof failed.failed_at, 'number');
    assert.equal(failed.in_progress_at, null);
    assert.equal(failed.output_file_id, null);
    assert.equal(failed.error_file_id, null);
    // The real shape (openai/openai-python#2084): one error, no line, no param.
    assert.deepEqual(failed.errors, {
      object: 'list',
      data: [
        {
          code: 'token_limit_exceeded',
          line: null,
          param: null,
          message: `Enqueued token limit reached for gpt-4o-mini in organization org-emulator. Limit: ${limit.toLocaleString('en-US')} enqueued tokens. Please try again once some in_progress batches have been completed.`,
        },
      ],
    });

    // A snapshot queues with its family; another model has its own queue.
    const snapshot = await createBatch(client, jsonl(lines('s', 10, 'gpt-4o-mini-2024-07-18')));
    const other = await createBatch(client, jsonl(lines('o', 10, 'gpt-4.1-mini')));
    clock.advance(30);
    assert.equal((await pollBatch(client, snapshot.id, (x) => x.status !== 'validating')).batch.status, 'failed');
    assert.equal((await pollBatch(client, other.id, (x) => x.status !== 'validating')).batch.status, 'in_progress');

    // Once the first batch has completed its tokens are cleared, and the same file fits.
    assert.equal((await finishOnClock(client, first.id, clock, 10_000)).batch.status, 'completed');
    const again = await createBatch(client, jsonl(b));
    clock.advance(30);
    assert.equal((await pollBatch(client, again.id, (x) => x.status !== 'validating')).batch.status, 'in_progress');
  } finally {
    await emulator.close();
  }
});

test('queue limit: a batch larger than the whole queue fails alone; one that fits exactly runs', BOUND, async () => {
  const clock = new TestClock();
  const a = lines('a', 5);
  const { emulator, client } = await fastEmulator({ queueLimit: tokensOf(a), now: clock.now });
  try {
    const exact = await createBatch(client, jsonl(a));
    clock.advance(30);
    assert.equal((await pollBatch(client, exact.id, (x) => x.status !== 'validating')).batch.status, 'in_progress');
    assert.equal((await finishOnClock(client, exact.id, clock)).batch.status, 'completed');
    const big = await createBatch(client, jsonl(lines('b', 6)));
    clock.advance(30);
    const { batch } = await pollBatch(client, big.id);
    assert.equal(batch.status, 'failed');
    assert.equal(batch.errors!.data![0].code, 'token_limit_exceeded');
  } finally {
    await emulator.close();
  }
});

test('creations per hour: over the limit POST /v1/batches is a 429 saying the limit, with retry-after', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, client } = await fastEmulator({ creationsPerHour: 3, now: clock.now });
  try {
    const text = jsonl([chatLine('x')]);
    for (let i = 0; i < 3; i++) await createBatch(client, text);
    const before = (await client.batches.list()).data.length;
    const refused = async (retryAfterMs: number) =>
      assert.rejects(createBatch(client, text), (e: unknown) => {
        assert.ok(e instanceof OpenAI.RateLimitError);
        assert.equal(e.code, 'rate_limit_exceeded');
        assert.match(e.message, /you can create up to 3 batches per hour/);
        assert.equal(e.headers?.get('retry-after-ms'), String(retryAfterMs));
        assert.equal(e.headers?.get('retry-after'), String(Math.ceil(retryAfterMs / 1000)));
        return true;
      });
    // The bucket refills one creation every 20 minutes.
    await refused(1_200_000);
    assert.equal((await client.batches.list()).data.length, before, 'a refused create creates nothing');
    clock.advance(1_200_000);
    await createBatch(client, text);
    await refused(1_200_000);
  } finally {
    await emulator.close();
  }
  // The window limiter: the hour starts at the first creation.
  const windowClock = new TestClock();
  const w = await fastEmulator({ creationsPerHour: 2, limiter: 'window', now: windowClock.now });
  try {
    const text = jsonl([chatLine('x')]);
    await createBatch(w.client, text);
    windowClock.advance(600_000);
    await createBatch(w.client, text);
    await assert.rejects(createBatch(w.client, text), (e: unknown) => e instanceof OpenAI.RateLimitError && e.headers?.get('retry-after-ms') === '3000000');
    windowClock.advance(3_000_000);
    await createBatch(w.client, text);
  } finally {
    await w.emulator.close();
  }
});
