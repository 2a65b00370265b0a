// The measured side of bench/syncMemory.bench.ts, in a process of its own so its max RSS is the sync run's alone:
//   node bench/syncMemoryRun.ts run FILE URL OUTDIR      runFile(--mode sync): estimate, runner, journal, merge, CSV
//   node bench/syncMemoryRun.ts runner FILE URL OUTDIR   the sync runner alone: the file streamed into runSync, every
//                                                        record journaled (no estimate: token counts from characters)
// against the emulator at URL. Prints one JSON line: counts, seconds, max RSS, and each logged line with the highest
// RSS sampled since the line before it (which stage a peak belongs to).
import OpenAI from 'openai';
import { join } from 'node:path';
import { loadCatalog, resolvePricing } from '../src/pricing/index.ts';
import { readJsonlLines } from '../src/requests/index.ts';
import { openJournal } from '../src/results/index.ts';
import { runFile } from '../src/run/index.ts';
import type { RunItem } from '../src/run/types.ts';
import { runSync } from '../src/run/sync/runSync.ts';

const [mode, file, url, outDir] = process.argv.slice(2);
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const started = performance.now();
const phases: { s: number; rss_mb: number; peak_before_mb: number; line: string }[] = [];
let sinceLast = 0;
const sample = setInterval(() => (sinceLast = Math.max(sinceLast, mb())), 25);
const log = (line: string) => {
  const now = mb();
  phases.push({ s: +((performance.now() - started) / 1000).toFixed(1), rss_mb: now, peak_before_mb: Math.max(sinceLast, now), line: line.slice(0, 100) });
  sinceLast = now;
};
const concurrency = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;

async function* streamed(): AsyncGenerator<RunItem> {
  for await (const raw of readJsonlLines(file)) {
    const r = JSON.parse(raw.text) as { custom_id: string; url: RunItem['url']; body: Record<string, unknown> };
    yield { line: raw.line, custom_id: r.custom_id, url: r.url, model: String(r.body.model), body: r.body, input_tokens: Math.ceil(raw.text.length / 4), max_output_tokens: Number(r.body.max_tokens ?? 0) };
  }
}

let requests = 0;
let succeeded = 0;
try {
  if (mode === 'run') {
    const s = await runFile(file, { mode: 'sync', outDir, catalog: loadCatalog(), apiKey: 'sk-test', baseURL: url, historyPath: null, concurrency, log });
    requests = s.requests;
    succeeded = s.succeeded;
  } else {
    const catalog = loadCatalog();
    const journal = openJournal(join(outDir, 'sync.jsonl'));
    log('runner: sending');
    const s = await runSync(
      streamed(),
      { client: new OpenAI({ apiKey: 'sk-test', baseURL: url }), tier: 'default', concurrency, pricingFor: (m) => resolvePricing(catalog, m), log },
      (r) => journal.append(r, false),
    );
    journal.close();
    log(`runner: ${s.succeeded} succeeded, peak ${s.peakInFlight} in flight`);
    requests = s.succeeded + s.failed + s.skipped;
    succeeded = s.succeeded;
  }
  clearInterval(sample);
  process.stdout.write(`${JSON.stringify({
    mode, requests, succeeded, seconds: +((performance.now() - started) / 1000).toFixed(1),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), peak_after_last_line_mb: sinceLast, phases,
  })}\n`);
} finally {
  clearInterval(sample);
}
