// `node bench/syncMemory.bench.ts`: 20,000 requests with `--mode sync` against the emulator, each side in a process of
// its own so the figures are batchwise's alone. Four measured runs, one after the other:
//   run      runFile --mode sync end to end (estimate, the sync runner, the journal, the merge, CSV)   target ≤ 300 MB
//   runner   the sync runner alone on the same file (streamed in, every record journaled)               target ≤ 300 MB
//   both again under `node --max-semi-space-size=16` (V8's young generation capped at 3 × 16 MB; on a machine with
//   much memory Node 24 lets it grow to 128 MB, and the openai SDK's garbage fills it), for reading, not targets.
// Each prints the peak RSS and which stage it belongs to. BENCH_REQUESTS / BENCH_LINE_BYTES change the file (default
// 20,000 × 1 KB); BENCH_CONCURRENCY the runner's ceiling (default: the runner's). Exit 1 when a target is missed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateRequests } from './generateRequests.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 20_000);
const lineBytes = Number(process.env.BENCH_LINE_BYTES ?? 1_000);
const TARGET_MB = 300;
const dir = join(import.meta.dirname, 'data');
mkdirSync(dir, { recursive: true });
const file = join(dir, `sync-${requests}x${lineBytes}.jsonl`);
if (!existsSync(file)) await generateRequests(file, { requests, lineBytes, sharedPrompt: false, model: 'gpt-4o-mini' });

interface Measured {
  mode: string; requests: number; succeeded: number; seconds: number; max_rss_mb: number; peak_after_last_line_mb: number;
  phases: { s: number; rss_mb: number; peak_before_mb: number; line: string }[];
}

async function measure(url: string, mode: 'run' | 'runner', nodeFlags: string[] = []): Promise<Measured> {
  const outDir = mkdtempSync(join(tmpdir(), 'batchwise-syncmem-'));
  try {
    const child = spawn(process.execPath, [...nodeFlags, join(import.meta.dirname, 'syncMemoryRun.ts'), mode, file, url, outDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c));
    const [code] = (await once(child, 'exit')) as [number];
    if (code !== 0) throw new Error(`the measured ${mode} exited with ${code}`);
    return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function show(label: string, r: Measured): boolean {
  const ok = r.max_rss_mb <= TARGET_MB && r.succeeded === requests;
  console.log(`${label}: ${r.succeeded}/${r.requests} succeeded in ${r.seconds} s, peak RSS ${r.max_rss_mb} MB (target ≤ ${TARGET_MB} MB) ${ok ? 'OK' : 'MISSED'}`);
  for (const p of r.phases) console.log(`  ${String(p.s).padStart(6)} s  peak before it ${String(p.peak_before_mb).padStart(4)} MB, then ${String(p.rss_mb).padStart(4)} MB  ${p.line}`);
  console.log(`  ${''.padStart(6)}    peak after the last line ${r.peak_after_last_line_mb} MB`);
  return ok;
}

const emulator = spawn(process.execPath, [join(import.meta.dirname, 'emulatorChild.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const [url] = (await once(createInterface({ input: emulator.stdout! }), 'line')) as [string];
  const run = await measure(url, 'run');
  const runner = await measure(url, 'runner');
  const semi = ['--max-semi-space-size=16'];
  const runCapped = await measure(url, 'run', semi);
  const runnerCapped = await measure(url, 'runner', semi);
  const okRun = show('run --mode sync', run);
  const okRunner = show('the sync runner alone', runner);
  show('run --mode sync under --max-semi-space-size=16 (not a target)', runCapped);
  show('the sync runner alone under --max-semi-space-size=16 (not a target)', runnerCapped);
  console.log(JSON.stringify({
    bench: 'syncMemory', requests, target_mb: TARGET_MB,
    max_rss_mb: { run: run.max_rss_mb, runner: runner.max_rss_mb, run_semi16: runCapped.max_rss_mb, runner_semi16: runnerCapped.max_rss_mb },
    seconds: { run: run.seconds, runner: runner.seconds, run_semi16: runCapped.seconds, runner_semi16: runnerCapped.seconds }, ok: okRun && okRunner,
  }));
  process.exitCode = okRun && okRunner ? 0 : 1;
} finally {
  emulator.kill('SIGTERM');
}
