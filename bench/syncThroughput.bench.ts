// `node bench/syncThroughput.bench.ts`: batchwise's sync runner against a plain token-bucket client written the way
// OpenAI's cookbook does it (syncCookbookClient.ts), in one run, on one emulator started in-process with a
// continuous token bucket per model (the limiter OpenAI documents) and answers held BENCH_LATENCY_MS (±20 %).
// The emulator's limits are per model, so each client gets a model of its own and the same limits:
//   batchwise  gpt-4o-mini   runSync, limits given (as `--rpm/--tpm`)
//   cookbook   gpt-4.1-mini  reserves prompt tokens + max_tokens, as the cookbook counts
//   cookbook·  gpt-4o        the same client reserving what batchwise reserves, max(max_tokens, chars/4): the
//                            algorithm alone, without the counting rule (not a target, for reading the figures)
// Work: BENCH_REQUESTS (default 600) chat requests, prompts of 60–140 words, max_tokens 150–250, the same for all.
// Measured from each call's send time and the server's answers:
//   elapsed  first send → last answer                                          target: batchwise ≤ cookbook
//   used     server-counted requests (tokens) sent / what the bucket allowed from the first send to the last:
//            the limit (a full bucket) + the refill, limit/60 a second       target: batchwise ≥ 90 % (binding limit)
//   429s                                                                        target: batchwise 0
// Informational, on a second emulator that also enforces limit/60 within any second (`perSecond`): the same two
// clients on BENCH_QUANTIZED_REQUESTS (default 150), each stopped after 120 s (the cookbook pauses 15 s after every
// 429 and can take half an hour there). Exit 1 when a target is missed. BENCH_RPM / BENCH_TPM / BENCH_LATENCY_MS change the set-up.
import OpenAI from 'openai';
import { startEmulator } from '../src/emulator/index.ts';
import type { RunningEmulator } from '../src/emulator/index.ts';
import { loadCatalog, resolvePricing } from '../src/pricing/index.ts';
import { reservedTokens } from '../src/run/sync/reservation.ts';
import { runSync } from '../src/run/sync/runSync.ts';
import type { RunItem } from '../src/run/types.ts';
import { countRequestTokens } from '../src/tokens/index.ts';
import { rng } from './generateRequests.ts';
import { runCookbookClient } from './syncCookbookClient.ts';

const RPM = Number(process.env.BENCH_RPM ?? 300);
const TPM = Number(process.env.BENCH_TPM ?? 60_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 3000);
const SEED = 42;
const QUANTIZED_REQUESTS = Number(process.env.BENCH_QUANTIZED_REQUESTS ?? 150);
const QUANTIZED_STOP_MS = 120_000;

interface Call { sentAt: number; answeredAt: number; status: number }

const WORDS = 'the river runs past old mills and new bridges while people walk along its banks in the early light of a long summer day talking about work family weather and the price of bread'.split(' ');

function work(model: string, count = REQUESTS): RunItem[] {
  const r = rng(SEED);
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 60 + Math.floor(r() * 81) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
    const body = { model, messages: [{ role: 'user', content: `Summarise in one line (${i}): ${words}` }], max_tokens: 150 + Math.floor(r() * 101) };
    const input = countRequestTokens('/v1/chat/completions', body, 'o200k_base').input_tokens;
    return { line: i + 1, custom_id: `r${i}`, url: '/v1/chat/completions', model, body, input_tokens: input, max_output_tokens: body.max_tokens };
  });
}

/** What the bucket allowed between the first and the last send, and what the server counted of it (200s only). */
function usage(calls: Call[], items: RunItem[]) {
  const ok = calls.filter((c) => c.status === 200);
  const first = Math.min(...calls.map((c) => c.sentAt));
  const lastSend = Math.max(...ok.map((c) => c.sentAt));
  const lastAnswer = Math.max(...calls.map((c) => c.answeredAt));
  const minutes = (lastSend - first) / 60_000;
  const serverTokens = items.reduce((n, it) => n + reservedTokens(it, 'max'), 0); // the emulator's default counting
  const requestsShare = ok.length / (RPM + RPM * minutes);
  const tokensShare = serverTokens / (TPM + TPM * minutes);
  return { elapsed_s: +((lastAnswer - first) / 1000).toFixed(1), requests_used: +requestsShare.toFixed(3), tokens_used: +tokensShare.toFixed(3), used: +Math.max(requestsShare, tokensShare).toFixed(3), too_many: calls.filter((c) => c.status === 429).length };
}

function recordingFetch(calls: Call[]): typeof fetch {
  return async (input, init) => {
    const sentAt = Date.now();
    const res = await fetch(input, init);
    calls.push({ sentAt, answeredAt: Date.now(), status: res.status });
    return res;
  };
}

interface Scenario { emu: RunningEmulator; model: string; count?: number; stopAfterMs?: number }

async function batchwise({ emu, model, count, stopAfterMs }: Scenario) {
  const calls: Call[] = [];
  const items = work(model, count);
  const catalog = loadCatalog();
  const stats = await runSync(
    items,
    {
      client: new OpenAI({ apiKey: 'sk-test', baseURL: emu.url, fetch: recordingFetch(calls) }), tier: 'default', rpm: RPM, tpm: TPM,
      pricingFor: (m) => resolvePricing(catalog, m), deadline: stopAfterMs ? Date.now() + stopAfterMs : null,
    },
    () => {},
  );
  const row = { client: 'batchwise', model, requests: items.length, succeeded: stats.succeeded, unsent: stats.skipped, peak_in_flight: stats.peakInFlight as number | null, ...usage(calls, items) };
  show(row);
  return row;
}

async function cookbook({ emu, model, count, stopAfterMs }: Scenario, counting: 'sum' | 'max') {
  const calls: Call[] = [];
  const items = work(model, count);
  const requests = items.map((it) => ({ url: `${emu.url}/chat/completions`, body: it.body, tokens: counting === 'sum' ? it.input_tokens + it.max_output_tokens : reservedTokens(it, 'max') }));
  const stats = await runCookbookClient(requests, { rpm: RPM, tpm: TPM, apiKey: 'sk-test', onCall: (c) => calls.push(c), stopAt: stopAfterMs ? Date.now() + stopAfterMs : undefined });
  const row = { client: counting === 'sum' ? 'cookbook' : 'cookbook·', model, requests: items.length, succeeded: stats.succeeded, unsent: stats.unsent, peak_in_flight: null, ...usage(calls, items) };
  show(row, counting === 'max' ? '  (the cookbook algorithm with batchwise\'s reservation rule; not a target)' : '');
  return row;
}

interface Row { client: string; model: string; requests: number; succeeded: number; unsent: number; peak_in_flight: number | null; elapsed_s: number; used: number; requests_used: number; tokens_used: number; too_many: number }
function show(x: Row, note = ''): void {
  console.log(
    `  ${x.client.padEnd(10)} ${x.model.padEnd(13)} ${x.succeeded}/${x.requests}${x.unsent ? ` (${x.unsent} unsent)` : ''} in ${String(x.elapsed_s).padStart(6)} s | used ${(x.used * 100).toFixed(1)} % ` +
      `(requests ${(x.requests_used * 100).toFixed(1)} %, tokens ${(x.tokens_used * 100).toFixed(1)} %) | 429s ${x.too_many}` +
      `${x.peak_in_flight !== null ? ` | peak in flight ${x.peak_in_flight}` : ''}${note}`,
  );
}

const emu = await startEmulator({ limiter: 'bucket', latencyMs: LATENCY_MS, rpm: RPM, tpm: TPM, seed: SEED });
const quantized = await startEmulator({ limiter: 'bucket', perSecond: true, latencyMs: LATENCY_MS, rpm: RPM, tpm: TPM, seed: SEED });
try {
  console.log(`${REQUESTS} requests at ${RPM} RPM / ${TPM.toLocaleString('en-US')} TPM, answers held ${LATENCY_MS} ms ±20 %, a token bucket per model; as each client ends:`);
  const q = { emu: quantized, count: QUANTIZED_REQUESTS, stopAfterMs: QUANTIZED_STOP_MS };
  const [bw, cb, cbMax, bwQ, cbQ] = await Promise.all([
    batchwise({ emu, model: 'gpt-4o-mini' }),
    cookbook({ emu, model: 'gpt-4.1-mini' }, 'sum'),
    cookbook({ emu, model: 'gpt-4o' }, 'max'),
    batchwise({ ...q, model: 'gpt-4o-mini' }),
    cookbook({ ...q, model: 'gpt-4.1-mini' }, 'sum'),
  ]);
  const checks = [
    { ok: bw.succeeded === REQUESTS, what: 'every request succeeded' },
    { ok: bw.elapsed_s <= cb.elapsed_s, what: `at least as fast as the cookbook client (${bw.elapsed_s} s vs ${cb.elapsed_s} s)` },
    { ok: bw.used >= 0.9, what: `≥ 90 % of the bucket used (${(bw.used * 100).toFixed(1)} %)` },
    { ok: bw.too_many === 0, what: `no 429 (${bw.too_many})` },
  ];
  console.log('summary (per-second rows: the emulator also refuses more than limit/60 within any second; informational):');
  for (const x of [bw, cb, cbMax]) show(x);
  for (const x of [bwQ, cbQ]) show({ ...x, client: `${x.client}/s` });
  for (const c of checks) console.log(`  ${c.ok ? 'OK    ' : 'MISSED'} batchwise: ${c.what}`);
  console.log(JSON.stringify({ bench: 'syncThroughput', rpm: RPM, tpm: TPM, requests: REQUESTS, latency_ms: LATENCY_MS, results: [bw, cb, cbMax], per_second: [bwQ, cbQ], ok: checks.every((c) => c.ok) }));
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
} finally {
  await Promise.all([emu.close(), quantized.close()]);
}
