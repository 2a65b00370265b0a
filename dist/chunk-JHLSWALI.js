import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  VERSION,
  estimateFile,
  estimateToJson
} from "./chunk-FZKZX4PD.js";
import {
  appendHistory,
  observeResults,
  readHistory
} from "./chunk-2X7CWBSR.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BATCH_WINDOW_MS,
  DEFAULT_MIN_SAVINGS_USD,
  LedgerBook,
  OpenAI,
  OpenAIError,
  OutcomeIndex,
  UsageError,
  catalogForProvider,
  classifyBatchLine,
  codeSpan,
  escapeMarkdown,
  formatDuration,
  formatError,
  formatInt,
  formatPercent,
  formatShare,
  formatUsd,
  formatUsdApart,
  inputCounter,
  makeProvider,
  mapLineBlocks,
  openAIProvider,
  openJournal,
  providerKey,
  providerOfBatchId,
  registerSecret,
  roundUsd,
  savingClaim,
  scanLines,
  scrub,
  scrubLines,
  tryClassifyBatchLine,
  writeResults
} from "./chunk-VMWTP7T6.js";
import {
  PROVIDER_LABELS,
  RequestFileError,
  formatLineProblems,
  piecesToFit,
  planBatches,
  readJsonlLines,
  resolvePricing,
  splitEvenly,
  usageCostUsd
} from "./chunk-ZIDOD6TB.js";

// src/run/runFile.ts
import { existsSync as existsSync2, mkdirSync as mkdirSync3, renameSync as renameSync3, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join7, resolve } from "node:path";

// src/report/runReport.ts
function figuresJson(f) {
  return {
    requests: f.requests,
    succeeded: f.succeeded,
    billed: f.billed,
    input_tokens: f.input_tokens,
    cached_input_tokens: f.cached_input_tokens,
    cache_write_tokens: f.cache_write_tokens,
    output_tokens: f.output_tokens,
    reasoning_tokens: f.reasoning_tokens,
    actual_usd: f.actual_usd,
    at_sync_prices_usd: f.at_sync_prices_usd,
    saved_usd: f.saved_usd,
    estimated_usd: f.estimated_usd,
    estimate_error: f.estimate_error
  };
}
function runReportJson(r, e) {
  const l = r.ledger;
  return {
    file: r.file,
    provider: r.provider ?? "openai",
    started_at: r.started_at,
    finished_at: r.finished_at,
    duration_ms: Date.parse(r.finished_at) - Date.parse(r.started_at),
    decision: r.decision,
    sync_phase: r.sync_phase,
    exit_code: r.exit_code,
    requests: r.requests,
    ...r.counts,
    estimated_cost_usd: roundRange(r.estimated_cost_usd),
    // The ledger: every other place that shows this run's money shows these numbers.
    actual_usd: l.total.actual_usd,
    at_sync_prices_usd: l.total.at_sync_prices_usd,
    saved_usd: l.total.saved_usd,
    estimate_error: l.total.estimate_error,
    ledger: {
      total: figuresJson(l.total),
      by_mode: Object.fromEntries(Object.entries(l.by_mode).map(([m, f]) => [m, figuresJson(f)])),
      moved_to_sync: l.moved_to_sync
    },
    by_mode_and_model: l.by_mode_and_model.map((g) => ({ mode: g.mode, model: g.model, ...figuresJson(g) })),
    /** Kept for readers of older reports: the same figure as actual_usd. */
    actual_cost_usd: l.total.actual_usd,
    batch_ids: r.batches.map((b) => b.batch_id),
    batches: r.batches,
    // Without the per-line items: results.jsonl has one line per request already.
    estimate: estimateToJson({ ...e, items: void 0 }),
    results: r.results_path,
    results_csv: r.results_csv_path
  };
}
var roundRange = (x) => ({ low: roundUsd(x.low), expected: roundUsd(x.expected), max: roundUsd(x.max) });
function runHeadlineText(r) {
  const l = r.ledger;
  const ok = r.counts.succeeded === r.requests ? "all" : `${formatInt(r.counts.succeeded)} of`;
  const claim = savingClaim(l.total, l.by_mode, l.moved_to_sync);
  const moved = l.moved_to_sync > 0 ? `; ${formatInt(l.moved_to_sync)} ran synchronously after the batch` : "";
  const head = `${ok} ${formatInt(r.requests)} requests succeeded in ${r.decision.mode} mode for ${formatUsd(l.total.actual_usd)}`;
  if (claim.kind === "saved") {
    return `${head} \u2014 saved ${formatUsd(claim.saved_usd)} (${formatShare(claim.share)}) against ${formatUsd(l.total.at_sync_prices_usd)} at sync prices${moved}`;
  }
  if (claim.kind === "cost_more") return `${head} \u2014 ${formatUsd(-claim.saved_usd)} more than the ${formatUsd(l.total.at_sync_prices_usd)} at sync prices${moved}`;
  return `${head}, the same as at sync prices (nothing saved)${moved}`;
}
function renderRunMarkdown(r, e) {
  const out = [];
  out.push(`## batchwise run: ${escapeMarkdown(r.file)}`, "");
  out.push(runHeadlineText(r) + ".", "");
  const on = r.provider && r.provider !== "openai" ? ` on ${PROVIDER_LABELS[r.provider]}` : "";
  out.push(`**Decision:** ${r.decision.mode}${on}${r.decision.safety_net ? " with a sync safety net" : ""} \u2014 ${escapeMarkdown(r.decision.reason)}`, "");
  if (r.sync_phase) out.push(`The rest ran with **${r.sync_phase.mode}** from ${r.sync_phase.started_at}.`, "");
  out.push("| status | requests |", "|---|---:|");
  for (const [k, v] of Object.entries(r.counts)) out.push(`| ${k} | ${formatInt(v)} |`);
  out.push("");
  out.push(
    "| mode | model | requests | succeeded | input tokens (cached) | output tokens | estimated | actual | at sync prices | saved |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  );
  for (const g of r.ledger.by_mode_and_model) {
    out.push(
      `| ${g.mode} | ${escapeMarkdown(g.model)} | ${formatInt(g.requests)} | ${formatInt(g.succeeded)} | ${formatInt(g.input_tokens)} (${formatInt(g.cached_input_tokens)}) | ${formatInt(g.output_tokens)} | ${g.billed > 0 ? formatUsd(g.estimated_usd) : "\u2014"} | ${formatUsd(g.actual_usd)} | ${formatUsd(g.at_sync_prices_usd)} | ${formatUsd(g.saved_usd)} |`
    );
  }
  out.push("");
  const t = r.ledger.total;
  const err = t.estimate_error;
  out.push(
    `Estimated before the run (${r.decision.mode}, all ${formatInt(r.requests)} requests): ${formatUsd(r.estimated_cost_usd.low)} \u2013 ${formatUsd(r.estimated_cost_usd.max)}, expected ${formatUsd(r.estimated_cost_usd.expected)}. For the ${formatInt(t.billed)} billed requests the estimate expected ${formatUsd(t.estimated_usd)}; actual ${formatUsd(t.actual_usd)} (cost ${formatError(err.cost)}, input tokens ${formatError(err.input)}, output tokens ${formatError(err.output)}). Took ${formatDuration(Date.parse(r.finished_at) - Date.parse(r.started_at))}.`,
    ""
  );
  if (r.batches.length > 0) {
    out.push("<details><summary>Batches</summary>", "", "| batch | part | round | model | requests | status | took |", "|---|---|---:|---|---:|---|---:|");
    for (const b of r.batches) {
      const end = b.times.completed_at ?? b.times.failed_at ?? b.times.expired_at ?? b.times.cancelled_at;
      const took = b.times.created_at && end ? formatDuration(Date.parse(end) - Date.parse(b.times.created_at)) : "\u2014";
      out.push(`| ${codeSpan(b.batch_id)} | ${b.part} | ${b.round} | ${escapeMarkdown(b.model)} | ${formatInt(b.requests)} | ${b.status ?? "\u2014"} | ${took} |`);
    }
    out.push("", "</details>", "");
    const errors = r.batches.flatMap((b) => b.errors);
    if (errors.length > 0) {
      out.push("**Batch errors:**", "");
      for (const err2 of errors.slice(0, 20)) out.push(`- ${err2.line !== null ? `${escapeMarkdown(r.file)}:${err2.line}: ` : ""}${escapeMarkdown(err2.message)} (${codeSpan(err2.code)})`);
      out.push("");
    }
  }
  out.push(`Results: ${codeSpan(r.results_path)}, ${codeSpan(r.results_csv_path)}`, "");
  return out.join("\n");
}

// src/run/batch/batchRounds.ts
import { join as join4 } from "node:path";

// src/run/batch/batchApi.ts
var IDENTITY_KEYS = ["batchwise_input_sha256", "batchwise_part_sha256", "batchwise_round"];
var sleep = (ms, signal) => new Promise((resolve2, reject) => {
  const t = setTimeout(resolve2, ms);
  signal?.addEventListener("abort", () => {
    clearTimeout(t);
    reject(signal.reason);
  }, { once: true });
});
var ATTACHABLE = /* @__PURE__ */ new Set(["validating", "in_progress", "finalizing", "completed"]);
function sameWork(batch, identity) {
  const m = batch.metadata;
  if (!m) return false;
  for (const k of IDENTITY_KEYS) if (m[k] !== identity[k]) return false;
  return ATTACHABLE.has(batch.status);
}
async function listOurBatches(provider, inputSha256, days = 30) {
  const found = [];
  const since = Date.now() / 1e3 - days * 86400;
  for await (const b of provider.listBatches(since)) {
    if (b.created_at < since) break;
    if (b.metadata?.batchwise_input_sha256 === inputSha256) found.push(b);
  }
  return found;
}
var UPLOAD_ATTEMPTS = 4;
async function uploadPart(provider, path, signal) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await provider.uploadPart(path, signal);
    } catch (err) {
      if (attempt >= UPLOAD_ATTEMPTS || !isRetryable(err) || signal?.aborted) throw err;
      await sleep(Math.min(500 * 2 ** (attempt - 1), 8e3), signal);
    }
  }
}
function isRetryable(err) {
  if (err instanceof OpenAI.APIConnectionError) return true;
  if (err instanceof OpenAI.APIError && typeof err.status === "number") return err.status === 408 || err.status === 429 || err.status >= 500;
  return false;
}
var CLOCK_SLACK_S = 120;
async function createBatchOnce(provider, a) {
  const attempts = a.attempts ?? 6;
  const firstAttempt = Math.floor(Date.now() / 1e3);
  for (let i = 0; ; i++) {
    try {
      return await provider.createBatch({ input_file_id: a.input_file_id, endpoint: a.endpoint, metadata: a.metadata }, a.signal);
    } catch (err) {
      if (!isRetryable(err) || i + 1 >= attempts) throw err;
      await sleep(Math.min(500 * 2 ** i, 8e3), a.signal);
      const existing = await findOurAttempt(provider, a, firstAttempt - CLOCK_SLACK_S);
      if (existing) return existing;
    }
  }
}
async function findOurAttempt(provider, a, sinceSec) {
  const known = a.knownBatchIds ?? /* @__PURE__ */ new Set();
  const since30d = Date.now() / 1e3 - 30 * 86400;
  let fromUpload = null;
  const candidates = [];
  for await (const b of provider.listBatches(Math.min(since30d, sinceSec))) {
    if (b.created_at < since30d) break;
    if (sameWork(b, a.metadata)) return b;
    if (b.created_at < sinceSec || b.metadata) continue;
    if (madeFromUpload(b, a.input_file_id, known)) fromUpload ??= b;
    else if (!b.input_file_id && ATTACHABLE.has(b.status) && !known.has(b.id) && a.requests !== void 0 && b.request_counts?.total === a.requests) candidates.push(b);
  }
  if (fromUpload) return fromUpload;
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    throw new AmbiguousCreateError(
      `creating the batch failed after it may have reached ${provider.name}, and ${candidates.length} batches of ${a.requests} requests were created since that no other part of this run holds (${candidates.map((b) => b.id).join(", ")}); not sending it again. Cancel the one that is not this part's (batchwise cancel BATCH_ID), then run the same command again`
    );
  }
  return null;
}
function madeFromUpload(b, inputFileId, known) {
  return Boolean(b.input_file_id) && b.input_file_id === inputFileId && ATTACHABLE.has(b.status) && !known.has(b.id);
}
async function batchFromUpload(provider, inputFileId, sinceSec, known) {
  for await (const b of provider.listBatches(sinceSec)) {
    if (b.created_at < sinceSec) break;
    if (madeFromUpload(b, inputFileId, known)) return b;
  }
  return null;
}
var AmbiguousCreateError = class extends Error {
  name = "AmbiguousCreateError";
};

// src/run/plan/runSyncDuration.ts
var DEFAULT_LATENCY_MS = 2e3;
function admitMs(work, limitPerMinute, burst) {
  if (work <= 0) return 0;
  const perSecond = limitPerMinute / 60;
  if (!burst) return work / perSecond * 1e3;
  const byPace = Math.log2(work / perSecond + 1);
  const byBucket = Math.max(0, (work - limitPerMinute) / perSecond);
  return Math.max(byPace, byBucket) * 1e3;
}
function estimateSyncDurationMs(work, limits) {
  if (!(work.requests >= 0) || !(work.tokens >= 0)) throw new RangeError(`work must be counts >= 0, got ${JSON.stringify(work)}`);
  if (!(limits.concurrency >= 1)) throw new RangeError(`concurrency must be >= 1, got ${limits.concurrency}`);
  if (work.requests === 0) return 0;
  const latency = limits.latencyMs ?? DEFAULT_LATENCY_MS;
  const burst = limits.burst ?? false;
  const byRequests = limits.rpm !== null && limits.rpm > 0 ? admitMs(work.requests, limits.rpm, burst) : 0;
  const byTokens = limits.tpm !== null && limits.tpm > 0 ? admitMs(work.tokens, limits.tpm, burst) : 0;
  const byConcurrency = Math.ceil(work.requests / limits.concurrency) * latency;
  return Math.ceil(Math.max(byRequests + latency, byTokens + latency, byConcurrency));
}

// src/run/plan/syncNeed.ts
var FLEX_SLOWDOWN = 2;
var SAFETY_MARGIN = 1.25;
var ASSUMED_LIMITS = { rpm: 500, tpm: 3e4 };
function planningLimits(rpm, tpm) {
  return { rpm: rpm ?? ASSUMED_LIMITS.rpm, tpm: tpm ?? ASSUMED_LIMITS.tpm, assumed: rpm === null && tpm === null };
}
function syncNeedMs(ctx, requests, tokens) {
  const { rpm, tpm } = planningLimits(ctx.rpm, ctx.tpm);
  const ms = estimateSyncDurationMs({ requests, tokens }, { rpm, tpm, concurrency: ctx.concurrency });
  return ms * (ctx.flexAvailable ? FLEX_SLOWDOWN : 1) * SAFETY_MARGIN;
}
function cancelGraceMs(budgetMs) {
  return Math.min(5 * 6e4, budgetMs * 0.1);
}

// src/run/batch/settlePart.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/run/batch/downloadFile.ts
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
async function downloadFile(provider, fileId, dest, opts = {}) {
  const attempts = opts.attempts ?? 10;
  const tmp = `${dest}.part`;
  for (let i = 0; ; i++) {
    try {
      const body = await provider.fileContent(fileId, opts.signal);
      const source = Readable.fromWeb(body);
      if (opts.renameIds?.size) await pipeline(source, scrubLines(), renameCustomIds(opts.renameIds), createWriteStream(tmp));
      else await pipeline(source, scrubLines(), createWriteStream(tmp));
      renameSync(tmp, dest);
      return;
    } catch (err) {
      rmSync(tmp, { force: true });
      if (opts.signal?.aborted || i + 1 >= attempts) throw err;
      opts.log?.(`download of ${fileId} broke off (${err.message}); trying again`);
      await sleep(Math.min(300 * 2 ** i, 5e3), opts.signal);
    }
  }
}
function renameCustomIds(ids) {
  const rename = (line) => {
    if (!line.trim()) return line;
    const parsed = JSON.parse(line);
    const own = typeof parsed.custom_id === "string" ? ids.get(parsed.custom_id) : void 0;
    return own === void 0 ? line : JSON.stringify({ ...parsed, custom_id: own });
  };
  return mapLineBlocks((lines) => lines.split("\n").map(rename).join("\n"));
}

// src/run/batch/settlePart.ts
function batchesDir(ctx) {
  return join(ctx.outDir, "batches");
}
var UNFINISHED = {
  cancelled: { code: "batch_cancelled", message: "This request was not run: the batch was cancelled before it got to it." },
  expired: { code: "batch_expired", message: "This request could not be executed before the completion window expired." }
};
async function settlePart(ctx, lines, ps, batch, opts = {}) {
  const dir = batchesDir(ctx);
  mkdirSync(dir, { recursive: true });
  if (batch.status === "failed") {
    ps.error_path = writeFailure(ctx, dir, lines, ps, batch, opts.final === true);
  } else {
    const renameIds = standInIds(ctx, lines);
    if (batch.output_file_id && !ps.output_path) {
      const dest = join(dir, `${fileNameOf(batch.id)}_output.jsonl`);
      await downloadFile(ctx.provider, batch.output_file_id, dest, { signal: ctx.signal, log: ctx.log, renameIds });
      ps.output_path = dest;
      ctx.save();
    }
    if (batch.error_file_id && !ps.error_path) {
      const dest = join(dir, `${fileNameOf(batch.id)}_error.jsonl`);
      await downloadFile(ctx.provider, batch.error_file_id, dest, { signal: ctx.signal, log: ctx.log, renameIds });
      ps.error_path = dest;
      ctx.save();
    }
    if ((batch.status === "cancelled" || batch.status === "expired") && !ps.unfinished_path) {
      ps.unfinished_path = await writeUnfinished(ctx, dir, lines, ps, batch, UNFINISHED[batch.status]);
    }
  }
  ps.done = true;
  ctx.save();
  if (ps.file_id && ctx.provider.releaseInput) {
    await ctx.provider.releaseInput(ps.file_id, ctx.signal).catch((err) => ctx.log(`could not delete the uploaded input ${ps.file_id}: ${err.message}`));
  }
}
function standInIds(ctx, lines) {
  const ids = /* @__PURE__ */ new Map();
  const wire = ctx.provider.wireCustomId;
  if (!wire) return ids;
  for (const l of lines) {
    const own = ctx.items.get(l)?.custom_id;
    if (own === void 0) continue;
    const sent = wire(own);
    if (sent !== own) ids.set(sent, own);
  }
  return ids;
}
async function writeUnfinished(ctx, dir, lines, ps, batch, fate) {
  const listed = /* @__PURE__ */ new Set();
  for (const path2 of [ps.output_path, ps.error_path]) {
    if (!path2) continue;
    for await (const line of scanLines(path2)) {
      const id = tryClassifyBatchLine(line.text)?.custom_id;
      if (id) listed.add(id);
    }
  }
  const out = [];
  for (const line of lines) {
    const id = ctx.items.get(line).custom_id;
    if (listed.has(id)) continue;
    out.push(JSON.stringify({ custom_id: id, response: null, error: fate, batchwise_retryable: fate.code === "batch_expired" }));
  }
  if (out.length === 0) return null;
  const path = join(dir, `${fileNameOf(batch.id)}_unfinished.jsonl`);
  writeFileSync(path, scrub(out.join("\n") + "\n"));
  return path;
}
function writeFailure(ctx, dir, lines, ps, batch, final) {
  const data = batch.errors?.data ?? [];
  const byLine = /* @__PURE__ */ new Map();
  const mapped = [];
  for (const e of data) {
    const partLine = typeof e.line === "number" ? e.line : null;
    const inputLine = partLine !== null && partLine >= 1 && partLine <= lines.length ? lines[partLine - 1] : null;
    const code = e.code ?? "batch_failed";
    const message = e.message ?? "the batch failed";
    mapped.push({ code, line: inputLine, message });
    if (inputLine !== null) byLine.set(inputLine, { code, message: `${ctx.displayName}:${inputLine}: ${message}` });
    ctx.log(`batch ${batch.id} failed: ${inputLine !== null ? `${ctx.displayName}:${inputLine}: ` : ""}${message} (${code})`);
  }
  ps.errors = mapped;
  const general = mapped.find((e) => e.line === null);
  const summary = general ? general.message : `the batch failed on ${byLine.size} other line(s)`;
  const out = [];
  for (const line of lines) {
    const item = ctx.items.get(line);
    const own = byLine.get(line);
    const error = own ?? { code: general?.code ?? "batch_failed", message: `not run: ${summary}` };
    const retryable = own || final ? false : byLine.size > 0 || general?.code === "token_limit_exceeded";
    out.push(JSON.stringify({ custom_id: item.custom_id, response: null, error, batchwise_retryable: retryable }));
  }
  const path = join(dir, `${fileNameOf(batch.id)}_failed.jsonl`);
  writeFileSync(path, scrub(out.join("\n") + "\n"));
  return path;
}
function fileNameOf(batchId) {
  return batchId.replace(/[^A-Za-z0-9_.-]/g, "_");
}

// src/run/batch/submitPart.ts
function partMetadata(ctx, wp, index, of, round) {
  const m = {
    batchwise_input_sha256: ctx.inputSha256,
    batchwise_part: `${index + 1}/${of}`,
    batchwise_part_sha256: wp.sha256,
    batchwise_round: String(round),
    batchwise_version: VERSION
  };
  if (ctx.githubRunId) m.github_run_id = ctx.githubRunId;
  return m;
}
function partTokens(ctx, lines) {
  let t = 0;
  for (const l of lines) t += ctx.items.get(l)?.input_tokens ?? 0;
  return t;
}
function partState(ctx, round, wp) {
  let ps = ctx.state.parts.find((p) => p.key === wp.key);
  if (ps && ps.sha256 !== wp.sha256) {
    ctx.state.parts = ctx.state.parts.filter((p) => p !== ps);
    ps = void 0;
  }
  if (!ps) {
    ps = {
      key: wp.key,
      round,
      sha256: wp.sha256,
      path: wp.path,
      url: wp.part.url,
      model: wp.part.model,
      lines: wp.part.lines.length,
      file_id: null,
      batch_id: null,
      status: null,
      output_file_id: null,
      error_file_id: null,
      output_path: null,
      error_path: null,
      done: false,
      tokens: partTokens(ctx, wp.part.lines)
    };
    ctx.state.parts.push(ps);
    ctx.save();
  }
  return ps;
}
async function submitPart(ctx, wp, ps, metadata) {
  if (ps.batch_id) return "known";
  ctx.existing ??= await listOurBatches(ctx.provider, ctx.inputSha256);
  const found = ctx.existing.find((b) => sameWork(b, metadata));
  if (found) {
    ps.batch_id = found.id;
    ps.file_id = found.input_file_id;
    ps.status = found.status;
    ctx.save();
    ctx.log(`part ${metadata.batchwise_part} (round ${metadata.batchwise_round}): attached to existing batch ${found.id} (${found.status})`);
    return "attached";
  }
  const known = new Set(ctx.state.parts.flatMap((p) => [...p.batch_id ? [p.batch_id] : [], ...p.refused_batch_ids ?? []]));
  if (ps.file_id) {
    const made = await batchFromUpload(ctx.provider, ps.file_id, Math.floor(Date.parse(ctx.state.started_at) / 1e3) - 120, known);
    if (made) {
      ps.batch_id = made.id;
      ps.status = made.status;
      ctx.save();
      ctx.log(`part ${metadata.batchwise_part} (round ${metadata.batchwise_round}): attached to batch ${made.id} (${made.status}), made from this part's upload`);
      return "attached";
    }
  } else {
    ps.file_id = await uploadPart(ctx.provider, wp.path, ctx.signal);
    ctx.save();
  }
  let batch;
  try {
    batch = await createBatchOnce(ctx.provider, {
      input_file_id: ps.file_id,
      endpoint: wp.part.url,
      metadata,
      inputSha256: ctx.inputSha256,
      requests: wp.part.lines.length,
      knownBatchIds: known,
      signal: ctx.signal
    });
  } catch (err) {
    if (err instanceof OpenAI.NotFoundError) {
      ps.file_id = await uploadPart(ctx.provider, wp.path, ctx.signal);
      ctx.save();
      batch = await createBatchOnce(ctx.provider, { input_file_id: ps.file_id, endpoint: wp.part.url, metadata, inputSha256: ctx.inputSha256, requests: wp.part.lines.length, knownBatchIds: known, signal: ctx.signal });
    } else throw err;
  }
  ps.batch_id = batch.id;
  ps.status = batch.status;
  ctx.save();
  ctx.log(`part ${metadata.batchwise_part} (round ${metadata.batchwise_round}): batch ${batch.id} created for ${wp.part.lines.length} requests (${wp.part.model})`);
  return "created";
}

// src/run/batch/writeParts.ts
import { createHash } from "node:crypto";
import { createWriteStream as createWriteStream2, mkdirSync as mkdirSync2 } from "node:fs";
import { once } from "node:events";
import { join as join2 } from "node:path";
async function writeParts(inputPath, dir, keys, parts) {
  mkdirSync2(dir, { recursive: true });
  const partOf = /* @__PURE__ */ new Map();
  parts.forEach((p, i) => {
    for (const line of p.lines) partOf.set(line, i);
  });
  const outs = parts.map((_, i) => {
    const path = join2(dir, `${keys[i]}.jsonl`);
    return { stream: createWriteStream2(path), hash: createHash("sha256"), path };
  });
  try {
    for await (const raw of readJsonlLines(inputPath)) {
      const i = partOf.get(raw.line);
      if (i === void 0) continue;
      const out = outs[i];
      const text = `${raw.text}
`;
      out.hash.update(text);
      if (!out.stream.write(text)) await once(out.stream, "drain");
    }
  } finally {
    await Promise.all(outs.map(async (o) => {
      o.stream.end();
      await once(o.stream, "finish");
    }));
  }
  return outs.map((o, i) => ({ key: keys[i], path: o.path, sha256: o.hash.digest("hex"), part: parts[i] }));
}

// src/run/batch/queueBook.ts
var PART_FILL = 0.95;
var MIN_SPLIT_LINES = 1e3;
var MIN_SPLIT_SHARE = 1 / 8;
var HOURLY_CREATIONS = 2e3;
var HOUR_MS = 36e5;
var DEFAULT_MAX_BATCHES = 500;
var MAX_BACKOFF_MS = 30 * 6e4;
function limitFromMessage(message) {
  if (!message || !/token/i.test(message)) return null;
  const openai = /Limit:\s*([\d,]+)\s*enqueued tokens/i.exec(message);
  if (openai) return Number(openai[1].replaceAll(",", "")) || null;
  const azure = /limit of\s*([\d.,]+)\s*([KMB])?\b/i.exec(message);
  if (azure) {
    const scale = { K: 1e3, M: 1e6, B: 1e9 }[(azure[2] ?? "").toUpperCase()] ?? 1;
    const n = Number(azure[1].replaceAll(",", "")) * scale;
    return n > 0 ? Math.round(n) : null;
  }
  return null;
}
var QueueBook = class {
  ctx;
  models = /* @__PURE__ */ new Map();
  fromFlag;
  constructor(ctx) {
    this.ctx = ctx;
    this.fromFlag = ctx.queueLimitTokens;
  }
  model(m) {
    let q = this.models.get(m);
    if (!q) this.models.set(m, q = { live: /* @__PURE__ */ new Map(), blocked: false, until: 0, backoffs: 0 });
    return q;
  }
  /** The limit as far as it is known: a limit the API stated in this state wins over the flag when lower (the flag
   *  may be stale); an upper bound only counts when nothing exact is known. */
  limit(m) {
    const learned = this.ctx.state.queue_limits?.[m];
    if (learned?.source === "api") return { tokens: this.fromFlag !== null ? Math.min(this.fromFlag, learned.tokens) : learned.tokens, exact: true };
    if (this.fromFlag !== null) return { tokens: this.fromFlag, exact: true };
    if (learned) return { tokens: learned.tokens, exact: false };
    return null;
  }
  /** The most tokens one part (and all our live parts of the model together) should hold: null when unlimited. */
  room(m) {
    const l = this.limit(m);
    if (!l) return null;
    return l.exact ? Math.max(1, Math.floor(l.tokens * PART_FILL)) : l.tokens;
  }
  /** The token size to plan parts at, per model: only models whose limit is known exactly (a bound only gates and
   *  halves; planning at it could make parts of any smallness). */
  planTokens(models) {
    const out = {};
    for (const m of models) {
      if (this.limit(m)?.exact) out[m] = this.room(m);
    }
    return out;
  }
  queued(m) {
    let t = 0;
    for (const v of this.model(m).live.values()) t += v;
    return t;
  }
  liveCount(m) {
    return this.model(m).live.size;
  }
  enter(m, key, tokens) {
    this.model(m).live.set(key, tokens);
  }
  /** One of our batches left the queue: `freed` when it had been accepted (its end is the event a held part waits
   *  for), not when the queue refused it. */
  leave(m, key, freed) {
    const q = this.model(m);
    q.live.delete(key);
    if (freed) q.blocked = false;
  }
  /** Why a part of `tokens` cannot be sent now, or null when it can. */
  holdReason(m, tokens, now) {
    const q = this.model(m);
    if (q.blocked) {
      if (q.live.size > 0) return "the queue refused the last part; waiting for one of our batches to end";
      if (now < q.until) return "the queue refused the last part and none of our batches is running; waiting before trying again";
    }
    const room = this.room(m);
    if (room === null || q.live.size === 0) return null;
    return this.queued(m) + tokens <= room ? null : "the queue is full";
  }
  /** When a held model may try again without a batch ending (epoch ms), or null: it waits for a poll. */
  wakeAt(m) {
    const q = this.model(m);
    return q.blocked && q.live.size === 0 ? q.until : null;
  }
  /** A part of `tokens` was refused (token_limit_exceeded) while `before` tokens of ours were queued: learns the
   *  limit, and says whether the part's own size explains the refusal (then it must be cut to fit). */
  refused(m, tokens, before, message, now) {
    const stated = limitFromMessage(message);
    const prior = this.ctx.state.queue_limits?.[m];
    let learned = null;
    const remember = (l) => {
      this.ctx.state.queue_limits = { ...this.ctx.state.queue_limits ?? {}, [m]: l };
    };
    if (stated !== null) {
      if (prior?.source !== "api" || prior.tokens !== stated) {
        remember({ tokens: stated, source: "api", at: new Date(now).toISOString() });
        learned = `the queue limit of ${m} is ${stated.toLocaleString("en-US")} enqueued tokens (the API says so)` + (this.fromFlag !== null && stated < this.fromFlag ? `, below --queue-limit ${this.fromFlag.toLocaleString("en-US")}: using it` : "");
      }
    } else if (prior?.source !== "api" && this.fromFlag === null) {
      const bound = before + tokens - 1;
      if (!prior || bound < prior.tokens) {
        remember({ tokens: bound, source: "refusal", at: new Date(now).toISOString() });
        learned = `the queue limit of ${m} is below ${(bound + 1).toLocaleString("en-US")} tokens (what was queued when it refused)`;
      }
    }
    return { explained: tokens > this.room(m), learned };
  }
  /** A refused part waits: until one of our batches of the model ends, or, with none live, for a backoff that
   *  doubles with each refusal in a row (from the longest poll interval, up to 30 minutes). */
  hold(m, now) {
    const q = this.model(m);
    q.blocked = true;
    if (q.live.size === 0) {
      q.until = now + Math.min(MAX_BACKOFF_MS, Math.max(1e3, this.ctx.poll.max) * 2 ** q.backoffs);
      q.backoffs++;
    }
  }
  release(m) {
    this.model(m).blocked = false;
  }
  /** The queue accepted a batch with `total` tokens of ours in it: the limit is at least that (an upper bound below
   *  it was a busy moment, not the limit), held parts may try again, and the backoff starts over. */
  accepted(m, total) {
    const q = this.model(m);
    q.blocked = false;
    q.backoffs = 0;
    const learned = this.ctx.state.queue_limits?.[m];
    if (learned?.source === "refusal" && total > learned.tokens) {
      const { [m]: _, ...rest } = this.ctx.state.queue_limits;
      this.ctx.state.queue_limits = rest;
    }
  }
  /** Whether a part refused for no reason of its own size may be halved: only when both halves stay sensible. */
  mayHalve(m, lines, tokens) {
    const l = this.limit(m);
    const floorTokens = l ? l.tokens * MIN_SPLIT_SHARE : 0;
    return lines / 2 >= MIN_SPLIT_LINES && tokens / 2 >= floorTokens;
  }
  // --- creations -------------------------------------------------------------------------------------------------
  recent(now) {
    const list = (this.ctx.state.creations ?? []).filter((t) => t > now - HOUR_MS);
    this.ctx.state.creations = list;
    return list;
  }
  /** Null when a batch may be created now; else why not and when it may (null: not in this run). */
  creationHold(now) {
    if (this.ctx.created >= this.ctx.maxBatches) return { reason: "max_batches", at: null };
    const recent = this.recent(now);
    if (recent.length >= HOURLY_CREATIONS) return { reason: "hourly", at: Math.min(...recent) + HOUR_MS };
    return null;
  }
  created(now) {
    this.ctx.created++;
    this.ctx.state.creations = [...this.recent(now), now];
  }
};

// src/run/errors.ts
var MaxCostError = class extends Error {
  worstCaseUsd;
  maxCostUsd;
  /** `subject`: what the worst case is of, when not one file's plan (several files run in one step). */
  constructor(mode, worstCaseUsd, maxCostUsd, subject = `the ${mode} plan`) {
    const [worst, max] = formatUsdApart(worstCaseUsd, maxCostUsd);
    super(
      `the worst case of ${subject} is ${worst}, ${formatUsd(worstCaseUsd - maxCostUsd)} above --max-cost ${max}; nothing was sent (set max_tokens on the requests to lower the worst case, or raise --max-cost)`
    );
    this.name = "MaxCostError";
    this.worstCaseUsd = worstCaseUsd;
    this.maxCostUsd = maxCostUsd;
  }
};
var RunStateError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RunStateError";
  }
};

// src/run/batch/batchRound.ts
import { join as join3 } from "node:path";
var TERMINAL = /* @__PURE__ */ new Set(["completed", "failed", "expired", "cancelled"]);
var ACCEPTED = /* @__PURE__ */ new Set(["in_progress", "finalizing", "completed"]);
var MAX_POLL_FAILURES = 10;
function unknownBatchError(ctx, batchId) {
  return new RunStateError(
    `batch ${batchId}, recorded in ${join3(ctx.outDir, "state.json")}, is not known to the API: the key is likely of another project or organization than the one that created it, or the server lost it (a restarted emulator or proxy). Check OPENAI_API_KEY and OPENAI_BASE_URL; or run again with --fresh to start over \u2014 the answers already in ${ctx.outDir} are kept and not sent again.`
  );
}
function isTokenLimit(b) {
  return b.status === "failed" && (b.errors?.data ?? []).some((e) => e.code === "token_limit_exceeded");
}
function tokenLimitMessage(b) {
  return (b.errors?.data ?? []).find((e) => e.code === "token_limit_exceeded")?.message ?? null;
}
function syncTokensOf(ctx, lines) {
  let t = 0;
  for (const l of lines) {
    const it = ctx.items.get(l);
    t += it.input_tokens + it.max_output_tokens;
  }
  return t;
}
function planLines(ctx, lines) {
  return lines.map((l) => {
    const it = ctx.items.get(l);
    return { line: l, url: it.url, model: it.model, bytes: it.bytes, tokens: it.input_tokens };
  });
}
async function piecesOf(ctx, wp, ps) {
  const lines = planLines(ctx, wp.part.lines);
  const plan = ps.split_pieces !== void 0 ? splitEvenly(lines, ps.split_pieces) : planBatches(lines, { ...ctx.limits, maxLines: Math.ceil(wp.part.lines.length / 2) });
  return writeParts(ctx.inputPath, join3(ctx.outDir, "parts"), plan.map((_, i) => `${wp.key}.${i}`), plan);
}
async function cut(ctx, wp, ps, pieces) {
  ps.split = true;
  ps.split_pieces = Math.max(2, Math.min(pieces, wp.part.lines.length));
  ps.batch_id = null;
  ps.status = null;
  ctx.save();
  return piecesOf(ctx, wp, ps);
}
var fmt = (n) => n.toLocaleString("en-US");
function byPlanOrder(a, b) {
  const nums = (k) => k.replace(/^r\d+-p/, "").split(".").map(Number);
  const x = nums(a.key);
  const y = nums(b.key);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
async function runRound(ctx, round, written, book) {
  const waiting = [];
  const live = /* @__PURE__ */ new Map();
  const settled = [];
  const of = written.length;
  const indexOf = new Map(written.map((w, i) => [w.key, i]));
  const tokens = /* @__PURE__ */ new Map();
  const tokensOf = (wp) => {
    let t = tokens.get(wp.key);
    if (t === void 0) tokens.set(wp.key, t = partTokens(ctx, wp.part.lines));
    return t;
  };
  const ended = { completed: 0, failed: 0, other: 0 };
  const count2 = (wp, b) => {
    const c = Math.min(wp.part.lines.length, b?.request_counts?.completed ?? 0);
    const f = Math.min(wp.part.lines.length - c, b?.request_counts?.failed ?? (b ? 0 : wp.part.lines.length));
    ended.completed += c;
    ended.failed += f;
    ended.other += wp.part.lines.length - c - f;
  };
  const aloneRefusals = /* @__PURE__ */ new Map();
  let interval = ctx.poll.min;
  let netFired = false;
  let pace = null;
  let lastLine = "";
  let pollFailures = 0;
  let noMore = null;
  let hourlyUntil = 0;
  const reported = /* @__PURE__ */ new Set();
  const announce = (id) => {
    if (reported.has(id)) return;
    reported.add(id);
    ctx.onBatchesSubmitted?.(ctx.state.parts.flatMap((p) => p.batch_id ? [p.batch_id] : []));
  };
  const goLive = (wp, ps) => {
    const before = book.queued(wp.part.model);
    live.set(wp.key, { wp, ps, batch: null, before, accepted: false });
    book.enter(wp.part.model, wp.key, tokensOf(wp));
    announce(ps.batch_id);
  };
  const place = async (wp) => {
    const ps = partState(ctx, round, wp);
    if (ps.split) {
      for (const piece of await piecesOf(ctx, wp, ps)) await place(piece);
    } else if (ps.done) settled.push(wp);
    else if (ps.batch_id) goLive(wp, ps);
    else waiting.push(wp);
  };
  for (const wp of written) await place(wp);
  const metadataOf = (wp) => {
    const top = wp.key.split(".")[0];
    const index = indexOf.get(top) ?? 0;
    const md = partMetadata(ctx, wp, index, of, round);
    if (wp.key !== top) md.batchwise_part = `${index + 1}/${of} piece ${wp.key.slice(top.length + 1)}`;
    return md;
  };
  while (waiting.length > 0 || live.size > 0) {
    ctx.signal?.throwIfAborted();
    const now = Date.now();
    const untilPassed = ctx.until !== null && now >= ctx.until;
    if (!noMore && !netFired && waiting.length > 0 && !ctx.decision.safety_net && now >= ctx.deadline) {
      noMore = { reason: "deadline", message: `the latency budget ran out with ${waiting.reduce((n, w) => n + w.part.lines.length, 0)} requests not sent yet` };
      ctx.log(`${noMore.message}; running batches are waited for, the rest is for the next run`);
    }
    const maySend = !netFired && !noMore && (!untilPassed || live.size === 0);
    for (let i = 0; i < waiting.length && maySend; ) {
      const wp = waiting[i];
      const model = wp.part.model;
      const ps = partState(ctx, round, wp);
      const room = book.room(model);
      const t = tokensOf(wp);
      const limit = book.limit(model);
      if (room !== null && t > room && wp.part.lines.length > 1 && (limit.exact || book.mayHalve(model, wp.part.lines.length, t))) {
        const pieces = await cut(ctx, wp, ps, limit.exact ? piecesToFit(planLines(ctx, wp.part.lines), room) : 2);
        ctx.log(`part ${metadataOf(wp).batchwise_part}: ${fmt(t)} tokens, more than the queue of ${model} holds (${fmt(room)}); sent as ${pieces.length} parts of about ${fmt(Math.ceil(t / pieces.length))} tokens`);
        waiting.splice(i, 1, ...pieces);
        continue;
      }
      if (book.holdReason(model, t, Date.now()) !== null) {
        i++;
        continue;
      }
      const hold = book.creationHold(Date.now());
      if (hold?.reason === "max_batches") {
        noMore = { reason: "max_batches", message: `--max-batches ${ctx.maxBatches} reached: this run creates no more batches` };
        ctx.log(`${noMore.message}; running batches are waited for, the rest is for the next run`);
        break;
      }
      if (Date.now() < hourlyUntil) break;
      if (hold?.reason === "hourly") {
        if (hourlyUntil !== hold.at) ctx.log(`2,000 batches were created in the last hour (the API's limit): the next one waits until ${new Date(hold.at).toISOString()}`);
        hourlyUntil = hold.at;
        break;
      }
      waiting.splice(i, 1);
      let how;
      try {
        how = await submitPart(ctx, wp, ps, metadataOf(wp));
      } catch (err) {
        if (!(err instanceof OpenAI.RateLimitError)) throw err;
        hourlyUntil = Date.now() + retryAfterMs(err);
        ctx.log(`creating a batch was refused (${err.message}); trying again at ${new Date(hourlyUntil).toISOString()}`);
        waiting.splice(i, 0, wp);
        break;
      }
      if (how === "created") {
        book.created(Date.now());
        ctx.save();
      }
      goLive(wp, ps);
      interval = ctx.poll.min;
    }
    for (const [key, l] of live) {
      let b;
      try {
        b = await ctx.provider.retrieveBatch(l.ps.batch_id, ctx.signal);
        pollFailures = 0;
      } catch (err) {
        if (err instanceof OpenAI.NotFoundError) throw unknownBatchError(ctx, l.ps.batch_id);
        if (!isTransient(err) || ++pollFailures > MAX_POLL_FAILURES) throw err;
        ctx.log(`polling ${l.ps.batch_id} failed (${err.message}); trying again at the next poll`);
        continue;
      }
      l.batch = b;
      const model = l.wp.part.model;
      if (!l.ps.times || l.ps.status !== b.status || l.ps.output_file_id !== (b.output_file_id ?? null) || l.ps.error_file_id !== (b.error_file_id ?? null)) {
        l.ps.status = b.status;
        l.ps.times = batchTimes(b);
        l.ps.output_file_id = b.output_file_id ?? null;
        l.ps.error_file_id = b.error_file_id ?? null;
        ctx.save();
      }
      if (!l.accepted && ACCEPTED.has(b.status)) {
        l.accepted = true;
        book.accepted(model, l.before + tokensOf(l.wp));
      }
      if (!TERMINAL.has(b.status)) continue;
      live.delete(key);
      if (isTokenLimit(b) && !netFired) {
        book.leave(model, key, false);
        await refused(l, b);
        continue;
      }
      book.leave(model, key, true);
      await settlePart(ctx, l.wp.part.lines, l.ps, b);
      settled.push(l.wp);
      count2(l.wp, b);
    }
    waiting.sort(byPlanOrder);
    let total = ended.completed + ended.failed + ended.other;
    let completed = ended.completed;
    let failed = ended.failed;
    let unfinishedLines = 0;
    let unfinishedTokens = 0;
    for (const { wp, batch } of live.values()) {
      const n = wp.part.lines.length;
      const rc = batch?.request_counts;
      const t = rc && rc.total > 0 ? rc.total : n;
      total += t;
      completed += rc?.completed ?? 0;
      failed += rc?.failed ?? 0;
      const left = Math.max(0, t - (rc?.completed ?? 0) - (rc?.failed ?? 0));
      unfinishedLines += left;
      unfinishedTokens += n > 0 ? syncTokensOf(ctx, wp.part.lines) * left / n : 0;
    }
    for (const wp of waiting) {
      total += wp.part.lines.length;
      unfinishedLines += wp.part.lines.length;
      unfinishedTokens += syncTokensOf(ctx, wp.part.lines);
    }
    if (live.size > 0) {
      const now2 = Date.now();
      const done = completed + failed;
      if (!pace && done > 0) pace = { t: now2, done };
      const rate = pace && done > pace.done ? (done - pace.done) / (now2 - pace.t) : 0;
      const eta = rate > 0 ? (total - done) / rate : null;
      ctx.onProgress?.({ total, completed, failed, eta_ms: eta });
      const line = `batches: ${completed}/${total} done, ${failed} failed, ${live.size} running${waiting.length ? `, ${waiting.length} waiting for room in the queue` : ""}${eta !== null ? `, ETA ${formatDuration(eta)}` : ""}`;
      if (line !== lastLine) ctx.log(line);
      lastLine = line;
    }
    if (ctx.decision.safety_net && !netFired && unfinishedLines > 0) {
      const need = syncNeedMs(ctx, unfinishedLines, unfinishedTokens) + 2 * ctx.poll.max + cancelGraceMs(ctx.budgetMs);
      if (Date.now() + need >= ctx.deadline) {
        netFired = true;
        ctx.state.net_fired = true;
        for (const l of live.values()) if (l.batch?.status !== "cancelling") l.ps.cancelled_by = "safety_net";
        ctx.save();
        ctx.log(
          `safety net: ${unfinishedLines} requests unfinished and ${formatDuration(Math.max(0, ctx.deadline - Date.now()))} left, about what ${ctx.flexAvailable ? "flex" : "sync"} needs for them; cancelling the batches, keeping what finished`
        );
        waiting.length = 0;
        for (const l of live.values()) if (l.ps.cancelled_by === "safety_net") await cancelQuietly(ctx, l.ps.batch_id);
        interval = ctx.poll.min;
      }
    }
    if (waiting.length === 0 && live.size === 0) break;
    if (ctx.until !== null && Date.now() >= ctx.until) {
      const message = `--until reached: ${live.size} batch${live.size === 1 ? "" : "es"} still running, ${waiting.length} part${waiting.length === 1 ? "" : "s"} not sent yet`;
      return { settled, netFired, stopped: { reason: "until", message } };
    }
    if (live.size === 0 && noMore) return { settled, netFired, stopped: noMore };
    let wake = Date.now() + interval;
    if (live.size === 0) {
      const times = [hourlyUntil, ...waiting.map((w) => book.wakeAt(w.part.model) ?? 0)].filter((x) => x > Date.now());
      wake = times.length > 0 ? Math.min(...times) : Date.now();
    }
    if (ctx.until !== null) wake = Math.min(wake, ctx.until);
    await sleep(Math.max(0, wake - Date.now()), ctx.signal);
    if (live.size > 0) interval = Math.min(ctx.poll.max, interval * 1.5);
  }
  return { settled, netFired, stopped: null };
  async function refused(l, b) {
    const { wp, ps } = l;
    const model = wp.part.model;
    const t = tokensOf(wp);
    const n = wp.part.lines.length;
    ps.refused_batch_ids = [...ps.refused_batch_ids ?? [], b.id];
    const r = book.refused(model, t, l.before, tokenLimitMessage(b), Date.now());
    if (r.learned) ctx.log(`batch ${b.id}: ${r.learned}`);
    const limit = book.limit(model);
    const room = book.room(model);
    const label = metadataOf(wp).batchwise_part;
    if (r.explained) {
      if (n > 1 && (limit.exact || book.mayHalve(model, n, t))) {
        const pieces = await cut(ctx, wp, ps, limit.exact ? piecesToFit(planLines(ctx, wp.part.lines), room) : 2);
        ctx.log(`batch ${b.id}: the queue of ${model} cannot hold part ${label} (${fmt(t)} tokens; token_limit_exceeded); sent as ${pieces.length} parts of about ${fmt(Math.ceil(t / pieces.length))} tokens`);
        waiting.unshift(...pieces);
        return;
      }
      if (limit.exact && t > limit.tokens) {
        ctx.log(`batch ${b.id}: part ${label} (${fmt(t)} tokens) is larger than the whole queue of ${model} (${fmt(limit.tokens)} tokens); it is reported as failed`);
        await settlePart(ctx, wp.part.lines, ps, b, { final: true });
        settled.push(wp);
        return;
      }
    } else if (l.before === 0) {
      const k = (aloneRefusals.get(wp.key) ?? 0) + 1;
      aloneRefusals.set(wp.key, k);
      if (k >= 2 && book.mayHalve(model, n, t)) {
        book.release(model);
        const pieces = await cut(ctx, wp, ps, 2);
        ctx.log(`batch ${b.id}: refused again with nothing else of ours queued; part ${label} is sent as ${pieces.length} halves`);
        waiting.unshift(...pieces);
        return;
      }
    }
    book.hold(model, Date.now());
    ps.batch_id = null;
    ps.status = null;
    ctx.save();
    const wake = book.wakeAt(model);
    const why = r.explained ? `cannot hold part ${label} (${fmt(t)} tokens; token_limit_exceeded), which is not cut below ${fmt(MIN_SPLIT_LINES)} requests or 1/8 of the limit; it` : `is full (token_limit_exceeded); part ${label}`;
    ctx.log(
      `batch ${b.id}: the queue of ${model} ${why} waits ` + (wake === null ? "for one of our running batches to end" : `${formatDuration(Math.max(0, wake - Date.now()))}, none of ours is running`)
    );
    waiting.unshift(wp);
  }
}
function retryAfterMs(err) {
  const header = Number(err.headers?.get?.("retry-after"));
  if (header > 0) return header * 1e3;
  const m = /try again in ((?:\d+h)?(?:\d+m)?(?:[\d.]+s)?)/.exec(err.message);
  if (m && m[1]) {
    const [, h, min, sec] = /^(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?$/.exec(m[1]) ?? [];
    const ms = ((Number(h ?? 0) * 60 + Number(min ?? 0)) * 60 + Number(sec ?? 0)) * 1e3;
    if (ms > 0) return ms;
  }
  return 6e4;
}
function isTransient(err) {
  if (err instanceof OpenAI.APIConnectionError) return true;
  return err instanceof OpenAI.APIError && typeof err.status === "number" && (err.status === 429 || err.status >= 500);
}
function batchTimes(b) {
  const out = {};
  for (const k of ["created_at", "in_progress_at", "finalizing_at", "completed_at", "failed_at", "expired_at", "cancelling_at", "cancelled_at"]) {
    const v = b[k];
    if (typeof v === "number") out[k] = new Date(v * 1e3).toISOString();
  }
  return out;
}
async function cancelQuietly(ctx, batchId) {
  try {
    await ctx.provider.cancelBatch(batchId, ctx.signal);
  } catch (err) {
    if (err instanceof OpenAI.ConflictError) return;
    throw err;
  }
}

// src/run/batch/batchRounds.ts
async function settledIds(ctx, parts) {
  const ids = /* @__PURE__ */ new Set();
  for (const wp of parts) {
    const ps = ctx.state.parts.find((p) => p.key === wp.key);
    const cancelledIsSettled = ps?.cancelled_by !== "safety_net";
    for (const path of [ps?.output_path, ps?.error_path, ps?.unfinished_path]) {
      if (!path) continue;
      for await (const line of scanLines(path)) {
        const o = classifyBatchLine(line.text);
        const settled = o.status === "succeeded" || !o.retryable && (cancelledIsSettled || o.status !== "cancelled");
        if (settled) ids.add(o.custom_id);
        else ids.delete(o.custom_id);
      }
    }
  }
  return ids;
}
async function runBatchRounds(ctx, allLines) {
  const book = new QueueBook(ctx);
  let pending = allLines;
  for (let round = 0; ; round++) {
    if (pending.length === 0) return { leftover: [], reason: null, stopped: null };
    if (round > ctx.retries) {
      ctx.log(`${pending.length} requests still failed after ${ctx.retries} retries; they are reported as failed`);
      return { leftover: [], reason: null, stopped: null };
    }
    if (round > 0) {
      const tokens = pending.reduce((t, l) => t + ctx.items.get(l).input_tokens + ctx.items.get(l).max_output_tokens, 0);
      if (pending.length <= ctx.syncRetryThreshold) {
        return { leftover: pending, reason: `${pending.length} requests to retry: quicker synchronously than in a new batch`, stopped: null };
      }
      if (ctx.decision.safety_net && Date.now() + syncNeedMs(ctx, pending.length, tokens) * 2 >= ctx.deadline) {
        return { leftover: pending, reason: `${pending.length} requests to retry and the deadline is too near for another batch`, stopped: null };
      }
      ctx.log(`round ${round}: sending ${pending.length} requests again in a new batch`);
    }
    const lines = pending.map((l) => {
      const it = ctx.items.get(l);
      return { line: l, url: it.url, model: it.model, bytes: it.bytes, tokens: it.input_tokens };
    });
    const plans = ctx.state.round_plans ??= {};
    if (!plans[round]) {
      plans[round] = { max_tokens: book.planTokens(new Set(lines.map((l) => l.model))) };
      ctx.save();
    }
    const plan = planBatches(lines, { ...ctx.limits, maxTokens: plans[round].max_tokens });
    const written = await writeParts(ctx.inputPath, join4(ctx.outDir, "parts"), plan.map((_, i) => `r${round}-p${i}`), plan);
    const outcome = await runRound(ctx, round, written, book);
    const settled = await settledIds(ctx, outcome.settled);
    pending = pending.filter((l) => !settled.has(ctx.items.get(l).custom_id));
    if (outcome.netFired || ctx.state.net_fired === true) {
      return { leftover: pending, reason: "the safety net cancelled the batches before the deadline", stopped: null };
    }
    if (outcome.stopped) return { leftover: [], reason: null, stopped: outcome.stopped };
  }
}

// src/run/plan/pilot.ts
import { createHash as createHash2 } from "node:crypto";
function choosePilotLines(lines, n, seed) {
  const pool = [...lines];
  const count2 = Math.min(n, pool.length);
  let state = Number.parseInt(createHash2("sha256").update(seed).digest("hex").slice(0, 8), 16) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let i = 0; i < count2; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count2).sort((a, b) => a - b);
}
function pilotObservations(lines, items, index, file, at) {
  const observed = [];
  for (const line of lines) {
    const item = items.get(line);
    const found = item ? index.read(item.custom_id) : null;
    if (!item || !found || found.kind !== "journal") continue;
    observed.push({
      shape: item.shape,
      usage: found.record.usage,
      mode: "sync",
      status: found.record.status,
      ...approxOf(item)
    });
  }
  return observeResults(observed, { run_at: at, file, run_id: "pilot" });
}
function approxOf(it) {
  return it.approximate_input_tokens !== void 0 ? { approx_input: it.approximate_input_tokens } : {};
}

// src/run/state/fileSha256.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream } from "node:fs";
async function fileSha256(path) {
  const hash = createHash3("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk);
  return hash.digest("hex");
}

// src/run/providers/checkLines.ts
var SHOWN = 50;
async function providerProblems(provider, path) {
  const problems = [];
  if (provider.name === "openai") return problems;
  for await (const raw of readJsonlLines(path)) {
    if (raw.invalidUtf8) continue;
    let line;
    try {
      line = JSON.parse(raw.text);
    } catch {
      continue;
    }
    if (!line || typeof line !== "object" || !line.body || typeof line.body !== "object") continue;
    for (const p of provider.check(line)) problems.push({ line: raw.line, reason: p.message });
  }
  return problems;
}
function providerProblemsError(provider, displayName, found, validator) {
  if (validator) {
    const merged = [...validator.problems, ...found.map((p) => ({ line: p.line, reason: `${provider.name}: ${p.reason}` }))].sort((a, b) => a.line - b.line);
    return new RequestFileError(validator.file, merged);
  }
  return new UsageError(
    `${found.length} request${found.length === 1 ? "" : "s"} cannot be sent to ${provider.name} as written; nothing was sent:
${formatLineProblems(displayName, found, SHOWN)}`
  );
}

// src/run/plan/policy.ts
function syncWorkOf(estimate) {
  return { requests: estimate.requests, tokens: estimate.input_tokens + estimate.output_tokens.max };
}
function decide(estimate, p) {
  const budget = p.latencyBudgetMs;
  const needsNet = budget < BATCH_WINDOW_MS;
  if (p.mode === "batch") {
    return { mode: "batch", reason: needsNet ? `--mode batch, with a sync safety net for the ${formatDuration(budget)} budget` : "--mode batch", safety_net: needsNet };
  }
  if (p.mode === "flex") {
    if (!estimate.cost.flex) throw new UsageError(`--mode flex: no flex processing for ${modelsWithoutFlex(estimate)}; use --mode sync or batch`);
    return { mode: "flex", reason: "--mode flex", safety_net: false };
  }
  if (p.mode === "sync") return { mode: "sync", reason: "--mode sync", safety_net: false };
  if (p.mode === "priority") {
    if (!estimate.cost.priority) throw new UsageError(`--mode priority: no priority processing (Fast mode) for ${modelsWithout(estimate, "priority")}; use --mode sync`);
    const extra = estimate.cost.priority.expected - estimate.cost.sync.expected;
    return { mode: "priority", reason: `--mode priority: answers faster for about ${formatUsd(extra)} more than sync (expected)`, safety_net: false };
  }
  const { cost } = estimate;
  const saving = cost.sync.expected - cost.batch.expected;
  if (saving <= p.minSavingsUsd) {
    return {
      mode: "sync",
      reason: `batch would save only ${formatUsd(Math.max(0, saving))} (--min-savings ${formatUsd(p.minSavingsUsd)}), not worth waiting for; sync answers now`,
      safety_net: false
    };
  }
  const savingText = `${formatUsd(saving)} (${formatPercent(saving, cost.sync.expected)})`;
  if (!needsNet) return { mode: "batch", reason: `batch saves ${savingText} and the 24h window fits the budget`, safety_net: false };
  const limits = planningLimits(p.rpm, p.tpm);
  const syncMs = estimateSyncDurationMs(syncWorkOf(estimate), { rpm: limits.rpm, tpm: limits.tpm, concurrency: p.concurrency });
  const assumed = limits.assumed ? ` (assuming ${ASSUMED_LIMITS.rpm} requests and ${ASSUMED_LIMITS.tpm.toLocaleString("en-US")} tokens a minute; give your limits with --rpm/--tpm)` : "";
  const netMs = syncMs * (cost.flex ? FLEX_SLOWDOWN : 1) * SAFETY_MARGIN + cancelGraceMs(budget);
  if (netMs < budget) {
    return {
      mode: "batch",
      reason: `batch saves ${savingText}; if it is not done ${formatDuration(netMs)} before the ${formatDuration(budget)} budget ends, what is unfinished is cancelled and run with ${cost.flex ? "flex" : "sync"}${assumed}`,
      safety_net: true
    };
  }
  if (cost.flex && syncMs * FLEX_SLOWDOWN < budget) {
    const flexSaving = cost.sync.expected - cost.flex.expected;
    return {
      mode: "flex",
      reason: `flex saves ${formatUsd(flexSaving)} (${formatPercent(flexSaving, cost.sync.expected)}) and fits the ${formatDuration(budget)} budget; a batch could not be rescued in time${assumed}`,
      safety_net: false
    };
  }
  return {
    mode: "sync",
    reason: `a ${formatDuration(budget)} budget leaves no room for a batch (sync alone needs about ${formatDuration(syncMs)})${cost.flex ? " nor for flex" : ""}${assumed}`,
    safety_net: false
  };
}
function modelsWithoutFlex(e) {
  return modelsWithout(e, "flex");
}
function modelsWithout(e, mode) {
  return e.models.filter((m) => !m.cost[mode]).map((m) => m.model).join(", ");
}
var ALL_PATHS = { syncRetries: true, flexFallback: true };
var NO_DEARER_PATHS = { syncRetries: false, flexFallback: false };
function worstCase(estimate, d, paths = ALL_PATHS) {
  const c = estimate.cost;
  const syncPhase = c.flex && !paths.flexFallback ? c.flex : c.sync;
  if (d.mode === "sync") return c.sync;
  if (d.mode === "priority") return c.priority ?? c.sync;
  if (d.mode === "flex") return syncPhase;
  return d.safety_net || paths.syncRetries ? syncPhase : c.batch;
}
function plannedCost(estimate, mode) {
  return estimate.cost[mode] ?? estimate.cost.sync;
}
function fitMaxCost(estimate, d, maxCostUsd, paths = ALL_PATHS) {
  if (maxCostUsd === void 0 || worstCase(estimate, d, paths).max <= maxCostUsd) return paths;
  if (worstCase(estimate, d, NO_DEARER_PATHS).max <= maxCostUsd) return NO_DEARER_PATHS;
  const worst = worstCase(estimate, d, NO_DEARER_PATHS).max;
  throw new MaxCostError(d.safety_net ? `${d.mode} (with its sync safety net)` : d.mode, worst, maxCostUsd);
}
function decideWithin(estimate, p, maxCostUsd) {
  const first = decide(estimate, p);
  if (p.mode !== "auto" || maxCostUsd === void 0) return first;
  const fits = (d) => worstCase(estimate, d, NO_DEARER_PATHS).max <= maxCostUsd;
  if (fits(first)) return first;
  const candidates = [];
  for (const mode of ["batch", "flex"]) {
    if (mode === "flex" && !estimate.cost.flex) continue;
    candidates.push(decide(estimate, { ...p, mode }));
  }
  const ok = candidates.filter(fits).sort((a, b) => plannedCost(estimate, a.mode).expected - plannedCost(estimate, b.mode).expected);
  if (ok.length === 0) return first;
  const pick = ok[0];
  const worst = worstCase(estimate, first, NO_DEARER_PATHS).max;
  return {
    ...pick,
    reason: `${pick.mode}${pick.safety_net ? " with a sync safety net" : ""}, the cheapest plan within the cost ceiling of ${formatUsd(maxCostUsd)}: auto would have picked ${first.mode} (${first.reason}), whose worst case is ${formatUsd(worst)}`
  };
}

// src/run/sync/pacer.ts
var PACE_WINDOW_MS = 1020;
var MAX_MULTIPLIER = 60;
var GROWTH_EVERY_MS = 1e3;
var Pacer = class {
  multiplier = 1;
  frozen = false;
  at = [];
  cost = [];
  head = 0;
  tokensInWindow = 0;
  lastGrowth = null;
  held = false;
  /** A request went out now (recorded whatever the limits: a limit learned later still sees it). */
  record(now, tokens) {
    this.lastGrowth ??= now;
    this.at.push(now);
    this.cost.push(tokens);
    this.tokensInWindow += tokens;
  }
  /** Milliseconds until a request of `tokens` keeps within this second's share of `rpm` and `tpm` (0: now). */
  waitMs(tokens, now, rpm, tpm) {
    this.expire(now);
    this.grow(now);
    const count2 = this.at.length - this.head;
    if (count2 === 0) return 0;
    let wait = 0;
    if (rpm !== null) {
      const allowed = Math.ceil(this.multiplier * rpm / 60);
      if (count2 + 1 > allowed) wait = Math.max(wait, this.leaves(Math.min(count2, count2 + 1 - allowed)) - now);
    }
    if (tpm !== null) {
      const allowed = Math.ceil(this.multiplier * tpm / 60);
      if (this.tokensInWindow + tokens > allowed) {
        let left = this.tokensInWindow;
        let k = 0;
        while (k < count2 && left + tokens > allowed) left -= this.cost[this.head + k++];
        wait = Math.max(wait, this.leaves(k) - now);
      }
    }
    return Math.max(0, wait);
  }
  /** The pace (not the bucket) was what held a request back: the next second may carry more. */
  heldBack() {
    this.held = true;
  }
  /** A 429: this server enforces more finely than the minute. Back to one second's share, for good. */
  freeze() {
    this.frozen = true;
    this.multiplier = 1;
  }
  /** When the k-th oldest request in the window leaves it. */
  leaves(k) {
    return this.at[this.head + k - 1] + PACE_WINDOW_MS;
  }
  grow(now) {
    if (this.frozen || !this.held || this.lastGrowth === null || now - this.lastGrowth < GROWTH_EVERY_MS) return;
    this.multiplier = Math.min(MAX_MULTIPLIER, this.multiplier * 2);
    this.lastGrowth = now;
    this.held = false;
  }
  expire(now) {
    while (this.head < this.at.length && this.at[this.head] + PACE_WINDOW_MS <= now) {
      this.tokensInWindow -= this.cost[this.head];
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.at.length) {
      this.at = this.at.slice(this.head);
      this.cost = this.cost.slice(this.head);
      this.head = 0;
    }
  }
};

// src/run/sync/rateLimitHeaders.ts
var GO_PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;
var GO_UNIT_MS = { h: 36e5, m: 6e4, s: 1e3, ms: 1, us: 1e-3, \u00B5s: 1e-3, ns: 1e-6 };
function parseResetDuration(text) {
  if (text == null) return null;
  const t = text.trim();
  if (t === "") return null;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t) * 1e3;
  let at = 0;
  let total = 0;
  while (at < t.length) {
    GO_PART.lastIndex = at;
    const m = GO_PART.exec(t);
    if (!m) return null;
    total += Number(m[1]) * GO_UNIT_MS[m[2]];
    at = GO_PART.lastIndex;
  }
  return total;
}
function count(text) {
  if (text == null || !/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return null;
  return Number(text);
}
function limitState(headers, kind) {
  return {
    limit: count(headers.get(`x-ratelimit-limit-${kind}`)),
    remaining: count(headers.get(`x-ratelimit-remaining-${kind}`)),
    resetMs: parseResetDuration(headers.get(`x-ratelimit-reset-${kind}`))
  };
}
function parseRateLimitHeaders(headers) {
  return { requests: limitState(headers, "requests"), tokens: limitState(headers, "tokens") };
}
function hasRateLimitHeaders(h) {
  return h.requests.limit !== null || h.tokens.limit !== null;
}
function retryAfterMs2(headers, now = Date.now()) {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\s*\d+(?:\.\d+)?\s*$/.test(ms)) return Number(ms);
  const after = headers.get("retry-after");
  if (after !== null) {
    if (/^\s*\d+(?:\.\d+)?\s*$/.test(after)) return Number(after) * 1e3;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const h = parseRateLimitHeaders(headers);
  const waits = [h.requests, h.tokens].filter((s) => s.remaining === 0 && s.resetMs !== null).map((s) => s.resetMs);
  if (waits.length > 0) return Math.max(...waits);
  return null;
}

// src/run/sync/minuteMeter.ts
var SLOTS = 60;
var MinuteMeter = class {
  second = new Float64Array(SLOTS).fill(-1);
  a = new Float64Array(SLOTS);
  b = new Float64Array(SLOTS);
  add(now, a, b = 0) {
    const s = Math.floor(now / 1e3);
    const i = s % SLOTS;
    if (this.second[i] !== s) {
      this.second[i] = s;
      this.a[i] = 0;
      this.b[i] = 0;
    }
    this.a[i] += a;
    this.b[i] += b;
  }
  /** Sums over the last `seconds` whole seconds and the current one (at most a minute). */
  sum(now, seconds = SLOTS - 1) {
    const s = Math.floor(now / 1e3);
    let a = 0;
    let b = 0;
    for (let i = 0; i < SLOTS; i++) {
      if (this.second[i] >= 0 && s - this.second[i] <= Math.min(seconds, SLOTS - 1)) {
        a += this.a[i];
        b += this.b[i];
      }
    }
    return { a, b };
  }
};

// src/run/sync/tokenBucket.ts
var TokenBucket = class {
  capacity;
  level;
  last;
  constructor(capacity, now, level = capacity) {
    if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError(`capacity must be a positive number, got ${capacity}`);
    this.capacity = capacity;
    this.level = Math.min(capacity, level);
    this.last = now;
  }
  /** Units per millisecond. */
  get rate() {
    return this.capacity / 6e4;
  }
  levelAt(now) {
    if (now > this.last) {
      this.level = Math.min(this.capacity, this.level + (now - this.last) * this.rate);
      this.last = now;
    }
    return this.level;
  }
  /** Milliseconds until `cost` fits (0: now). */
  waitMs(cost, now) {
    const missing = cost - this.levelAt(now);
    return missing <= 0 ? 0 : missing / this.rate;
  }
  take(cost, now) {
    this.levelAt(now);
    this.level -= cost;
  }
  /** The server's word: its level now, as worked out from an answer's headers. */
  set(level, now) {
    this.levelAt(now);
    this.level = Math.min(this.capacity, level);
  }
  /** A lower limit learned from the headers: the level never stays above the new capacity. */
  resize(capacity, now) {
    this.levelAt(now);
    this.capacity = capacity;
    this.level = Math.min(capacity, this.level);
  }
};

// src/run/sync/modelLimiter.ts
var COUNT_DELAY_MS = 25;
var LOG_MS = 12e4;
var LATENCY_WEIGHT = 0.2;
var ModelLimiter = class {
  rpm;
  tpm;
  /** False until a limit is known: given, read from an answer's headers, or seen to be absent. */
  known;
  rule;
  requests = null;
  tokens = null;
  pacer = new Pacer();
  /** Observed time from sending to the answer (moving average); null until an answer came back. */
  latencyMs = null;
  givenRpm;
  givenTpm;
  probing = false;
  pausedUntil = 0;
  sent = { requests: 0, tokens: 0, extra: 0 };
  largest = 0;
  /** Σ (our level − the server's) over the corrections: what the server counted beyond our reservations. */
  drift = 0;
  extraSeen = 0;
  minute = new MinuteMeter();
  /** Recent sends (time, tokens), oldest first; logBase is the number of sends before logAt[0]. */
  logAt = [];
  logTokens = [];
  logBase = 0;
  constructor(limits, now, rule = "max") {
    for (const [name, v] of [["rpm", limits.rpm], ["tpm", limits.tpm]]) {
      if (v !== null && !(Number.isFinite(v) && v > 0)) throw new RangeError(`${name} must be a positive number or null, got ${v}`);
    }
    this.rpm = this.givenRpm = limits.rpm;
    this.tpm = this.givenTpm = limits.tpm;
    this.known = limits.rpm !== null || limits.tpm !== null;
    this.rule = rule;
    if (limits.rpm !== null) this.requests = new TokenBucket(limits.rpm, now);
    if (limits.tpm !== null) this.tokens = new TokenBucket(limits.tpm, now);
  }
  cost(c) {
    return c[this.rule];
  }
  /** Larger than the whole tokens-per-minute limit: it can never be sent. */
  tooLarge(tokens) {
    return this.tpm !== null && tokens > this.tpm;
  }
  /**
   * Milliseconds before a request of `tokens` may go (`ms`: 0 now; Infinity not until something changes — a probe is
   * out, or it is tooLarge), and the part of it nothing can shorten but an answer's headers (`atLeastMs`: the pause
   * and the buckets; the pace may widen meanwhile).
   */
  waitMs(tokens, now) {
    if (this.tooLarge(tokens)) return { ms: Infinity, atLeastMs: Infinity };
    const paused = Math.max(0, this.pausedUntil - now);
    if (!this.known) return this.probing ? { ms: Infinity, atLeastMs: paused } : { ms: paused, atLeastMs: paused };
    const bucket = Math.max(paused, this.requests?.waitMs(1, now) ?? 0, this.tokens?.waitMs(tokens, now) ?? 0);
    const pace = this.pacer.waitMs(tokens, now, this.rpm, this.tpm);
    if (pace > bucket) this.pacer.heldBack();
    return { ms: Math.max(bucket, pace), atLeastMs: bucket };
  }
  /** Counts a request as sent now. Call only when waitMs is 0. */
  reserve(cost, now) {
    const tokens = this.cost(cost);
    this.requests?.take(1, now);
    this.tokens?.take(tokens, now);
    this.pacer.record(now, tokens);
    this.minute.add(now, 1, tokens);
    this.sent.requests += 1;
    this.sent.tokens += tokens;
    this.sent.extra += Math.max(0, cost.sum - tokens);
    this.largest = Math.max(this.largest, tokens);
    this.logAt.push(now);
    this.logTokens.push(tokens);
    this.prune(now);
    const probe = !this.known;
    if (probe) this.probing = true;
    return { tokens, sentAt: now, requestsSoFar: this.sent.requests, tokensSoFar: this.sent.tokens, extraSoFar: this.sent.extra, probe };
  }
  /**
   * An answer (or a failure) came back. Only a successful answer without any limit header says the model is
   * unlimited: error answers (a 500, a dropped connection) carry none whatever the limits are. Returns true when the
   * answer moved the model to the `sum` rule.
   */
  settle(r, headers, succeeded, now) {
    if (succeeded) {
      const took = now - r.sentAt;
      this.latencyMs = this.latencyMs === null ? took : this.latencyMs + LATENCY_WEIGHT * (took - this.latencyMs);
    }
    if (r.probe) this.probing = false;
    if (headers !== null && hasRateLimitHeaders(headers)) return this.learn(headers, r, now);
    if (!this.known && succeeded) this.known = true;
    return false;
  }
  /** A 429: nothing goes before `until`, and from now on the pace is one second's share (pacer.ts). */
  rateLimited(until) {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.pacer.freeze();
  }
  /** Reserved within the last minute (what the progress line shows against the limits). */
  usedLastMinute(now) {
    const { a, b } = this.minute.sum(now);
    return { requests: a, tokens: b };
  }
  /** Requests and tokens reserved since the run began. */
  usedTotal() {
    return { requests: this.sent.requests, tokens: this.sent.tokens };
  }
  /** How many requests the limits let out within the next `ms`: what the buckets hold, their refill, at most the
   *  pace. Infinity while nothing limits the model (unknown or unlimited). */
  requestsWithin(ms, now) {
    if (!this.known) return Infinity;
    const perRequest = Math.max(1, this.sent.requests > 0 ? this.sent.tokens / this.sent.requests : 1);
    const seconds = ms / 1e3 + 1;
    let n = Infinity;
    if (this.requests) n = Math.min(n, Math.max(0, this.requests.levelAt(now)) + this.requests.rate * ms);
    if (this.tokens) n = Math.min(n, (Math.max(0, this.tokens.levelAt(now)) + this.tokens.rate * ms) / perRequest);
    const m = this.pacer.multiplier;
    if (this.rpm !== null) n = Math.min(n, Math.ceil(m * this.rpm / 60) * seconds);
    if (this.tpm !== null) n = Math.min(n, Math.ceil(m * this.tpm / 60) * seconds / perRequest);
    return n;
  }
  learn(h, r, now) {
    this.known = true;
    if (h.requests.limit !== null && h.requests.limit > 0) {
      this.rpm = this.givenRpm === null ? h.requests.limit : Math.min(this.givenRpm, h.requests.limit);
      this.requests = this.fit(this.requests, this.rpm, this.sent.requests, now);
    }
    if (h.tokens.limit !== null && h.tokens.limit > 0) {
      this.tpm = this.givenTpm === null ? h.tokens.limit : Math.min(this.givenTpm, h.tokens.limit);
      this.tokens = this.fit(this.tokens, this.tpm, this.sent.tokens, now);
    }
    if (this.requests && h.requests.remaining !== null) {
      this.requests.set(this.serverLevel(this.requests, h.requests.remaining, r, "requests", now), now);
    }
    if (this.tokens && h.tokens.remaining !== null) {
      const level = this.serverLevel(this.tokens, h.tokens.remaining, r, "tokens", now);
      this.drift += this.tokens.levelAt(now) - level;
      this.tokens.set(level, now);
      return this.maybeCountSum(r);
    }
    return false;
  }
  /** The lower bound of the server's level now, from a remaining-* it reported for reservation `r` (see the top). */
  serverLevel(bucket, remaining, r, kind, now) {
    const from = r.requestsSoFar - this.logBase;
    if (from < 1) {
      const sentSince = kind === "requests" ? this.sent.requests - r.requestsSoFar : this.sent.tokens - r.tokensSoFar;
      return Math.min(bucket.capacity, remaining + bucket.rate * Math.max(0, now - r.sentAt - COUNT_DELAY_MS)) - sentSince;
    }
    let level = remaining;
    let t = r.sentAt + COUNT_DELAY_MS;
    for (let k = from; k < this.logAt.length; k++) {
      const at = Math.max(t, this.logAt[k] + COUNT_DELAY_MS);
      level = Math.min(bucket.capacity, level + bucket.rate * (at - t)) - (kind === "requests" ? 1 : this.logTokens[k]);
      t = at;
    }
    return Math.min(bucket.capacity, level + bucket.rate * Math.max(0, now - t));
  }
  prune(now) {
    let drop = 0;
    while (drop < this.logAt.length - 1 && this.logAt[drop] < now - LOG_MS) drop++;
    if (drop > 1024 || drop > 0 && drop * 2 > this.logAt.length) {
      this.logAt = this.logAt.slice(drop);
      this.logTokens = this.logTokens.slice(drop);
      this.logBase += drop;
    }
  }
  /** A bucket for a limit just learned (nothing sent yet is known to have left it), or the old one resized. */
  fit(bucket, limit, sentSoFar, now) {
    if (bucket === null) return new TokenBucket(limit, now, limit - sentSoFar);
    if (bucket.capacity !== limit) bucket.resize(limit, now);
    return bucket;
  }
  /**
   * The server counted clearly more than `max` reserved — at least half of what `sum` would have added, and over
   * enough requests that a request or two seen out of order cannot explain it: reserve input + max_tokens from now on.
   */
  maybeCountSum(r) {
    this.extraSeen = Math.max(this.extraSeen, r.extraSoFar);
    if (this.rule !== "max" || this.extraSeen < 4 * this.largest || this.drift < this.extraSeen / 2) return false;
    this.rule = "sum";
    return true;
  }
};

// src/run/sync/rateLimitGate.ts
var RateLimitGate = class {
  limits;
  lanes = /* @__PURE__ */ new Map();
  now;
  signal;
  rule;
  onAbort = () => {
    for (const model of this.lanes.keys()) this.pump(model);
  };
  constructor(limits, options = {}) {
    this.limits = limits;
    this.now = options.now ?? Date.now;
    this.signal = options.signal;
    this.rule = options.rule ?? "max";
    this.signal?.addEventListener("abort", this.onAbort, { once: true });
  }
  limiterFor(model) {
    return this.lane(model).limiter;
  }
  *models() {
    for (const [model, lane] of this.lanes) yield [model, lane.limiter];
  }
  /** Waits until a request costing `cost` may go out for `model` and reserves it, or says why it never will. */
  admit(model, cost, deadline) {
    const lane = this.lane(model);
    return new Promise((resolve2) => {
      lane.queue.push({ cost, deadline, resolve: resolve2 });
      this.pump(model);
    });
  }
  /** An answer (or a failure) came back for a reservation; `headers` are the rate-limit headers it carried, if any.
   *  True when it moved the model to the input + max_tokens rule. */
  settle(model, reservation, headers, succeeded) {
    const changed = this.lane(model).limiter.settle(reservation, headers, succeeded, this.now());
    this.pump(model);
    return changed;
  }
  /** A 429 asked for a pause: nothing for this model goes out before `until`. */
  rateLimited(model, until) {
    this.lane(model).limiter.rateLimited(until);
    this.pump(model);
  }
  /** Stops listening and drops timers (every admit() has been answered by then). */
  close() {
    this.signal?.removeEventListener("abort", this.onAbort);
    for (const lane of this.lanes.values()) if (lane.timer) clearTimeout(lane.timer);
  }
  lane(model) {
    let lane = this.lanes.get(model);
    if (lane === void 0) {
      lane = { limiter: new ModelLimiter(this.limits, this.now(), this.rule), queue: [], head: 0, timer: null };
      this.lanes.set(model, lane);
    }
    return lane;
  }
  /** Lets out every head of the queue that may go now, ends those that never will, and sets the timer for the next. */
  pump(model) {
    const lane = this.lanes.get(model);
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    const { limiter, queue } = lane;
    while (lane.head < queue.length) {
      const w = queue[lane.head];
      const tokens = limiter.cost(w.cost);
      const now = this.now();
      let outcome = null;
      if (this.signal?.aborted) outcome = { ok: false, reason: "aborted", tokens };
      else if (limiter.tooLarge(tokens)) outcome = { ok: false, reason: "too_large", tokens };
      else if (w.deadline !== null && now >= w.deadline) outcome = { ok: false, reason: "deadline", tokens };
      let wait = 0;
      if (outcome === null) {
        const { ms, atLeastMs } = limiter.waitMs(tokens, now);
        wait = ms;
        if (wait === 0) outcome = { ok: true, reservation: limiter.reserve(w.cost, now) };
        else if (w.deadline !== null && Number.isFinite(atLeastMs) && now + atLeastMs > w.deadline) outcome = { ok: false, reason: "deadline", tokens };
      }
      if (outcome === null) {
        const until = Math.min(wait, w.deadline !== null ? w.deadline - now : Infinity);
        if (Number.isFinite(until)) lane.timer = setTimeout(() => this.pump(model), Math.max(1, Math.ceil(until)));
        break;
      }
      queue[lane.head++] = void 0;
      w.resolve(outcome);
    }
    if (lane.head > 256 && lane.head * 2 > queue.length) {
      lane.queue = queue.slice(lane.head);
      lane.head = 0;
    }
  }
};

// src/run/sync/reservation.ts
var CHARS_PER_TOKEN = 4;
var PROMPT_FIELDS = ["messages", "input", "prompt", "instructions", "tools", "functions", "response_format", "text"];
function promptCharacters(body) {
  let chars = 0;
  const walk = (value) => {
    if (typeof value === "string") {
      if (!value.startsWith("data:")) chars += value.length;
    } else if (typeof value === "number") {
      chars += CHARS_PER_TOKEN;
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value !== null && typeof value === "object") {
      for (const v of Object.values(value)) walk(v);
    }
  };
  for (const field of PROMPT_FIELDS) walk(body[field]);
  return chars;
}
function reservedTokens(item, rule) {
  if (rule === "sum") return item.input_tokens + item.max_output_tokens;
  return Math.max(item.max_output_tokens, Math.ceil(promptCharacters(item.body) / CHARS_PER_TOKEN));
}
function tokenCost(item) {
  return { max: reservedTokens(item, "max"), sum: reservedTokens(item, "sum") };
}

// src/run/sync/inFlightWindow.ts
var START = 16;
var GAIN = 1.2;
var RETRY_AFTER_PERIODS = 15;
var InFlightWindow = class {
  size;
  ceiling;
  periodStart = null;
  completions = 0;
  full = false;
  best = null;
  hold = 0;
  constructor(ceiling, start = START) {
    this.ceiling = ceiling;
    this.size = Math.min(ceiling, start);
  }
  /** The window was full: a request waited for a slot. */
  limited() {
    this.full = true;
  }
  /** An answer came back; `latencyMs` is the observed latency so far. */
  completed(now, latencyMs) {
    this.periodStart ??= now;
    this.completions++;
    const length = Math.max(2e3, 4 * latencyMs);
    if (now - this.periodStart < length) return;
    const rate = this.completions / (now - this.periodStart);
    const judged = this.full;
    this.periodStart = now;
    this.completions = 0;
    this.full = false;
    if (!judged) return;
    if (this.hold > 0) {
      this.hold--;
      if (this.hold > 0) return;
      this.best = { size: this.size, rate };
      this.size = Math.min(this.ceiling, this.size * 2);
      return;
    }
    if (this.best === null || rate >= this.best.rate * GAIN) {
      this.best = { size: this.size, rate };
      if (this.size < this.ceiling) this.size = Math.min(this.ceiling, this.size * 2);
      return;
    }
    this.size = Math.min(this.size, this.best.size);
    this.hold = RETRY_AFTER_PERIODS;
  }
};

// src/run/sync/syncProgress.ts
var ProgressTracker = class {
  started;
  completions = new MinuteMeter();
  constructor(started) {
    this.started = started;
  }
  completed(now) {
    this.completions.add(now, 1);
  }
  report(counts, limiters, now) {
    const tokens = { used: 0, limit: null };
    const requests = { used: 0, limit: null };
    const models = [];
    for (const [, lim] of limiters) {
      models.push(lim);
      const used = lim.usedLastMinute(now);
      tokens.used += used.tokens;
      requests.used += used.requests;
      if (lim.tpm !== null) tokens.limit = (tokens.limit ?? 0) + lim.tpm;
      if (lim.rpm !== null) requests.limit = (requests.limit ?? 0) + lim.rpm;
    }
    return {
      ...counts,
      tokensPerMinute: tokens,
      requestsPerMinute: requests,
      costUsd: Math.round(counts.costUsd * 1e9) / 1e9,
      etaMs: this.eta(counts, models, now),
      elapsedMs: now - this.started
    };
  }
  /**
   * The later of two figures: the recent pace of answers, and what the limits still allow (the rest at each model's
   * share so far, less what its buckets hold, at their refill rate, plus one latency for the last answer).
   */
  eta(c, models, now) {
    if (c.total === void 0) return null;
    const left = Math.max(0, c.total - c.done);
    if (left === 0) return 0;
    const window = Math.min(20, Math.floor((now - this.started) / 1e3));
    const recent = this.completions.sum(now, window).a;
    let eta = recent > 0 ? left / recent * (window + 1) * 1e3 : null;
    const sentAll = models.reduce((n, m) => n + m.usedTotal().requests, 0);
    for (const m of models) {
      const sent = m.usedTotal();
      if (sent.requests === 0 || sentAll === 0) continue;
      const share = left * sent.requests / sentAll;
      let ms = 0;
      if (m.requests) ms = Math.max(ms, (share - Math.max(0, m.requests.levelAt(now))) / m.requests.rate);
      if (m.tokens) ms = Math.max(ms, (share * sent.tokens / sent.requests - Math.max(0, m.tokens.levelAt(now))) / m.tokens.rate);
      ms += m.latencyMs ?? 0;
      eta = Math.max(eta ?? 0, ms);
    }
    return eta === null ? null : Math.round(eta);
  }
};

// src/run/sync/runSyncCost.ts
function syncCostUsd(pricing, mode, usage, ctx = {}) {
  return usageCostUsd(usage, pricing, mode, ctx);
}

// src/run/sync/syncClientErrors.ts
function redactSecrets(message, apiKey) {
  registerSecret(apiKey);
  return scrub(message);
}
function bodyError(err) {
  const e = err.error;
  const inner = e && typeof e === "object" && e.error && typeof e.error === "object" ? e.error : e;
  return {
    code: typeof inner?.code === "string" ? inner.code : null,
    message: typeof inner?.message === "string" ? inner.message : null,
    type: typeof inner?.type === "string" ? inner.type : null
  };
}
function classifyFailure(err, apiKey, now = Date.now()) {
  if (!(err instanceof OpenAIError)) return null;
  const base = { status: null, rateLimited: false, flexUnavailable: false, retryAfterMs: null, headers: null };
  const clean = (m) => redactSecrets(m, apiKey);
  if (err instanceof APIUserAbortError) return { ...base, kind: "aborted", code: "aborted", message: "the request was aborted" };
  if (err instanceof APIConnectionTimeoutError) return { ...base, kind: "retry", code: "timeout", message: clean(`no answer before the timeout: ${err.message}`) };
  if (err instanceof APIConnectionError) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
    return { ...base, kind: "retry", code: "connection_error", message: clean(`the connection failed: ${err.message}${cause}`) };
  }
  if (!(err instanceof APIError) || err.status === void 0) {
    return { ...base, kind: "final", code: "client_error", message: clean(err.message) };
  }
  const status = err.status;
  const body = bodyError(err);
  const headers = err.headers ?? null;
  const code = body.code ?? `http_${status}`;
  const message = clean(body.message ?? err.message);
  const wait = headers ? retryAfterMs2(headers, now) : null;
  const out = { ...base, status, code, message, headers, retryAfterMs: wait };
  if (status === 429) {
    if (code === "insufficient_quota") return { ...out, kind: "fatal" };
    if (code === "resource_unavailable") return { ...out, kind: "retry", flexUnavailable: true };
    if (/request too large/i.test(message)) return { ...out, kind: "final", code: "request_too_large" };
    return { ...out, kind: "retry", rateLimited: true };
  }
  if (status === 401) return { ...out, kind: "fatal" };
  if (status === 408 || status === 409 || status >= 500) return { ...out, kind: "retry" };
  return { ...out, kind: "final" };
}
function backoffMs(attempt, random = Math.random) {
  const ceiling = Math.min(3e4, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

// src/run/sync/runSync.ts
var DEFAULT_CONCURRENCY = 256;
var MIN_IN_FLIGHT = 4;
var DEFAULT_RETRIES = 2;
var FLEX_TIMEOUT_MS = 15 * 6e4;
var RATE_LIMIT_RETRIES = 10;
var FLEX_ENDPOINTS = /* @__PURE__ */ new Set(["/v1/chat/completions", "/v1/responses"]);
async function runSync(items, opts, onResult) {
  const started = Date.now();
  const ceiling = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const retries = opts.retries ?? DEFAULT_RETRIES;
  if (!(Number.isInteger(ceiling) && ceiling >= 1)) throw new RangeError(`concurrency must be an integer >= 1, got ${ceiling}`);
  if (!(Number.isInteger(retries) && retries >= 0)) throw new RangeError(`retries must be an integer >= 0, got ${retries}`);
  const log = opts.log ?? (() => {
  });
  const deadline = opts.deadline ?? null;
  const stats = { sent: 0, succeeded: 0, failed: 0, skipped: 0, rateLimited429: 0, retries: 0, elapsedMs: 0, peakInFlight: 0 };
  const total = Array.isArray(items) ? items.length : opts.total;
  let done = 0;
  let inFlight = 0;
  let costUsd = 0;
  const stopWaiting = new AbortController();
  let fatal = null;
  const onAbort = () => stopWaiting.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  if (opts.signal?.aborted) stopWaiting.abort();
  const gate = new RateLimitGate({ rpm: opts.rpm ?? null, tpm: opts.tpm ?? null }, { signal: stopWaiting.signal, rule: opts.tokenRule });
  if (!opts.provider && !opts.client) throw new TypeError("runSync needs a provider or an OpenAI client");
  const provider = opts.provider ?? openAIProvider({ client: opts.client });
  const prices = /* @__PURE__ */ new Map();
  const pricingFor = (model) => {
    if (!prices.has(model)) {
      try {
        prices.set(model, opts.pricingFor(model));
      } catch (err) {
        log(`no price for ${model}, cost_usd left null: ${err.message.split("\n")[0]}`);
        prices.set(model, null);
      }
    }
    return prices.get(model) ?? null;
  };
  const announced = /* @__PURE__ */ new Set();
  const announceLimits = (model) => {
    const w = gate.limiterFor(model);
    if (announced.has(model) || !w.known) return;
    announced.add(model);
    const given = opts.rpm != null || opts.tpm != null;
    log(w.rpm === null && w.tpm === null ? `${model}: no rate limits announced` : `${model}: limits ${w.rpm ?? "\u221E"} requests and ${w.tpm ?? "\u221E"} tokens per minute${given ? "" : " (from the API's headers)"}`);
  };
  const tracker = new ProgressTracker(started);
  const unlimitedWindow = new InFlightWindow(ceiling);
  let latencyMs = 0;
  const progress = () => {
    if (!opts.onProgress) return;
    const counts = {
      done,
      ...total !== void 0 ? { total } : {},
      inFlight,
      rateLimited: stats.rateLimited429,
      succeeded: stats.succeeded,
      failed: stats.failed,
      skipped: stats.skipped,
      costUsd
    };
    opts.onProgress(tracker.report(counts, gate.models(), Date.now()));
  };
  const record = (item, fields) => ({
    custom_id: item.custom_id,
    line: item.line,
    batch_id: null,
    ...fields
  });
  const unanswered = (item, status, code, message, flexTier) => record(item, { status, mode: flexTier ? "flex" : priorityFor(item) ? "priority" : "sync", response: null, error: { code, message }, usage: null, cost_usd: null });
  const modelHas = (model, tier) => {
    try {
      return opts.pricingFor(model)[tier] !== null;
    } catch {
      return false;
    }
  };
  const priorityFor = (item) => opts.tier === "priority" && FLEX_ENDPOINTS.has(item.url) && modelHas(item.model, "priority");
  let active = 0;
  let wake = null;
  let bug = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sleepUntil = (until) => new Promise((resolve2) => {
    const ms = until - Date.now();
    if (ms <= 0 || stopWaiting.signal.aborted) return resolve2();
    const finish = () => {
      clearTimeout(timer);
      stopWaiting.signal.removeEventListener("abort", finish);
      resolve2();
    };
    const timer = setTimeout(finish, Math.ceil(ms));
    stopWaiting.signal.addEventListener("abort", finish, { once: true });
  });
  async function send(item) {
    const cost = tokenCost(item);
    let flex = opts.tier === "flex" && FLEX_ENDPOINTS.has(item.url) && modelHas(item.model, "flex");
    let fellBack = false;
    let retriesUsed = 0;
    let rateLimitRetriesUsed = 0;
    let notBefore = 0;
    let last = null;
    const after = () => last ? ` (last attempt: ${last.code}: ${last.message})` : "";
    const failedRecord = (it, code, message) => unanswered(it, "failed", code, message, flex);
    const skippedRecord = (it, code, message) => unanswered(it, "skipped", code, message, flex);
    for (; ; ) {
      const admission = deadline !== null && notBefore > deadline ? { ok: false, reason: "deadline", tokens: 0 } : (await sleepUntil(notBefore), await gate.admit(item.model, cost, deadline));
      if (!admission.ok) {
        if (fatal !== null) return failedRecord(item, fatal.code, `not sent: an earlier request failed with ${fatal.code}, so every request would (${fatal.message})`);
        if (admission.reason === "aborted") return skippedRecord(item, "aborted", `the run was aborted before this request was answered${after()}`);
        if (admission.reason === "deadline") return skippedRecord(item, "deadline", `not sent: the deadline ${new Date(deadline ?? 0).toISOString()} came first${after()}`);
        const lim = gate.limiterFor(item.model);
        const how = lim.rule === "max" ? `the larger of its max output ${item.max_output_tokens} and a quarter of its prompt's characters` : `input ${item.input_tokens} + max output ${item.max_output_tokens}`;
        return failedRecord(item, "request_too_large", `needs ${admission.tokens} tokens (${how}), more than the whole limit of ${lim.tpm} tokens per minute for ${item.model}`);
      }
      nudge();
      const priority = priorityFor(item);
      const body = flex ? { ...item.body, service_tier: "flex" } : priority ? { ...item.body, service_tier: "priority" } : fellBack ? { ...item.body, service_tier: "default" } : item.body;
      inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
      stats.sent++;
      try {
        const { data, headers } = await provider.call(
          { url: item.url, model: item.model, body },
          { ...flex ? { timeoutMs: FLEX_TIMEOUT_MS } : {}, ...opts.signal ? { signal: opts.signal } : {} }
        );
        inFlight--;
        settle(item.model, admission.reservation, parseRateLimitHeaders(headers), true);
        announceLimits(item.model);
        const usage = data !== null && typeof data === "object" && data.usage && typeof data.usage === "object" ? data.usage : null;
        const served = data !== null && typeof data === "object" ? data.service_tier : void 0;
        const mode = served === "flex" ? "flex" : served === "priority" || served === "fast" ? "priority" : typeof served === "string" ? "sync" : flex ? "flex" : priority ? "priority" : "sync";
        return record(item, { status: "succeeded", mode, response: data, error: null, usage, cost_usd: syncCostUsd(pricingFor(item.model), mode, usage, { region: opts.region === true }) });
      } catch (err) {
        inFlight--;
        const failure = classifyFailure(err, provider.apiKey);
        settle(item.model, admission.reservation, failure?.headers ? parseRateLimitHeaders(failure.headers) : null, false);
        if (failure === null) throw err;
        last = failure;
        if (failure.kind === "aborted") return skippedRecord(item, "aborted", "aborted while in flight (the API may have billed it)");
        if (failure.kind === "fatal") {
          if (fatal === null) {
            fatal = failure;
            log(`stopping: ${failure.code}: ${failure.message}`);
            stopWaiting.abort();
          }
          return failedRecord(item, failure.code, failure.message);
        }
        if (failure.kind === "final") return failedRecord(item, failure.code, failure.message);
        const now = Date.now();
        if (failure.rateLimited) {
          stats.rateLimited429++;
          const wait = failure.retryAfterMs ?? backoffMs(rateLimitRetriesUsed + 1);
          const wasFrozen = gate.limiterFor(item.model).pacer.frozen;
          gate.rateLimited(item.model, now + wait);
          log(`429 rate limited on ${item.model}; pausing ${wait} ms${wasFrozen ? "" : ", then one second's share of the limits at a time"}`);
          progress();
          if (rateLimitRetriesUsed >= Math.max(retries, RATE_LIMIT_RETRIES)) {
            return failedRecord(item, failure.code, `${failure.message} (still rate limited after ${rateLimitRetriesUsed} retries)`);
          }
          rateLimitRetriesUsed++;
          stats.retries++;
          notBefore = now + wait;
          continue;
        }
        if (retriesUsed >= retries) {
          if (failure.flexUnavailable && flex && opts.flexFallback) {
            log(`flex has no capacity for ${item.custom_id} after ${retriesUsed} retries; sending it at the standard tier`);
            flex = false;
            fellBack = true;
            retriesUsed = 0;
            notBefore = 0;
            continue;
          }
          return failedRecord(item, failure.code, `${failure.message} (failed ${retriesUsed + 1} times)`);
        }
        retriesUsed++;
        stats.retries++;
        notBefore = now + Math.max(failure.retryAfterMs ?? 0, backoffMs(retriesUsed));
      }
    }
  }
  function settle(model, reservation, headers, succeeded) {
    if (succeeded) latencyMs += 0.2 * (Date.now() - reservation.sentAt - latencyMs);
    if (gate.settle(model, reservation, headers, succeeded)) {
      log(`${model}: the API counts more tokens than max(max_tokens, prompt characters / 4); reserving input + max_tokens from now on`);
    }
  }
  const pullLimit = () => {
    let byLimits = 0;
    let limited = 0;
    let unbounded = 0;
    const now = Date.now();
    for (const [, lim] of gate.models()) {
      if (!lim.known || lim.rpm === null && lim.tpm === null) {
        unbounded++;
        continue;
      }
      limited++;
      byLimits += lim.requestsWithin(lim.latencyMs ?? DEFAULT_LATENCY_MS, now);
    }
    const n = (unbounded > 0 || limited === 0 ? unlimitedWindow.size : 0) + (limited > 0 ? Math.ceil(byLimits * 1.25) + 2 : 0);
    return Math.min(ceiling, Math.max(MIN_IN_FLIGHT, n));
  };
  const start = (item) => {
    active++;
    send(item).then((r) => {
      if (r.status === "succeeded") stats.succeeded++;
      else if (r.status === "skipped") stats.skipped++;
      else stats.failed++;
      costUsd += r.cost_usd ?? 0;
      done++;
      tracker.completed(Date.now());
      unlimitedWindow.completed(Date.now(), latencyMs);
      onResult(r);
      progress();
    }).catch((error) => {
      bug ??= { error };
      stopWaiting.abort();
    }).finally(() => {
      active--;
      nudge();
    });
  };
  const waitFor = async (ready) => {
    while (!ready()) await new Promise((resolve2) => wake = resolve2);
  };
  const mayPull = () => {
    if (bug !== null || active < pullLimit()) return true;
    unlimitedWindow.limited();
    return false;
  };
  try {
    try {
      for await (const item of items) {
        await waitFor(mayPull);
        if (bug !== null) break;
        start(item);
      }
    } catch (err) {
      await waitFor(() => active === 0);
      throw err;
    }
    await waitFor(() => active === 0);
    if (bug !== null) throw bug.error;
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    gate.close();
    if (!opts.provider) await provider.close?.();
  }
  stats.elapsedMs = Date.now() - started;
  return stats;
}

// src/run/plan/sharedMaxCost.ts
function policyInput(opts) {
  return {
    mode: opts.mode,
    latencyBudgetMs: opts.latencyBudgetMs ?? BATCH_WINDOW_MS,
    minSavingsUsd: opts.minSavingsUsd ?? DEFAULT_MIN_SAVINGS_USD,
    rpm: opts.rpm ?? null,
    tpm: opts.tpm ?? null,
    concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY
  };
}
function shareMaxCost(files, maxCostUsd) {
  if (files.length === 1) fitMaxCost(files[0].estimate, files[0].decision, maxCostUsd);
  const floors = files.map((f) => worstCase(f.estimate, f.decision, NO_DEARER_PATHS).max);
  const total = floors.reduce((a, b) => a + b, 0);
  if (total > maxCostUsd) {
    const each = files.map((f, i) => `${f.file} ${f.decision.mode} ${formatUsd(floors[i])}`).join(", ");
    throw new MaxCostError("", total, maxCostUsd, `the ${files.length} files' plans together (${each})`);
  }
  return {
    floors,
    limitFor(index, spentUsd) {
      const after = floors.slice(index + 1).reduce((a, b) => a + b, 0);
      const limit = maxCostUsd - spentUsd - after;
      return limit < floors[index] && floors[index] - limit < 1e-9 ? floors[index] : limit;
    }
  };
}

// src/run/state/state.ts
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync as renameSync2, writeSync } from "node:fs";
import { join as join5 } from "node:path";
var STATE_FILE = "state.json";
function statePath(dir) {
  return join5(dir, STATE_FILE);
}
function loadState(dir) {
  const path = statePath(dir);
  if (!existsSync(path)) return null;
  let state;
  try {
    state = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new RunStateError(`${path} is not valid JSON (${err.message}); move it away to start over`);
  }
  if (state.version !== 1 || !Array.isArray(state.parts)) throw new RunStateError(`${path} was not written by this version of batchwise`);
  return state;
}
function saveState(dir, state) {
  const path = statePath(dir);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, scrub(`${JSON.stringify(state, null, 2)}
`));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync2(tmp, path);
}

// src/run/sync/syncPhase.ts
import { join as join6 } from "node:path";

// src/run/sync/readRunItems.ts
async function* readRunItems(inputPath, wanted) {
  if (wanted.size === 0) return;
  let left = wanted.size;
  for await (const raw of readJsonlLines(inputPath)) {
    const item = wanted.get(raw.line);
    if (!item) continue;
    const req = JSON.parse(raw.text);
    yield {
      line: raw.line,
      custom_id: item.custom_id,
      url: item.url,
      model: item.model,
      body: req.body,
      input_tokens: item.input_tokens,
      max_output_tokens: item.max_output_tokens
    };
    if (--left === 0) return;
  }
}

// src/run/sync/syncPhase.ts
var JOURNAL_FILE = "sync.jsonl";
function journalPath(outDir) {
  return join6(outDir, JOURNAL_FILE);
}
function isRetryableRecord(r) {
  if (r.status === "succeeded") return false;
  if (r.status === "skipped" || r.status === "expired" || r.status === "cancelled") return true;
  const code = r.error?.code ?? "";
  return /rate_limit|timeout|server_error|overloaded|connection|unavailable|^http_(408|409|429|5\d\d)$|aborted|deadline/.test(code);
}
async function runSyncPhase(ctx, catalog, lines, tier) {
  if (lines.length === 0) return;
  const wanted = /* @__PURE__ */ new Map();
  for (const l of lines) wanted.set(l, ctx.items.get(l));
  ctx.log(`${tierName(tier)}: sending ${lines.length} requests`);
  const journal = openJournal(journalPath(ctx.outDir));
  try {
    const stats = await runSync(
      readRunItems(ctx.inputPath, wanted),
      {
        provider: ctx.provider,
        tier,
        rpm: ctx.rpm,
        tpm: ctx.tpm,
        concurrency: ctx.concurrency,
        deadline: ctx.deadline,
        total: lines.length,
        signal: ctx.signal,
        retries: ctx.retries,
        flexFallback: ctx.flexFallback,
        region: ctx.region,
        pricingFor: (model) => resolvePricing(catalog, model),
        log: ctx.log,
        ...ctx.onSyncProgress ? { onProgress: (p) => ctx.onSyncProgress(p, tierName(tier)) } : {}
      },
      (record) => journal.append(record, isRetryableRecord(record))
    );
    ctx.log(`${tierName(tier)}: ${stats.succeeded} succeeded, ${stats.failed} failed, ${stats.skipped} skipped in ${Math.round(stats.elapsedMs / 1e3)} s`);
  } finally {
    journal.close();
  }
}
var tierName = (tier) => tier === "default" ? "sync" : tier;

// src/run/runFile.ts
var ACCOUNT_REFUSALS = /* @__PURE__ */ new Set([
  "invalid_api_key",
  "http_401",
  "http_403",
  "insufficient_quota",
  "credit_balance_exhausted",
  "organization_spend_limit_exceeded",
  "project_spend_limit_exceeded",
  "organization_usage_limit_exceeded",
  "connection_error",
  // Anthropic's error types and Gemini's statuses for the same refusals (their adapters keep the provider's code).
  "authentication_error",
  "permission_error",
  "API_KEY_INVALID",
  "UNAUTHENTICATED",
  "PERMISSION_DENIED"
]);
var DEFAULT_POLL_MS = { min: 2e3, max: 6e4 };
async function runFile(path, opts) {
  const startedAt = /* @__PURE__ */ new Date();
  const providerName = opts.provider ?? "openai";
  const apiKey = opts.providerImpl?.apiKey ?? (opts.client ? opts.client.apiKey : providerKey({ provider: providerName, apiKey: opts.apiKey })) ?? null;
  const sink = opts.log ?? (() => {
  });
  const log = (line) => sink(redactSecrets(line, apiKey));
  registerSecret(apiKey);
  const budget = opts.latencyBudgetMs ?? BATCH_WINDOW_MS;
  const minSavings = opts.minSavingsUsd ?? DEFAULT_MIN_SAVINGS_USD;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const outDir = resolve(opts.outDir);
  if (!(budget > 0)) throw new UsageError(`the latency budget must be more than zero (got ${budget} ms)`);
  if (opts.untilMs !== void 0 && !(opts.untilMs > 0)) throw new UsageError(`--until must be more than zero (got ${opts.untilMs} ms)`);
  if (opts.maxBatches !== void 0 && !(Number.isInteger(opts.maxBatches) && opts.maxBatches >= 1)) throw new UsageError(`--max-batches must be a whole number of at least 1 (got ${opts.maxBatches})`);
  if (opts.queueLimitTokens !== void 0 && !(opts.queueLimitTokens > 0)) throw new UsageError(`--queue-limit must be more than zero tokens (got ${opts.queueLimitTokens})`);
  const until = opts.untilMs !== void 0 ? startedAt.getTime() + opts.untilMs : null;
  if (opts.providerImpl && opts.providerImpl.name !== providerName) throw new UsageError(`provider ${opts.providerImpl.name} given for a ${providerName} run`);
  const provider = opts.providerImpl ?? makeProvider({ provider: providerName, apiKey: opts.apiKey, baseURL: opts.baseURL, deployments: opts.deployments, client: opts.client });
  try {
    return await runWith(provider);
  } finally {
    if (!opts.providerImpl) await provider.close?.();
  }
  async function runWith(provider2) {
    const newState = (file, sha, d, at, ms) => ({
      version: 1,
      input_file: file,
      input_sha256: sha,
      provider: providerName,
      decision: d,
      started_at: at.toISOString(),
      deadline_ms: at.getTime() + ms,
      parts: [],
      sync_phase: null,
      finished_at: null,
      ...carried.length > 0 ? { carried: lineNumbersOf(carried, itemsOf(estimate)) } : {}
    });
    const runContext = (st2, provider3, items2, o) => ({
      provider: provider3,
      inputPath: path,
      displayName: path,
      outDir,
      inputSha256: st2.input_sha256,
      decision: st2.decision,
      state: st2,
      save: () => saveState(outDir, st2),
      items: items2,
      deadline: st2.deadline_ms,
      budgetMs: st2.deadline_ms - Date.parse(st2.started_at),
      retries: o.retries,
      syncRetryThreshold: o.paths.syncRetries ? opts.syncRetryThreshold ?? 100 : 0,
      rpm: opts.rpm ?? null,
      tpm: opts.tpm ?? null,
      concurrency: o.concurrency,
      flexAvailable: [...items2.values()].length > 0 && flexForAll(items2),
      flexFallback: o.paths.flexFallback,
      region: opts.region === true,
      poll: opts.pollIntervalMs ?? DEFAULT_POLL_MS,
      limits: { ...provider3.partLimits, ...opts.partLimits ?? {} },
      githubRunId: opts.githubRunId,
      log,
      signal: opts.signal,
      onBatchesSubmitted: opts.onBatchesSubmitted,
      onProgress: opts.onProgress,
      onSyncProgress: opts.onSyncProgress,
      existing: null,
      queueLimitTokens: opts.queueLimitTokens ?? null,
      until,
      maxBatches: opts.maxBatches ?? DEFAULT_MAX_BATCHES,
      created: 0
    });
    const flexForAll = (items2) => [...items2.values()].some((it) => it.cost.flex !== null);
    if (existsSync2(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`--out ${opts.outDir} is a file, not a folder`);
    const catalog = catalogForProvider(providerName, opts.catalog);
    if (opts.mode === "priority" && !provider2.tiers.priority) throw new UsageError(`--mode priority: ${provider2.name} has no priority processing through this API`);
    if (opts.mode === "flex" && !provider2.tiers.flex) throw new UsageError(`--mode flex: ${provider2.name} has no flex processing through this API`);
    const resuming = existsSync2(join7(outDir, "state.json")) && !opts.fresh;
    const countInputTokens = opts.exactTokens !== false && !resuming ? inputCounter(provider2, opts.signal) : void 0;
    const problems = await providerProblems(provider2, path);
    const history = opts.history ?? (opts.historyPath ? await readHistoryLogged(opts.historyPath, log) : []);
    const estimateWith = (observations, source) => estimateFile(path, {
      catalog,
      detail: true,
      workers: opts.estimateWorkers,
      latencyBudgetMs: budget,
      minSavingsUsd: minSavings,
      displayName: path,
      region: opts.region,
      history: observations,
      historySource: source,
      now: opts.now,
      ...countInputTokens && problems.length === 0 ? { countInputTokens } : {}
    });
    let estimate;
    try {
      estimate = await estimateWith(history, opts.historySource ?? "history");
    } catch (err) {
      if (err instanceof RequestFileError && problems.length > 0) throw providerProblemsError(provider2, path, problems, err);
      throw err;
    }
    if (problems.length > 0) throw providerProblemsError(provider2, path, problems);
    refuseShutDownModels(estimate, path);
    for (const l of estimate.lifecycle) log(`warning: ${l.message}`);
    const inputSha256 = await fileSha256(path);
    mkdirSync3(outDir, { recursive: true });
    let state = loadState(outDir);
    if (state && (state.provider ?? "openai") !== providerName) {
      throw new RunStateError(`${outDir} holds a run on ${state.provider ?? "openai"}, not ${providerName}: its batches live there. Run it with --provider ${state.provider ?? "openai"}, or use another --out`);
    }
    if (state && state.input_sha256 !== inputSha256) {
      throw new RunStateError(`${outDir} holds the run of another input (${state.input_file}, sha256 ${state.input_sha256.slice(0, 12)}\u2026); use another --out, or remove it to start over`);
    }
    let carried = [];
    if (state && opts.fresh) {
      const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-");
      carried = await carryAnswers(state, outDir, stamp);
      const aside = join7(outDir, `state.replaced-${stamp}.json`);
      renameSync3(join7(outDir, "state.json"), aside);
      log(`--fresh: the earlier run's state is kept as ${aside}; ${carried.length} answered request(s) are carried over and not sent again`);
      state = null;
    }
    const policy = policyInput({ ...opts, latencyBudgetMs: budget, minSavingsUsd: minSavings, concurrency });
    const retries = opts.retries ?? DEFAULT_RETRIES;
    const itemsOf = (e) => new Map((e.items ?? []).map((it) => [it.line, it]));
    const pilotWanted = !state && (opts.pilot ?? 0) > 0;
    if (pilotWanted || state?.pilot) {
      const lines = state?.pilot?.lines ?? choosePilotLines((estimate.items ?? []).map((i) => i.line), opts.pilot, inputSha256);
      const pilotItems = itemsOf(estimate);
      if (pilotWanted) {
        const pilotMax = lines.reduce((n, l) => n + pilotItems.get(l).cost.sync.max, 0);
        if (opts.maxCostUsd !== void 0 && pilotMax + estimate.cost.batch.max > opts.maxCostUsd) {
          throw new MaxCostError("pilot", pilotMax + estimate.cost.batch.max, opts.maxCostUsd, `a ${lines.length}-request pilot (sync) and the cheapest plan for the file (batch)`);
        }
        state = newState(path, inputSha256, decideWithin(estimate, policy, opts.maxCostUsd), startedAt, budget);
        state.pilot = { lines, done: false };
        saveState(outDir, state);
      }
      const st0 = state;
      if (!st0.pilot.done) {
        log(`pilot: sending ${lines.length} requests synchronously to calibrate the estimate`);
        const pilotCtx = runContext(st0, provider2, pilotItems, { budget, retries, concurrency, paths: { syncRetries: true, flexFallback: true } });
        const settled = await buildIndex(st0, outDir);
        const todo = lines.filter((l) => settled.status(pilotItems.get(l).custom_id)?.status !== "succeeded");
        settled.close();
        await runSyncPhase(pilotCtx, catalog, todo, "default");
      }
      const index2 = await buildIndex(st0, outDir);
      const observed2 = pilotObservations(lines, pilotItems, index2, path, (/* @__PURE__ */ new Date()).toISOString());
      const answered = lines.filter((l) => index2.status(pilotItems.get(l).custom_id)?.status === "succeeded");
      index2.close();
      estimate = await estimateWith([...history, ...observed2], observed2.length > 0 ? "pilot" : "history");
      if (!st0.pilot.done) {
        st0.decision = decideWithin(estimate, policy, opts.maxCostUsd);
        st0.pilot.done = true;
        st0.pilot.answered = answered;
        saveState(outDir, st0);
      }
    }
    const decision = state?.decision ?? opts.plannedDecision ?? decideWithin(estimate, policy, opts.maxCostUsd);
    const wanted = { syncRetries: retries > 0 && (opts.syncRetryThreshold ?? 100) > 0, flexFallback: opts.flexFallback ?? true };
    const paths = fitMaxCost(estimate, decision, opts.maxCostUsd, wanted);
    log(`decision: ${decision.mode} \u2014 ${decision.reason}`);
    if (paths !== wanted && (paths.syncRetries !== wanted.syncRetries || paths.flexFallback !== wanted.flexFallback)) {
      log(`--max-cost: retries stay in batches and flex does not fall back to the standard tier, so the worst case stays within ${opts.maxCostUsd}`);
    }
    if (!state) {
      state = newState(path, inputSha256, decision, startedAt, budget);
      saveState(outDir, state);
    } else if (!pilotWanted) {
      log(`resuming the run started ${state.started_at} (${state.parts.filter((p) => p.batch_id).length} batches known)`);
      if (opts.mode !== "auto" && opts.mode !== state.decision.mode) {
        log(`--mode ${opts.mode} ignored: this run was started in ${state.decision.mode} mode (use another --out to start over)`);
      }
      if (opts.latencyBudgetMs !== void 0 || state.deadline_ms <= Date.now()) {
        state.deadline_ms = Date.now() + budget;
        saveState(outDir, state);
        log(`deadline for the rest: ${new Date(state.deadline_ms).toISOString()} (${formatDuration(budget)} from now)`);
      }
    }
    const items = itemsOf(estimate);
    const st = state;
    const ctx = runContext(st, provider2, items, { budget, retries, concurrency, paths });
    const pilotLines = new Set(st.pilot?.lines ?? []);
    const answeredBefore = /* @__PURE__ */ new Set([...st.pilot?.answered ?? st.pilot?.lines ?? [], ...st.carried ?? []]);
    const allLines = [...items.keys()].filter((l) => !answeredBefore.has(l));
    let stopped = null;
    if (decision.mode === "batch" && !st.sync_phase) {
      const rounds = await runBatchRounds(ctx, allLines);
      stopped = rounds.stopped;
      if (rounds.leftover.length > 0) {
        st.sync_phase = { mode: ctx.flexAvailable ? "flex" : "sync", started_at: (/* @__PURE__ */ new Date()).toISOString() };
        ctx.save();
        log(`${rounds.reason}: ${rounds.leftover.length} requests go to ${st.sync_phase.mode}`);
      }
    } else if (decision.mode !== "batch" && !st.sync_phase) {
      st.sync_phase = { mode: decision.mode, started_at: (/* @__PURE__ */ new Date()).toISOString() };
      ctx.save();
    }
    if (st.sync_phase && !stopped && until !== null && Date.now() >= until) {
      stopped = { reason: "until", message: "--until reached before the synchronous rest began" };
    }
    if (st.sync_phase && !stopped) {
      const index2 = await buildIndex(st, outDir);
      const netCancelled = netCancelledBatches(st);
      const left = allLines.filter((l) => {
        const id = items.get(l).custom_id;
        const s = index2.status(id);
        if (s === null) return true;
        if (s.status === "succeeded") return false;
        if (s.retryable) return true;
        if (s.status !== "cancelled") return false;
        const found = index2.read(id);
        return found?.kind === "batch" && found.batch_id !== null && netCancelled.has(found.batch_id);
      });
      index2.close();
      await runSyncPhase(ctx, catalog, left, st.sync_phase.mode === "sync" ? "default" : st.sync_phase.mode);
    }
    const index = await buildIndex(st, outDir);
    const resultsPath = join7(outDir, "results.jsonl");
    const csvPath = join7(outDir, "results.csv");
    const ledger = new LedgerBook({
      pricingFor: (model) => resolvePricing(catalog, model),
      estimateOf: (line) => items.get(line),
      plannedMode: decision.mode,
      pilotLines,
      ctx: { region: opts.region === true }
    });
    const observed = [];
    const tally = await writeResults({
      inputPath: path,
      resultsPath,
      csvPath,
      index,
      plannedMode: decision.mode,
      ledger,
      onRecord: (r) => {
        const it = items.get(r.line);
        if (opts.historyPath && it && r.status === "succeeded") observed.push({ shape: it.shape, usage: r.usage, mode: r.mode, status: r.status, ...approxOf(it) });
      }
    });
    if (opts.historyPath && !stopped) {
      const lines = observeResults(observed, { run_at: st.started_at, run_id: opts.githubRunId, file: path });
      try {
        await appendHistory(opts.historyPath, lines);
      } catch (err) {
        log(`warning: could not write the run history to ${opts.historyPath}: ${err.message}`);
      }
    }
    const finishedAt = /* @__PURE__ */ new Date();
    if (!stopped) st.finished_at = finishedAt.toISOString();
    ctx.save();
    const refusedAll = tally.counts.succeeded === 0 && tally.requests > 0 && Object.entries(tally.error_codes).every(([code]) => ACCOUNT_REFUSALS.has(code)) && Object.keys(tally.error_codes).length > 0;
    const exit = stopped ? 3 : tally.counts.succeeded === tally.requests ? 0 : refusedAll ? 1 : 2;
    let inProgress;
    if (stopped) {
      const running = st.parts.filter((p) => p.batch_id && !p.done).length;
      inProgress = { reason: stopped.reason, message: stopped.message, batches_running: running, requests_left: tally.counts.skipped };
      log(`${stopped.message}. ${tally.counts.skipped} of ${tally.requests} requests have no outcome yet; ${outDir}/state.json keeps the run: run the same command again to collect what finishes, send the rest and attach to what is running`);
    }
    const batches = st.parts.filter((p) => p.batch_id).map((p) => ({
      batch_id: p.batch_id,
      part: p.key,
      round: p.round,
      model: p.model,
      requests: p.lines,
      status: p.status,
      refused_batch_ids: p.refused_batch_ids ?? [],
      times: p.times ?? {},
      errors: p.errors ?? []
    }));
    const report = {
      file: path,
      provider: providerName,
      started_at: st.started_at,
      finished_at: st.finished_at ?? finishedAt.toISOString(),
      decision,
      sync_phase: st.sync_phase,
      exit_code: exit,
      requests: tally.requests,
      counts: tally.counts,
      estimated_cost_usd: plannedCost(estimate, decision.mode),
      ledger: tally.ledger,
      batches,
      results_path: resultsPath,
      results_csv_path: csvPath
    };
    const reportJsonPath = join7(outDir, "report.json");
    const reportMdPath = join7(outDir, "report.md");
    writeAtomic(reportJsonPath, `${JSON.stringify(runReportJson(report, estimate), null, 2)}
`);
    writeAtomic(reportMdPath, renderRunMarkdown(report, estimate));
    const batchIds = [...new Set(st.parts.flatMap((p) => [...p.refused_batch_ids ?? [], ...p.batch_id ? [p.batch_id] : []]))];
    return {
      file: path,
      provider: providerName,
      decision: { mode: decision.mode, reason: decision.reason },
      estimate,
      requests: tally.requests,
      succeeded: tally.counts.succeeded,
      failed: tally.counts.failed,
      expired: tally.counts.expired,
      cancelled: tally.counts.cancelled,
      skipped: tally.counts.skipped,
      actual_cost_usd: tally.ledger.total.actual_usd,
      ledger: tally.ledger,
      estimated_cost_usd: plannedCost(estimate, decision.mode),
      batch_ids: batchIds,
      results_path: resultsPath,
      results_csv_path: csvPath,
      report_json_path: reportJsonPath,
      report_md_path: reportMdPath,
      started_at: startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      exit_code: exit,
      ...inProgress ? { in_progress: inProgress } : {}
    };
  }
}
async function carryAnswers(state, outDir, stamp) {
  const index = await buildIndex(state, outDir);
  const kept = [];
  for (const custom of index.ids()) {
    const found = index.read(custom);
    if (!found) continue;
    if (found.kind === "journal") {
      if (found.record.status === "succeeded") kept.push(found.record);
    } else if (found.outcome.status === "succeeded") {
      const x = found.outcome;
      kept.push({ custom_id: custom, line: 0, status: "succeeded", mode: "batch", batch_id: found.batch_id, response: x.response, error: null, usage: x.usage, cost_usd: null });
    }
  }
  index.close();
  const journalFile = journalPath(outDir);
  if (existsSync2(journalFile)) renameSync3(journalFile, join7(outDir, `sync.replaced-${stamp}.jsonl`));
  const journal = openJournal(journalFile);
  try {
    for (const r of kept) journal.append(r, false);
  } finally {
    journal.close();
  }
  return kept.map((r) => r.custom_id);
}
function lineNumbersOf(customIds, items) {
  const wanted = new Set(customIds);
  return [...items.values()].filter((it) => wanted.has(it.custom_id)).map((it) => it.line);
}
async function readHistoryLogged(path, log) {
  const h = await readHistory(path);
  if (h.skipped > 0) log(`warning: ${h.skipped} line(s) of ${path} could not be read and were skipped`);
  if (h.observations.length > 0) log(`history: ${h.observations.length} observation(s) from ${path} calibrate the estimate`);
  return h.observations;
}
function refuseShutDownModels(estimate, path) {
  const dead = estimate.lifecycle.filter((l) => l.status === "shut_down");
  if (dead.length === 0) return;
  const lines = dead.map((l) => `  ${l.message}`).join("\n");
  throw new UsageError(`${path}: ${dead.length === 1 ? "a model it uses is" : "models it uses are"} shut down; nothing was sent:
${lines}
Change the model in the request file (an estimate still prices it).`);
}
async function buildIndex(state, outDir) {
  const index = new OutcomeIndex();
  const parts = [...state.parts].sort((a, b) => a.round - b.round);
  for (const p of parts) {
    if (p.output_path) await index.addBatchFile(p.output_path, p.batch_id);
    if (p.error_path) await index.addBatchFile(p.error_path, p.batch_id);
    if (p.unfinished_path) await index.addBatchFile(p.unfinished_path, p.batch_id);
  }
  await index.addJournal(journalPath(outDir));
  return index;
}
function netCancelledBatches(st) {
  const marked = st.parts.some((p) => p.cancelled_by !== void 0);
  return new Set(st.parts.filter((p) => p.batch_id && (p.cancelled_by === "safety_net" || !marked && st.net_fired === true)).map((p) => p.batch_id));
}
function writeAtomic(path, text) {
  writeFileSync2(`${path}.tmp`, scrub(text));
  renameSync3(`${path}.tmp`, path);
}

// src/run/batch/remote.ts
import { existsSync as existsSync3, statSync as statSync2 } from "node:fs";
function providerFor(state, opts, target) {
  if (opts.providerImpl) return opts.providerImpl;
  const recorded = state ? state.provider ?? "openai" : null;
  if (recorded && opts.provider && opts.provider !== recorded) {
    throw new UsageError(`this run's batches are on ${recorded} (state.json), not ${opts.provider}: leave --provider out or use ${recorded}`);
  }
  const named = recorded ?? opts.provider ?? (target ? providerOfBatchId(target) : null) ?? "openai";
  return makeProvider({ ...opts, provider: named });
}
function isRunDir(target) {
  return existsSync3(target) && statSync2(target).isDirectory();
}
function targetIds(target) {
  if (isRunDir(target)) {
    const state = loadState(target);
    if (!state) throw new UsageError(`${target} has no ${statePath(target).slice(target.length + 1)}: not a batchwise run folder`);
    return { state, ids: state.parts.flatMap((p) => p.batch_id ? [{ id: p.batch_id, part: p.key }] : []) };
  }
  if (!/^(batch_|msgbatch_|batches\/)[A-Za-z0-9_-]+$/.test(target)) throw new UsageError(`${target} is neither a run folder nor a batch id (batch_\u2026, msgbatch_\u2026, batches/\u2026)`);
  return { state: null, ids: [{ id: target, part: null }] };
}
function row(b, part) {
  return {
    batch_id: b.id,
    part,
    status: b.status,
    request_counts: { total: b.request_counts?.total ?? 0, completed: b.request_counts?.completed ?? 0, failed: b.request_counts?.failed ?? 0 },
    output_file_id: b.output_file_id ?? null,
    error_file_id: b.error_file_id ?? null,
    errors: (b.errors?.data ?? []).map((e) => ({ code: e.code ?? "error", line: e.line ?? null, message: e.message ?? "" }))
  };
}
async function batchStatus(target, opts = {}) {
  const { state, ids } = targetIds(target);
  const provider = providerFor(state, opts, target);
  const batches = [];
  for (const { id, part } of ids) batches.push(row(await provider.retrieveBatch(id), part));
  const run = state ? { input_file: state.input_file, decision: state.decision, started_at: state.started_at, finished_at: state.finished_at, sync_phase: state.sync_phase } : null;
  return { target, run, batches };
}
var FINISHED = /* @__PURE__ */ new Set(["completed", "failed", "expired", "cancelled"]);
async function cancelRun(target, opts = {}) {
  const { state, ids } = targetIds(target);
  const provider = providerFor(state, opts, target);
  const sink = opts.log ?? (() => {
  });
  const log = (line) => sink(redactSecrets(line, provider.apiKey));
  const batches = [];
  for (const { id, part } of ids) {
    const before = await provider.retrieveBatch(id);
    if (!FINISHED.has(before.status) && before.status !== "cancelling") {
      await cancelQuietly({ provider, log }, id);
      log(`cancelling ${id}`);
    }
    batches.push(row(await provider.retrieveBatch(id), part));
  }
  const run = state ? { input_file: state.input_file, decision: state.decision, started_at: state.started_at, finished_at: state.finished_at, sync_phase: state.sync_phase } : null;
  return { target, run, batches };
}

export {
  MaxCostError,
  RunStateError,
  decide,
  worstCase,
  plannedCost,
  fitMaxCost,
  decideWithin,
  redactSecrets,
  DEFAULT_CONCURRENCY,
  DEFAULT_RETRIES,
  policyInput,
  shareMaxCost,
  STATE_FILE,
  loadState,
  DEFAULT_POLL_MS,
  runFile,
  buildIndex,
  batchStatus,
  cancelRun
};
