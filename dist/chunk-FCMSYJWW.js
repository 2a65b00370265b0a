import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  PRICING_PAGE_URL,
  inputTokensCell,
  isUserError,
  parseTokenCount,
  renderEstimateMarkdownFor,
  requestsWord
} from "./chunk-BO4PDMA5.js";
import {
  DEFAULT_MIN_SAVINGS_USD,
  OpenAI,
  PROVIDER_NAMES,
  ZERO_RANGE,
  addRanges,
  codeSpan,
  combineLedgers,
  escapeHtml,
  escapeMarkdown,
  formatDuration,
  formatInt,
  formatPercent,
  formatShare,
  formatUsd,
  keyInputName,
  markdownInActionWords,
  parseCompare,
  parseDeployments,
  parseDuration,
  registerSecret,
  savingClaim,
  scrub
} from "./chunk-VMWTP7T6.js";
import {
  PROVIDER_LABELS,
  STALE_CATALOG_DAYS
} from "./chunk-ZIDOD6TB.js";
import {
  getInput,
  getState,
  info,
  saveState,
  setSecret
} from "./chunk-3I2DGFUB.js";

// src/report/summaryChart.ts
function costChart(cost, actualUsd, chosen = []) {
  const bars = [["sync", cost.sync.expected]];
  if (cost.flex) bars.push(["flex", cost.flex.expected]);
  bars.push(["batch", cost.batch.expected]);
  if (cost.priority && chosen.includes("priority")) bars.push(["priority", cost.priority.expected]);
  if (actualUsd !== void 0) bars.push(["actual", actualUsd]);
  const values = bars.map(([, v]) => Number(v.toFixed(6)));
  const top = Math.max(...values) * 1.1 || 1;
  return [
    "```mermaid",
    "xychart-beta",
    `  title "Expected cost by mode (USD)${actualUsd !== void 0 ? " and the actual cost" : ""}"`,
    `  x-axis [${bars.map(([k]) => `"${k}"`).join(", ")}]`,
    `  y-axis "USD" 0 --> ${Number(top.toPrecision(3))}`,
    `  bar [${values.join(", ")}]`,
    "```"
  ].join("\n");
}

// src/report/summary.ts
var MODES = ["sync", "flex", "batch", "priority"];
function totalOf(estimates) {
  let flex = estimates.length > 0 ? { ...ZERO_RANGE } : null;
  let priority = estimates.length > 0 ? { ...ZERO_RANGE } : null;
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
    cost: { sync, batch, flex, priority }
  };
}
function chosenCell(mode, chosen) {
  const n = chosen.filter((m) => m === mode).length;
  if (n === 0) return "";
  return n === chosen.length ? "\u2713" : `\u2713 ${formatInt(n)} of ${formatInt(chosen.length)} files`;
}
function modesTable(estimates, chosen, heading = "chosen") {
  const t = totalOf(estimates);
  const approximate = estimates.some((e) => e.input_tokens_approximate);
  const lines = [
    `| mode | requests | input tokens${approximate ? " (\u2248 approximate)" : ""} | output tokens (expected) | low | expected | max | ${heading} |`,
    "|---|---:|---:|---:|---:|---:|---:|:---:|"
  ];
  for (const mode of MODES) {
    const c = t.cost[mode];
    const cells = c ? [formatUsd(c.low), formatUsd(c.expected), formatUsd(c.max)] : ["\u2014", "\u2014", "\u2014"];
    lines.push(
      `| ${mode} | ${formatInt(t.requests)} | ${inputTokensCell(t.input_tokens, approximate)} | ${formatInt(t.output_tokens.expected)} | ${cells.join(" | ")} | ${chosenCell(mode, chosen) || (c ? "" : `no ${mode}`)} |`
    );
  }
  return lines;
}
function lifecycleByModel(estimates) {
  const byModel = /* @__PURE__ */ new Map();
  for (const e of estimates) {
    for (const l of e.lifecycle) {
      const seen = byModel.get(l.model);
      if (seen) seen.files.push(e.file);
      else byModel.set(l.model, { life: l, files: [e.file] });
    }
  }
  return [...byModel.values()];
}
function lifecycleLines(estimates) {
  return lifecycleByModel(estimates).map(({ life, files }) => {
    const where = estimates.length > 1 ? ` (${files.map(escapeMarkdown).join(", ")})` : "";
    const refused = life.status === "shut_down" ? " A run refuses it: change the model in the request file." : "";
    return `\u26A0\uFE0F ${escapeMarkdown(life.message)}${where}.${refused}`;
  });
}
function pricingNotes(estimates) {
  const notes = [];
  const oldest = estimates.reduce((o, e) => o === null || e.pricing.age_days > o.age_days ? e.pricing : o, null);
  if (oldest && oldest.age_days > STALE_CATALOG_DAYS) {
    notes.push(
      `\u2139\uFE0F Prices checked ${formatInt(oldest.age_days)} days ago (${oldest.as_of}): they may have changed since. Run ${codeSpan(`batchwise pricing update --from ${PRICING_PAGE_URL} --out prices.json`)} and give the file as \`pricing-file\`, or use a newer release of this action.`
    );
  }
  const derived = [...new Set(estimates.flatMap((e) => e.pricing.derived_models))];
  if (derived.length > 0) {
    notes.push(
      `\u2139\uFE0F ${derived.map((m) => `**${escapeMarkdown(m)}**`).join(", ")} ${derived.length === 1 ? "is" : "are"} not in the price catalog: priced from the \`@pydantic/genai-prices\` library (derived, batch assumed at 50%). Give ${derived.length === 1 ? "its" : "their"} prices in \`pricing-file\`, or set \`strict-pricing: true\` to refuse ${derived.length === 1 ? "it" : "them"}.`
    );
  }
  return notes;
}
function headlineNotes(estimates) {
  return [...lifecycleLines(estimates), ...pricingNotes(estimates)].flatMap((l) => [l, ""]);
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
    ...headlineNotes(estimates),
    // `why` is batchwise's own Markdown ("`mode: estimate`"), never user text: rendered as written.
    `Nothing was sent to the API: ${opts.why}.`,
    "",
    ...modesTable(estimates, estimates.map((e) => e.recommendation.mode), "recommended"),
    ""
  ];
  for (const e of estimates) lines.push(`- ${escapeMarkdown(e.file)}: **${e.recommendation.mode}** \u2014 ${markdownInActionWords(e.recommendation.reason)}`);
  lines.push("", costChart(t.cost, void 0, estimates.map((e) => e.recommendation.mode)), "");
  lines.push(...perFileDetails(estimates));
  return lines.join("\n");
}
function runHeadline(runs) {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const l = combineLedgers(runs.map((r) => r.ledger));
  const claim = savingClaim(l.total, l.by_mode, l.moved_to_sync);
  const unfinished = runs.reduce((n, r) => n + r.failed + r.expired + r.cancelled + r.skipped, 0);
  const modes = [...new Set(runs.map((r) => r.decision.mode))];
  const modeName = modes.length === 1 ? capitalise(modes[0]) : "batchwise";
  const tail = unfinished > 0 ? `; ${formatInt(unfinished)} did not succeed` : "; all succeeded";
  const moved = l.moved_to_sync > 0 ? ` (${formatInt(l.moved_to_sync)} ran synchronously after the batch)` : "";
  if (claim.kind === "saved") {
    return `${modeName} saved ${formatUsd(claim.saved_usd)} (${formatShare(claim.share)}) on ${requestsWord(requests)}: ${formatUsd(l.total.actual_usd)} spent, ${formatUsd(l.total.at_sync_prices_usd)} at sync prices${moved}${tail}.`;
  }
  return `${modeName} ran ${requestsWord(requests)} for ${formatUsd(l.total.actual_usd)}${claim.kind === "cost_more" ? `, ${formatUsd(-claim.saved_usd)} more than at sync prices` : ", nothing saved"}${moved}${tail}.`;
}
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function notSucceeded(r) {
  const parts = ["failed", "expired", "cancelled", "skipped"].filter((k) => r[k] > 0).map((k) => `${formatInt(r[k])} ${k}`);
  return parts.length > 0 ? parts.join(", ") : "\u2014";
}
function estimateVsActual(runs) {
  const lines = [
    "| file | mode | requests | succeeded | did not succeed | estimated | actual | at sync prices | saved |",
    "|---|---|---:|---:|---|---:|---:|---:|---:|"
  ];
  for (const r of runs) {
    const t = r.ledger.total;
    lines.push(
      `| ${escapeMarkdown(r.file)} | ${r.decision.mode} | ${formatInt(r.requests)} | ${formatInt(r.succeeded)} | ${notSucceeded(r)} | ${formatUsd(r.estimated_cost_usd.expected)} | ${formatUsd(t.actual_usd)} | ${formatUsd(t.at_sync_prices_usd)} | ${formatUsd(t.saved_usd)} |`
    );
  }
  return lines;
}
function renderRunSummary(runs, opts = {}) {
  const estimates = runs.map((r) => ({ ...r.estimate, file: r.file }));
  const t = totalOf(estimates);
  const actual = combineLedgers(runs.map((r) => r.ledger)).total.actual_usd;
  const lines = ["## batchwise run", "", `**${runHeadline(runs)}**`, "", ...headlineNotes(estimates)];
  const notRun = opts.notRun ?? [];
  if (notRun.length > 0) {
    const n = runs.length + notRun.length;
    lines.push(`\u26A0\uFE0F **${formatInt(notRun.length)} of ${formatInt(n)} request files did not finish**; the step failed. What finished is reported below.`, "");
    for (const f of notRun) lines.push(`- ${escapeMarkdown(f.file)}: ${markdownInActionWords(f.reason)}`);
    lines.push("");
  }
  lines.push(...modesTable(estimates, runs.map((r) => r.decision.mode)), "");
  lines.push("### Estimate vs actual", "", ...estimateVsActual(runs), "");
  for (const r of runs) {
    const on = r.provider && r.provider !== "openai" ? ` on ${PROVIDER_LABELS[r.provider]}` : "";
    lines.push(`- ${escapeMarkdown(r.file)}: **${r.decision.mode}**${on} \u2014 ${markdownInActionWords(r.decision.reason)}`);
  }
  lines.push("", costChart(t.cost, actual, runs.map((r) => r.decision.mode)), "");
  const ids = runs.flatMap((r) => r.batch_ids);
  lines.push("<details><summary>Batches and timings</summary>", "");
  for (const r of runs) {
    const took = Date.parse(r.finished_at) - Date.parse(r.started_at);
    lines.push(`- ${escapeMarkdown(r.file)}: ${r.started_at} \u2192 ${r.finished_at} (${formatDuration(took)})`);
  }
  lines.push(ids.length ? `- batch ids: ${ids.map(codeSpan).join(", ")}` : "- no batches (nothing ran through the Batch API)");
  lines.push("", "</details>", "");
  lines.push(...perFileDetails(estimates));
  return lines.join("\n");
}
function perFileDetails(estimates) {
  const lines = [];
  for (const e of estimates) {
    lines.push(`<details><summary>Estimate of ${escapeHtml(e.file)}</summary>`, "", renderEstimateMarkdownFor(e, "action"), "</details>", "");
  }
  return lines;
}
function renderInFlightSummary(batchIds, action, note) {
  const lines = [
    "## batchwise: the job ended before the run finished",
    "",
    `**${formatInt(batchIds.length)} batch(es) ${action}.** ${escapeMarkdown(note)}`,
    "",
    ...batchIds.map((id) => `- ${codeSpan(id)}`),
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
import { isAbsolute, relative, resolve, sep } from "node:path";
var ActionInputError = class extends Error {
  constructor(input, message) {
    super(`input \`${input}\`: ${message}`);
    this.name = "ActionInputError";
  }
};
var DEFAULT_HISTORY = ".batchwise/history.jsonl";
var DEFAULT_LATENCY_BUDGET = "5h30m";
var SECRET_INPUTS = ["api-key", "azure-api-key", "anthropic-api-key", "gemini-api-key", "github-token"];
function maskSecrets() {
  for (const name of SECRET_INPUTS) {
    const value = getInput(name);
    if (value) setSecret(value);
    registerSecret(value);
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
function queueLimitInput() {
  const raw = getInput("queue-limit").trim();
  if (raw === "") return void 0;
  const n = parseTokenCount(raw);
  if (n === null) throw new ActionInputError("queue-limit", `"${raw}" is not a number of tokens (e.g. 2000000 or 2M)`);
  return n;
}
function flag(name, fallback) {
  const raw = getInput(name).trim().toLowerCase();
  if (raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new ActionInputError(name, `"${raw}" is not true or false`);
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
  const provider = choice("provider", PROVIDER_NAMES, "openai");
  const inputs = {
    requests,
    data,
    mode: choice("mode", ["auto", "batch", "flex", "sync", "priority", "estimate"], "auto"),
    provider,
    apiKey: getInput(keyInputName(provider)).trim() || getInput("api-key").trim(),
    baseUrl: (provider === "azure" ? optional("azure-endpoint") : void 0) ?? optional("base-url"),
    deployments: readDeployments(provider),
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
    tpm: optionalNumber("tpm", (n) => Number.isInteger(n) && n >= 1, "a whole number of tokens a minute (1 or more)"),
    queueLimit: queueLimitInput(),
    region: flag("region", false),
    strictPricing: flag("strict-pricing", false),
    pilot: optionalNumber("pilot", (n) => Number.isInteger(n) && n >= 0, "a whole number of requests (0 or more)") ?? 0,
    history: nameOrFalse("history", DEFAULT_HISTORY),
    compare: readCompare()
  };
  checkCommitTarget(inputs);
  checkHistoryCommit(inputs);
  return inputs;
}
function readDeployments(provider) {
  const raw = optional("deployment");
  if (raw === void 0) return void 0;
  if (provider !== "azure") throw new ActionInputError("deployment", `is for provider: azure (provider is ${provider})`);
  try {
    return parseDeployments(raw.split("\n"));
  } catch (err) {
    throw new ActionInputError("deployment", err.message.replace(/^--deployment:? ?/, ""));
  }
}
function readCompare() {
  const raw = optional("compare");
  if (raw === void 0) return void 0;
  try {
    return parseCompare(raw);
  } catch (err) {
    throw new ActionInputError("compare", err.message.replace(/^compare: /, ""));
  }
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
function checkHistoryCommit(inputs) {
  if (inputs.commit === false || inputs.history === false || !inputs.apiKey || inputs.mode === "estimate") return;
  const workspace = readRunnerContext().workspace;
  const rel = relative(workspace, resolve(workspace, inputs.history));
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new ActionInputError("history", `"${inputs.history}" is outside the repository, so \`commit\` cannot keep it for the next run: give a path inside it (default ${DEFAULT_HISTORY}) or history: false`);
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
function describe(err) {
  if (!(err instanceof Error)) return scrub(String(err));
  if (err instanceof OpenAI.APIConnectionError) return scrub(`could not reach the API: ${err.message}; nothing more was sent`);
  if (err instanceof OpenAI.APIError) return scrub(`the API answered ${err.status ?? "an error"}: ${err.message}`);
  return scrub(isUserError(err) ? err.message : err.stack ?? err.message);
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
  SECRET_INPUTS,
  maskSecrets,
  readInputs,
  saveInFlight,
  readInFlight,
  saveOutputDir,
  describe
};
