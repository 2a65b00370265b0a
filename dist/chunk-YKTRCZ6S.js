import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  escapeMarkdown,
  formatInt,
  formatPercent,
  formatUsd
} from "./chunk-QFOLXEZL.js";

// src/report/estimateMarkdown.ts
function estimateHeadline(e) {
  const saved = e.savings.batch.expected;
  return `**${escapeMarkdown(e.file)}**: ${formatInt(e.requests)} requests would cost ${formatUsd(e.cost.sync.expected)} sync; batch saves ${formatUsd(saved)} (${formatPercent(saved, e.cost.sync.expected)}).`;
}
function renderEstimateMarkdown(e) {
  const lines = [estimateHeadline(e), ""];
  lines.push("| mode | low | expected | max | saves (expected) |", "|---|---:|---:|---:|---:|");
  for (const mode of ["sync", "flex", "batch"]) {
    const c = e.cost[mode];
    const name = mode === e.recommendation.mode ? `**${mode}** \u2713` : mode;
    if (!c) {
      lines.push(`| ${name} | \u2014 | \u2014 | \u2014 | no flex processing |`);
      continue;
    }
    const saved = e.cost.sync.expected - c.expected;
    const saves = mode === "sync" ? "" : `${formatUsd(saved)} (${formatPercent(saved, e.cost.sync.expected)})`;
    lines.push(`| ${name} | ${formatUsd(c.low)} | ${formatUsd(c.expected)} | ${formatUsd(c.max)} | ${saves} |`);
  }
  lines.push("", `Recommended: **${e.recommendation.mode}** \u2014 ${escapeMarkdown(e.recommendation.reason)}`, "");
  lines.push("<details><summary>Per model, tokens and notes</summary>", "");
  lines.push("| model | requests | input tokens | output tokens (low / expected / max) | sync | flex | batch |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|");
  for (const m of e.models) {
    const o = m.output_tokens;
    lines.push(
      `| ${escapeMarkdown(m.model)} | ${formatInt(m.requests)} | ${formatInt(m.input_tokens)} | ${formatInt(o.low)} / ${formatInt(o.expected)} / ${formatInt(o.max)} | ${formatUsd(m.cost.sync.expected)} | ${m.cost.flex ? formatUsd(m.cost.flex.expected) : "\u2014"} | ${formatUsd(m.cost.batch.expected)} |`
    );
  }
  lines.push("");
  for (const s of e.split_notes) lines.push(`- batch split: ${escapeMarkdown(s.message)}`);
  for (const n of e.notes) lines.push(`- ${escapeMarkdown(n)}`);
  for (const w of e.warnings.slice(0, 10)) lines.push(`- warning, line ${w.line}: ${escapeMarkdown(w.reason)}`);
  if (e.warning_count > 10) lines.push(`- \u2026and ${e.warning_count - 10} more warnings`);
  lines.push(`- prices as of ${e.pricing.as_of} ([source](${e.pricing.source}))`, "", "</details>", "");
  return lines.join("\n");
}

export {
  renderEstimateMarkdown
};
