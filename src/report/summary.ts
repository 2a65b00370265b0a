// The job summary (GITHUB_STEP_SUMMARY): a one-sentence headline, the table of modes, estimate vs actual after a run,
// a chart, and everything else folded. One renderer for an estimate-only step and one for a run, sharing the parts.
import type { FileEstimate, Mode, ModeCosts, Range } from '../estimate/types.ts';
import type { Lifecycle } from '../pricing/index.ts';
import { PROVIDER_LABELS, STALE_CATALOG_DAYS } from '../pricing/index.ts';
import { PRICING_PAGE_URL } from '../pricing/update/parsePricingPage.ts';
import type { RunSummary } from '../run/types.ts';
import { addRanges, ZERO_RANGE } from '../estimate/modeCosts.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { combineLedgers, savingClaim } from '../results/index.ts';
import { formatDuration } from '../shared/duration.ts';
import { renderEstimateMarkdownFor } from './estimateMarkdown.ts';
import { inputTokensCell, requestsWord } from './estimateText.ts';
import { codeSpan, escapeHtml, escapeMarkdown, formatInt, formatShare, markdownInActionWords } from './format.ts';
import { costChart } from './summaryChart.ts';

/** What the summary needs of a finished run: the run core's RunSummary without its file paths. */
export type SummaryRun = Omit<RunSummary, 'results_path' | 'results_csv_path' | 'report_json_path' | 'report_md_path' | 'exit_code'>;

export interface EstimateSummaryOptions {
  /** Why nothing ran, e.g. "no api-key was given". */
  why: string;
}

const MODES: Mode[] = ['sync', 'flex', 'batch', 'priority'];

/** Totals of several files; flex only when every file has it (a file runs in one mode). */
export function totalOf(estimates: FileEstimate[]): { requests: number; input_tokens: number; output_tokens: Range; cost: ModeCosts } {
  let flex: Range | null = estimates.length > 0 ? { ...ZERO_RANGE } : null;
  let priority: Range | null = estimates.length > 0 ? { ...ZERO_RANGE } : null;
  let sync = { ...ZERO_RANGE };
  let batch = { ...ZERO_RANGE };
  let output = { ...ZERO_RANGE };
  for (const e of estimates) {
    sync = addRanges(sync, e.cost.sync);
    batch = addRanges(batch, e.cost.batch);
    flex = flex && e.cost.flex ? addRanges(flex, e.cost.flex) : null;
    priority = priority && e.cost.priority ? addRanges(priority, e.cost.priority) : null;
    output = addRanges(output, e.output_tokens);
  }
  return {
    requests: estimates.reduce((n, e) => n + e.requests, 0),
    input_tokens: estimates.reduce((n, e) => n + e.input_tokens, 0),
    output_tokens: output,
    cost: { sync, batch, flex, priority },
  };
}

/** The chosen cell: ✓ when every file runs in the mode, "✓ 1 of 2 files" when only some do. */
function chosenCell(mode: Mode, chosen: Mode[]): string {
  const n = chosen.filter((m) => m === mode).length;
  if (n === 0) return '';
  return n === chosen.length ? '✓' : `✓ ${formatInt(n)} of ${formatInt(chosen.length)} files`;
}

/** The modes table: one row per mode, the chosen one marked (`heading`: "chosen" after a run, "recommended" before). */
export function modesTable(estimates: FileEstimate[], chosen: Mode[], heading = 'chosen'): string[] {
  const t = totalOf(estimates);
  // ≈: some file's input is another provider's tokenizer, approximated (its estimate's notes say how).
  const approximate = estimates.some((e) => e.input_tokens_approximate);
  const lines = [
    `| mode | requests | input tokens${approximate ? ' (≈ approximate)' : ''} | output tokens (expected) | low | expected | max | ${heading} |`,
    '|---|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const mode of MODES) {
    const c = t.cost[mode];
    const cells = c ? [formatUsd(c.low), formatUsd(c.expected), formatUsd(c.max)] : ['—', '—', '—'];
    lines.push(
      `| ${mode} | ${formatInt(t.requests)} | ${inputTokensCell(t.input_tokens, approximate)} | ${formatInt(t.output_tokens.expected)} | ` +
        `${cells.join(' | ')} | ${chosenCell(mode, chosen) || (c ? '' : `no ${mode}`)} |`,
    );
  }
  return lines;
}

/** Models of the step that are shut down or shut down soon, once each (the first file's note), with the files that use
 *  them when there are several files. */
export function lifecycleByModel(estimates: FileEstimate[]): { life: Lifecycle; files: string[] }[] {
  const byModel = new Map<string, { life: Lifecycle; files: string[] }>();
  for (const e of estimates) {
    for (const l of e.lifecycle) {
      const seen = byModel.get(l.model);
      if (seen) seen.files.push(e.file);
      else byModel.set(l.model, { life: l, files: [e.file] });
    }
  }
  return [...byModel.values()];
}

/** One ⚠️ line per model that is shut down or shutting down, naming OpenAI's replacement (the lifecycle's message). */
export function lifecycleLines(estimates: FileEstimate[]): string[] {
  return lifecycleByModel(estimates).map(({ life, files }) => {
    const where = estimates.length > 1 ? ` (${files.map(escapeMarkdown).join(', ')})` : '';
    const refused = life.status === 'shut_down' ? ' A run refuses it: change the model in the request file.' : '';
    return `⚠️ ${escapeMarkdown(life.message)}${where}.${refused}`;
  });
}

/** What qualifies every price below: a catalog older than STALE_CATALOG_DAYS, models priced from the long tail. Said in
 *  the action's words (its inputs), naming the CLI command only for what the action cannot do itself. */
export function pricingNotes(estimates: FileEstimate[]): string[] {
  const notes: string[] = [];
  const oldest = estimates.reduce<FileEstimate['pricing'] | null>((o, e) => (o === null || e.pricing.age_days > o.age_days ? e.pricing : o), null);
  if (oldest && oldest.age_days > STALE_CATALOG_DAYS) {
    notes.push(
      `ℹ️ Prices checked ${formatInt(oldest.age_days)} days ago (${oldest.as_of}): they may have changed since. ` +
        `Run ${codeSpan(`batchwise pricing update --from ${PRICING_PAGE_URL} --out prices.json`)} and give the file as \`pricing-file\`, ` +
        `or use a newer release of this action.`,
    );
  }
  const derived = [...new Set(estimates.flatMap((e) => e.pricing.derived_models))];
  if (derived.length > 0) {
    notes.push(
      `ℹ️ ${derived.map((m) => `**${escapeMarkdown(m)}**`).join(', ')} ${derived.length === 1 ? 'is' : 'are'} not in the price catalog: ` +
        `priced from the \`@pydantic/genai-prices\` library (derived, batch assumed at 50%). ` +
        `Give ${derived.length === 1 ? 'its' : 'their'} prices in \`pricing-file\`, or set \`strict-pricing: true\` to refuse ${derived.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return notes;
}

/** Lifecycle warnings and pricing notes, each a paragraph, right under the headline; nothing when there are none. */
function headlineNotes(estimates: FileEstimate[]): string[] {
  return [...lifecycleLines(estimates), ...pricingNotes(estimates)].flatMap((l) => [l, '']);
}

export function estimateOnlyHeadline(estimates: FileEstimate[]): string {
  const t = totalOf(estimates);
  const saved = t.cost.sync.expected - t.cost.batch.expected;
  return (
    `Batch would save ${formatUsd(saved)} (${formatPercent(saved, t.cost.sync.expected)}) on ` +
    `${requestsWord(t.requests)}: ${formatUsd(t.cost.sync.expected)} sync, ${formatUsd(t.cost.batch.expected)} batch.`
  );
}

/** A step that only estimated (no key, `mode: estimate`, or a pull request). */
export function renderEstimateSummary(estimates: FileEstimate[], opts: EstimateSummaryOptions): string {
  const t = totalOf(estimates);
  const lines = [
    '## batchwise cost estimate',
    '',
    `**${estimateOnlyHeadline(estimates)}**`,
    '',
    ...headlineNotes(estimates),
    // `why` is batchwise's own Markdown ("`mode: estimate`"), never user text: rendered as written.
    `Nothing was sent to the API: ${opts.why}.`,
    '',
    ...modesTable(estimates, estimates.map((e) => e.recommendation.mode), 'recommended'),
    '',
  ];
  for (const e of estimates) lines.push(`- ${escapeMarkdown(e.file)}: **${e.recommendation.mode}** — ${markdownInActionWords(e.recommendation.reason)}`);
  lines.push('', costChart(t.cost, undefined, estimates.map((e) => e.recommendation.mode)), '');
  lines.push(...perFileDetails(estimates));
  return lines.join('\n');
}

export function runHeadline(runs: SummaryRun[]): string {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const l = combineLedgers(runs.map((r) => r.ledger));
  const claim = savingClaim(l.total, l.by_mode, l.moved_to_sync);
  const unfinished = runs.reduce((n, r) => n + r.failed + r.expired + r.cancelled + r.skipped, 0);
  const modes = [...new Set(runs.map((r) => r.decision.mode))];
  const modeName = modes.length === 1 ? capitalise(modes[0]) : 'batchwise';
  const tail = unfinished > 0 ? `; ${formatInt(unfinished)} did not succeed` : '; all succeeded';
  const moved = l.moved_to_sync > 0 ? ` (${formatInt(l.moved_to_sync)} ran synchronously after the batch)` : '';
  if (claim.kind === 'saved') {
    return `${modeName} saved ${formatUsd(claim.saved_usd)} (${formatShare(claim.share)}) on ${requestsWord(requests)}: ` +
      `${formatUsd(l.total.actual_usd)} spent, ${formatUsd(l.total.at_sync_prices_usd)} at sync prices${moved}${tail}.`;
  }
  return `${modeName} ran ${requestsWord(requests)} for ${formatUsd(l.total.actual_usd)}${claim.kind === 'cost_more' ? `, ${formatUsd(-claim.saved_usd)} more than at sync prices` : ', nothing saved'}${moved}${tail}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "3 failed, 1 expired", or "—" when every request succeeded. */
function notSucceeded(r: SummaryRun): string {
  const parts = (['failed', 'expired', 'cancelled', 'skipped'] as const).filter((k) => r[k] > 0).map((k) => `${formatInt(r[k])} ${k}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

/** Per file: what ran, what the estimate expected in that mode (its range is in the file's folded estimate), and the
 *  ledger's actual, at-sync and saved figures. */
export function estimateVsActual(runs: SummaryRun[]): string[] {
  const lines = [
    '| file | mode | requests | succeeded | did not succeed | estimated | actual | at sync prices | saved |',
    '|---|---|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    const t = r.ledger.total;
    lines.push(
      `| ${escapeMarkdown(r.file)} | ${r.decision.mode} | ${formatInt(r.requests)} | ${formatInt(r.succeeded)} | ${notSucceeded(r)} | ` +
        `${formatUsd(r.estimated_cost_usd.expected)} | ${formatUsd(t.actual_usd)} | ${formatUsd(t.at_sync_prices_usd)} | ${formatUsd(t.saved_usd)} |`,
    );
  }
  return lines;
}

/** A file of the step that did not finish: the one that failed (with why) and the ones after it (never started). */
export interface NotRun {
  file: string;
  reason: string;
}

export interface RunSummaryOptions {
  /** When a file's run failed, the files that finished are still reported; these are the rest. */
  notRun?: NotRun[];
}

export function renderRunSummary(runs: SummaryRun[], opts: RunSummaryOptions = {}): string {
  // Named as the run names its file (the repository path), whatever the estimate was made from.
  const estimates = runs.map((r) => ({ ...r.estimate, file: r.file }));
  const t = totalOf(estimates);
  const actual = combineLedgers(runs.map((r) => r.ledger)).total.actual_usd;
  const lines = ['## batchwise run', '', `**${runHeadline(runs)}**`, '', ...headlineNotes(estimates)];
  const notRun = opts.notRun ?? [];
  if (notRun.length > 0) {
    const n = runs.length + notRun.length;
    lines.push(`⚠️ **${formatInt(notRun.length)} of ${formatInt(n)} request files did not finish**; the step failed. What finished is reported below.`, '');
    for (const f of notRun) lines.push(`- ${escapeMarkdown(f.file)}: ${markdownInActionWords(f.reason)}`);
    lines.push('');
  }
  lines.push(...modesTable(estimates, runs.map((r) => r.decision.mode)), '');
  lines.push('### Estimate vs actual', '', ...estimateVsActual(runs), '');
  for (const r of runs) {
    const on = r.provider && r.provider !== 'openai' ? ` on ${PROVIDER_LABELS[r.provider]}` : '';
    lines.push(`- ${escapeMarkdown(r.file)}: **${r.decision.mode}**${on} — ${markdownInActionWords(r.decision.reason)}`);
  }
  lines.push('', costChart(t.cost, actual, runs.map((r) => r.decision.mode)), '');
  const ids = runs.flatMap((r) => r.batch_ids);
  lines.push('<details><summary>Batches and timings</summary>', '');
  for (const r of runs) {
    const took = Date.parse(r.finished_at) - Date.parse(r.started_at);
    lines.push(`- ${escapeMarkdown(r.file)}: ${r.started_at} → ${r.finished_at} (${formatDuration(took)})`);
  }
  lines.push(ids.length ? `- batch ids: ${ids.map(codeSpan).join(', ')}` : '- no batches (nothing ran through the Batch API)');
  lines.push('', '</details>', '');
  lines.push(...perFileDetails(estimates));
  return lines.join('\n');
}

function perFileDetails(estimates: FileEstimate[]): string[] {
  const lines: string[] = [];
  for (const e of estimates) {
    lines.push(`<details><summary>Estimate of ${escapeHtml(e.file)}</summary>`, '', renderEstimateMarkdownFor(e, 'action'), '</details>', '');
  }
  return lines;
}

/** What the post step writes when the job ended with batches still running. */
export function renderInFlightSummary(batchIds: string[], action: 'left running' | 'cancelled', note: string): string {
  const lines = [
    '## batchwise: the job ended before the run finished',
    '',
    `**${formatInt(batchIds.length)} batch(es) ${action}.** ${escapeMarkdown(note)}`,
    '',
    ...batchIds.map((id) => `- ${codeSpan(id)}`),
    '',
  ];
  return lines.join('\n');
}
