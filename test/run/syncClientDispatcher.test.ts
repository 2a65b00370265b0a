import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { APIConnectionTimeoutError } from 'openai';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { longCallDispatcher } from '../../src/run/sync/syncClientDispatcher.ts';
import { client } from './syncHelpers.ts';

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ flexDelayMs: 2500 });
});
after(() => emu.close());

const flexBody = { model: 'gpt-5-mini', messages: [{ role: 'user', content: 'hi' }], service_tier: 'flex' };

// Node's fetch would wait 300 s for headers; scaled down, the same mechanism: the dispatcher's timeout is the one obeyed.
test('a call waits as long as its dispatcher allows for the headers, and no longer', async () => {
  const short = longCallDispatcher(500);
  const long = longCallDispatcher(10_000);
  try {
    await assert.rejects(client(emu.url).post('/chat/completions', { body: flexBody, maxRetries: 0, fetchOptions: { dispatcher: short } }), APIConnectionTimeoutError);
    const answer = await client(emu.url).post<{ service_tier: string }>('/chat/completions', { body: flexBody, maxRetries: 0, fetchOptions: { dispatcher: long } });
    assert.equal(answer.service_tier, 'flex');
  } finally {
    await Promise.all([short.close(), long.close()]);
  }
});
