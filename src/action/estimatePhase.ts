// Every request file estimated before anything is spent. A broken file does not stop the others: on a pull request the
// cost report still shows what can be shown, and the step then fails with every bad line listed.
import * as core from '@actions/core';
import { estimateFile } from '../estimate/estimateFile.ts';
import type { FileEstimate } from '../estimate/types.ts';
import type { Observation } from '../history/index.ts';
import type { Catalog } from '../pricing/index.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo, logSafe } from './logSafe.ts';
import type { RequestFile } from './resolveRequests.ts';

export interface EstimatedFile extends RequestFile {
  estimate: FileEstimate | null;
  error: Error | null;
}

/** What every estimate of the step shares: the prices, what earlier runs observed, and today. */
export interface EstimateContext {
  catalog: Catalog;
  history: Observation[];
  now: Date;
}

export async function estimateAll(files: RequestFile[], inputs: ActionInputs, ec: EstimateContext): Promise<EstimatedFile[]> {
  const out: EstimatedFile[] = [];
  for (const f of files) {
    try {
      const estimate = await estimateFile(f.absolute, {
        catalog: ec.catalog,
        region: inputs.region,
        history: ec.history,
        now: ec.now,
        detail: false,
        displayName: f.path,
        latencyBudgetMs: inputs.latencyBudgetMs,
        minSavingsUsd: inputs.minSavingsUsd,
        compare: inputs.compare,
      });
      logInfo(
        `${f.path}: ${estimate.requests} requests, ${estimate.input_tokens} input tokens; recommended ${estimate.recommendation.mode} — ${estimate.recommendation.reason}`,
      );
      for (const l of estimate.lifecycle) core.warning(logSafe(l.message), { file: f.path, title: l.status === 'shut_down' ? 'model shut down' : 'model shutting down' });
      out.push({ ...f, estimate, error: null });
    } catch (err) {
      core.error((err as Error).message, { file: f.path });
      out.push({ ...f, estimate: null, error: err as Error });
    }
  }
  return out;
}

/** Stops the step with every file's problems once reports are out. Programming errors keep their stack. */
export function throwIfInvalid(files: EstimatedFile[]): FileEstimate[] {
  const bad = files.filter((f) => f.error);
  if (bad.length === 0) return files.map((f) => f.estimate!);
  const userErrors = bad.every((f) => ['RequestFileError', 'PricingError', 'UnknownModelError'].includes(f.error!.name));
  if (!userErrors) throw bad.find((f) => !['RequestFileError', 'PricingError', 'UnknownModelError'].includes(f.error!.name))!.error;
  const err = new Error(bad.map((f) => f.error!.message).join('\n'));
  err.name = 'RequestFileError';
  throw err;
}
