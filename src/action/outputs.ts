// The step's outputs (shared/DESIGN.md). Amounts are plain numbers in USD so workflows can compare them. What a run
// spent and saved is the ledger's (results/ledger), the same figures as report.json and the job summary.
import * as core from '@actions/core';
import { combineLedgers, roundUsd } from '../results/index.ts';
import type { FileEstimate, Mode } from '../estimate/types.ts';
import type { SummaryRun } from '../report/summary.ts';

/** USD as every machine output carries it: rounded to 1e-9. */
function usd(n: number): string {
  return String(roundUsd(n));
}

/** One mode when every file agrees, else the file modes joined by commas (in file order). */
function modeOutput(modes: Mode[]): string {
  const unique = [...new Set(modes)];
  return unique.length === 1 ? unique[0] : modes.join(',');
}

export function setEstimateOutputs(estimates: FileEstimate[], reportPath: string): void {
  const modes = estimates.map((e) => e.recommendation.mode);
  const cost = estimates.reduce((n, e) => n + (e.cost[e.recommendation.mode]?.expected ?? 0), 0);
  const sync = estimates.reduce((n, e) => n + e.cost.sync.expected, 0);
  core.setOutput('mode', modeOutput(modes));
  core.setOutput('estimated-cost', usd(cost));
  core.setOutput('estimated-savings', usd(sync - cost));
  core.setOutput('actual-cost', '0');
  core.setOutput('saved', '0');
  core.setOutput('results', '');
  core.setOutput('results-csv', '');
  core.setOutput('report', reportPath);
  core.setOutput('batch-ids', '');
  core.setOutput('succeeded', '0');
  core.setOutput('failed', '0');
  core.setOutput('in-progress', 'false');
}

export interface RunPaths {
  results_path: string;
  results_csv_path: string;
  report_md_path: string;
}

/** Paths are newline-separated when several files ran (one per file, in file order). */
export function setRunOutputs(runs: (SummaryRun & RunPaths)[]): void {
  const cost = runs.reduce((n, r) => n + r.estimated_cost_usd.expected, 0);
  const sync = runs.reduce((n, r) => n + r.estimate.cost.sync.expected, 0);
  core.setOutput('mode', modeOutput(runs.map((r) => r.decision.mode)));
  core.setOutput('estimated-cost', usd(cost));
  core.setOutput('estimated-savings', usd(sync - cost));
  const ledger = combineLedgers(runs.map((r) => r.ledger));
  core.setOutput('actual-cost', usd(ledger.total.actual_usd));
  core.setOutput('saved', usd(ledger.total.saved_usd));
  core.setOutput('results', runs.map((r) => r.results_path).join('\n'));
  core.setOutput('results-csv', runs.map((r) => r.results_csv_path).join('\n'));
  core.setOutput('report', runs.map((r) => r.report_md_path).join('\n'));
  core.setOutput('batch-ids', runs.flatMap((r) => r.batch_ids).join(','));
  core.setOutput('succeeded', String(runs.reduce((n, r) => n + r.succeeded, 0)));
  core.setOutput('failed', String(runs.reduce((n, r) => n + r.requests - r.succeeded, 0)));
  core.setOutput('in-progress', runs.some((r) => r.in_progress) ? 'true' : 'false');
}
