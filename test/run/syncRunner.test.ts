import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { reservedTokens } from '../../src/run/sync/reservation.ts';
import { syncCostUsd } from '../../src/run/sync/runSyncCost.ts';
import type { SyncProgress } from '../../src/run/sync/runSync.ts';
import type { RunItem } from '../../src/run/types.ts';
import { byId, chatItem, client, item, pricingFor, run } from './syncHelpers.ts';

let emu: RunningEmulator;
const calls: string[] = [];
before(async () => {
  emu = await startEmulator({ seed: 7, log: (l) => calls.push(l) });
});
after(() => emu.close());

test('every endpoint: one succeeded record per item, priced from its usage at the sync price', async () => {
  const items: RunItem[] = [
    ...Array.from({ length: 30 }, (_, i) => chatItem(i + 1)),
    item(31, '/v1/embeddings', { model: 'text-embedding-3-small', input: 'hello there' }),
    item(32, '/v1/embeddings', { model: 'text-embedding-3-small', input: 'hello there', encoding_format: 'base64', dimensions: 8 }),
    item(33, '/v1/responses', { model: 'gpt-4.1-mini', input: 'Write a haiku.', max_output_tokens: 40 }),
    item(34, '/v1/completions', { model: 'gpt-3.5-turbo', prompt: 'Once upon a time', max_tokens: 10 }),
    item(35, '/v1/moderations', { model: 'omni-moderation-latest', input: 'a friendly sentence' }),
  ];
  // A stream, as the runners get it.
  async function* stream() {
    for (const it of items) yield it;
  }
  const { records, stats } = await run(stream(), { client: client(emu.url), concurrency: 8 });

  assert.equal(records.length, items.length);
  assert.deepEqual(new Set(records.map((r) => r.custom_id)), new Set(items.map((i) => i.custom_id)));
  assert.deepEqual([stats.succeeded, stats.failed, stats.skipped, stats.sent, stats.retries], [items.length, 0, 0, items.length, 0]);
  const got = byId(records);
  for (const it of items) {
    const r = got.get(it.custom_id)!;
    assert.equal(r.status, 'succeeded', it.custom_id);
    assert.deepEqual([r.line, r.mode, r.batch_id, r.error], [it.line, 'sync', null, null]);
  }
  const chat = got.get('req-1')!;
  const usage = chat.usage as { prompt_tokens: number; completion_tokens: number };
  assert.equal(usage.prompt_tokens, items[0].input_tokens, 'the emulator counts as the estimate does');
  const p = pricingFor('gpt-4o-mini').sync;
  assert.equal(chat.cost_usd, (usage.prompt_tokens * p.input + usage.completion_tokens * p.output) / 1e6);
  assert.ok((chat.cost_usd ?? 0) > 0);
  assert.ok(got.get('req-33')!.cost_usd! > 0, 'responses usage shape is priced too');

  // Embeddings come back as the request asked: floats by default (as the Batch API returns them), base64 if asked.
  const floats = (got.get('req-31')!.response as { data: { embedding: unknown }[] }).data[0].embedding;
  assert.ok(Array.isArray(floats) && floats.length === 1536 && typeof floats[0] === 'number');
  const b64 = (got.get('req-32')!.response as { data: { embedding: unknown }[] }).data[0].embedding;
  assert.equal(typeof b64, 'string');
  assert.equal(Buffer.from(b64 as string, 'base64').length, 8 * 4);
  assert.equal(got.get('req-35')!.cost_usd, null, 'moderations report no usage: nothing billed');
});

test('a 4xx is final: sent once, failed with the API’s code and message', async () => {
  calls.length = 0;
  const bad = item(1, '/v1/chat/completions', { model: 'gpt-4o-mini', messages: [] }, 'empty');
  const { records, stats } = await run([bad, chatItem(2)], { client: client(emu.url), retries: 3 });
  const r = byId(records).get('empty')!;
  assert.deepEqual([r.status, r.error?.code, r.response, r.cost_usd], ['failed', 'empty_array', null, null]);
  assert.match(r.error!.message, /empty array/);
  assert.equal(calls.filter((l) => / 400 /.test(l)).length, 1, 'no retry of a 400');
  assert.deepEqual([stats.failed, stats.succeeded, stats.retries], [1, 1, 0]);
});

test('flex: service_tier "flex" on chat/responses, priced at the flex price; embeddings stay standard', async () => {
  const items = [
    chatItem(1, 'gpt-5-mini'),
    item(2, '/v1/responses', { model: 'gpt-5-mini', input: 'hi', max_output_tokens: 30 }),
    item(3, '/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' }),
  ];
  const { records } = await run(items, { client: client(emu.url), tier: 'flex' });
  const got = byId(records);
  const chat = got.get('req-1')!;
  assert.deepEqual([chat.status, chat.mode, (chat.response as { service_tier: string }).service_tier], ['succeeded', 'flex', 'flex']);
  assert.equal(chat.cost_usd, syncCostUsd(pricingFor('gpt-5-mini'), 'flex', chat.usage));
  assert.ok(chat.cost_usd! < syncCostUsd(pricingFor('gpt-5-mini'), 'sync', chat.usage)!, 'flex is the cheaper price');
  assert.equal(got.get('req-2')!.mode, 'flex');
  assert.deepEqual([got.get('req-3')!.status, got.get('req-3')!.mode], ['succeeded', 'sync']);
});

test('flex tier on a model without flex (a mixed file): sent at the standard tier, priced as sync', async () => {
  const { records } = await run([chatItem(1, 'gpt-4o-mini'), chatItem(2, 'gpt-5-mini')], { client: client(emu.url), tier: 'flex' });
  const got = byId(records);
  const plain = got.get('req-1')!;
  assert.deepEqual([plain.status, plain.mode], ['succeeded', 'sync']);
  assert.notEqual((plain.response as { service_tier: string }).service_tier, 'flex', 'no service_tier "flex" sent for gpt-4o-mini');
  assert.equal(plain.cost_usd, syncCostUsd(pricingFor('gpt-4o-mini'), 'sync', plain.usage));
  assert.equal(got.get('req-2')!.mode, 'flex');
});

test('deadline passed: nothing is sent, every item is skipped with code "deadline"', async () => {
  calls.length = 0;
  const items = Array.from({ length: 5 }, (_, i) => chatItem(i + 1));
  const { records, stats } = await run(items, { client: client(emu.url), deadline: Date.now() - 1 });
  assert.equal(records.length, 5);
  assert.ok(records.every((r) => r.status === 'skipped' && r.error?.code === 'deadline'));
  assert.deepEqual([stats.sent, stats.skipped], [0, 5]);
  assert.equal(calls.length, 0);
});

test('deadline within the run: what fits the token budget goes, the rest is skipped at once (no wait for the bucket)', async () => {
  const items = Array.from({ length: 10 }, (_, i) => chatItem(i + 1));
  const perItem = reservedTokens(items[0], 'max');
  const started = Date.now();
  // The bucket holds three; at tpm/60 a second each request goes alone, one a second (0, 1, 2 s); the fourth would
  // wait ~17 s for the refill, far past the deadline.
  const { records, stats } = await run(items, { client: client(emu.url), tpm: perItem * 3 + 1, deadline: Date.now() + 4000, concurrency: 4 });
  assert.ok(Date.now() - started < 3500, 'skipping does not wait for the deadline when the bucket cannot refill before it');
  assert.equal(records.length, 10);
  assert.equal(stats.succeeded, 3);
  assert.equal(stats.skipped, 7);
  assert.ok(records.filter((r) => r.status === 'skipped').every((r) => r.error?.code === 'deadline'));
});

test('a request larger than the whole tokens-per-minute limit fails without being sent', async () => {
  calls.length = 0;
  const big = chatItem(1, 'gpt-4o-mini', { max_tokens: 5000 });
  const { records } = await run([big], { client: client(emu.url), tpm: 1000 });
  assert.deepEqual([records[0].status, records[0].error?.code], ['failed', 'request_too_large']);
  assert.equal(calls.length, 0);
});

test('a broken item stream: what was started is still reported, then the stream’s error comes out', async () => {
  async function* broken() {
    yield chatItem(1);
    yield chatItem(2);
    throw new Error('read error on requests.jsonl');
  }
  const records: string[] = [];
  const { runSync } = await import('../../src/run/sync/runSync.ts');
  await assert.rejects(
    runSync(broken(), { client: client(emu.url), tier: 'default', rpm: 100, pricingFor }, (r) => records.push(r.custom_id)),
    /read error/,
  );
  assert.deepEqual(records.sort(), ['req-1', 'req-2']);
});

test('items are pulled from the stream only as slots free up; progress counts up to the total', async () => {
  let pulled = 0;
  let answered = 0;
  let mostAhead = 0;
  function* lazy() {
    for (let i = 1; i <= 40; i++) {
      pulled++;
      mostAhead = Math.max(mostAhead, pulled - answered);
      yield chatItem(i);
    }
  }
  const { runSync } = await import('../../src/run/sync/runSync.ts');
  await runSync(lazy(), { client: client(emu.url), tier: 'default', rpm: 10_000, concurrency: 4, pricingFor }, () => answered++);
  assert.equal(answered, 40);
  assert.ok(mostAhead <= 5, `held ${mostAhead} items at once with 4 slots`);

  const seen: SyncProgress[] = [];
  const items = Array.from({ length: 6 }, (_, i) => chatItem(i + 1));
  let cost = 0;
  await runSync(items, { client: client(emu.url), tier: 'default', rpm: 10_000, pricingFor, onProgress: (p) => seen.push(p) }, (r) => (cost += r.cost_usd ?? 0));
  const end = seen.at(-1)!;
  assert.deepEqual([end.done, end.total, end.inFlight, end.rateLimited, end.succeeded, end.failed, end.skipped, end.etaMs], [6, 6, 0, 0, 6, 0, 0, 0]);
  assert.deepEqual(seen.map((p) => p.done), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(end.requestsPerMinute, { used: 6, limit: 10_000 }, 'what went out this minute, against the limit');
  assert.deepEqual(end.tokensPerMinute, { used: items.reduce((n, it) => n + reservedTokens(it, 'max'), 0), limit: null });
  assert.ok(end.costUsd > 0 && Math.abs(end.costUsd - cost) < 1e-9, 'cost so far adds up the answers');
});

test('a record that cannot be journaled stops the run: the error comes out once what is in flight is back', async () => {
  const { runSync } = await import('../../src/run/sync/runSync.ts');
  let seen = 0;
  await assert.rejects(
    runSync(Array.from({ length: 50 }, (_, i) => chatItem(i + 1)), { client: client(emu.url), tier: 'default', concurrency: 4, pricingFor }, () => {
      if (++seen === 3) throw new Error('ENOSPC: no space left on device');
    }),
    /ENOSPC/,
  );
  assert.ok(seen < 50, `stopped after ${seen} records`);
});
