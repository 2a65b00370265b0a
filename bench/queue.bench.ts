// `node bench/queue.bench.ts`: a file of about 20M input tokens against a 2M-token enqueued-token queue (the
// emulator's `queueLimit`, batches that finish fast), end to end, twice: with the limit learned from the first refusal,
// and with it given (--queue-limit). Targets: at most twice the minimal number of batches (total tokens / limit,
// rounded up), no part refused more than once, every request answered. Prints the figures; exits 1 on a miss.
// BENCH_TOKENS / BENCH_QUEUE_LIMIT change the sizes (default 20,000,000 / 2,000,000).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import OpenAI from 'openai';
import { startEmulator } from '../src/emulator/index.ts';
import { loadCatalog } from '../src/pricing/index.ts';
import { loadState, runFile } from '../src/run/index.ts';
import { generateRequests } from './generateRequests.ts';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 20_000_000);
const LIMIT = Number(process.env.BENCH_QUEUE_LIMIT ?? 2_000_000);
/** What generateRequests writes per 4,000-byte line, measured (gpt-4.1-mini, o200k). */
const TOKENS_PER_LINE = 966;

if (process.env.QUEUE_BENCH_EMULATOR) {
  // The emulator's process: its token counting and result writing do not share batchwise's core.
  const emu = await startEmulator({ port: 0, queueLimit: LIMIT, completeAfterMs: 300, validateMs: 50, finalizeMs: 50 });
  process.stdout.write(`${emu.url}\n`);
  process.on('SIGTERM', () => void emu.close().then(() => process.exit(0)));
} else {
  await main();
}

async function main(): Promise<void> {
  const requests = Math.ceil(TOKENS / TOKENS_PER_LINE);
  const dir = join(import.meta.dirname, 'data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `queue-${requests}x4000.jsonl`);
  if (!existsSync(file)) await generateRequests(file, { requests, lineBytes: 4_000, sharedPrompt: false, model: 'gpt-4.1-mini' });

  let ok = true;
  for (const given of [false, true]) {
    const child = spawn(process.execPath, [import.meta.filename], { env: { ...process.env, QUEUE_BENCH_EMULATOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const outDir = mkdtempSync(join(tmpdir(), 'batchwise-queue-bench-'));
      const started = performance.now();
      const s = await runFile(file, {
        mode: 'batch', outDir, catalog: loadCatalog(), apiKey: 'sk-test', baseURL: url, pollIntervalMs: { min: 200, max: 1_000 },
        ...(given ? { queueLimitTokens: LIMIT } : {}),
        log: (line) => {
          if (/created|queue limit|cannot hold|parts of/.test(line) && !/^batches:/.test(line)) console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const batches = [];
      for await (const b of new OpenAI({ apiKey: 'sk-test', baseURL: url }).batches.list({ limit: 100 })) batches.push(b);
      const refused = batches.filter((b) => b.status === 'failed' && b.errors?.data?.some((e) => e.code === 'token_limit_exceeded'));
      const state = loadState(outDir)!;
      const worstPart = Math.max(0, ...state.parts.map((p) => p.refused_batch_ids?.length ?? 0));
      const minimal = Math.ceil(s.estimate.input_tokens / LIMIT);
      const pass = batches.length <= 2 * minimal && worstPart <= 1 && s.succeeded === s.requests;
      ok &&= pass;
      console.log(
        `${given ? `--queue-limit ${LIMIT.toLocaleString('en-US')}` : 'limit learned  '}: ${s.requests.toLocaleString('en-US')} requests, ` +
          `${s.estimate.input_tokens.toLocaleString('en-US')} input tokens, queue ${LIMIT.toLocaleString('en-US')}; ` +
          `${batches.length} batches (minimal ${minimal}, target ≤ ${2 * minimal}), ${refused.length} refused, ` +
          `at most ${worstPart} refusal per part (target ≤ 1); ${s.succeeded}/${s.requests} succeeded; ${seconds.toFixed(1)} s — ${pass ? 'ok' : 'MISS'}`,
      );
    } finally {
      child.kill('SIGTERM');
    }
  }
  process.exitCode = ok ? 0 : 1;
}
