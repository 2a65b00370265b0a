// Runs every request file through the run core, one after another, sharing the latency budget and the max-cost
// ceiling. Batch ids go to the runner's state file the moment they exist and leave it the moment their file's run
// returns, so the post step knows exactly what is in flight if the job is cancelled or a later file fails.
import * as core from '@actions/core';
import type { Decision } from '../run/types.ts';
import { join } from 'node:path';
import type { Catalog } from '../pricing/index.ts';
import type { RunSummary } from '../run/index.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import { formatUsd } from '../shared/money.ts';
import type { EstimatedFile } from './estimatePhase.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo } from './logSafe.ts';
import { saveInFlight } from './state.ts';

/** One directory per request file when there are several: `out/evals__nightly` for `evals/nightly.jsonl`. */
export function runDirs(outputDir: string, files: { path: string }[]): string[] {
  if (files.length === 1) return [outputDir];
  return files.map((f) => join(outputDir, f.path.replace(/\.jsonl$/i, '').replace(/[\\/]+/g, '__').replace(/^\.+/, '')));
}

export interface RunAllResult {
  /** The files whose run finished, in file order: the first runs.length of the files given. */
  runs: RunSummary[];
  /** Why the next file's run did not finish (a cancelled job, an API that said no…); the files after it never started.
   *  The caller publishes what finished, then fails the step with it. */
  failure?: unknown;
}

/** What every run of the step shares besides the inputs. */
export interface RunContextOptions {
  catalog: Catalog;
  /** The history file to read and append to (absolute), or null with `history: false`. */
  historyPath: string | null;
  now: Date;
  signal: AbortSignal;
}

export async function runAll(
  files: EstimatedFile[],
  dirs: string[],
  inputs: ActionInputs,
  ctx: RunnerContext,
  rc: RunContextOptions,
): Promise<RunAllResult> {
  const { catalog, signal } = rc;
  // Loaded only when something runs: an estimate-only step never pays for the SDK's start-up.
  const { runFile, shareMaxCost, decideWithin, loadState, policyInput } = await import('../run/index.ts');
  const mode = inputs.mode === 'estimate' ? 'auto' : inputs.mode;
  const limits = { ...(inputs.rpm !== undefined ? { rpm: inputs.rpm } : {}), ...(inputs.tpm !== undefined ? { tpm: inputs.tpm } : {}) };

  // max-cost is for the whole step: refused here, before any file is sent, when the plans cannot all fit.
  let shared: ReturnType<typeof shareMaxCost> | null = null;
  let planned: { decision: Decision }[] | null = null;
  if (inputs.maxCostUsd !== undefined) {
    const policy = policyInput({ mode, latencyBudgetMs: inputs.latencyBudgetMs, minSavingsUsd: inputs.minSavingsUsd, ...limits });
    const plans = files.map((f, i) => ({
      file: f.path,
      estimate: f.estimate!,
      // A resumed run keeps the decision its state holds, as runFile does.
      decision: loadState(dirs[i])?.decision ?? decideWithin(f.estimate!, policy, inputs.maxCostUsd),
    }));
    planned = plans;
    shared = shareMaxCost(plans, inputs.maxCostUsd);
    if (files.length > 1) {
      const floor = shared.floors.reduce((a, b) => a + b, 0);
      logInfo(`max-cost ${formatUsd(inputs.maxCostUsd)} for the step: the ${files.length} files' least worst cases add up to ${formatUsd(floor)}`);
    }
  }

  const started = Date.now();
  const inFlight = new Map<number, string[]>();
  const save = () => saveInFlight({ batchIds: [...inFlight.values()].flat(), dirs: [...inFlight.keys()].map((i) => dirs[i]) });
  const summaries: RunSummary[] = [];
  let spent = 0;
  for (const [i, f] of files.entries()) {
    const remaining = Math.max(60_000, inputs.latencyBudgetMs - (Date.now() - started));
    const maxCostUsd = shared?.limitFor(i, spent);
    if (maxCostUsd !== undefined && files.length > 1) logInfo(`${f.path}: max-cost ${formatUsd(maxCostUsd)} (what the step's ceiling leaves for it)`);
    let summary: RunSummary;
    try {
      summary = await core.group(`Run ${f.path}`, () =>
        runFile(f.absolute, {
          mode,
          outDir: dirs[i],
          catalog,
          region: inputs.region,
          historyPath: rc.historyPath,
          pilot: inputs.pilot,
          now: rc.now,
          provider: inputs.provider,
          apiKey: inputs.apiKey,
          ...(inputs.baseUrl ? { baseURL: inputs.baseUrl } : {}),
          ...(inputs.deployments ? { deployments: inputs.deployments } : {}),
          latencyBudgetMs: remaining,
          // The plan the step's max-cost was shared by: a later file must not re-decide on a shorter budget (it could
          // pick dearer sync and then not fit what was left for it, after earlier files were paid for).
          ...(planned ? { plannedDecision: planned[i].decision } : {}),
          ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
          minSavingsUsd: inputs.minSavingsUsd,
          ...(inputs.retries !== undefined ? { retries: inputs.retries } : {}),
          ...limits,
          ...(inputs.queueLimit !== undefined ? { queueLimitTokens: inputs.queueLimit } : {}),
          ...(ctx.runId ? { githubRunId: ctx.runId } : {}),
          log: logInfo,
          signal,
          onBatchesSubmitted: (ids: string[]) => {
            const known = inFlight.get(i) ?? [];
            inFlight.set(i, [...known, ...ids.filter((id) => !known.includes(id))]);
            save();
          },
        }),
      );
    } catch (err) {
      // This file's batches stay in the state for post (they may still be running); the finished ones are not there.
      // The message names the file as the repository does, not by the runner's path (as the reports do).
      if (err instanceof Error) err.message = err.message.replaceAll(f.absolute, f.path);
      return { runs: summaries, failure: err };
    }
    // The run returned: its batches are settled, post must neither warn about them nor cancel them.
    inFlight.delete(i);
    save();
    spent += summary.actual_cost_usd;
    // Reports name the file as it is in the repository, not by the runner's absolute path.
    summaries.push({ ...summary, file: f.path, estimate: { ...summary.estimate, file: f.path } });
  }
  return { runs: summaries };
}
