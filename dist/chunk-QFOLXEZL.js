import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  costUsd
} from "./chunk-T253CA67.js";

// src/shared/duration.ts
var DurationError = class extends Error {
  constructor(text, what = "duration") {
    super(`invalid ${what} "${text}": use a number with a unit, like 30s, 45m, 6h, 2d or 1h30m`);
    this.name = "DurationError";
  }
};
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(text, what) {
  const s = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1e3);
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== s.replace(/\s+/g, "")) {
    throw new DurationError(text, what);
  }
  return Math.round(parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_MS[p[2]], 0));
}
function formatDuration(ms) {
  if (!Number.isFinite(ms)) return "\u221E";
  const s = Math.max(0, Math.round(ms / 1e3));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}
function formatGoDuration(ms) {
  const whole = Math.max(0, Math.ceil(ms));
  if (whole < 1e3) return `${whole}ms`;
  const minutes = Math.floor(whole / 6e4);
  const seconds = `${Number(((whole - minutes * 6e4) / 1e3).toFixed(3))}s`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}

// src/shared/money.ts
function formatUsd(usd) {
  const sign = usd < 0 ? "-" : "";
  const a = Math.abs(usd);
  if (a === 0) return "$0.00";
  if (a >= 100) return `${sign}$${a.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (a >= 0.01) return `${sign}$${a.toFixed(2)}`;
  return `${sign}$${a.toLocaleString("en-US", { maximumSignificantDigits: 2, maximumFractionDigits: 12 })}`;
}
function formatPercent(part, whole) {
  if (whole <= 0) return "0%";
  return `${Math.round(part / whole * 100)}%`;
}

// src/estimate/recommend.ts
var BATCH_WINDOW_MS = 24 * 36e5;
var DEFAULT_MIN_SAVINGS_USD = 0.01;
var MIN_BATCH_BUDGET_MS = 36e5;
function recommend(cost, opts = {}) {
  const budget = opts.latencyBudgetMs ?? BATCH_WINDOW_MS;
  const minSavings = opts.minSavingsUsd ?? DEFAULT_MIN_SAVINGS_USD;
  const batchSaving = cost.sync.expected - cost.batch.expected;
  const saving = `${formatUsd(batchSaving)} (${formatPercent(batchSaving, cost.sync.expected)})`;
  if (batchSaving <= minSavings) {
    return {
      mode: "sync",
      reason: `batch would save only ${formatUsd(Math.max(0, batchSaving))}, not worth waiting for; sync answers now`
    };
  }
  if (budget >= BATCH_WINDOW_MS) {
    return { mode: "batch", reason: `batch saves ${saving} and the 24h window fits the budget` };
  }
  const withoutFlex = opts.modelsWithoutFlex ?? [];
  const flexSaving = cost.flex ? cost.sync.expected - cost.flex.expected : 0;
  if (cost.flex && flexSaving > minSavings && (budget < MIN_BATCH_BUDGET_MS || flexSaving >= batchSaving / 2)) {
    const rest = withoutFlex.length > 0 ? ` (${withoutFlex.join(", ")} without flex: standard tier)` : "";
    return {
      mode: "flex",
      reason: `flex saves ${formatUsd(flexSaving)} (${formatPercent(flexSaving, cost.sync.expected)}) and answers synchronously${rest}; the batch's 24h window does not fit a ${formatDuration(budget)} budget`
    };
  }
  if (budget >= MIN_BATCH_BUDGET_MS) {
    return {
      mode: "batch",
      reason: `batch saves ${saving}; most batches finish well inside 24h, and \`run --mode auto\` switches what is unfinished to sync before the ${formatDuration(budget)} budget runs out`
    };
  }
  return {
    mode: "sync",
    reason: `a ${formatDuration(budget)} budget is too short to wait for a batch, and ${withoutFlex.length > 1 ? "these models have" : "the model has"} no flex processing`
  };
}

// src/estimate/modeCosts.ts
function rangeCost(price, input, output) {
  return {
    low: costUsd(price, { input, output: output.low }),
    expected: costUsd(price, { input, output: output.expected }),
    max: costUsd(price, { input, output: output.max })
  };
}
function modeCosts(pricing, inputTokens, output) {
  return {
    sync: rangeCost(pricing.sync, inputTokens, output),
    batch: rangeCost(pricing.batch, inputTokens, output),
    flex: pricing.flex ? rangeCost(pricing.flex, inputTokens, output) : null
  };
}
function addRanges(a, b) {
  return { low: a.low + b.low, expected: a.expected + b.expected, max: a.max + b.max };
}
function subtractRanges(a, b) {
  return { low: a.low - b.low, expected: a.expected - b.expected, max: a.max - b.max };
}
var ZERO_RANGE = Object.freeze({ low: 0, expected: 0, max: 0 });
function totalCosts(parts) {
  let sync = { ...ZERO_RANGE };
  let batch = { ...ZERO_RANGE };
  let flex = { ...ZERO_RANGE };
  for (const p of parts) {
    sync = addRanges(sync, p.sync);
    batch = addRanges(batch, p.batch);
    flex = addRanges(flex, p.flex ?? p.sync);
  }
  return { sync, batch, flex: parts.some((p) => p.flex) ? flex : null };
}

// src/report/format.ts
function formatInt(n) {
  return Math.round(n).toLocaleString("en-US");
}
function escapeMarkdown(text) {
  return text.replace(/&/g, "&amp;").replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`).replace(/</g, "&lt;").replace(/@/g, "@\u200B").replace(/[\r\n\u2028\u2029]+/g, " ");
}
function padTable(rows, rightAligned) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map(
    (r) => r.map((cell, i) => rightAligned.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join("  ").trimEnd()
  );
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function wrap(text, width = 80, indent = 2) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length === 0 ? "" : " ".repeat(indent);
    if (line && (prefix + line + " " + word).length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push((lines.length === 0 ? "" : " ".repeat(indent)) + line);
  return lines;
}

export {
  formatUsd,
  formatPercent,
  modeCosts,
  addRanges,
  subtractRanges,
  ZERO_RANGE,
  totalCosts,
  parseDuration,
  formatDuration,
  formatGoDuration,
  BATCH_WINDOW_MS,
  DEFAULT_MIN_SAVINGS_USD,
  recommend,
  formatInt,
  escapeMarkdown,
  padTable,
  truncate,
  wrap
};
