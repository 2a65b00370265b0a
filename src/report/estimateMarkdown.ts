// `estimate --format markdown`: a headline, one table, the rest folded (the shape of a good PR comment or job summary).
// The same block sits folded in the job summary and the PR comment, where batchwise's reasons are told in the action's
// words (its inputs) instead of the CLI's flags.
import type { FileEstimate } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { escapeMarkdown, formatInt, linkUrl, markdownInActionWords } from './format.ts';
import { cacheLine, inputSourceText, inputTokensCell, MODE_ORDER, outputSourceText, requestsWord, savesText } from './estimateText.ts';

/** Whose words the reasons are told in: the command line's (`--mode batch`) or the action's (`mode: batch`). */
export type Audience = 'cli' | 'action';

export function estimateHeadline(e: FileEstimate): string {
  const saved = e.savings.batch.expected;
  return (
    `**${escapeMarkdown(e.file)}**: ${requestsWord(e.requests)} would cost ${formatUsd(e.cost.sync.expected)} sync; ` +
    `batch saves ${formatUsd(saved)} (${formatPercent(saved, e.cost.sync.expected)}).`
  );
}

export function renderEstimateMarkdown(e: FileEstimate): string {
  return renderEstimateMarkdownFor(e, 'cli');
}

export function renderEstimateMarkdownFor(e: FileEstimate, audience: Audience): string {
  const say = audience === 'action' ? markdownInActionWords : escapeMarkdown;
  const lines: string[] = [estimateHeadline(e), ''];
  lines.push('| mode | low | expected | max | saves (expected) |', '|---|---:|---:|---:|---:|');
  for (const mode of MODE_ORDER) {
    const c = e.cost[mode];
    const name = mode === e.recommendation.mode ? `**${mode}** ✓` : mode;
    if (!c) {
      lines.push(`| ${name} | — | — | — | no ${mode} processing |`);
      continue;
    }
    lines.push(`| ${name} | ${formatUsd(c.low)} | ${formatUsd(c.expected)} | ${formatUsd(c.max)} | ${savesText(e.cost, mode)} |`);
  }
  lines.push('', `Recommended: **${e.recommendation.mode}** — ${say(e.recommendation.reason)}`, '');
  for (const l of e.lifecycle) lines.push(`⚠️ ${escapeMarkdown(l.message)}`, '');
  const cache = cacheLine(e);
  if (cache) lines.push(escapeMarkdown(cache), '');
  lines.push('<details><summary>Per model, tokens and notes</summary>', '');
  lines.push('| model | requests | input tokens | output tokens (low / expected / max) | sync | flex | batch | priority |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of e.models) {
    const o = m.output_tokens;
    lines.push(
      `| ${escapeMarkdown(m.model)} | ${formatInt(m.requests)} | ${inputTokensCell(m.input_tokens, m.input_tokens_source === 'approximate' || m.input_tokens_source === 'history')} | ` +
        `${formatInt(o.low)} / ${formatInt(o.expected)} / ${formatInt(o.max)} | ${formatUsd(m.cost.sync.expected)} | ` +
        `${m.cost.flex ? formatUsd(m.cost.flex.expected) : '—'} | ${formatUsd(m.cost.batch.expected)} | ${m.cost.priority ? formatUsd(m.cost.priority.expected) : '—'} |`,
    );
  }
  lines.push('');
  for (const s of e.split_notes) lines.push(`- batch split: ${say(s.message)}`);
  for (const n of e.notes) lines.push(`- ${say(n)}`);
  const input = inputSourceText(e);
  if (input) lines.push(`- ${escapeMarkdown(input)}`);
  lines.push(`- ${escapeMarkdown(outputSourceText(e))}`);
  for (const w of e.warnings.slice(0, 10)) lines.push(`- warning, line ${w.line}: ${escapeMarkdown(w.reason)}`);
  if (e.warning_count > 10) lines.push(`- …and ${e.warning_count - 10} more warnings`);
  // The source comes from the price catalog, which a pricing file (part of the PR) may set: linked only if it is a URL.
  const url = linkUrl(e.pricing.source);
  const source = url ? ` ([source](${url}))` : e.pricing.source ? ` (source: ${escapeMarkdown(e.pricing.source)})` : '';
  lines.push(`- prices checked ${escapeMarkdown(e.pricing.as_of)}${source}${e.pricing.region ? ', regional processing (+10% where charged)' : ''}`, '', '</details>', '');
  return lines.join('\n');
}
