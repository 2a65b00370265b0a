// The post step (runs even when the job failed or was cancelled): batches main left in flight are recorded in the job
// summary — and left running for a rerun to attach to, or cancelled with `on-cancel: cancel`.
import * as core from '@actions/core';
import { registerSecret } from '../shared/secrets.ts';
import { renderInFlightSummary } from '../report/summary.ts';
import { SECRET_INPUTS, readInputs } from './inputs.ts';
import { readInFlight } from './state.ts';
import { describe } from './describeError.ts';
import { logInfo } from './logSafe.ts';

export async function post(): Promise<void> {
  try {
    const { batchIds, dirs } = readInFlight();
    if (batchIds.length === 0) return;
    // Secrets are masked again: post is a new process, and the runner's mask list is per job but cheap to repeat.
    for (const name of SECRET_INPUTS) {
      const v = core.getInput(name);
      if (v) core.setSecret(v);
      registerSecret(v);
    }
    const inputs = readInputs();
    if (inputs.onCancel === 'cancel' && inputs.apiKey) {
      const { cancelRun } = await import('../run/index.ts');
      for (const id of batchIds) {
        await cancelRun(id, { provider: inputs.provider, apiKey: inputs.apiKey, ...(inputs.baseUrl ? { baseURL: inputs.baseUrl } : {}), log: logInfo });
        logInfo(`cancelled ${id}`);
      }
      await core.summary
        .addRaw(renderInFlightSummary(batchIds, 'cancelled', 'on-cancel: cancel — requests that finished before the cancel are billed and in their output files.'), true)
        .write();
      return;
    }
    core.warning(
      `the job ended with ${batchIds.length} batch(es) still running: ${batchIds.join(', ')}. They were left running ` +
        `(on-cancel: leave); re-run the job to pick up their results without paying again, or set on-cancel: cancel.`,
    );
    await core.summary
      .addRaw(
        renderInFlightSummary(
          batchIds,
          'left running',
          `A re-run of this workflow run finds them (they carry this run's id) and collects their results instead of resubmitting. ` +
            `Run state: ${dirs.map((d) => `${d}/state.json`).join(', ')}.`,
        ),
        true,
      )
      .write();
  } catch (err) {
    core.setFailed(describe(err));
  }
}
