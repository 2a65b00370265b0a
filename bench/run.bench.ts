// `node bench/run.bench.ts`: 50,000 requests end to end on the emulator — estimate, split, upload, create, poll,
// download, merge in input order, CSV — with batchwise's peak RSS (the emulator runs in another process).
// Target: peak RSS ≤ 500 MB. BENCH_REQUESTS / BENCH_LINE_BYTES change the file (default 50,000 × 1 KB).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadCatalog } from '../src/pricing/index.ts';
import { runFile } from '../src/run/index.ts';
import { generateRequests } from './generateRequests.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 50_000);
const lineBytes = Number(process.env.BENCH_LINE_BYTES ?? 1_000);
const dir = join(import.meta.dirname, 'data');
mkdirSync(dir, { recursive: true });
const file = join(dir, `run-${requests}x${lineBytes}.jsonl`);
if (!existsSync(file)) await generateRequests(file, { requests, lineBytes, sharedPrompt: false, model: 'gpt-4.1-mini' });

const child = spawn(process.execPath, [join(import.meta.dirname, 'emulatorChild.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const outDir = mkdtempSync(join(tmpdir(), 'batchwise-bench-'));
const started = performance.now();
const marks: string[] = [];
try {
  const s = await runFile(file, {
    mode: 'batch', outDir, catalog: loadCatalog(), estimateWorkers: process.env.BENCH_WORKERS === undefined ? undefined : Number(process.env.BENCH_WORKERS), apiKey: 'sk-test', baseURL: url, pollIntervalMs: { min: 500, max: 2000 },
    log: (line) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      marks.push(`${((performance.now() - started) / 1000).toFixed(1)} s  rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB  ${line}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sample);
  const maxRss = process.resourceUsage().maxRSS / 1024;
  for (const m of marks) console.log(m);
  const mb = (p: string) => (statSync(p).size / 1048576).toFixed(0);
  console.log(
    `${s.requests} requests (${mb(file)} MB in, results.jsonl ${mb(s.results_path)} MB, results.csv ${mb(s.results_csv_path)} MB): ` +
      `${s.succeeded} succeeded, ${s.batch_ids.length} batch(es), ${seconds.toFixed(1)} s end to end, peak RSS ${maxRss.toFixed(0)} MB ` +
      `(sampled ${(peak / 1048576).toFixed(0)} MB) — target ≤ 500 MB: ${maxRss <= 500 ? 'ok' : 'OVER'}`,
  );
  process.exitCode = maxRss <= 500 && s.succeeded === requests ? 0 : 1;
} finally {
  clearInterval(sample);
  child.kill('SIGTERM');
}
