// Errors a user can cause by running: a plan that costs too much, an output folder that belongs to another input.
import { formatUsd, formatUsdApart } from '../shared/money.ts';

export class MaxCostError extends Error {
  readonly worstCaseUsd: number;
  readonly maxCostUsd: number;

  /** `subject`: what the worst case is of, when not one file's plan (several files run in one step). */
  constructor(mode: string, worstCaseUsd: number, maxCostUsd: number, subject = `the ${mode} plan`) {
    const [worst, max] = formatUsdApart(worstCaseUsd, maxCostUsd);
    super(
      `the worst case of ${subject} is ${worst}, ${formatUsd(worstCaseUsd - maxCostUsd)} above ` +
        `--max-cost ${max}; nothing was sent (set max_tokens on the requests to lower the worst case, or raise --max-cost)`,
    );
    this.name = 'MaxCostError';
    this.worstCaseUsd = worstCaseUsd;
    this.maxCostUsd = maxCostUsd;
  }
}

export class RunStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunStateError';
  }
}
