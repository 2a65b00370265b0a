// Answer latency: a sync answer is held latencyMs (× the tier's factor, ± seeded jitter) before it is sent, and a
// held answer never holds up the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerDelayMs } from '../../src/emulator/routes/sync.ts';
import type { EmulatorConfig } from '../../src/emulator/types.ts';
import { chatBody, fastEmulator, post } from './helpers.ts';

const BOUND = { timeout: 20_000 };

test('the hold: latency × tier factor, jitter within ± latencyJitter, flexDelayMs on top of flex', BOUND, () => {
  const cfg = { latencyMs: 1000, latencyJitter: 0.2, flexSlowdownFactor: 3, priorityLatencyFactor: 0.5, flexDelayMs: 0 } as EmulatorConfig;
  assert.equal(answerDelayMs(cfg, undefined, false, 0.5), 1000);
  assert.equal(answerDelayMs(cfg, 'default', false, 0), 800);
  assert.ok(Math.abs(answerDelayMs(cfg, 'auto', false, 1) - 1200) < 1e-9);
  assert.equal(answerDelayMs(cfg, 'flex', true, 0.5), 3000);
  for (const tier of ['priority', 'fast', 'ultrafast']) assert.equal(answerDelayMs(cfg, tier, false, 0.5), 500);
  assert.equal(answerDelayMs({ ...cfg, flexDelayMs: 50 }, 'flex', true, 0.5), 3050);
  assert.equal(answerDelayMs({ ...cfg, latencyMs: 0 }, 'default', false, 0.9), 0);
});

test('a held answer does not block others: a slow flex call is still pending while fast calls finish', BOUND, async () => {
  // Default answers 40 ms, flex 40 × 100 = 4 s: the fast ones must all come back while the flex one is held.
  const { emulator } = await fastEmulator({ latencyMs: 40, latencyJitter: 0, flexSlowdownFactor: 100 });
  try {
    let flexDone = false;
    const started = performance.now();
    const flex = post(emulator, '/chat/completions', { ...chatBody(5, 'o4-mini'), service_tier: 'flex' }).then((r) => {
      flexDone = true;
      return { r, ms: performance.now() - started };
    });
    const fast = await Promise.all(Array.from({ length: 8 }, () => post(emulator, '/chat/completions', chatBody(5))));
    assert.ok(fast.every((r) => r.status === 200));
    assert.equal(flexDone, false, 'the flex answer is still held');
    const { r, ms } = await flex;
    assert.equal(r.status, 200);
    assert.equal(r.body.service_tier, 'flex');
    assert.ok(ms >= 3900, `flex held ${ms} ms`);
  } finally {
    await emulator.close();
  }
});

test('many in flight at once: 30 held answers take about one latency, not thirty', BOUND, async () => {
  const { emulator } = await fastEmulator({ latencyMs: 500, latencyJitter: 0 });
  try {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(emulator, '/chat/completions', chatBody(5, 'gpt-4o-mini', `q${i}`))));
    const ms = performance.now() - started;
    assert.ok(answers.every((r) => r.status === 200));
    assert.ok(ms >= 490, `held ${ms} ms`);
    // Sequential holds would take 15 s.
    assert.ok(ms < 5000, `30 answers took ${ms} ms`);
  } finally {
    await emulator.close();
  }
});

test('close() does not wait for held answers', BOUND, async () => {
  const { emulator } = await fastEmulator({ latencyMs: 60_000 });
  const pending = post(emulator, '/chat/completions', chatBody(5)).then(
    () => 'answered',
    () => 'reset',
  );
  // The request is in the server once a second, fast call has been answered after it (same server, FIFO accept).
  const ok = await fetch(`${emulator.url}/models/gpt-4o-mini`, { headers: { authorization: 'Bearer k' } });
  assert.equal(ok.status, 200);
  const started = performance.now();
  await emulator.close();
  assert.ok(performance.now() - started < 5000);
  assert.equal(await pending, 'reset');
});
