// End to end: `runFile` in sync mode on an Anthropic file against the emulator's rate-limited Messages API. The runner
// knows nothing about Anthropic: it paces from x-ratelimit-*, which the provider translates from Anthropic's
// anthropic-ratelimit-* headers. The same run with the translation stripped shows what it is worth.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { startEmulator } from '../../../src/emulator/index.ts';
import { runFile } from '../../../src/run/index.ts';
import { createAnthropicProvider } from '../../../src/run/providers/anthropic/anthropicProvider.ts';
import type { Provider } from '../../../src/run/providers/types.ts';
import { catalog, readResults } from '../../e2e/helpers.ts';

const KEY = 'anthropic-sync-rl-key-31415926';
const MODEL = 'claude-haiku-4-5';
/**
 * The minute's buckets hold 360 requests and 60,000 input tokens; the file needs 400 requests and about 64,800 input
 * tokens (162 each by the emulator's count), so both limits must be paced for the last ~10 % of the run: the runner
 * has to read what is left from the headers, or be refused. (The same shape as 60 RPM / 6,000 ITPM and 40 requests,
 * ×6 and ×10: at 6,000 the documented rounding of token figures to thousands is a sixth of the bucket, and the
 * margin the translation keeps for it stretches a short run by seconds; at 60,000 by half a second.)
 */
const LIMITS = { rpm: 360, tpm: 60_000 };
const REQUESTS = 400;
/** Each run is cut off after this (its requests then end skipped, and the test fails): no unbounded wait. */
const RUN_BOUND_MS = 60_000;
/**
 * With the translation the runner learns both limits from the first answer and re-anchors its buckets on every
 * answer's remaining figures (token figures taken 500 under what is shown, the documented rounding's lowest reading).
 * What can still slip through: the emulator makes an answer's headers when it sends it, while the runner assumes the
 * request was counted on arrival (a few ms of refill, a few tokens at 1,000 a second), and answers read out of order.
 * Measured: 0 in most runs, 1 at most; allowed: 1 % of the requests.
 */
const MAX_429_WITH_TRANSLATION = 4;

const filler = Array.from({ length: 125 }, (_, i) => ['alpha', 'beta', 'gamma', 'delta', 'omega'][i % 5]).join(' ');

async function requestFile(dir: string): Promise<string> {
  const path = join(dir, 'requests.jsonl');
  const lines = Array.from({ length: REQUESTS }, (_, i) =>
    JSON.stringify({
      custom_id: `req-${i + 1}`, method: 'POST', url: '/v1/chat/completions',
      body: { model: MODEL, max_tokens: 5, messages: [{ role: 'user', content: `Item ${i + 1}: ${filler}` }] },
    }),
  );
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

/** The provider as the runner would see it without the translation: the x-ratelimit-* it adds are taken out of
 *  answers and errors alike (Anthropic's own headers and retry-after stay). */
function withoutTranslation(p: Provider): Provider {
  const strip = (h: Headers | null | undefined) => {
    for (const k of [...(h?.keys() ?? [])]) if (k.startsWith('x-ratelimit-')) h!.delete(k);
  };
  return {
    ...p,
    async call(req, o) {
      try {
        const answer = await p.call(req, o);
        strip(answer.headers);
        return answer;
      } catch (err) {
        if (err instanceof OpenAI.APIError) strip(err.headers);
        throw err;
      }
    },
  };
}

interface Measured {
  succeeded: number;
  rateLimited: number;
  logged429: number;
  ms: number;
  logs: string[];
  exitCode: number;
}

async function measure(translate: boolean): Promise<Measured> {
  const dir = await mkdtemp(join(tmpdir(), 'anthropic-sync-rl-'));
  const emulator = await startEmulator(LIMITS);
  const base = createAnthropicProvider({ apiKey: KEY, baseURL: emulator.origin });
  try {
    const file = await requestFile(dir);
    const logs: string[] = [];
    let rateLimited = 0;
    const started = Date.now();
    const summary = await runFile(file, {
      mode: 'sync', outDir: join(dir, 'out'), catalog, provider: 'anthropic', apiKey: KEY, baseURL: emulator.origin,
      providerImpl: translate ? base : withoutTranslation(base), minSavingsUsd: 0, signal: AbortSignal.timeout(RUN_BOUND_MS),
      log: (l) => logs.push(l),
      onSyncProgress: (p) => {
        rateLimited = Math.max(rateLimited, p.rateLimited);
      },
    });
    const ms = Date.now() - started;
    const results = readResults(join(dir, 'out', 'results.jsonl'));
    assert.equal(results.length, REQUESTS, 'one result per request');
    return {
      succeeded: results.filter((r) => r.status === 'succeeded' && r.mode === 'sync').length,
      rateLimited, logged429: logs.filter((l) => /^429 rate limited on /.test(l)).length, ms, logs, exitCode: summary.exit_code,
    };
  } finally {
    await base.close?.();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('sync run paced by Anthropic\'s headers: every request answered, a handful of 429s at most; without the translation, many', { timeout: 180_000 }, async (t: TestContext) => {
  const paced = await measure(true);
  t.diagnostic(`with the translation: ${paced.rateLimited} 429s, ${paced.succeeded}/${REQUESTS} succeeded in ${paced.ms} ms`);
  assert.equal(paced.exitCode, 0, paced.logs.join('\n'));
  assert.equal(paced.succeeded, REQUESTS);
  assert.ok(paced.logs.some((l) => l === `${MODEL}: limits ${LIMITS.rpm} requests and ${LIMITS.tpm} tokens per minute (from the API's headers)`), paced.logs.join('\n'));
  assert.equal(paced.logged429, paced.rateLimited, 'the progress and the log count the same 429s');
  assert.ok(paced.rateLimited <= MAX_429_WITH_TRANSLATION, `${paced.rateLimited} 429s`);

  const blind = await measure(false);
  t.diagnostic(`without the translation: ${blind.rateLimited} 429s, ${blind.succeeded}/${REQUESTS} succeeded in ${blind.ms} ms`);
  assert.ok(blind.logs.some((l) => l === `${MODEL}: no rate limits announced`), blind.logs.join('\n'));
  // Learned only from refusals: the ~10 % of the requests past the buckets each meet at least one.
  assert.ok(blind.rateLimited >= 20, `${blind.rateLimited} 429s without the translation`);
  assert.ok(blind.rateLimited > 4 * Math.max(1, paced.rateLimited));
});
