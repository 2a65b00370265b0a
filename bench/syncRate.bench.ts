// `npx node bench/syncRate.bench.ts`: how much of a rate limit the sync runner uses, and how many 429s it draws.
// Four runs at once against one emulator (its limits are per model, so they do not share a budget), each with a
// limit of BENCH_RPM requests and BENCH_TPM tokens per minute:
//   tokens-bound  (max_tokens 200–800: the token limit binds)  × limits known in advance / learned from headers
//   requests-bound (max_tokens 20: the request limit binds)     × known / learned
// Each run has 1.5 windows of work, so it fills the first minute, waits for the window to open, and finishes in the
// second (~61 s in all). Measured from the server's own x-ratelimit-remaining-* answers:
//   share   = budget used in the first window / limit (of the binding limit)   target ≥ 90 %
//   lag     = how late the first request of the second window went, past the moment the server would take it
//   429s    = rate-limit refusals                                              target 0 known, ≤ a few learned
import OpenAI from 'openai';
import { startEmulator } from '../src/emulator/index.ts';
import { loadCatalog, resolvePricing } from '../src/pricing/index.ts';
import { runSync } from '../src/run/sync/runSync.ts';
import type { RunItem } from '../src/run/types.ts';
import { countRequestTokens } from '../src/tokens/index.ts';
import { rng } from './generateRequests.ts'; // mulberry32, so every run sends the same requests

const RPM = Number(process.env.BENCH_RPM ?? 600);
const TPM = Number(process.env.BENCH_TPM ?? 200_000);
const WINDOW_MS = 60_000;

interface Call { sentAt: number; answeredAt: number; status: number; remainingRequests: number | null; remainingTokens: number | null }


function items(model: string, count: number, maxTokens: () => number): RunItem[] {
  return Array.from({ length: count }, (_, i) => {
    const body = { model, messages: [{ role: 'user', content: `Request ${i}: classify the sentiment of this review.` }], max_tokens: maxTokens() };
    const input = countRequestTokens('/v1/chat/completions', body, 'o200k_base').input_tokens;
    return { line: i + 1, custom_id: `r${i}`, url: '/v1/chat/completions', model, body, input_tokens: input, max_output_tokens: body.max_tokens };
  });
}

/** A fetch that notes when each call went out and what the server said was left. */
function recordingFetch(calls: Call[]): typeof fetch {
  return async (input, init) => {
    const sentAt = Date.now();
    const res = await fetch(input, init);
    const n = (h: string) => (res.headers.get(h) === null ? null : Number(res.headers.get(h)));
    calls.push({ sentAt, answeredAt: Date.now(), status: res.status, remainingRequests: n('x-ratelimit-remaining-requests'), remainingTokens: n('x-ratelimit-remaining-tokens') });
    return res;
  };
}

async function scenario(url: string, name: string, model: string, work: RunItem[], known: boolean, binding: 'requests' | 'tokens') {
  const calls: Call[] = [];
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: url, fetch: recordingFetch(calls) });
  const catalog = loadCatalog();
  const t0 = Date.now();
  const stats = await runSync(
    work,
    { client, tier: 'default', rpm: known ? RPM : null, tpm: known ? TPM : null, pricingFor: (m) => resolvePricing(catalog, m) },
    () => {},
  );
  const elapsed = Date.now() - t0;
  calls.sort((a, b) => a.sentAt - b.sentAt);
  const firstAnswer = Math.min(...calls.map((c) => c.answeredAt));
  const firstWindow = calls.filter((c) => c.status === 200 && c.sentAt < calls[0].sentAt + WINDOW_MS);
  const limit = binding === 'tokens' ? TPM : RPM;
  const minRemaining = Math.min(...firstWindow.map((c) => (binding === 'tokens' ? c.remainingTokens : c.remainingRequests) ?? limit));
  const share = (limit - minRemaining) / limit;
  const second = calls.find((c) => c.sentAt >= calls[0].sentAt + WINDOW_MS);
  // The server frees the first window's budget one minute after it counted the first request (before its answer).
  const lagMs = second ? second.sentAt - (firstAnswer + WINDOW_MS) : null;
  const tooMany = calls.filter((c) => c.status === 429).length;
  return { name, model, limits: known ? 'known' : 'learned', binding, requests: work.length, succeeded: stats.succeeded, elapsed_s: +(elapsed / 1000).toFixed(1), first_window_share: +share.toFixed(4), first_window_requests: firstWindow.length, second_window_lag_ms: lagMs, rate_limited_429: tooMany, runner_429: stats.rateLimited429 };
}

const emu = await startEmulator({ rpm: RPM, tpm: TPM });
try {
  const r = rng(42);
  // Work for 1.5 windows of the binding limit.
  const tokenItems = (model: string) => {
    const list = items(model, Math.round(((TPM / 520) * 3) / 2), () => 200 + Math.floor(r() * 601));
    return list;
  };
  const requestItems = (model: string) => items(model, Math.round((RPM * 3) / 2), () => 20);
  const results = await Promise.all([
    scenario(emu.url, 'tokens-bound', 'gpt-4o-mini', tokenItems('gpt-4o-mini'), true, 'tokens'),
    scenario(emu.url, 'tokens-bound', 'gpt-4.1-mini', tokenItems('gpt-4.1-mini'), false, 'tokens'),
    scenario(emu.url, 'requests-bound', 'gpt-4.1-nano', requestItems('gpt-4.1-nano'), true, 'requests'),
    scenario(emu.url, 'requests-bound', 'gpt-4o', requestItems('gpt-4o'), false, 'requests'),
  ]);
  let failed = false;
  for (const x of results) {
    const ok = x.succeeded === x.requests && x.first_window_share >= 0.9 && (x.limits === 'known' ? x.rate_limited_429 === 0 : x.rate_limited_429 <= 3);
    failed ||= !ok;
    console.log(
      `${x.name.padEnd(14)} ${x.limits.padEnd(7)} ${x.requests} requests in ${x.elapsed_s} s | first window: ${(x.first_window_share * 100).toFixed(1)} % of the ${x.binding} limit ` +
        `(${x.first_window_requests} requests) | second window opened ${x.second_window_lag_ms} ms late | 429s: ${x.rate_limited_429} ${ok ? 'OK' : 'MISSED'}`,
    );
  }
  console.log(JSON.stringify({ rpm: RPM, tpm: TPM, results }));
  process.exitCode = failed ? 1 : 0;
} finally {
  await emu.close();
}
