// --max-cost over several request files run one after another (the action's `requests: evals/*.jsonl`): the ceiling
// is for their sum, not for each. Before anything is sent, the plans' least worst cases must fit together; each file
// then runs under what is left — the ceiling less what the files before it cost and the least the files after it can.
import { BATCH_WINDOW_MS } from '../../estimate/recommend.ts';
import type { FileEstimate } from '../../estimate/types.ts';
import { formatUsd } from '../../shared/money.ts';
import { MaxCostError } from '../errors.ts';
import { decide, DEFAULT_MIN_SAVINGS_USD, fitMaxCost, NO_DEARER_PATHS, worstCase } from './policy.ts';
import type { PolicyInput } from './policy.ts';
import { DEFAULT_CONCURRENCY } from '../sync/runSync.ts';
import type { Decision, RunOptions } from '../types.ts';

/** The policy's inputs as runFile fills them in from its options (one place for the defaults). */
export function policyInput(opts: Pick<RunOptions, 'mode' | 'latencyBudgetMs' | 'minSavingsUsd' | 'rpm' | 'tpm' | 'concurrency'>): PolicyInput {
  return {
    mode: opts.mode,
    latencyBudgetMs: opts.latencyBudgetMs ?? BATCH_WINDOW_MS,
    minSavingsUsd: opts.minSavingsUsd ?? DEFAULT_MIN_SAVINGS_USD,
    rpm: opts.rpm ?? null,
    tpm: opts.tpm ?? null,
    concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
  };
}

export interface PlannedFile {
  /** As reports name it. */
  file: string;
  estimate: FileEstimate;
  /** What runFile will decide: `decide(estimate, policyInput(opts))`, or the decision a resumed run keeps. */
  decision: Decision;
}

export interface SharedMaxCost {
  /** Each file's least worst case: its plan without the dearer paths, which fitMaxCost gives up first. */
  floors: number[];
  /** The ceiling file `index` runs under once the files before it have cost `spentUsd`. */
  limitFor(index: number, spentUsd: number): number;
}


/** Refuses (MaxCostError) before anything is spent when the files' plans cannot all fit under `maxCostUsd`. */
export function shareMaxCost(files: PlannedFile[], maxCostUsd: number): SharedMaxCost {
  // One file: exactly the check (and the message) of a run of that file alone.
  if (files.length === 1) fitMaxCost(files[0].estimate, files[0].decision, maxCostUsd);
  const floors = files.map((f) => worstCase(f.estimate, f.decision, NO_DEARER_PATHS).max);
  const total = floors.reduce((a, b) => a + b, 0);
  if (total > maxCostUsd) {
    const each = files.map((f, i) => `${f.file} ${f.decision.mode} ${formatUsd(floors[i])}`).join(', ');
    throw new MaxCostError('', total, maxCostUsd, `the ${files.length} files' plans together (${each})`);
  }
  return {
    floors,
    limitFor(index, spentUsd) {
      const after = floors.slice(index + 1).reduce((a, b) => a + b, 0);
      const limit = maxCostUsd - spentUsd - after;
      // Sums of floats: a limit a rounding error below the file's floor is its floor (the check above passed).
      return limit < floors[index] && floors[index] - limit < 1e-9 ? floors[index] : limit;
    },
  };
}
