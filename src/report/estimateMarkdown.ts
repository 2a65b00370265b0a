// `estimate --format markdown`: a headline, one table, the rest folded (the shape of a good PR comment or job summary).
import type { FileEstimate } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { escapeMarkdown, formatInt } from './format.ts';
import { cacheLine, MODE_ORDER, outputSourceText, savesText } from './estimateText.ts';

export function estimateHeadline(e: FileEstimate): string {
  const saved = e.savings.batch.expected;
  return (
    `**${escapeMarkdown(e.file)}**: ${formatInt(e.requests)} requests would cost ${formatUsd(e.cost.sync.expected)} sync; ` +
    `batch saves ${formatUsd(saved)} (${formatPercent(saved, e.cost.sync.expected)}).`
  );
}

export function renderEstimateMarkdown(e: FileEstimate): string {
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
  lines.push('', `Recommended: **${e.recommendation.mode}** — ${escapeMarkdown(e.recommendation.reason)}`, '');
  for (const l of e.lifecycle) lines.push(`⚠️ ${escapeMarkdown(l.message)}`, '');
  const cache = cacheLine(e);
  if (cache) lines.push(escapeMarkdown(cache), '');
  lines.push('<details><summary>Per model, tokens and notes</summary>', '');
  lines.push('| model | requests | input tokens | output tokens (low / expected / max) | sync | flex | batch | priority |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of e.models) {
    const o = m.output_tokens;
    lines.push(
      `| ${escapeMarkdown(m.model)} | ${formatInt(m.requests)} | ${formatInt(m.input_tokens)} | ` +
        `${formatInt(o.low)} / ${formatInt(o.expected)} / ${formatInt(o.max)} | ${formatUsd(m.cost.sync.expected)} | ` +
        `${m.cost.flex ? formatUsd(m.cost.flex.expected) : '—'} | ${formatUsd(m.cost.batch.expected)} | ${m.cost.priority ? formatUsd(m.cost.priority.expected) : '—'} |`,
    );
  }
  lines.push('');
  for (const s of e.split_notes) lines.push(`- batch split: ${escapeMarkdown(s.message)}`);
  for (const n of e.notes) lines.push(`- ${escapeMarkdown(n)}`);
  lines.push(`- ${escapeMarkdown(outputSourceText(e))}`);
  for (const w of e.warnings.slice(0, 10)) lines.push(`- warning, line ${w.line}: ${escapeMarkdown(w.reason)}`);
  if (e.warning_count > 10) lines.push(`- …and ${e.warning_count - 10} more warnings`);
  lines.push(`- prices checked ${e.pricing.as_of} ([source](${e.pricing.source}))${e.pricing.region ? ', regional processing (+10% where charged)' : ''}`, '', '</details>', '');
  return lines.join('\n');
}
