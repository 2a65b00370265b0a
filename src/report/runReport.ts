// report.json and report.md of a run: estimate vs actual per mode and model, the decision, batch ids, timings.
import type { FileEstimate, Mode, Range } from '../estimate/types.ts';
import type { ActualGroup } from '../results/index.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { formatDuration } from '../shared/duration.ts';
import { estimateToJson } from './estimateJson.ts';
import { escapeMarkdown, formatInt } from './format.ts';

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
  started_at: string;
  finished_at: string;
  decision: { mode: Mode; reason: string; safety_net: boolean };
  /** The mode the unfinished rest ran in after the batches, if any did. */
  sync_phase: { mode: 'sync' | 'flex'; started_at: string } | null;
  exit_code: 0 | 1 | 2;
  requests: number;
  counts: { succeeded: number; failed: number; expired: number; cancelled: number; skipped: number };
  estimated_cost_usd: Range;
  actual_cost_usd: number;
  groups: ActualGroup[];
  batches: RunReportBatch[];
  results_path: string;
  results_csv_path: string;
}

/** The estimate's expected cost of a model's requests in a mode, pro rata to how many of them ran in it. */
function estimatedFor(e: FileEstimate, g: ActualGroup): number | null {
  const m = e.models.find((x) => x.model === g.model);
  const c = m ? (g.mode === 'flex' ? m.cost.flex : m.cost[g.mode]) : null;
  if (!m || !c || m.requests === 0) return null;
  return (c.expected * g.requests) / m.requests;
}

export function runReportJson(r: RunReport, e: FileEstimate): Record<string, unknown> {
  return {
    file: r.file,
    started_at: r.started_at,
    finished_at: r.finished_at,
    duration_ms: Date.parse(r.finished_at) - Date.parse(r.started_at),
    decision: r.decision,
    sync_phase: r.sync_phase,
    exit_code: r.exit_code,
    requests: r.requests,
    ...r.counts,
    estimated_cost_usd: r.estimated_cost_usd,
    actual_cost_usd: r.actual_cost_usd,
    by_mode_and_model: r.groups.map((g) => ({ ...g, estimated_cost_usd: estimatedFor(e, g) })),
    batch_ids: r.batches.map((b) => b.batch_id),
    batches: r.batches,
    // Without the per-line items: results.jsonl has one line per request already.
    estimate: estimateToJson({ ...e, items: undefined }),
    results: r.results_path,
    results_csv: r.results_csv_path,
  };
}

export function runHeadlineText(r: RunReport, e: FileEstimate): string {
  const saved = e.cost.sync.expected - r.actual_cost_usd;
  const ok = r.counts.succeeded === r.requests ? 'all' : `${formatInt(r.counts.succeeded)} of`;
  return `${ok} ${formatInt(r.requests)} requests succeeded in ${r.decision.mode} mode for ${formatUsd(r.actual_cost_usd)}` +
    (saved > 0 ? ` (sync would have cost about ${formatUsd(e.cost.sync.expected)}; saved ${formatPercent(saved, e.cost.sync.expected)})` : '');
}

export function renderRunMarkdown(r: RunReport, e: FileEstimate): string {
  const out: string[] = [];
  out.push(`## batchwise run: ${escapeMarkdown(r.file)}`, '');
  out.push(runHeadlineText(r, e) + '.', '');
  out.push(`**Decision:** ${r.decision.mode}${r.decision.safety_net ? ' with a sync safety net' : ''} — ${escapeMarkdown(r.decision.reason)}`, '');
  if (r.sync_phase) out.push(`The rest ran with **${r.sync_phase.mode}** from ${r.sync_phase.started_at}.`, '');
  out.push('| status | requests |', '|---|---:|');
  for (const [k, v] of Object.entries(r.counts)) out.push(`| ${k} | ${formatInt(v)} |`);
  out.push('');
  out.push('| mode | model | requests | succeeded | input tokens | output tokens | estimated | actual |', '|---|---|---:|---:|---:|---:|---:|---:|');
  for (const g of r.groups) {
    const est = estimatedFor(e, g);
    out.push(
      `| ${g.mode} | ${escapeMarkdown(g.model)} | ${formatInt(g.requests)} | ${formatInt(g.succeeded)} | ${formatInt(g.input_tokens)} | ` +
        `${formatInt(g.output_tokens)} | ${est === null ? '—' : formatUsd(est)} | ${formatUsd(g.cost_usd)} |`,
    );
  }
  out.push('');
  out.push(
    `Estimated (${r.decision.mode}): ${formatUsd(r.estimated_cost_usd.low)} – ${formatUsd(r.estimated_cost_usd.max)}, expected ` +
      `${formatUsd(r.estimated_cost_usd.expected)}; actual ${formatUsd(r.actual_cost_usd)}. ` +
      `Took ${formatDuration(Date.parse(r.finished_at) - Date.parse(r.started_at))}.`,
    '',
  );
  if (r.batches.length > 0) {
    out.push('<details><summary>Batches</summary>', '', '| batch | part | round | model | requests | status | took |', '|---|---|---:|---|---:|---|---:|');
    for (const b of r.batches) {
      const end = b.times.completed_at ?? b.times.failed_at ?? b.times.expired_at ?? b.times.cancelled_at;
      const took = b.times.created_at && end ? formatDuration(Date.parse(end) - Date.parse(b.times.created_at)) : '—';
      out.push(`| \`${b.batch_id}\` | ${b.part} | ${b.round} | ${escapeMarkdown(b.model)} | ${formatInt(b.requests)} | ${b.status ?? '—'} | ${took} |`);
    }
    out.push('', '</details>', '');
    const errors = r.batches.flatMap((b) => b.errors);
    if (errors.length > 0) {
      out.push('**Batch errors:**', '');
      for (const err of errors.slice(0, 20)) out.push(`- ${err.line !== null ? `${escapeMarkdown(r.file)}:${err.line}: ` : ''}${escapeMarkdown(err.message)} (\`${err.code}\`)`);
      out.push('');
    }
  }
  out.push(`Results: \`${r.results_path}\`, \`${r.results_csv_path}\``, '');
  return out.join('\n');
}
