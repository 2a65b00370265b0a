// The sticky pull-request comment: how the PR changes what its request files cost. A headline, one table per file
// (base, head, change for sync and batch), the rest folded; never longer than GitHub accepts.
import type { FileEstimate } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { VERSION } from '../shared/version.ts';
import { renderEstimateMarkdown } from './estimateMarkdown.ts';
import { escapeHtml, escapeMarkdown, formatInt, truncate } from './format.ts';

/** Finds the comment again on the next run; invisible when rendered. */
export const COST_REPORT_MARKER = '<!-- batchwise:cost-report -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export interface FileComparison {
  /** Path in the repository. */
  path: string;
  /** null: the file does not exist at the base (added by the PR) or could not be estimated there (see baseError). */
  base: FileEstimate | null;
  /** Why the base version could not be estimated: it was invalid before this PR. */
  baseError?: string;
  /** The base path of a file the PR renamed (base is that file's estimate). */
  renamedFrom?: string;
  /** The PR deletes the file (or moves it where the patterns no longer reach). */
  deleted?: boolean;
  /** null: the PR deletes the file, or its head version is invalid (see error). */
  head: FileEstimate | null;
  /** False when the file's bytes are the same at base and head, at the same path. */
  changed: boolean;
  /** Why the head could not be estimated (the request file's own error message). */
  error?: string;
}

export interface PrCommentOptions {
  /** Link to the workflow run, for "see the job summary". */
  runUrl?: string;
  /** A sentence about the run this job did, if it ran anything. */
  runNote?: string;
  maxChars?: number;
}

function signedUsd(delta: number): string {
  return delta > 0 ? `+${formatUsd(delta)}` : delta < 0 ? formatUsd(delta) : '±$0.00';
}

function change(base: number | undefined, head: number | undefined, usd: boolean): string {
  if (base === undefined || head === undefined) return '';
  const d = head - base;
  const pct = base > 0 && d !== 0 ? ` (${d > 0 ? '+' : '-'}${formatPercent(Math.abs(d), base)})` : '';
  if (usd) return signedUsd(d) + pct;
  return (d > 0 ? '+' : d < 0 ? '-' : '±') + formatInt(Math.abs(d)) + pct;
}

function total(files: FileComparison[], side: 'base' | 'head', mode: 'sync' | 'batch'): number {
  return files.reduce((n, f) => n + (f[side]?.cost[mode].expected ?? 0), 0);
}

export function prHeadline(files: FileComparison[]): string {
  const changed = files.filter((f) => f.changed);
  if (changed.length === 0) return `No request file changed in this pull request (${files.length} checked).`;
  const parts = (['sync', 'batch'] as const).map((mode) => {
    const b = total(changed, 'base', mode);
    const h = total(changed, 'head', mode);
    return `${mode} ${formatUsd(b)} → ${formatUsd(h)} (${signedUsd(h - b)})`;
  });
  const n = changed.length === 1 ? '1 request file' : `${changed.length} request files`;
  return `This pull request changes ${n}: expected cost ${parts.join(', ')}.`;
}

/** One ⚠️ line per model the head's files use that is shut down or shuts down soon, with OpenAI's replacement: a PR
 *  that adds (or keeps) such a model should hear it before merging. */
export function lifecycleLines(files: FileComparison[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of files) {
    for (const l of f.head?.lifecycle ?? []) {
      if (seen.has(l.model)) continue;
      seen.add(l.model);
      lines.push(`⚠️ At head: ${escapeMarkdown(l.message)}.`);
    }
  }
  return lines;
}

export function fileTable(f: FileComparison): string[] {
  const note = f.deleted
    ? ' (deleted)'
    : f.renamedFrom
      ? ` (renamed from ${escapeMarkdown(f.renamedFrom)})`
      : f.changed
        ? ''
        : ' (unchanged)';
  const lines = [`### ${escapeMarkdown(f.path)}${note}`, ''];
  if (f.error) lines.push(`⚠️ The head version cannot be estimated: ${escapeMarkdown(f.error)}`, '');
  // Not the PR's doing, so only its start (a base with many bad lines lists every one).
  if (f.baseError) lines.push(`ℹ️ The base version was already invalid: ${escapeMarkdown(truncate(f.baseError, 300))}`, '');
  if (!f.base && !f.head && !f.baseError) return lines;
  const b = f.base;
  const h = f.head;
  const rows: [string, (e: FileEstimate) => number, boolean][] = [
    ['requests', (e) => e.requests, false],
    ['input tokens', (e) => e.input_tokens, false],
    ['sync, expected', (e) => e.cost.sync.expected, true],
    ['sync, max', (e) => e.cost.sync.max, true],
    ['batch, expected', (e) => e.cost.batch.expected, true],
    ['batch, max', (e) => e.cost.batch.max, true],
  ];
  lines.push(`| | base | head | change |`, '|---|---:|---:|---:|');
  for (const [name, value, usd] of rows) {
    const fmt = (e: FileEstimate) => (usd ? formatUsd(value(e)) : formatInt(value(e)));
    const baseCell = b ? fmt(b) : f.baseError ? 'invalid at base' : 'not in base';
    const headCell = h ? fmt(h) : f.error ? 'invalid' : 'deleted';
    lines.push(`| ${name} | ${baseCell} | ${headCell} | ${change(b ? value(b) : undefined, h ? value(h) : f.deleted ? 0 : undefined, usd)} |`);
  }
  if (h) lines.push('', `Recommended at head: **${h.recommendation.mode}** — ${escapeMarkdown(h.recommendation.reason)}`);
  lines.push('');
  return lines;
}

function footer(files: FileComparison[], opts: PrCommentOptions): string[] {
  const asOf = files.find((f) => f.head)?.head?.pricing.as_of ?? files.find((f) => f.base)?.base?.pricing.as_of;
  const bits = [`batchwise ${VERSION}`];
  if (asOf) bits.push(`prices as of ${asOf}`);
  if (opts.runUrl) bits.push(`[workflow run](${opts.runUrl})`);
  return [`<sub>${bits.join(' · ')}</sub>`, ''];
}

export function renderPrComment(files: FileComparison[], opts: PrCommentOptions = {}): string {
  const max = opts.maxChars ?? MAX_COMMENT_CHARS;
  const head = [COST_REPORT_MARKER, '## batchwise cost report', '', `**${prHeadline(files)}**`, ''];
  for (const line of lifecycleLines(files)) head.push(line, '');
  if (opts.runNote) head.push(escapeMarkdown(opts.runNote), '');
  const tables = files.map(fileTable);
  const details = files
    .filter((f) => f.head)
    .map((f) => [`<details><summary>Estimate of ${escapeHtml(f.path)} at head</summary>`, '', renderEstimateMarkdown(f.head!), '</details>', '']);
  const foot = footer(files, opts);

  // Cut from the least useful end: first the folded details (last file first), then whole file tables, never the
  // headline; a note says what was left out and where to find it.
  for (let keepDetails = details.length; keepDetails >= 0; keepDetails--) {
    const cutNote = keepDetails < details.length ? [cutMessage('details of ' + (details.length - keepDetails) + ' file(s)', opts), ''] : [];
    const body = [...head, ...tables.flat(), ...details.slice(0, keepDetails).flat(), ...cutNote, ...foot].join('\n');
    if (body.length <= max) return body;
  }
  for (let keepTables = tables.length - 1; keepTables >= 0; keepTables--) {
    const note = [cutMessage(`${tables.length - keepTables} more file(s) and all details`, opts), ''];
    const body = [...head, ...tables.slice(0, keepTables).flat(), ...note, ...foot].join('\n');
    if (body.length <= max) return body;
  }
  // Only a pathological headline (thousands of files) gets here.
  return [COST_REPORT_MARKER, '## batchwise cost report', '', cutMessage('the report', opts)].join('\n').slice(0, max);
}

function cutMessage(what: string, opts: PrCommentOptions): string {
  const where = opts.runUrl ? `the [job summary](${opts.runUrl})` : 'the job summary';
  return `_Cut to fit a comment (${what} left out): the full report is in ${where}._`;
}
