// End-to-end helpers: an in-process emulator, a request file, a run with fast polling, and reading what it wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { startEmulator } from '../../src/emulator/index.ts';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { runFile } from '../../src/run/index.ts';
import type { RunOptions, RunSummary } from '../../src/run/index.ts';
import type { ResultRecord } from '../../src/results/index.ts';
import { chatLine, tempDir, writeJsonl } from '../helpers.ts';

/** Never a real key; distinctive so a leak is easy to grep for. */
export const KEY = 'sk-test-LEAKCHECK-7f3a9c';

export const catalog = loadCatalog();

export async function emulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ completeAfterMs: 400, validateMs: 50, finalizeMs: 50, ...opts });
}

export function clientFor(emu: RunningEmulator): OpenAI {
  return new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 5 });
}

/** n chat requests, `req-1` … `req-n`, each capped at 5 output tokens. */
export function requestFile(n: number, model = 'gpt-4.1-mini'): string {
  const lines = [];
  for (let i = 1; i <= n; i++) lines.push(chatLine(`req-${i}`, `Say something about the number ${i}.`, { max_tokens: 5 }, model));
  return writeJsonl(lines);
}

export interface Run {
  summary: RunSummary;
  results: ResultRecord[];
  logs: string[];
  outDir: string;
}

export async function run(file: string, emu: RunningEmulator, opts: Partial<RunOptions> = {}): Promise<Run> {
  const logs: string[] = [];
  const outDir = opts.outDir ?? tempDir('batchwise-run-');
  const summary = await runFile(file, {
    mode: 'batch', outDir, catalog, apiKey: KEY, baseURL: emu.url, pollIntervalMs: { min: 50, max: 200 }, minSavingsUsd: 0,
    log: (l) => logs.push(l), ...opts,
  });
  return { summary, results: readResults(join(outDir, 'results.jsonl')), logs, outDir };
}

export function readResults(path: string): ResultRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ResultRecord);
}

/** Every batch the emulator knows, oldest first. */
export async function allBatches(emu: RunningEmulator) {
  const out = [];
  for await (const b of clientFor(emu).batches.list({ limit: 100 })) out.push(b);
  return out.reverse();
}

/** One result per input line, in input order. */
export function assertOnePerRequest(results: ResultRecord[], n: number, assert: typeof import('node:assert/strict')): void {
  assert.equal(results.length, n);
  assert.deepEqual(results.map((r) => r.custom_id), Array.from({ length: n }, (_, i) => `req-${i + 1}`));
  assert.deepEqual(results.map((r) => r.line), Array.from({ length: n }, (_, i) => i + 1));
}

/** Resolves once `ready()` holds (sync or async), checking every 20 ms; fails after `ms`: every wait has a bound. */
export async function waitFor(what: string, ready: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
