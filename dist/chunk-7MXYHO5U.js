import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  renderEstimateMarkdown
} from "./chunk-YKTRCZ6S.js";
import {
  DEFAULT_MIN_SAVINGS_USD,
  ZERO_RANGE,
  addRanges,
  escapeMarkdown,
  formatDuration,
  formatInt,
  formatPercent,
  formatUsd,
  parseDuration
} from "./chunk-QFOLXEZL.js";
import {
  getInput,
  getState,
  info,
  saveState,
  setSecret
} from "./chunk-3I2DGFUB.js";

// src/report/summaryChart.ts
function costChart(cost, actualUsd) {
  const bars = [["sync", cost.sync.expected]];
  if (cost.flex) bars.push(["flex", cost.flex.expected]);
  bars.push(["batch", cost.batch.expected]);
  if (actualUsd !== void 0) bars.push(["actual", actualUsd]);
  const values = bars.map(([, v]) => Number(v.toFixed(6)));
  return [
    "```mermaid",
    "xychart-beta",
    `  title "Expected cost by mode (USD)${actualUsd !== void 0 ? " and the actual cost" : ""}"`,
    `  x-axis [${bars.map(([k]) => `"${k}"`).join(", ")}]`,
    '  y-axis "USD"',
    `  bar [${values.join(", ")}]`,
    "```"
  ].join("\n");
}

// src/report/summary.ts
var MODES = ["sync", "flex", "batch"];
function totalOf(estimates) {
  let flex = estimates.length > 0 ? { ...ZERO_RANGE } : null;
  let sync = { ...ZERO_RANGE };
  let batch = { ...ZERO_RANGE };
  let output = { ...ZERO_RANGE };
  for (const e of estimates) {
    sync = addRanges(sync, e.cost.sync);
    batch = addRanges(batch, e.cost.batch);
    flex = flex && e.cost.flex ? addRanges(flex, e.cost.flex) : null;
    output = addRanges(output, e.output_tokens);
  }
  return {
    requests: estimates.reduce((n, e) => n + e.requests, 0),
    input_tokens: estimates.reduce((n, e) => n + e.input_tokens, 0),
    output_tokens: output,
    cost: { sync, batch, flex }
  };
}
function chosenModes(modes) {
  return new Set(modes);
}
function modesTable(estimates, chosen) {
  const t = totalOf(estimates);
  const marked = chosenModes(chosen);
  const lines = [
    "| mode | requests | input tokens | output tokens (expected) | low | expected | max | chosen |",
    "|---|---:|---:|---:|---:|---:|---:|:---:|"
  ];
  for (const mode of MODES) {
    const c = t.cost[mode];
    const cells = c ? [formatUsd(c.low), formatUsd(c.expected), formatUsd(c.max)] : ["\u2014", "\u2014", "\u2014"];
    lines.push(
      `| ${mode} | ${formatInt(t.requests)} | ${formatInt(t.input_tokens)} | ${formatInt(t.output_tokens.expected)} | ${cells.join(" | ")} | ${marked.has(mode) ? "\u2713" : c ? "" : "no flex"} |`
    );
  }
  return lines;
}
function estimateOnlyHeadline(estimates) {
  const t = totalOf(estimates);
  const saved = t.cost.sync.expected - t.cost.batch.expected;
  return `Batch would save ${formatUsd(saved)} (${formatPercent(saved, t.cost.sync.expected)}) on ${requestsWord(t.requests)}: ${formatUsd(t.cost.sync.expected)} sync, ${formatUsd(t.cost.batch.expected)} batch.`;
}
function renderEstimateSummary(estimates, opts) {
  const t = totalOf(estimates);
  const lines = [
    "## batchwise cost estimate",
    "",
    `**${estimateOnlyHeadline(estimates)}**`,
    "",
    `Nothing was sent to the API: ${escapeMarkdown(opts.why)}.`,
    "",
    ...modesTable(estimates, estimates.map((e) => e.recommendation.mode)),
    ""
  ];
  for (const e of estimates) lines.push(`- ${escapeMarkdown(e.file)}: **${e.recommendation.mode}** \u2014 ${escapeMarkdown(e.recommendation.reason)}`);
  lines.push("", costChart(t.cost), "");
  lines.push(...perFileDetails(estimates));
  return lines.join("\n");
}
function syncEquivalent(run) {
  const mode = run.decision.mode;
  const modeCost = run.estimate.cost[mode]?.expected ?? 0;
  if (mode === "sync" || modeCost <= 0) return run.actual_cost_usd;
  return run.actual_cost_usd * (run.estimate.cost.sync.expected / modeCost);
}
function runHeadline(runs) {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const actual = runs.reduce((n, r) => n + r.actual_cost_usd, 0);
  const saved = runs.reduce((n, r) => n + syncEquivalent(r), 0) - actual;
  const unfinished = runs.reduce((n, r) => n + r.failed + r.expired + r.cancelled + r.skipped, 0);
  const modes = [...new Set(runs.map((r) => r.decision.mode))];
  const modeName = modes.length === 1 ? capitalise(modes[0]) : "batchwise";
  const tail = unfinished > 0 ? `; ${formatInt(unfinished)} did not succeed` : "; all succeeded";
  if (saved > 0) {
    const base = actual + saved;
    return `${modeName} saved ${formatUsd(saved)} (${formatPercent(saved, base)}) on ${requestsWord(requests)}${tail}.`;
  }
  return `${modeName} ran ${requestsWord(requests)} for ${formatUsd(actual)}${tail}.`;
}
function requestsWord(n) {
  return `${formatInt(n)} request${n === 1 ? "" : "s"}`;
}
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function estimateVsActual(runs) {
  const lines = [
    "| file | mode | requests | succeeded | failed | expired / cancelled / skipped | estimated (low \u2013 expected \u2013 max) | actual |",
    "|---|---|---:|---:|---:|---:|---:|---:|"
  ];
  for (const r of runs) {
    const e = r.estimated_cost_usd;
    lines.push(
      `| ${escapeMarkdown(r.file)} | ${r.decision.mode} | ${formatInt(r.requests)} | ${formatInt(r.succeeded)} | ${formatInt(r.failed)} | ${formatInt(r.expired)} / ${formatInt(r.cancelled)} / ${formatInt(r.skipped)} | ${formatUsd(e.low)} \u2013 ${formatUsd(e.expected)} \u2013 ${formatUsd(e.max)} | ${formatUsd(r.actual_cost_usd)} |`
    );
  }
  return lines;
}
function renderRunSummary(runs, opts = {}) {
  const estimates = runs.map((r) => r.estimate);
  const t = totalOf(estimates);
  const actual = runs.reduce((n, r) => n + r.actual_cost_usd, 0);
  const lines = ["## batchwise run", "", `**${runHeadline(runs)}**`, ""];
  const notRun = opts.notRun ?? [];
  if (notRun.length > 0) {
    const n = runs.length + notRun.length;
    lines.push(`\u26A0\uFE0F **${formatInt(notRun.length)} of ${formatInt(n)} request files did not finish**; the step failed. What finished is reported below.`, "");
    for (const f of notRun) lines.push(`- ${escapeMarkdown(f.file)}: ${escapeMarkdown(f.reason)}`);
    lines.push("");
  }
  lines.push(...modesTable(estimates, runs.map((r) => r.decision.mode)), "");
  lines.push("### Estimate vs actual", "", ...estimateVsActual(runs), "");
  for (const r of runs) lines.push(`- ${escapeMarkdown(r.file)}: **${r.decision.mode}** \u2014 ${escapeMarkdown(r.decision.reason)}`);
  lines.push("", costChart(t.cost, actual), "");
  const ids = runs.flatMap((r) => r.batch_ids);
  lines.push("<details><summary>Batches and timings</summary>", "");
  for (const r of runs) {
    const took = Date.parse(r.finished_at) - Date.parse(r.started_at);
    lines.push(`- ${escapeMarkdown(r.file)}: ${r.started_at} \u2192 ${r.finished_at} (${formatDuration(took)})`);
  }
  lines.push(ids.length ? `- batch ids: ${ids.map((id) => `\`${id.replace(/`/g, "")}\``).join(", ")}` : "- no batches (nothing ran through the Batch API)");
  lines.push("", "</details>", "");
  lines.push(...perFileDetails(estimates));
  return lines.join("\n");
}
function perFileDetails(estimates) {
  const lines = [];
  for (const e of estimates) {
    lines.push(`<details><summary>Estimate of ${escapeMarkdown(e.file)}</summary>`, "", renderEstimateMarkdown(e), "</details>", "");
  }
  return lines;
}
function renderInFlightSummary(batchIds, action, note) {
  const lines = [
    "## batchwise: the job ended before the run finished",
    "",
    `**${formatInt(batchIds.length)} batch(es) ${action}.** ${escapeMarkdown(note)}`,
    "",
    ...batchIds.map((id) => `- \`${id.replace(/`/g, "")}\``),
    ""
  ];
  return lines.join("\n");
}

// src/github/runnerContext.ts
import { readFileSync } from "node:fs";
function readRunnerContext(env = process.env) {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const pullRequest = pr && typeof pr.number === "number" && pr.base?.sha && pr.head?.sha ? {
    number: pr.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    headRef: pr.head.ref ?? env.GITHUB_HEAD_REF ?? "",
    fromFork: Boolean(pr.head.repo && pr.base.repo && pr.head.repo.full_name !== pr.base.repo.full_name)
  } : void 0;
  const ref = env.GITHUB_REF ?? "";
  const branch = env.GITHUB_HEAD_REF || (ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : void 0);
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  return {
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? "",
    branch,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runId: env.GITHUB_RUN_ID,
    runUrl: env.GITHUB_RUN_ID && owner ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : void 0,
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    pullRequest
  };
}

// src/action/logSafe.ts
var LINE_BREAKS = /[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
var CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
function escaped(c) {
  if (c === "\r") return "\\r";
  if (c === "\n") return "\\n";
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function logSafe(text) {
  const flat = text.replace(LINE_BREAKS, escaped).replace(CONTROLS, escaped).replaceAll("##[", "#\u200B#[");
  return /^\s*::/.test(flat) ? ` \u200B${flat}` : flat;
}
function logInfo(text) {
  info(logSafe(text));
}

// src/action/inputs.ts
var ActionInputError = class extends Error {
  constructor(input, message) {
    super(`input \`${input}\`: ${message}`);
    this.name = "ActionInputError";
  }
};
var DEFAULT_LATENCY_BUDGET = "5h30m";
function maskSecrets() {
  for (const name of ["api-key", "github-token"]) {
    const value = getInput(name);
    if (value) setSecret(value);
  }
}
function choice(name, allowed, fallback) {
  const raw = getInput(name).trim().toLowerCase();
  if (raw === "") return fallback;
  if (!allowed.includes(raw)) {
    throw new ActionInputError(name, `"${raw}" is not one of ${allowed.join(", ")}`);
  }
  return raw;
}
function optionalNumber(name, check, what) {
  const raw = getInput(name).trim().replace(/^\$/, "");
  if (raw === "") return void 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new ActionInputError(name, `"${raw}" is not ${what}`);
  return n;
}
function nameOrFalse(name, fallback) {
  const raw = getInput(name).trim();
  if (raw === "") return fallback;
  return ["false", "no", "off", "none"].includes(raw.toLowerCase()) ? false : raw;
}
function optional(name) {
  return getInput(name).trim() || void 0;
}
function readInputs() {
  const requests = getInput("requests").trim();
  const data = readDataInput(requests);
  if (!requests && !data) throw new ActionInputError("requests", "give a request file (.jsonl) or a glob such as `evals/*.jsonl` (or data, template and model)");
  const budgetText = optional("latency-budget") ?? DEFAULT_LATENCY_BUDGET;
  let latencyBudgetMs;
  try {
    latencyBudgetMs = parseDuration(budgetText, "latency-budget");
  } catch (err) {
    throw new ActionInputError("latency-budget", err.message);
  }
  const commit = nameOrFalse("commit", false);
  if (commit !== false && (commit.startsWith("/") || commit.split("/").includes(".."))) {
    throw new ActionInputError("commit", `"${commit}" must be a path inside the repository (no leading /, no ..)`);
  }
  const inputs = {
    requests,
    data,
    mode: choice("mode", ["auto", "batch", "flex", "sync", "estimate"], "auto"),
    apiKey: getInput("api-key").trim(),
    baseUrl: optional("base-url"),
    latencyBudgetMs,
    maxCostUsd: optionalNumber("max-cost", (n) => n > 0, "a positive number of US dollars"),
    minSavingsUsd: optionalNumber("min-savings", (n) => n >= 0, "zero or a positive number of US dollars") ?? DEFAULT_MIN_SAVINGS_USD,
    pricingFile: optional("pricing-file"),
    outputDir: optional("output-dir") ?? "batchwise-results",
    artifact: nameOrFalse("artifact", "batchwise-results"),
    retentionDays: optionalNumber("retention-days", (n) => Number.isInteger(n) && n >= 1 && n <= 90, "a whole number of days from 1 to 90"),
    commit,
    commitBranch: optional("commit-branch"),
    comment: choice("comment", ["update", "new", "off"], "update"),
    githubToken: getInput("github-token").trim(),
    retries: optionalNumber("retries", (n) => Number.isInteger(n) && n >= 0, "a whole number (0 or more)"),
    failOn: choice("fail-on", ["any", "none"], "any"),
    onCancel: choice("on-cancel", ["leave", "cancel"], "leave"),
    rpm: optionalNumber("rpm", (n) => Number.isInteger(n) && n >= 1, "a whole number of requests a minute (1 or more)"),
    tpm: optionalNumber("tpm", (n) => Number.isInteger(n) && n >= 1, "a whole number of tokens a minute (1 or more)")
  };
  checkCommitTarget(inputs);
  return inputs;
}
function checkCommitTarget(inputs) {
  if (inputs.commit === false || !inputs.apiKey || inputs.mode === "estimate") return;
  if (!inputs.githubToken) {
    throw new ActionInputError("commit", "needs a github-token (the default `${{ github.token }}` works with `permissions: contents: write`)");
  }
  if (inputs.commitBranch) return;
  const ctx = readRunnerContext();
  if (!ctx.branch) {
    const ref = process.env.GITHUB_REF || "no ref";
    throw new ActionInputError("commit", `this "${ctx.eventName}" run is on ${ref}, not a branch: set commit-branch to the branch the results go to`);
  }
}
function readDataInput(requests) {
  const data = optional("data");
  const rest = ["template", "model", "system", "id-column", "max-tokens"].filter((n) => optional(n) !== void 0);
  if (!data) {
    if (rest.length > 0) throw new ActionInputError(rest[0], "goes with `data` (a CSV or JSONL table), which is not given");
    return void 0;
  }
  if (requests) throw new ActionInputError("data", "give either `requests` or `data`, not both");
  const template = optional("template");
  if (!template) throw new ActionInputError("template", "with `data`, give a template file: the user message with {{column}} placeholders (or a .json request body)");
  const model = optional("model");
  if (!model) throw new ActionInputError("model", "with `data`, give the model every request uses, e.g. gpt-4o-mini");
  const maxTokens = optionalNumber("max-tokens", (n) => Number.isInteger(n) && n >= 1, "a whole number of tokens (1 or more)");
  const system = optional("system");
  const idColumn = optional("id-column");
  return {
    data,
    template,
    model,
    ...system !== void 0 ? { system } : {},
    ...idColumn !== void 0 ? { idColumn } : {},
    ...maxTokens !== void 0 ? { maxTokens } : {}
  };
}

// src/action/state.ts
var IN_FLIGHT = "batchwise-in-flight";
var OUTPUT_DIR = "batchwise-output-dir";
function saveInFlight(state) {
  saveState(IN_FLIGHT, JSON.stringify(state));
}
function readInFlight() {
  const raw = getState(IN_FLIGHT);
  if (!raw) return { batchIds: [], dirs: [] };
  const parsed = JSON.parse(raw);
  return { batchIds: parsed.batchIds ?? [], dirs: parsed.dirs ?? [] };
}
function saveOutputDir(dir) {
  saveState(OUTPUT_DIR, dir);
}

// src/action/describeError.ts
var USER_ERRORS = /* @__PURE__ */ new Set([
  "ActionInputError",
  "JobCancelledError",
  "NoRequestFilesError",
  "DataFileError",
  "TemplateError",
  "JoinError",
  "RequestFileError",
  "PricingError",
  "PricingFileError",
  "DurationError",
  "UnknownModelError",
  "GitHubPermissionError",
  "MaxCostError",
  "UsageError",
  "RunStateError",
  "HttpError",
  "AuthenticationError",
  "PermissionDeniedError"
]);
function describe(err) {
  if (!(err instanceof Error)) return String(err);
  return USER_ERRORS.has(err.name) || USER_ERRORS.has(err.constructor.name) ? err.message : err.stack ?? err.message;
}

export {
  renderEstimateSummary,
  runHeadline,
  renderRunSummary,
  renderInFlightSummary,
  readRunnerContext,
  logSafe,
  logInfo,
  ActionInputError,
  maskSecrets,
  readInputs,
  saveInFlight,
  readInFlight,
  saveOutputDir,
  describe
};
