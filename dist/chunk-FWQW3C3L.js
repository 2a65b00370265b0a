import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  ModelCache,
  RequestFileChecker,
  RequestFileError,
  readJsonlChunks,
  readJsonlLines,
  scanLine
} from "./chunk-5ZDBJYRL.js";
import {
  ZERO_RANGE,
  addRanges,
  formatUsd,
  modeCosts,
  recommend,
  subtractRanges,
  totalCosts
} from "./chunk-EYAB2NU5.js";
import {
  resolvePricing
} from "./chunk-T253CA67.js";

// src/shared/version.ts
var VERSION = "0.1.0";

// src/estimate/estimateFile.ts
import { basename } from "node:path";

// src/estimate/scanFile.ts
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
var CHUNK_BYTES = 512 * 1024;
var IN_FLIGHT_PER_WORKER = 3;
var WORKER_HEAP_MB = 160;
var WORKER_YOUNG_MB = 12;
var WORKER_URL = import.meta.url.endsWith(".ts") ? new URL("./scanWorker.ts", import.meta.url) : new URL("./scan-worker.js", import.meta.url);
async function scanFile(path, opts, onScan) {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR", path });
  const total = info.size;
  const workers = opts.workers ?? (total >= PARALLEL_MIN_BYTES ? Math.min(availableParallelism(), 8) : 0);
  let read = 0;
  const progress = (bytes) => {
    read += bytes;
    opts.onProgress?.(read, total);
  };
  if (workers <= 0) {
    const models = new ModelCache(opts.catalog);
    for await (const raw of readJsonlLines(path)) {
      progress(raw.bytes);
      onScan(scanLine(raw, models));
    }
    opts.onProgress?.(total, total);
    return;
  }
  await scanParallel(path, opts.catalog, workers, progress, onScan);
}
async function scanParallel(path, catalog, count, progress, onScan) {
  const pool = Array.from(
    { length: count },
    () => new Worker(WORKER_URL, { workerData: { catalog }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } })
  );
  const done = /* @__PURE__ */ new Map();
  const inFlight = new Map(pool.map((w) => [w, 0]));
  let nextToEmit = 0;
  let failure = null;
  let closing = false;
  let wake = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  for (const w of pool) {
    w.on("message", (msg) => {
      inFlight.set(w, inFlight.get(w) - 1);
      done.set(msg.seq, msg.scans);
      signal();
    });
    w.on("error", (err) => {
      failure ??= err;
      signal();
    });
    w.on("exit", (code) => {
      if (closing) return;
      failure ??= new Error(`a scan worker exited unexpectedly (code ${code})`);
      signal();
    });
  }
  const emitReady = () => {
    for (let chunk = done.get(nextToEmit); chunk; chunk = done.get(nextToEmit)) {
      done.delete(nextToEmit++);
      for (const s of chunk) onScan(s);
    }
  };
  const waitForRoom = async (limit) => {
    for (; ; ) {
      if (failure) throw failure;
      emitReady();
      const idle = [...inFlight].sort((a, b) => a[1] - b[1])[0];
      if (idle[1] < limit) return idle[0];
      await new Promise((resolve) => wake = resolve);
    }
  };
  let seq = 0;
  const send = async (chunk) => {
    const worker = await waitForRoom(IN_FLIGHT_PER_WORKER);
    inFlight.set(worker, inFlight.get(worker) + 1);
    worker.postMessage({ seq: seq++, chunk }, [chunk.bytes.buffer]);
  };
  try {
    for await (const chunk of readJsonlChunks(path, CHUNK_BYTES)) {
      progress(chunk.bytes.byteLength);
      await send(chunk);
    }
    while (nextToEmit < seq) {
      if (failure) throw failure;
      emitReady();
      if (nextToEmit < seq) await new Promise((resolve) => wake = resolve);
    }
  } finally {
    closing = true;
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

// src/estimate/estimateFile.ts
var MAX_WARNINGS_KEPT = 100;
async function estimateFile(path, opts) {
  const name = opts.displayName ?? basename(path);
  const checker = new RequestFileChecker();
  const problems = [];
  const modelErrors = /* @__PURE__ */ new Map();
  const tallies = /* @__PURE__ */ new Map();
  const items = [];
  const warnings = [];
  let warningCount = 0;
  let bytes = 0;
  await scanFile(path, { catalog: opts.catalog, workers: opts.workers, onProgress: opts.onProgress }, (s) => {
    bytes += s.bytes;
    for (const reason of s.warnings) {
      if (warnings.length < MAX_WARNINGS_KEPT) warnings.push({ line: s.line, reason });
      warningCount++;
    }
    for (const reason of s.problems) problems.push({ line: s.line, reason });
    if (s.problems.length > 0) return;
    const request = { custom_id: s.custom_id, method: "POST", url: s.url, body: { model: s.model } };
    for (const reason of checker.add(s.line, request, s.bytes, s.embedding_inputs)) problems.push({ line: s.line, reason });
    if (s.model_error !== null) {
      const seen = modelErrors.get(s.model);
      if (seen) seen.lines++;
      else modelErrors.set(s.model, { line: s.line, lines: 1, message: s.model_error });
      return;
    }
    const out = s.output;
    let t = tallies.get(s.model);
    if (!t) tallies.set(s.model, t = { requests: 0, input_tokens: 0, output: { ...ZERO_RANGE }, unbounded: 0, unknown_size_images: 0 });
    t.requests++;
    t.input_tokens += s.input_tokens;
    t.output = addRanges(t.output, out);
    if (out.unbounded) t.unbounded++;
    t.unknown_size_images += s.unknown_size_images;
    if (opts.detail) {
      items.push({
        line: s.line,
        custom_id: s.custom_id,
        model: s.model,
        url: s.url,
        bytes: s.bytes,
        input_tokens: s.input_tokens,
        max_output_tokens: out.max,
        unbounded: out.unbounded,
        n: out.n,
        unknown_size_images: s.unknown_size_images,
        output_tokens: { low: out.low, expected: out.expected, max: out.max }
      });
    }
  });
  for (const [, e] of modelErrors) {
    const [first, ...rest] = e.message.split("\n");
    const counted = e.lines > 1 ? `${first} (${e.lines} lines use this model)` : first;
    problems.push({ line: e.line, reason: [counted, ...rest].join("\n") });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new RequestFileError(name, problems);
  }
  if (tallies.size === 0) throw new RequestFileError(name, [{ line: 1, reason: "the file holds no requests" }]);
  const models = [...tallies].map(([model, t]) => {
    const pricing = resolvePricing(opts.catalog, model);
    return {
      model,
      priced_as: pricing.model,
      requests: t.requests,
      input_tokens: t.input_tokens,
      output_tokens: t.output,
      cost: modeCosts(pricing, t.input_tokens, t.output),
      unbounded_requests: t.unbounded,
      unknown_size_images: t.unknown_size_images,
      reasoning: pricing.reasoning
    };
  });
  const cost = totalCosts(models.map((m) => m.cost));
  const output = models.reduce((sum, m) => addRanges(sum, m.output_tokens), { ...ZERO_RANGE });
  return {
    file: name,
    requests: models.reduce((n, m) => n + m.requests, 0),
    bytes,
    input_tokens: models.reduce((n, m) => n + m.input_tokens, 0),
    output_tokens: output,
    models,
    cost,
    savings: {
      batch: subtractRanges(cost.sync, cost.batch),
      flex: cost.flex ? subtractRanges(cost.sync, cost.flex) : null
    },
    recommendation: recommend(cost, { ...opts, modelsWithoutFlex: models.filter((m) => !m.cost.flex).map((m) => m.model) }),
    pricing: { as_of: opts.catalog.as_of, source: opts.catalog.source },
    split_notes: checker.splitNotes(),
    warnings,
    warning_count: warningCount,
    notes: estimateNotes(models, cost.flex !== null),
    ...opts.detail ? { items } : {}
  };
}
function estimateNotes(models, anyFlex) {
  const notes = [];
  for (const m of models) {
    if (m.unbounded_requests > 0) {
      notes.push(
        `${m.unbounded_requests} ${m.model} request(s) set no output cap: max assumes the model's output limit (set max_tokens / max_completion_tokens / max_output_tokens to tighten its worst case of ${formatUsd(m.cost.sync.max)})`
      );
    }
    if (anyFlex && !m.cost.flex && models.length > 1) {
      notes.push(`${m.model} has no flex processing: the flex total prices it at the standard (sync) rate`);
    }
    if (m.unknown_size_images > 0) {
      notes.push(`${m.unknown_size_images} ${m.model} image(s) by URL: size unknown offline, counted at the model's maximum`);
    }
    if (m.reasoning) {
      notes.push(`${m.model} is a reasoning model: hidden reasoning bills as output; expected includes an allowance by reasoning effort`);
    }
  }
  notes.push("input is priced without prompt-cache discounts (cache hits are known only after the call)");
  return notes;
}

// src/report/estimateJson.ts
var usd = (x) => Number(x.toFixed(10));
var money = (r) => ({ low: usd(r.low), expected: usd(r.expected), max: usd(r.max) });
var modes = (c) => ({ sync: money(c.sync), batch: money(c.batch), flex: c.flex ? money(c.flex) : null });
function estimateToJson(e) {
  return {
    file: e.file,
    requests: e.requests,
    input_tokens: e.input_tokens,
    output_tokens: e.output_tokens,
    models: e.models.map((m) => ({
      model: m.model,
      priced_as: m.priced_as,
      requests: m.requests,
      input_tokens: m.input_tokens,
      output_tokens: m.output_tokens,
      cost: modes(m.cost),
      unbounded_requests: m.unbounded_requests,
      unknown_size_images: m.unknown_size_images
    })),
    cost: modes(e.cost),
    savings: { batch: money(e.savings.batch), flex: e.savings.flex ? money(e.savings.flex) : null },
    recommendation: e.recommendation,
    pricing: e.pricing,
    bytes: e.bytes,
    split_notes: e.split_notes,
    warnings: e.warnings,
    warning_count: e.warning_count,
    notes: e.notes,
    ...e.items ? {
      items: e.items.map((i) => ({
        line: i.line,
        custom_id: i.custom_id,
        model: i.model,
        input_tokens: i.input_tokens,
        max_output_tokens: i.max_output_tokens,
        url: i.url,
        unbounded: i.unbounded,
        output_tokens: i.output_tokens
      }))
    } : {}
  };
}

export {
  estimateFile,
  estimateToJson,
  VERSION
};
