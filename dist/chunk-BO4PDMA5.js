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
  formatUsd,
  linkUrl,
  markdownInActionWords
} from "./chunk-VMWTP7T6.js";
import {
  PricingFileError
} from "./chunk-ZIDOD6TB.js";

// src/report/estimateText.ts
var MODE_ORDER = ["sync", "flex", "batch", "priority"];
function requestsWord(n) {
  return `${formatInt(n)} request${n === 1 ? "" : "s"}`;
}
function savesText(cost, mode) {
  const c = cost[mode];
  if (mode === "sync" || !c) return "";
  const saved = cost.sync.expected - c.expected;
  if (saved >= 0) return `${formatUsd(saved)} (${formatPercent(saved, cost.sync.expected)})`;
  return `costs ${formatUsd(-saved)} (+${formatPercent(-saved, cost.sync.expected)}) more`;
}
function cacheLine(e) {
  const withCache = e.models.filter((m) => m.cache);
  if (withCache.length === 0) return null;
  const cached = withCache.reduce((n, m) => n + m.cache.cached_input_tokens.sync, 0);
  const requests = withCache.reduce((n, m) => n + m.cache.requests_with_shared_prefix, 0);
  const saved = e.cost_without_cache.sync.expected - e.cost.sync.expected;
  return `prompt cache: ${formatInt(requests)} request(s) share a cacheable prefix; expected ${formatInt(cached)} of ${formatInt(e.input_tokens)} input tokens cached at sync (${formatUsd(saved)} off the sync expected; max assumes no hits)`;
}
function outputSourceText(e) {
  const o = e.output_tokens;
  const parts = Object.entries(o.sources).map(([source, n]) => `${formatInt(n)} from ${source}`);
  if (o.source === "heuristic" && parts.length <= 1) {
    return "expected output is a stated heuristic (256 visible tokens per answer plus a reasoning allowance), not a measurement; run once to calibrate it";
  }
  return `expected output per request: ${parts.join(", ")}${o.sample > 0 ? ` (${formatInt(o.sample)} answers behind the measured figures)` : ""}`;
}
function inputTokensCell(tokens, approximate) {
  return `${approximate ? "\u2248" : ""}${formatInt(tokens)}`;
}
function inputSourceText(e) {
  const s = e.input_tokens_sources;
  if (!e.input_tokens_approximate && (s.provider_count ?? 0) === 0) return null;
  const parts = ["provider_count", "history", "approximate", "exact"].filter((k) => (s[k] ?? 0) > 0).map((k) => `${formatInt(s[k])} ${INPUT_SOURCE_WORDS[k]}`);
  const models = e.models.filter((m) => m.input_tokens_source !== "exact").map((m) => m.model);
  return `input tokens${e.input_tokens_approximate ? " are approximate" : ""} (${models.join(", ")}): ${parts.join(", ")}`;
}
var INPUT_SOURCE_WORDS = {
  exact: "counted exactly offline",
  approximate: "approximated from the o200k_base count \xD7 the tokenizer's factor",
  history: "approximated and calibrated by what earlier runs were billed",
  provider_count: "counted by the provider's own counter"
};

// src/report/estimateMarkdown.ts
function estimateHeadline(e) {
  const saved = e.savings.batch.expected;
  return `**${escapeMarkdown(e.file)}**: ${requestsWord(e.requests)} would cost ${formatUsd(e.cost.sync.expected)} sync; batch saves ${formatUsd(saved)} (${formatPercent(saved, e.cost.sync.expected)}).`;
}
function renderEstimateMarkdown(e) {
  return renderEstimateMarkdownFor(e, "cli");
}
function renderEstimateMarkdownFor(e, audience) {
  const say = audience === "action" ? markdownInActionWords : escapeMarkdown;
  const lines = [estimateHeadline(e), ""];
  lines.push("| mode | low | expected | max | saves (expected) |", "|---|---:|---:|---:|---:|");
  for (const mode of MODE_ORDER) {
    const c = e.cost[mode];
    const name = mode === e.recommendation.mode ? `**${mode}** \u2713` : mode;
    if (!c) {
      lines.push(`| ${name} | \u2014 | \u2014 | \u2014 | no ${mode} processing |`);
      continue;
    }
    lines.push(`| ${name} | ${formatUsd(c.low)} | ${formatUsd(c.expected)} | ${formatUsd(c.max)} | ${savesText(e.cost, mode)} |`);
  }
  lines.push("", `Recommended: **${e.recommendation.mode}** \u2014 ${say(e.recommendation.reason)}`, "");
  for (const l of e.lifecycle) lines.push(`\u26A0\uFE0F ${escapeMarkdown(l.message)}`, "");
  const cache = cacheLine(e);
  if (cache) lines.push(escapeMarkdown(cache), "");
  lines.push("<details><summary>Per model, tokens and notes</summary>", "");
  lines.push("| model | requests | input tokens | output tokens (low / expected / max) | sync | flex | batch | priority |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const m of e.models) {
    const o = m.output_tokens;
    lines.push(
      `| ${escapeMarkdown(m.model)} | ${formatInt(m.requests)} | ${inputTokensCell(m.input_tokens, m.input_tokens_source === "approximate" || m.input_tokens_source === "history")} | ${formatInt(o.low)} / ${formatInt(o.expected)} / ${formatInt(o.max)} | ${formatUsd(m.cost.sync.expected)} | ${m.cost.flex ? formatUsd(m.cost.flex.expected) : "\u2014"} | ${formatUsd(m.cost.batch.expected)} | ${m.cost.priority ? formatUsd(m.cost.priority.expected) : "\u2014"} |`
    );
  }
  lines.push("");
  for (const s of e.split_notes) lines.push(`- batch split: ${say(s.message)}`);
  for (const n of e.notes) lines.push(`- ${say(n)}`);
  const input = inputSourceText(e);
  if (input) lines.push(`- ${escapeMarkdown(input)}`);
  lines.push(`- ${escapeMarkdown(outputSourceText(e))}`);
  for (const w of e.warnings.slice(0, 10)) lines.push(`- warning, line ${w.line}: ${escapeMarkdown(w.reason)}`);
  if (e.warning_count > 10) lines.push(`- \u2026and ${e.warning_count - 10} more warnings`);
  const url = linkUrl(e.pricing.source);
  const source = url ? ` ([source](${url}))` : e.pricing.source ? ` (source: ${escapeMarkdown(e.pricing.source)})` : "";
  lines.push(`- prices checked ${escapeMarkdown(e.pricing.as_of)}${source}${e.pricing.region ? ", regional processing (+10% where charged)" : ""}`, "", "</details>", "");
  return lines.join("\n");
}

// src/shared/tokenCount.ts
function parseTokenCount(text) {
  const m = /^\s*([\d,]*\.?\d+)\s*([kmb])?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1].replaceAll(",", "")) * ({ k: 1e3, m: 1e6, b: 1e9 }[(m[2] ?? "").toLowerCase()] ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.round(n) : null;
}

// src/pricing/update/parsePricingPage.ts
var TAB_LABELS = /* @__PURE__ */ new Map([
  ["standard", "sync"],
  ["batch", "batch"],
  ["flex", "flex"],
  ["fast", "priority"],
  ["fast mode", "priority"],
  ["priority", "priority"],
  ["priority processing", "priority"],
  ["ultrafast", "ultrafast"],
  ["ultrafast mode", "ultrafast"]
]);
var TIER_HEADING = /^(standard|batch|flex|fast|fast\s+mode|priority|priority\s+processing|ultrafast|ultrafast\s+mode)\s+pricing\b/i;
var FIELD_NAMES = {
  input: "input",
  "cached input": "cached_input",
  "cache writes": "cache_write",
  "cache write": "cache_write",
  output: "output"
};
var LAYOUT_2026 = ["short", "long"].flatMap(
  (band) => ["input", "cached_input", "cache_write", "output"].map((field) => ({ band, field }))
);
var PRICING_PAGE_URL = "https://developers.openai.com/api/docs/pricing.md";
function parsePricingPage(markdown, source) {
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r?\n/);
  const page = { models: /* @__PURE__ */ new Map(), tables: { sync: 0, batch: 0, flex: 0, priority: 0 }, warnings: [] };
  let label = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const tier2 = TIER_HEADING.exec(heading[1].trim());
      if (tier2) label = TAB_LABELS.get(tier2[1].toLowerCase().replace(/\s+/g, " ")) ?? null;
      continue;
    }
    const tab = TAB_LABELS.get(line.toLowerCase().replace(/\s+/g, " "));
    if (tab !== void 0) {
      label = tab;
      continue;
    }
    if (!line.startsWith("|") || !isSeparator(lines[i + 1])) continue;
    const start = i;
    const block = [];
    while (i < lines.length && lines[i].trim().startsWith("|")) block.push(lines[i++].trim());
    i--;
    const tier = label ?? "sync";
    const explicit = label !== null;
    label = null;
    if (tier === "ultrafast") {
      page.warnings.push(`line ${start + 1}: an Ultrafast table was skipped (batchwise has no ultrafast mode)`);
      continue;
    }
    readTable(block, start + 1, tier, explicit, page);
  }
  if (page.tables.sync === 0) {
    throw new PricingFileError(
      source,
      null,
      `holds no price table batchwise recognises (a "### Standard pricing data" table with Input and Output columns); use the Markdown version of OpenAI's pricing page: ${PRICING_PAGE_URL}`
    );
  }
  return page;
}
function readTable(block, firstLine, tier, explicitTier, page) {
  const header = cells(block[0]);
  let columns = columnsOf(header);
  if (columns === null) {
    if (!(explicitTier && header.length === 9)) return;
    columns = [{ kind: "model" }, ...LAYOUT_2026.map((c) => ({ kind: "price", ...c }))];
    page.warnings.push(`line ${firstLine}: table headers not in English; read by position as the 2026 layout (short/long \xD7 input, cached, cache writes, output)`);
  }
  const category = columns.findIndex((c) => c.kind === "category");
  let read = 0;
  for (let r = 2; r < block.length; r++) {
    const line = firstLine + r;
    const row = cells(block[r]);
    if (row.length !== columns.length) {
      page.warnings.push(`line ${line}: skipped a row with ${row.length} cells under ${columns.length} columns`);
      continue;
    }
    const parsed = readRow(row, columns, line, category >= 0 ? row[category] : "", page);
    if (parsed === null) continue;
    read++;
    const prices = page.models.get(parsed.model) ?? {};
    const earlier = prices[tier];
    if (earlier !== void 0) {
      if (!sameRow(earlier, parsed)) {
        page.warnings.push(`line ${line}: ${parsed.model} is listed again in a ${tier} table at other prices; kept the first (line ${earlier.line})`);
      }
      continue;
    }
    prices[tier] = parsed;
    page.models.set(parsed.model, prices);
  }
  if (read > 0) page.tables[tier]++;
}
function readRow(row, columns, line, category, page) {
  const modelCell = plain(row[columns.findIndex((c) => c.kind === "model")]);
  const model = modelCell.split(/\s+/)[0] ?? "";
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(model)) return null;
  const threshold = /\(\s*<\s*(\d+(?:\.\d+)?)\s*([KM])\b[^)]*context/i.exec(modelCell);
  const short = { input: null, cached_input: null, cache_write: null, output: null };
  const long = { input: null, cached_input: null, cache_write: null, output: null };
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    if (column.kind !== "price") continue;
    const value = priceOf(row[c]);
    if (value === void 0) {
      page.warnings.push(`line ${line}: ${model}: cannot read ${JSON.stringify(row[c])} as a price; row skipped`);
      return null;
    }
    (column.band === "short" ? short : long)[column.field] = value;
  }
  if (short.input === null) return null;
  if (short.output === null) {
    if (!/embedding|moderation/i.test(category)) {
      page.warnings.push(`line ${line}: ${model} has no output price; row skipped`);
      return null;
    }
    short.output = 0;
  }
  const hasLong = Object.values(long).some((v) => v !== null);
  return {
    model,
    short: { ...short, input: short.input, output: short.output },
    long: hasLong ? long : null,
    above_input_tokens: threshold ? Number(threshold[1]) * (threshold[2].toUpperCase() === "M" ? 1e6 : 1e3) : null,
    line
  };
}
function columnsOf(header) {
  const columns = [];
  for (const raw of header) {
    const name = plain(raw).toLowerCase().replace(/\s+/g, " ");
    if (name === "model") columns.push({ kind: "model" });
    else if (name === "category") columns.push({ kind: "category" });
    else {
      const m = /^(?:(short|long) context )?(input|cached input|cache writes?|output)$/.exec(name);
      if (!m) return null;
      columns.push({ kind: "price", band: m[1] === "long" ? "long" : "short", field: FIELD_NAMES[m[2]] });
    }
  }
  const has = (field) => columns.some((c) => c.kind === "price" && c.band === "short" && c.field === field);
  if (columns.filter((c) => c.kind === "model").length !== 1 || !has("input") || !has("output")) return null;
  return columns;
}
function priceOf(cell) {
  const text = plain(cell);
  if (text === "" || /^[-–—]$/.test(text) || /^n\/?a$/i.test(text)) return null;
  if (/^free$/i.test(text)) return 0;
  const m = /^\$?\s*(\d[\d,]*(?:\.\d+)?)$/.exec(text);
  return m ? Number(m[1].replaceAll(",", "")) : void 0;
}
function cells(line) {
  const inner = line.replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}
function isSeparator(line) {
  if (line === void 0 || !line.trim().startsWith("|")) return false;
  return cells(line.trim()).every((c) => /^:?-{1,}:?$/.test(c));
}
function plain(cell) {
  return cell.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<sup>.*?<\/sup>/gi, "").replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/`/g, "").replace(/\\\|/g, "|").trim().replace(/^(\*\*|__|\*|_)(.*)\1$/, "$2").trim();
}
function sameRow(a, b) {
  return JSON.stringify([a.short, a.long]) === JSON.stringify([b.short, b.long]);
}

// src/shared/userErrors.ts
var USER_ERROR_NAMES = /* @__PURE__ */ new Set([
  "RequestFileError",
  "PricingError",
  "PricingFileError",
  "DurationError",
  "UnknownModelError",
  "UsageError",
  "InvalidArgumentError",
  "CommanderError",
  "DataFileError",
  "TemplateError",
  "JoinError",
  "MaxCostError",
  "RunStateError",
  "ActionInputError",
  "JobCancelledError",
  "NoRequestFilesError",
  "GitHubPermissionError",
  "HttpError",
  "AuthenticationError",
  "PermissionDeniedError",
  "AmbiguousCreateError"
]);
function isUserError(err) {
  return err instanceof Error && (USER_ERROR_NAMES.has(err.name) || USER_ERROR_NAMES.has(err.constructor.name));
}

export {
  MODE_ORDER,
  requestsWord,
  savesText,
  cacheLine,
  outputSourceText,
  inputTokensCell,
  inputSourceText,
  renderEstimateMarkdown,
  renderEstimateMarkdownFor,
  isUserError,
  parseTokenCount,
  PRICING_PAGE_URL,
  parsePricingPage
};
