// What `run` and `demo` print when a run ends, and how a run's failure ends: shared by both commands.
import { PROVIDER_LABELS } from '../pricing/index.ts';
import OpenAI from 'openai';
import type { RunSummary } from '../run/index.ts';
import { redactSecrets } from '../run/sync/syncClientErrors.ts';
import { formatUsd } from '../shared/money.ts';
import { formatError } from '../report/format.ts';
import { estimateToJson } from '../report/estimateJson.ts';
import { printFailure, reportFailure } from './errors.ts';
import { SIGNAL_EXIT } from './interrupt.ts';

/** Errors of the run stage a user causes: one clear line each. */

export function describeSummary(s: RunSummary): string {
  const lines = [
    `decision: ${s.decision.mode}${s.provider && s.provider !== 'openai' ? ` on ${PROVIDER_LABELS[s.provider]}` : ''} — ${s.decision.reason}`,
    `${s.succeeded} of ${s.requests} requests succeeded` +
      (s.failed + s.expired + s.cancelled + s.skipped > 0
        ? ` (${s.failed} failed, ${s.expired} expired, ${s.cancelled} cancelled, ${s.skipped} skipped)`
        : ''),
    `cost: ${formatUsd(s.ledger.total.actual_usd)} actual, ${formatUsd(s.ledger.total.at_sync_prices_usd)} at sync prices, ` +
      `saved ${formatUsd(s.ledger.total.saved_usd)}; the estimate expected ${formatUsd(s.ledger.total.estimated_usd)} for the ` +
      `${s.ledger.total.billed} billed requests (${formatError(s.ledger.total.estimate_error.cost)})`,
  ];
  for (const l of s.estimate.lifecycle) lines.push(`warning: ${l.message}`);
  if (s.batch_ids.length > 0) lines.push(`batches: ${s.batch_ids.join(', ')}`);
  lines.push(`results: ${s.results_path}`, `         ${s.results_csv_path}`, `report:  ${s.report_md_path}`, `         ${s.report_json_path}`);
  return lines.join('\n') + '\n';
}

/** `run --format json`: the summary as one object (the ledger's figures, paths, batch ids; the estimate without items). */
export function runSummaryJson(s: RunSummary): Record<string, unknown> {
  const { estimate, ...rest } = s;
  return { ...rest, estimate: estimateToJson({ ...estimate, items: undefined }) };
}

/** Exit 1 with one message (130 / 143 after Ctrl-C / SIGTERM); the API key never appears in it, whatever the error
 *  carried. The error is not changed: some errors' message is a read-only getter. */
export function reportRunFailure(err: unknown, apiKey: string | undefined, interrupted: 'SIGINT' | 'SIGTERM' | null = null, outDir?: string): number {
  if (interrupted !== null || (err instanceof Error && err.name === 'AbortError')) {
    const where = outDir ? ` in ${outDir}` : '';
    return printFailure(
      { type: 'Interrupted', message: `interrupted; every answer so far and the run's state are kept${where}: run the same command again to continue where it stopped` },
      interrupted ? SIGNAL_EXIT[interrupted] : 130,
    );
  }
  // The SDK's errors (bad key, network down) are the user's environment, not our bug.
  if (err instanceof OpenAI.APIConnectionError) {
    return printFailure({ type: 'APIConnectionError', message: `could not reach the API (${redactSecrets(err.message, apiKey)}); check OPENAI_BASE_URL and the network — nothing was sent` });
  }
  if (err instanceof OpenAI.APIError) {
    return printFailure({ type: 'APIError', message: `the API refused: ${redactSecrets(err.message, apiKey)}` });
  }
  return reportFailure(err);
}
