// Errors a user can cause by running: a plan that costs too much, an output folder that belongs to another input.
import { formatUsd } from '../shared/money.ts';

export class MaxCostError extends Error {
  readonly worstCaseUsd: number;
  readonly maxCostUsd: number;

  constructor(mode: string, worstCaseUsd: number, maxCostUsd: number) {
    super(
      `the worst case of the ${mode} plan is ${formatUsd(worstCaseUsd)}, ${formatUsd(worstCaseUsd - maxCostUsd)} above ` +
        `--max-cost ${formatUsd(maxCostUsd)}; nothing was sent (set max_tokens on the requests to lower the worst case, or raise --max-cost)`,
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
