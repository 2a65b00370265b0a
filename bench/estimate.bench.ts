// `npm run bench`: batchwise estimate vs a plain single-thread tiktoken loop, on the same files, in the same run.
// Targets (2-core machine): ≥ 3× on a shared-prompt file, ≥ 1.6× on all-unique text, identical totals, peak RSS ≤ 400 MB.
// BENCH_REQUESTS / BENCH_LINE_BYTES shrink the files for a quick look (defaults: 50,000 × 4 KB ≈ 200 MB).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateRequests } from './generateRequests.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 50_000);
const lineBytes = Number(process.env.BENCH_LINE_BYTES ?? 4_000);
const dir = join(import.meta.dirname, 'data');
mkdirSync(dir, { recursive: true });

interface Run { requests: number; input_tokens: number; seconds: number; max_rss_mb: number }
const run = (script: string, file: string): Run =>
  JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, script), file], { encoding: 'utf8', maxBuffer: 1 << 20 }));

let failed = false;
for (const [name, sharedPrompt, target] of [['shared-prompt', true, 3], ['all-unique', false, 1.6]] as const) {
  const file = join(dir, `${name}-${requests}x${lineBytes}.jsonl`);
  if (!existsSync(file)) await generateRequests(file, { requests, lineBytes, sharedPrompt });
  const mb = statSync(file).size / 1048576;
  const plain = run('plainLoop.ts', file);
  const ours = run('estimateOnce.ts', file);
  const speedup = plain.seconds / ours.seconds;
  const same = plain.input_tokens === ours.input_tokens && plain.requests === ours.requests;
  const ok = same && speedup >= target && ours.max_rss_mb <= 400;
  failed ||= !ok;
  console.log(
    `${name}: ${requests} requests, ${mb.toFixed(0)} MB | plain loop ${plain.seconds.toFixed(1)} s (${(mb / plain.seconds).toFixed(1)} MB/s, ` +
      `${plain.max_rss_mb.toFixed(0)} MB RSS) | batchwise ${ours.seconds.toFixed(1)} s (${(mb / ours.seconds).toFixed(1)} MB/s, ` +
      `${ours.max_rss_mb.toFixed(0)} MB RSS) | ${speedup.toFixed(2)}× (target ${target}×) | tokens ${ours.input_tokens} ` +
      `${same ? '= plain' : `≠ plain ${plain.input_tokens}`} | ${ok ? 'OK' : 'MISSED'}`,
  );
}
process.exitCode = failed ? 1 : 0;
