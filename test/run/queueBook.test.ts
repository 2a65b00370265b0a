// The scheduler's book of the queue, without a network: what a refusal teaches, when a part may go, the backoff when
// none of ours is left to end, and the creation ceilings (2,000 an hour, --max-batches per run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS, HOURLY_CREATIONS, QueueBook, limitFromMessage } from '../../src/run/batch/queueBook.ts';
import type { RunContext } from '../../src/run/runContext.ts';
import type { RunState } from '../../src/run/index.ts';

function ctxWith(o: { flag?: number; state?: Partial<RunState>; maxBatches?: number } = {}): RunContext {
  return {
    state: { parts: [], ...o.state } as RunState, queueLimitTokens: o.flag ?? null, poll: { min: 2_000, max: 60_000 },
    created: 0, maxBatches: o.maxBatches ?? 500,
  } as unknown as RunContext;
}

const OPENAI = 'Enqueued token limit reached for gpt-4o-mini in organization org-abc. Limit: 2,000,000 enqueued tokens. Please try again once some in_progress batches have been completed.';
const AZURE = "The number of enqueued tokens has surpassed the configured limit of 30K for the deployment 'gpt-4.1-batch'.";

test('the limit is read from the refusal as OpenAI and Azure word it; nothing else is taken for one', () => {
  assert.equal(limitFromMessage(OPENAI), 2_000_000);
  assert.equal(limitFromMessage(AZURE), 30_000);
  assert.equal(limitFromMessage('Enqueued request limit reached for text-embedding-3-small. Limit: 1,000,000 enqueued requests.'), null);
  assert.equal(limitFromMessage(null), null);
});

test('a stated limit is exact and kept; parts hold 95% of it; alone a part always goes, together they must fit', () => {
  const ctx = ctxWith();
  const book = new QueueBook(ctx);
  assert.equal(book.limit('m'), null);
  assert.equal(book.holdReason('m', 10 ** 9, 0), null, 'an unknown limit holds nothing back');
  const r = book.refused('m', 5_000_000, 0, OPENAI, 0);
  assert.ok(r.explained, 'a 5M part cannot fit a 2M queue');
  assert.match(r.learned!, /2,000,000 enqueued tokens/);
  assert.deepEqual(ctx.state.queue_limits?.m && { tokens: ctx.state.queue_limits.m.tokens, source: ctx.state.queue_limits.m.source }, { tokens: 2_000_000, source: 'api' });
  assert.equal(book.room('m'), 1_900_000);
  book.enter('m', 'a', 1_000_000);
  assert.equal(book.holdReason('m', 900_000, 0), null);
  assert.equal(book.holdReason('m', 900_001, 0), 'the queue is full');
  book.leave('m', 'a', true);
  assert.equal(book.holdReason('m', 1_900_000, 0), null);
  assert.deepEqual(book.planTokens(['m', 'other']), { m: 1_900_000 });
});

test('without a stated limit a refusal bounds it; a later acceptance above the bound drops it', () => {
  const ctx = ctxWith();
  const book = new QueueBook(ctx);
  const r = book.refused('m', 1_000, 500, 'queue full', 0);
  assert.equal(r.explained, false, 'with 500 of ours queued, the part itself may fit');
  assert.deepEqual(book.limit('m'), { tokens: 1_499, exact: false });
  assert.ok(book.refused('m', 1_000, 0, null, 0).explained, 'alone and refused: the part is too big');
  assert.deepEqual(book.limit('m'), { tokens: 999, exact: false });
  assert.deepEqual(book.planTokens(['m']), {}, 'parts are never planned at a bound');
  book.accepted('m', 5_000);
  assert.equal(book.limit('m'), null);
});

test('--queue-limit is exact; a lower limit stated by the API wins over it', () => {
  const ctx = ctxWith({ flag: 3_000_000 });
  const book = new QueueBook(ctx);
  assert.deepEqual(book.limit('m'), { tokens: 3_000_000, exact: true });
  const r = book.refused('m', 1_000_000, 1_500_000, OPENAI, 0);
  assert.match(r.learned!, /below --queue-limit 3,000,000: using it/);
  assert.deepEqual(book.limit('m'), { tokens: 2_000_000, exact: true });
});

test('a held part waits for one of our batches to end; with none left, for a backoff that doubles up to 30 minutes', () => {
  const book = new QueueBook(ctxWith());
  book.enter('m', 'a', 10);
  book.hold('m', 0);
  assert.match(book.holdReason('m', 1, 0)!, /waiting for one of our batches to end/);
  assert.equal(book.wakeAt('m'), null, 'no timer while one of ours can end');
  book.leave('m', 'a', true);
  assert.equal(book.holdReason('m', 1, 0), null, 'its end is the signal');
  const waits = [];
  for (let i = 0; i < 8; i++) {
    book.hold('m', 0);
    waits.push(book.wakeAt('m'));
  }
  assert.deepEqual(waits, [60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000]);
  assert.match(book.holdReason('m', 1, 1_000)!, /none of our batches is running/);
  assert.equal(book.holdReason('m', 1, 1_800_000), null);
  book.accepted('m', 1);
  book.hold('m', 0);
  assert.equal(book.wakeAt('m'), 60_000, 'an acceptance starts the backoff over');
  // A refused batch leaving the queue is not an end anyone waits for.
  book.enter('m', 'b', 1);
  book.hold('m', 0);
  book.leave('m', 'b', false);
  assert.notEqual(book.holdReason('m', 1, 0), null);
});

test('creations: 2,000 in the last hour wait for the oldest to age out; --max-batches ends the run\'s creating', () => {
  const now = 10 * HOUR_MS;
  const ctx = ctxWith({ state: { creations: Array.from({ length: HOURLY_CREATIONS }, (_, i) => now - HOUR_MS + 1_000 + i) }, maxBatches: 3 });
  const book = new QueueBook(ctx);
  assert.deepEqual(book.creationHold(now), { reason: 'hourly', at: now + 1_000 });
  assert.equal(book.creationHold(now + 1_001), null, 'one aged out');
  book.created(now + 1_001);
  book.created(now + 1_002);
  assert.equal(book.creationHold(now + HOUR_MS), null);
  book.created(now + HOUR_MS);
  assert.deepEqual(book.creationHold(now + HOUR_MS), { reason: 'max_batches', at: null });
  assert.ok(ctx.state.creations!.every((t) => t > now + HOUR_MS - HOUR_MS), 'only the last hour is kept in state.json');
});

test('halving on a guess stays above 1,000 requests and 1/8 of the limit', () => {
  const book = new QueueBook(ctxWith({ flag: 8_000_000 }));
  assert.equal(book.mayHalve('m', 1_999, 4_000_000), false);
  assert.equal(book.mayHalve('m', 2_000, 1_999_998), false);
  assert.equal(book.mayHalve('m', 2_000, 2_000_000), true);
});
