// report.json and report.md of a run: estimate vs actual per mode and model, the decision, batch ids, timings.
import type { FileEstimate, Mode, Range } from '../estimate/types.ts';
import type { Ledger, LedgerFigures, LedgerGroup } from '../results/index.ts';
import { savingClaim } from '../results/index.ts';
import { formatUsd } from '../shared/money.ts';
import { roundUsd } from '../results/index.ts';
import { PROVIDER_LABELS } from '../pricing/index.ts';
import type { CatalogProvider } from '../pricing/index.ts';
import { formatError, formatShare } from './format.ts';
import { formatDuration } from '../shared/duration.ts';
import { estimateToJson } from './estimateJson.ts';
import { codeSpan, escapeMarkdown, formatInt } from './format.ts';

export interface RunReportBatch {
  batch_id: string;
  part: string;
  round: number;
  model: string;
  requests: number;
  status: string | null;
  refused_batch_ids: string[];
  /** Lifecycle timestamps of the batch (created_at, in_progress_at, completed_at…), ISO. */
  times: Record<string, string>;
  errors: { code: string; line: number | null; message: string }[];
}

export interface RunReport {
  file: string;
  /** Whose API ran the requests (absent: openai, as before providers). */
  provider?: CatalogProvider;
  started_at: string;
  finished_at: string;
  decision: { mode: Mode; reason: string; safety_net: boolean };
  /** The mode the unfinished rest ran in after the batches, if any did. */
  sync_phase: { mode: 'sync' | 'flex' | 'priority'; started_at: string } | null;
  exit_code: 0 | 1 | 2 | 3;
  requests: number;
  counts: { succeeded: number; failed: number; expired: number; cancelled: number; skipped: number };
  estimated_cost_usd: Range;
  ledger: Ledger;
  batches: RunReportBatch[];
  results_path: string;
  results_csv_path: string;
}

/** The ledger's figures as report.json carries them (the DESIGN contract's names). */
function figuresJson(f: LedgerFigures): Record<string, unknown> {
  return {
    requests: f.requests, succeeded: f.succeeded, billed: f.billed,
    input_tokens: f.input_tokens, cached_input_tokens: f.cached_input_tokens, cache_write_tokens: f.cache_write_tokens,
    output_tokens: f.output_tokens, reasoning_tokens: f.reasoning_tokens,
    actual_usd: f.actual_usd, at_sync_prices_usd: f.at_sync_prices_usd, saved_usd: f.saved_usd,
    estimated_usd: f.estimated_usd, estimate_error: f.estimate_error,
  };
}

export function runReportJson(r: RunReport, e: FileEstimate): Record<string, unknown> {
  const l = r.ledger;
  return {
    file: r.file,
    provider: r.provider ?? 'openai',
    started_at: r.started_at,
    finished_at: r.finished_at,
    duration_ms: Date.parse(r.finished_at) - Date.parse(r.started_at),
    decision: r.decision,
    sync_phase: r.sync_phase,
    exit_code: r.exit_code,
    requests: r.requests,
    ...r.counts,
    estimated_cost_usd: roundRange(r.estimated_cost_usd),
    // The ledger: every other place that shows this run's money shows these numbers.
    actual_usd: l.total.actual_usd,
    at_sync_prices_usd: l.total.at_sync_prices_usd,
    saved_usd: l.total.saved_usd,
    estimate_error: l.total.estimate_error,
    ledger: {
      total: figuresJson(l.total),
      by_mode: Object.fromEntries(Object.entries(l.by_mode).map(([m, f]) => [m, figuresJson(f)])),
      moved_to_sync: l.moved_to_sync,
    },
    by_mode_and_model: l.by_mode_and_model.map((g: LedgerGroup) => ({ mode: g.mode, model: g.model, ...figuresJson(g) })),
    /** Kept for readers of older reports: the same figure as actual_usd. */
    actual_cost_usd: l.total.actual_usd,
    batch_ids: r.batches.map((b) => b.batch_id),
    batches: r.batches,
    // Without the per-line items: results.jsonl has one line per request already.
    estimate: estimateToJson({ ...e, items: undefined }),
    results: r.results_path,
    results_csv: r.results_csv_path,
  };
}

const roundRange = (x: Range): Range => ({ low: roundUsd(x.low), expected: roundUsd(x.expected), max: roundUsd(x.max) });

/** One sentence for a run: what succeeded, what it cost, and the ledger's saving (none claimed when there is none). */
export function runHeadlineText(r: Pick<RunReport, 'requests' | 'counts' | 'decision' | 'ledger'>): string {
  const l = r.ledger;
  const ok = r.counts.succeeded === r.requests ? 'all' : `${formatInt(r.counts.succeeded)} of`;
  const claim = savingClaim(l.total, l.by_mode, l.moved_to_sync);
  const moved = l.moved_to_sync > 0 ? `; ${formatInt(l.moved_to_sync)} ran synchronously after the batch` : '';
  const head = `${ok} ${formatInt(r.requests)} requests succeeded in ${r.decision.mode} mode for ${formatUsd(l.total.actual_usd)}`;
  if (claim.kind === 'saved') {
    return `${head} — saved ${formatUsd(claim.saved_usd)} (${formatShare(claim.share)}) against ${formatUsd(l.total.at_sync_prices_usd)} at sync prices${moved}`;
  }
  if (claim.kind === 'cost_more') return `${head} — ${formatUsd(-claim.saved_usd)} more than the ${formatUsd(l.total.at_sync_prices_usd)} at sync prices${moved}`;
  return `${head}, the same as at sync prices (nothing saved)${moved}`;
}

export function renderRunMarkdown(r: RunReport, e: FileEstimate): string {
  const out: string[] = [];
  out.push(`## batchwise run: ${escapeMarkdown(r.file)}`, '');
  out.push(runHeadlineText(r) + '.', '');
  const on = r.provider && r.provider !== 'openai' ? ` on ${PROVIDER_LABELS[r.provider]}` : '';
  out.push(`**Decision:** ${r.decision.mode}${on}${r.decision.safety_net ? ' with a sync safety net' : ''} — ${escapeMarkdown(r.decision.reason)}`, '');
  if (r.sync_phase) out.push(`The rest ran with **${r.sync_phase.mode}** from ${r.sync_phase.started_at}.`, '');
  out.push('| status | requests |', '|---|---:|');
  for (const [k, v] of Object.entries(r.counts)) out.push(`| ${k} | ${formatInt(v)} |`);
  out.push('');
  out.push(
    '| mode | model | requests | succeeded | input tokens (cached) | output tokens | estimated | actual | at sync prices | saved |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const g of r.ledger.by_mode_and_model) {
    out.push(
      `| ${g.mode} | ${escapeMarkdown(g.model)} | ${formatInt(g.requests)} | ${formatInt(g.succeeded)} | ${formatInt(g.input_tokens)} (${formatInt(g.cached_input_tokens)}) | ` +
        `${formatInt(g.output_tokens)} | ${g.billed > 0 ? formatUsd(g.estimated_usd) : '—'} | ${formatUsd(g.actual_usd)} | ${formatUsd(g.at_sync_prices_usd)} | ${formatUsd(g.saved_usd)} |`,
    );
  }
  out.push('');
  const t = r.ledger.total;
  const err = t.estimate_error;
  out.push(
    `Estimated before the run (${r.decision.mode}, all ${formatInt(r.requests)} requests): ${formatUsd(r.estimated_cost_usd.low)} – ${formatUsd(r.estimated_cost_usd.max)}, expected ` +
      `${formatUsd(r.estimated_cost_usd.expected)}. For the ${formatInt(t.billed)} billed requests the estimate expected ${formatUsd(t.estimated_usd)}; ` +
      `actual ${formatUsd(t.actual_usd)} (cost ${formatError(err.cost)}, input tokens ${formatError(err.input)}, output tokens ${formatError(err.output)}). ` +
      `Took ${formatDuration(Date.parse(r.finished_at) - Date.parse(r.started_at))}.`,
    '',
  );
  if (r.batches.length > 0) {
    out.push('<details><summary>Batches</summary>', '', '| batch | part | round | model | requests | status | took |', '|---|---|---:|---|---:|---|---:|');
    for (const b of r.batches) {
      const end = b.times.completed_at ?? b.times.failed_at ?? b.times.expired_at ?? b.times.cancelled_at;
      const took = b.times.created_at && end ? formatDuration(Date.parse(end) - Date.parse(b.times.created_at)) : '—';
      out.push(`| ${codeSpan(b.batch_id)} | ${b.part} | ${b.round} | ${escapeMarkdown(b.model)} | ${formatInt(b.requests)} | ${b.status ?? '—'} | ${took} |`);
    }
    out.push('', '</details>', '');
    const errors = r.batches.flatMap((b) => b.errors);
    if (errors.length > 0) {
      out.push('**Batch errors:**', '');
      for (const err of errors.slice(0, 20)) out.push(`- ${err.line !== null ? `${escapeMarkdown(r.file)}:${err.line}: ` : ''}${escapeMarkdown(err.message)} (${codeSpan(err.code)})`);
      out.push('');
    }
  }
  out.push(`Results: ${codeSpan(r.results_path)}, ${codeSpan(r.results_csv_path)}`, '');
  return out.join('\n');
}
