// Runs every request file through the run core, one after another, sharing the latency budget. Batch ids go to the
// runner's state file the moment they exist, so the post step knows what is in flight if the job is cancelled.
import * as core from '@actions/core';
import { join } from 'node:path';
import type { Catalog } from '../pricing/index.ts';
import type { RunSummary } from '../run/index.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import type { EstimatedFile } from './estimatePhase.ts';
import type { ActionInputs } from './inputs.ts';
import { clearInFlight, saveInFlight } from './state.ts';

/** One directory per request file when there are several: `out/evals__nightly` for `evals/nightly.jsonl`. */
export function runDirs(outputDir: string, files: { path: string }[]): string[] {
  if (files.length === 1) return [outputDir];
  return files.map((f) => join(outputDir, f.path.replace(/\.jsonl$/i, '').replace(/[\\/]+/g, '__').replace(/^\.+/, '')));
}

export async function runAll(
  files: EstimatedFile[],
  dirs: string[],
  inputs: ActionInputs,
  ctx: RunnerContext,
  catalog: Catalog,
  signal: AbortSignal,
): Promise<RunSummary[]> {
  // Loaded only when something runs: an estimate-only step never pays for the SDK's start-up.
  const { runFile } = await import('../run/index.ts');
  const started = Date.now();
  const submitted: string[] = [];
  const summaries: RunSummary[] = [];
  for (const [i, f] of files.entries()) {
    const remaining = Math.max(60_000, inputs.latencyBudgetMs - (Date.now() - started));
    const summary = await core.group(`Run ${f.path}`, () =>
      runFile(f.absolute, {
        mode: inputs.mode === 'estimate' ? 'auto' : inputs.mode,
        outDir: dirs[i],
        catalog,
        apiKey: inputs.apiKey,
        ...(inputs.baseUrl ? { baseURL: inputs.baseUrl } : {}),
        latencyBudgetMs: remaining,
        ...(inputs.maxCostUsd !== undefined ? { maxCostUsd: inputs.maxCostUsd } : {}),
        minSavingsUsd: inputs.minSavingsUsd,
        ...(inputs.retries !== undefined ? { retries: inputs.retries } : {}),
        ...(ctx.runId ? { githubRunId: ctx.runId } : {}),
        log: (line: string) => core.info(line),
        signal,
        onBatchesSubmitted: (ids: string[]) => {
          submitted.push(...ids.filter((id) => !submitted.includes(id)));
          saveInFlight({ batchIds: submitted, dirs });
        },
      }),
    );
    // Reports name the file as it is in the repository, not by the runner's absolute path.
    summaries.push({ ...summary, file: f.path });
  }
  clearInFlight();
  return summaries;
}
