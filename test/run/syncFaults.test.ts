import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { reservedTokens } from '../../src/run/sync/reservation.ts';
import { syncCostUsd } from '../../src/run/sync/runSyncCost.ts';
import { byId, chatItem, client, pricingFor, run } from './syncHelpers.ts';

const started: RunningEmulator[] = [];
async function emulator(opts: Parameters<typeof startEmulator>[0]) {
  const e = await startEmulator(opts);
  started.push(e);
  return e;
}
after(() => Promise.all(started.map((e) => e.close())));

let faulty: RunningEmulator;
const faultyCalls: string[] = [];
before(async () => {
  faulty = await emulator({ seed: 3, httpFaultRate: 0.15, dropRate: 0.1, log: (l) => faultyCalls.push(l) });
});

test('500/503 faults and dropped connections are retried; every item succeeds exactly once', async () => {
  const items = Array.from({ length: 40 }, (_, i) => chatItem(i + 1));
  const { records, stats } = await run(items, { client: client(faulty.url), retries: 6, concurrency: 8 });
  assert.equal(records.length, 40);
  assert.ok(records.every((r) => r.status === 'succeeded'), JSON.stringify(records.filter((r) => r.status !== 'succeeded')));
  assert.equal(new Set(records.map((r) => r.custom_id)).size, 40);
  assert.ok(stats.retries > 0, 'the faults happened and were retried');
  assert.equal(stats.sent, 40 + stats.retries);
  assert.ok(faultyCalls.some((l) => / 50[03] /.test(l)), 'the server answered some 500/503');
  assert.ok(stats.sent > faultyCalls.length, 'some connections were dropped (no answer logged)');
  assert.equal(faultyCalls.filter((l) => / 200 /.test(l)).length, 40, 'never two successful calls for one item');
});

test('retries run out: the failure is final, with its code and the attempt count', async () => {
  const always = await emulator({ httpFaultRate: 1 });
  const { records, stats } = await run([chatItem(1)], { client: client(always.url), retries: 1 });
  assert.equal(records[0].status, 'failed');
  assert.match(records[0].error!.code, /^http_50[03]$/);
  assert.match(records[0].error!.message, /failed 2 times/);
  assert.deepEqual([stats.sent, stats.retries], [2, 1]);
});

test('flex without capacity: backs off, then the standard tier when allowed (priced as sync), else fails', async () => {
  const busy = await emulator({ flexUnavailableRate: 1 });
  const items = [chatItem(1, 'gpt-5-mini'), chatItem(2, 'gpt-5-mini')];
  const fell = await run(items, { client: client(busy.url), tier: 'flex', retries: 1, flexFallback: true });
  for (const r of fell.records) {
    assert.deepEqual([r.status, r.mode, (r.response as { service_tier: string }).service_tier], ['succeeded', 'sync', 'default']);
    assert.equal(r.cost_usd, syncCostUsd(pricingFor('gpt-5-mini'), 'sync', r.usage));
  }
  assert.equal(fell.stats.rateLimited429, 0, 'flex capacity 429s are not rate limiting');

  const stuck = await run(items, { client: client(busy.url), tier: 'flex', retries: 1, flexFallback: false });
  for (const r of stuck.records) assert.deepEqual([r.status, r.mode, r.error?.code], ['failed', 'flex', 'resource_unavailable']);
});

test('abort: calls in flight are aborted, nothing else starts, every item is skipped', async () => {
  const slow = await emulator({ flexDelayMs: 3000 });
  const items = Array.from({ length: 5 }, (_, i) => chatItem(i + 1, 'gpt-5-mini'));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 300);
  const t0 = Date.now();
  const { records, stats } = await run(items, { client: client(slow.url), tier: 'flex', concurrency: 2, rpm: 1000, signal: ac.signal });
  assert.ok(Date.now() - t0 < 2000, 'did not wait for the slow answers');
  assert.equal(records.length, 5);
  assert.ok(records.every((r) => r.status === 'skipped' && r.error?.code === 'aborted'));
  assert.deepEqual([stats.sent, stats.skipped], [2, 5]);
  assert.equal(byId(records).get('req-1')!.error!.message, 'aborted while in flight (the API may have billed it)');
});

test('limits unknown: one probe reads them from the headers, then no 429 — the rest waits (here: past the deadline)', async () => {
  const probe = chatItem(1);
  const perItem = reservedTokens(probe, 'max');
  const limited = await emulator({ tpm: perItem * 3, rpm: 1000 });
  const items = Array.from({ length: 8 }, (_, i) => chatItem(i + 1));
  // The probe, then one a second (each is larger than a second's share of the tokens); the bucket holds three.
  const { records, stats, logs } = await run(items, { client: client(limited.url), concurrency: 8, deadline: Date.now() + 3000 });
  assert.equal(stats.rateLimited429, 0, 'a burst of 8 would have drawn five 429s');
  assert.ok(logs.includes(`gpt-4o-mini: limits 1000 requests and ${perItem * 3} tokens per minute (from the API's headers)`), logs.join('\n'));
  assert.equal(stats.succeeded, 3);
  assert.equal(stats.skipped, 5);
  assert.equal(records.length, 8);
});

/** A server in front of the emulator that answers what the emulator cannot: the first `n` calls get `reply`. */
async function frontOf(target: RunningEmulator, n: number, reply: (res: import('node:http').ServerResponse) => void) {
  let seen = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (seen++ < n) return reply(res);
    const upstream = await fetch(`${target.url.replace(/\/v1$/, '')}${req.url}`, {
      method: req.method,
      headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
    });
    res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, calls: () => seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('429 rate limited: waits what retry-after-ms says (holding everyone), then all succeed', async () => {
  const ok = await emulator({});
  const front = await frontOf(ok, 2, (res) => {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '400', 'x-ratelimit-limit-requests': '100', 'x-ratelimit-remaining-requests': '0' });
    res.end(JSON.stringify({ error: { message: 'Rate limit reached for gpt-4o-mini on requests per min (RPM)', type: 'requests', param: null, code: 'rate_limit_exceeded' } }));
  });
  try {
    const items = Array.from({ length: 6 }, (_, i) => chatItem(i + 1));
    const t0 = Date.now();
    const { records, stats } = await run(items, { client: client(front.url), rpm: 100, concurrency: 2, retries: 0 });
    assert.ok(Date.now() - t0 >= 400, 'the pause was honoured');
    assert.ok(records.every((r) => r.status === 'succeeded'), 'rate-limit 429s do not use up `retries`');
    assert.deepEqual([stats.rateLimited429, stats.retries, stats.sent, front.calls()], [2, 2, 8, 8]);
  } finally {
    await front.close();
  }
});

test('a rejected key stops the run: the rest fail without being sent, and the key is in no message or log', async () => {
  const ok = await emulator({});
  const key = 'sk-proj-SECRETsecret0123456789';
  const front = await frontOf(ok, 1000, (res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
  });
  try {
    const items = Array.from({ length: 10 }, (_, i) => chatItem(i + 1));
    const { records, stats, logs } = await run(items, { client: client(front.url, key), concurrency: 1 });
    assert.equal(records.length, 10);
    assert.ok(records.every((r) => r.status === 'failed' && r.error?.code === 'invalid_api_key'));
    assert.equal(front.calls(), 1, 'one refusal is enough');
    assert.equal(stats.sent, 1);
    const everything = JSON.stringify(records) + logs.join('\n');
    assert.ok(!everything.includes('SECRET'), everything);
    assert.ok(everything.includes('[redacted]'));
  } finally {
    await front.close();
  }
});
