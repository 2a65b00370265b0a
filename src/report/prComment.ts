// The sticky pull-request comment: how the PR changes what its request files cost. One sentence that says what changed
// and why, one table of the files the PR changes, the unchanged files in one folded line, each file's details folded;
// never longer than GitHub accepts (infracost's shape).
import type { FileEstimate } from '../estimate/types.ts';
import type { Lifecycle } from '../pricing/index.ts';
import { formatPercent, formatUsd, formatUsdApart } from '../shared/money.ts';
import { VERSION } from '../shared/version.ts';
import { renderEstimateMarkdownFor } from './estimateMarkdown.ts';
import { inputTokensCell, requestsWord } from './estimateText.ts';
import { escapeHtml, escapeMarkdown, formatInt, markdownInActionWords, truncate } from './format.ts';

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

/** Files the headline names as the cause, the biggest change first; the table has them all. */
const CAUSES_IN_HEADLINE = 3;
/** Models listed in a table cell before "+N more" (a file may mix many). */
const MODELS_IN_CELL = 3;

function signedUsd(delta: number): string {
  return delta > 0 ? `+${formatUsd(delta)}` : delta < 0 ? formatUsd(delta) : '±$0.00';
}

/** The change relative to the base: "+72%", "-100%", or "115×" once it is tenfold (+11427% reads as noise). */
function relative(base: number, head: number): string {
  if (!(base > 0) || head === base) return '';
  if (head >= base * 10) return `${formatInt(head / base)}×`;
  return `${head > base ? '+' : '-'}${formatPercent(Math.abs(head - base), base)}`;
}

/** "+$0.09 (115×)", "-$0.03 (-50%)", "±$0.00"; `inside` for a change already in parentheses: "+$0.09, 115×". */
function usdChange(base: number, head: number, inside = false): string {
  const rel = relative(base, head);
  if (!rel) return signedUsd(head - base);
  return inside ? `${signedUsd(head - base)}, ${rel}` : `${signedUsd(head - base)} (${rel})`;
}

/** Base and head in a table cell: the non-breaking space keeps the arrow with the base, so a narrow cell breaks after it
 *  (base on one line, head on the next) and never inside a number. */
function arrow(base: string, head: string): string {
  return `${base}\u00a0→ ${head}`;
}

function change(base: number | undefined, head: number | undefined, usd: boolean): string {
  if (base === undefined || head === undefined) return '';
  if (usd) return usdChange(base, head);
  const d = head - base;
  const rel = relative(base, head);
  return (d > 0 ? '+' : d < 0 ? '-' : '±') + formatInt(Math.abs(d)) + (rel ? ` (${rel})` : '');
}

type Side = 'base' | 'head';
type CostMode = 'sync' | 'batch';

/** A file's expected cost on one side; 0 for a side where the file does not exist; undefined where it is invalid. */
function costAt(f: FileComparison, side: Side, mode: CostMode): number | undefined {
  const e = f[side];
  if (e) return e.cost[mode].expected;
  if (side === 'head') return f.deleted ? 0 : f.error ? undefined : 0;
  return f.baseError ? undefined : 0;
}

function batchDelta(f: FileComparison): number {
  return (costAt(f, 'head', 'batch') ?? 0) - (costAt(f, 'base', 'batch') ?? 0);
}

/** The changed files in the order a reviewer needs them: a head that cannot be estimated first (it fails the step),
 *  then the biggest change in expected batch cost. */
function changedFirst(files: FileComparison[]): FileComparison[] {
  return files
    .filter((f) => f.changed)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => Number(!!b.f.error) - Number(!!a.f.error) || Math.abs(batchDelta(b.f)) - Math.abs(batchDelta(a.f)) || a.i - b.i)
    .map(({ f }) => f);
}

function modelsOf(e: FileEstimate | null): string[] {
  return e ? e.models.map((m) => m.model) : [];
}

function sameModels(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function modelList(models: string[]): string {
  const shown = models.slice(0, MODELS_IN_CELL).map((m) => escapeMarkdown(truncate(m, 60)));
  if (models.length > MODELS_IN_CELL) shown.push(`+${models.length - MODELS_IN_CELL} more`);
  return shown.join(', ');
}

/** What the PR did to one file, in words: the cause the headline gives. Markdown (names escaped). */
function causeOf(f: FileComparison): string {
  const name = escapeMarkdown(f.path);
  if (f.error) return `${name} is invalid at head`;
  if (f.deleted) return `${name} deleted`;
  const b = f.base;
  const h = f.head!;
  if (!b) {
    const what = `${requestsWord(h.requests)}, ${modelList(modelsOf(h))}`;
    return f.baseError ? `${name} was invalid at base, now ${what}` : `${name} added (${what})`;
  }
  const facts: string[] = [];
  if (!sameModels(modelsOf(b), modelsOf(h))) facts.push(`${modelList(modelsOf(b))} → ${modelList(modelsOf(h))}`);
  if (b.requests !== h.requests) facts.push(`${formatInt(b.requests)} → ${formatInt(h.requests)} requests`);
  else if (b.input_tokens !== h.input_tokens) facts.push(`input tokens ${formatInt(b.input_tokens)} → ${formatInt(h.input_tokens)}`);
  // A new model brings its own output (a reasoning allowance): the output is a cause only when nothing else is.
  if (facts.length === 0 && b.output_tokens.expected !== h.output_tokens.expected) {
    facts.push(`expected output tokens ${formatInt(b.output_tokens.expected)} → ${formatInt(h.output_tokens.expected)}`);
  }
  // An output cap changes the worst case only (what max-cost plans on).
  if (facts.length === 0 && b.cost.batch.max !== h.cost.batch.max) {
    const [bs, hs] = formatUsdApart(b.cost.batch.max, h.cost.batch.max);
    facts.push(`batch at most ${bs} → ${hs}`);
  }
  const where = f.renamedFrom ? `${escapeMarkdown(f.renamedFrom)} renamed to ${name}` : name;
  if (facts.length === 0) return f.renamedFrom ? where : `${name}: edited, the same expected cost`;
  return `${where}: ${facts.join(', ')}`;
}

interface Headline {
  /** What changed, with the money: the bold sentence. */
  what: string;
  /** Why, file by file (empty when nothing changed). */
  why: string;
}

function headlineOf(files: FileComparison[]): Headline {
  const changed = changedFirst(files);
  if (changed.length === 0) return { what: `No request file changed in this pull request (${formatInt(files.length)} checked).`, why: '' };
  const n = changed.length === files.length ? `${changed.length} request file${changed.length === 1 ? '' : 's'}` : `${formatInt(changed.length)} of ${formatInt(files.length)} request files`;
  const causes = changed.slice(0, CAUSES_IN_HEADLINE).map(causeOf);
  if (changed.length > CAUSES_IN_HEADLINE) causes.push(`${changed.length - CAUSES_IN_HEADLINE} more in the table`);
  const why = `Why: ${causes.join('; ')}.`;
  // Every file counts (a run runs them all); one that cannot be estimated on a side counts on neither, so the change
  // is the change of the files that can be compared.
  const comparable = files.filter((f) => costAt(f, 'base', 'sync') !== undefined && costAt(f, 'head', 'sync') !== undefined);
  if (comparable.length === 0) return { what: `This pull request changes ${n}; none can be compared at base and head.`, why };
  const money = (['sync', 'batch'] as const).map((mode) => {
    const b = comparable.reduce((sum, f) => sum + costAt(f, 'base', mode)!, 0);
    const h = comparable.reduce((sum, f) => sum + costAt(f, 'head', mode)!, 0);
    const [bs, hs] = formatUsdApart(b, h);
    return `${mode} ${bs} → ${hs} (${usdChange(b, h, true)})`;
  });
  const left = files.length - comparable.length;
  const uncounted = left > 0 ? ` (${left} invalid file${left === 1 ? '' : 's'} not counted)` : '';
  return { what: `This pull request changes ${n}; expected cost per run${uncounted}: ${money.join(', ')}.`, why };
}

/** The headline: how many files changed, the expected cost per run at base and head, and why (the files' models,
 *  requests, tokens; added, deleted, renamed, invalid). Markdown: the file and model names are escaped. */
export function prHeadline(files: FileComparison[]): string {
  const h = headlineOf(files);
  return h.why ? `${h.what} ${h.why}` : h.what;
}

/** One ⚠️ line per model the head's files use that is shut down or shuts down soon, with OpenAI's replacement: a PR
 *  that adds (or keeps) such a model should hear it before merging. */
export function lifecycleLines(files: FileComparison[]): string[] {
  const byModel = new Map<string, { life: Lifecycle; paths: string[] }>();
  for (const f of files) {
    for (const l of f.head?.lifecycle ?? []) {
      const seen = byModel.get(l.model);
      if (seen) seen.paths.push(f.path);
      else byModel.set(l.model, { life: l, paths: [f.path] });
    }
  }
  // Which files, when there are several: the model may be in a file this PR does not touch.
  const withHead = files.filter((f) => f.head).length;
  return [...byModel.values()].map(({ life, paths }) => {
    const shown = paths.slice(0, 3).map(escapeMarkdown).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
    const where = withHead > 1 ? ` (${shown})` : '';
    const refused = life.status === 'shut_down' ? ' A run refuses it: change the model in the request file.' : '';
    return `⚠️ At head: ${escapeMarkdown(life.message)}${where}.${refused}`;
  });
}

/** "base → head" when they differ, the one value when they do not; a missing side is "—", an invalid one "invalid".
 *  Dollars are shown with the digits it takes to differ ($0.027 → $0.032, not $0.03 → $0.03). */
function fromTo(f: FileComparison, value: (e: FileEstimate) => number, usd: boolean): string {
  const b = f.base ? value(f.base) : undefined;
  const h = f.head ? value(f.head) : undefined;
  if (b !== undefined && h !== undefined && b === h) return usd ? formatUsd(h) : formatInt(h);
  let [bs, hs] = usd && b !== undefined && h !== undefined ? formatUsdApart(b, h) : [b, h].map((x) => (x === undefined ? '' : usd ? formatUsd(x) : formatInt(x)));
  if (b === undefined) bs = f.baseError ? 'invalid' : '—';
  if (h === undefined) hs = f.error ? 'invalid' : '—';
  return arrow(bs, hs);
}

function modelCell(f: FileComparison): string {
  const b = modelsOf(f.base);
  const h = modelsOf(f.head);
  if (!f.base || !f.head) return modelList(f.head ? h : b) || '—';
  if (sameModels(b, h)) return modelList(h);
  return arrow(modelList(b), `**${modelList(h)}**`);
}

/** The path and, in a word, what happened to the file (the headline and the details say more: the renamed-from path,
 *  the error); a table this narrow has no room for sentences. */
function fileCell(f: FileComparison): string {
  const name = escapeMarkdown(f.path);
  if (f.error) return `${name} (invalid)`;
  if (f.deleted) return `${name} (deleted)`;
  if (f.renamedFrom) return `${name} (renamed)`;
  if (!f.base) return f.baseError ? `${name} (was invalid)` : `${name} (new)`;
  return name;
}

const TABLE_HEADER = ['| file | model | requests | sync expected | batch expected | change (batch) |', '|---|---|---:|---:|---:|---:|'];

/** One row of the table of changed files. */
export function changedRow(f: FileComparison): string {
  const b = costAt(f, 'base', 'batch');
  const h = costAt(f, 'head', 'batch');
  const cells = [
    fileCell(f),
    modelCell(f),
    fromTo(f, (e) => e.requests, false),
    fromTo(f, (e) => e.cost.sync.expected, true),
    fromTo(f, (e) => e.cost.batch.expected, true),
    b !== undefined && h !== undefined ? usdChange(b, h) : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The unchanged files, folded: one line each with what they cost (a PR can touch 1 file of 400). */
function unchangedFold(files: FileComparison[], withList: boolean): string[] {
  if (files.length === 0) return [];
  const title = `${formatInt(files.length)} unchanged request file${files.length === 1 ? '' : 's'}`;
  if (!withList) return [`<details><summary>${title}</summary>`, '', '_The list was cut to fit a comment._', '', '</details>', ''];
  const items = files.map((f) => {
    const name = escapeMarkdown(f.path);
    if (!f.head) return `- ${name}: invalid`;
    const e = f.head;
    return `- ${name}: ${modelList(modelsOf(e))} · ${requestsWord(e.requests)} · ${formatUsd(e.cost.sync.expected)} sync · ${formatUsd(e.cost.batch.expected)} batch`;
  });
  return [`<details><summary>${title}</summary>`, '', ...items, '', '</details>', ''];
}

/** The base and head of one file, row by row with the change (the max too). */
export function fileTable(f: FileComparison): string[] {
  const lines: string[] = [];
  if (f.error) lines.push(`⚠️ The head version cannot be estimated: ${escapeMarkdown(f.error)}`, '');
  // Not the PR's doing, so only its start (a base with many bad lines lists every one).
  if (f.baseError) lines.push(`ℹ️ The base version was already invalid: ${escapeMarkdown(truncate(f.baseError, 300))}`, '');
  if (f.renamedFrom) lines.push(`Renamed from ${escapeMarkdown(f.renamedFrom)}.`, '');
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
    // ≈ marks an input count approximated for another provider's tokenizer (the folded estimate says how).
    const fmt = (e: FileEstimate) => (usd ? formatUsd(value(e)) : name === 'input tokens' ? inputTokensCell(value(e), e.input_tokens_approximate) : formatInt(value(e)));
    const baseCell = b ? fmt(b) : f.baseError ? 'invalid at base' : 'not in base';
    const headCell = h ? fmt(h) : f.error ? 'invalid' : 'deleted';
    lines.push(`| ${name} | ${baseCell} | ${headCell} | ${change(b ? value(b) : f.baseError ? undefined : 0, h ? value(h) : f.deleted ? 0 : undefined, usd)} |`);
  }
  lines.push('');
  return lines;
}

/** A changed file's details, folded: its base/head table and the full estimate at head (with the recommendation). */
function fileDetails(f: FileComparison): string[] {
  const body = fileTable(f);
  if (f.head) body.push(renderEstimateMarkdownFor(f.head, 'action'));
  if (body.length === 0) return [];
  return [`<details><summary>Details of ${escapeHtml(f.path)}</summary>`, '', ...body, '</details>', ''];
}

function footer(files: FileComparison[], opts: PrCommentOptions): string[] {
  const asOf = files.find((f) => f.head)?.head?.pricing.as_of ?? files.find((f) => f.base)?.base?.pricing.as_of;
  const bits = [`batchwise ${VERSION}`];
  if (asOf) bits.push(`prices as of ${escapeMarkdown(asOf)}`);
  if (opts.runUrl) bits.push(`[workflow run](${opts.runUrl})`);
  return [`<sub>${bits.join(' · ')}</sub>`, ''];
}

export function renderPrComment(files: FileComparison[], opts: PrCommentOptions = {}): string {
  const max = opts.maxChars ?? MAX_COMMENT_CHARS;
  const headline = headlineOf(files);
  const head = [COST_REPORT_MARKER, '## batchwise cost report', '', `**${headline.what}**${headline.why ? ` ${headline.why}` : ''}`, ''];
  for (const line of lifecycleLines(files)) head.push(line, '');
  if (opts.runNote) head.push(markdownInActionWords(opts.runNote), '');
  const changed = changedFirst(files);
  const rows = changed.map(changedRow);
  const unchanged = files.filter((f) => !f.changed);
  const details = changed.map(fileDetails);
  const foot = footer(files, opts);
  const table = (n: number) => (n > 0 ? [...TABLE_HEADER, ...rows.slice(0, n), ''] : []);
  const fits = (parts: string[][]) => {
    const body = parts.flat().join('\n');
    return body.length <= max ? body : null;
  };

  // Cut from the least useful end: first the folded details (last file first), then the list of unchanged files, then
  // the table's rows (smallest change last), never the headline; a note says what was left out and where it is.
  for (let keep = details.length; keep >= 0; keep--) {
    const cut = keep < details.length ? [cutMessage(`details of ${details.length - keep} file(s)`, opts), ''] : [];
    const body = fits([head, table(rows.length), unchangedFold(unchanged, true), ...details.slice(0, keep), cut, foot]);
    if (body) return body;
  }
  for (let keep = rows.length; keep >= 0; keep--) {
    const what = keep < rows.length ? `${rows.length - keep} more file(s) and all details` : 'all details';
    const body = fits([head, table(keep), unchangedFold(unchanged, false), [cutMessage(what, opts), ''], foot]);
    if (body) return body;
  }
  // Only a pathological headline (thousands of models in three names) gets here.
  return [COST_REPORT_MARKER, '## batchwise cost report', '', cutMessage('the report', opts)].join('\n').slice(0, max);
}

function cutMessage(what: string, opts: PrCommentOptions): string {
  const where = opts.runUrl ? `the [job summary](${opts.runUrl})` : 'the job summary';
  return `_Cut to fit a comment (${what} left out): the full report is in ${where}._`;
}
