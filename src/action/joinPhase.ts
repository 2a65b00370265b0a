// With `data` input: the answers joined back onto the table the requests were prepared from, as results.csv (every
// column of the row, then answer, status, tokens, cost, error) — what `batchwise run --join` does on the CLI.
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { joinResults, renderJoinSummary } from '../join/index.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo, logSafe } from './logSafe.ts';
import { preparedPath } from './resolveRequests.ts';

export async function joinAnswers(
  inputs: ActionInputs,
  cwd: string,
  outputDir: string,
  run: { results_path: string; results_csv_path: string } | undefined,
): Promise<void> {
  // No run: the step failed before the file finished, and there is nothing to join yet.
  if (!inputs.data || !run) return;
  try {
    const joined = await joinResults({
      data: resolve(cwd, inputs.data.data),
      results: run.results_path,
      out: run.results_csv_path,
      ...(inputs.data.idColumn !== undefined ? { idColumn: inputs.data.idColumn } : {}),
      // Unparsed answers are written again as the very request lines that ran.
      requests: preparedPath(outputDir),
    });
    for (const line of renderJoinSummary(joined).trimEnd().split('\n')) logInfo(line);
  } catch (err) {
    // The run is paid for: a join that fails (the table changed under the step) must not stop its results from being
    // published. The plain results.csv stays (the join replaces it only when it succeeds).
    core.warning(logSafe(`the answers could not be joined back onto ${inputs.data.data}: ${(err as Error).message}`));
  }
}
