import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  ModelCache,
  encodingIsAssumed,
  predict,
  predictCache,
  scanLine
} from "./chunk-LZ5PGCP2.js";
import {
  EXPECTED_HIT_RATE,
  FileComparison,
  MODES,
  PrefixTracker,
  ZERO_RANGE,
  addCosts,
  addRanges,
  formatUsd,
  lineCosts,
  recommend,
  roundUsd,
  subtractRanges,
  totalCosts,
  zeroCosts
} from "./chunk-6BGZLGY6.js";
import {
  RequestFileChecker,
  RequestFileError,
  catalogAgeDays,
  isLongContext,
  lifecycleOf,
  readJsonlChunks,
  readJsonlLines,
  resolvePricing
} from "./chunk-I7NYW3OD.js";

// src/shared/version.ts
var VERSION = "0.2.0";

// src/estimate/estimateFile.ts
import { basename } from "node:path";

// src/estimate/calibrateOutput.ts
var MAX_REASONS = 5;
var OutputCalibration = class {
  byShape = /* @__PURE__ */ new Map();
  reasonTexts = /* @__PURE__ */ new Map();
  history;
  source;
  constructor(history, source) {
    this.history = history;
    this.source = source;
  }
  forLine(shape, heuristic) {
    const f = this.figures(shape);
    const cache = f.cache;
    if (f.expected === null) {
      return { output: { low: heuristic.low, expected: heuristic.expected, max: heuristic.max }, source: "heuristic", sample: 0, cache };
    }
    const expected = Math.min(heuristic.max, Math.max(heuristic.low, f.expected));
    return { output: { low: heuristic.low, expected, max: heuristic.max }, source: this.source, sample: f.sample, cache };
  }
  /** What the calibration rests on, for the estimate's notes. */
  reasons() {
    return [...this.reasonTexts.values()];
  }
  figures(shape) {
    let f = this.byShape.get(shape.id);
    if (f !== void 0) return f;
    if (this.history.length === 0) {
      f = { expected: null, sample: 0, cache: null };
    } else {
      const p = predict(this.history, shape);
      const c = predictCache(this.history, shape);
      f = { expected: p?.expected_per_request ?? null, sample: p?.sample ?? 0, cache: c ? { ratio: c.ratio, write_ratio: c.write_ratio } : null };
      const label = this.source === "pilot" ? "pilot" : "history";
      if (p && this.reasonTexts.size < MAX_REASONS) this.reasonTexts.set(`o${shape.id}`, `${shape.model} (${label}): ${p.reason.replace("earlier run", this.source === "pilot" ? "pilot run" : "earlier run")}`);
      if (c && this.reasonTexts.size < MAX_REASONS) this.reasonTexts.set(`c${shape.id}`, `${shape.model} (${label}): ${c.reason}`);
    }
    this.byShape.set(shape.id, f);
    return f;
  }
};

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
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const checker = new RequestFileChecker();
  const problems = [];
  const modelErrors = /* @__PURE__ */ new Map();
  const tallies = /* @__PURE__ */ new Map();
  const items = [];
  const warnings = [];
  const prefixes = new PrefixTracker();
  const calibration = new OutputCalibration(opts.history ?? [], opts.historySource ?? "history");
  const ctx = { region: opts.region === true };
  const comparison = opts.compare?.length ? new FileComparison(opts.compare, opts.catalog, { now }) : null;
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
    if (problems.length > 0) return;
    let t = tallies.get(s.model);
    if (!t) {
      const pricing = resolvePricing(opts.catalog, s.model);
      tallies.set(s.model, t = {
        pricing,
        requests: 0,
        input_tokens: 0,
        output: { ...ZERO_RANGE },
        sources: {},
        sample: 0,
        cost: zeroCosts(),
        uncached: zeroCosts(),
        cached: {},
        cache_write: 0,
        shared_prefix: 0,
        cache_from_history: 0,
        long_context: 0,
        unbounded: 0,
        unknown_size_images: 0
      });
    }
    const heuristic = s.output;
    const calibrated = calibration.forLine(s.shape, heuristic);
    const out = calibrated.output;
    const cache = prefixes.next(s.model, s.prefixes, s.input_tokens, { billsWrites: t.pricing.sync.cache_write != null }, calibrated.cache);
    const q = { input: s.input_tokens, output: out, cache, media: s.media };
    const cost2 = lineCosts(t.pricing, q, ctx);
    t.requests++;
    t.input_tokens += s.input_tokens;
    t.output = addRanges(t.output, out);
    t.sources[calibrated.source] = (t.sources[calibrated.source] ?? 0) + 1;
    t.sample = Math.max(t.sample, calibrated.sample);
    t.cost = addCosts(t.cost, cost2);
    const uncached2 = lineCosts(t.pricing, q, ctx, false);
    t.uncached = addCosts(t.uncached, uncached2);
    comparison?.add({
      model: s.model,
      priced_as: t.pricing.model,
      pricing: t.pricing,
      url: s.url,
      input_tokens: s.input_tokens,
      output: out,
      output_source: calibrated.source,
      bound: heuristic,
      baseline: uncached2
    });
    if (cache.possible > 0 || cache.cached_expected > 0) {
      t.shared_prefix++;
      for (const m of MODES) if (cachedRateOf(t.pricing, m)) t.cached[m] = (t.cached[m] ?? 0) + cache.cached_expected;
    }
    if (calibrated.cache !== null) t.cache_from_history++;
    t.cache_write += cache.write_expected;
    const long = isLongContext(t.pricing, s.input_tokens);
    if (long) t.long_context++;
    if (heuristic.unbounded) t.unbounded++;
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
        unbounded: heuristic.unbounded,
        n: heuristic.n,
        unknown_size_images: s.unknown_size_images,
        output_tokens: { low: out.low, expected: out.expected, max: out.max },
        output_source: calibrated.source,
        cached_input_tokens: cache.cached_expected,
        long_context: long,
        cost: cost2,
        shape: s.shape
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
  const lifecycle = [];
  const models = [...tallies].map(([model, t]) => {
    const life = lifecycleOf(model, t.pricing, now);
    if (life) lifecycle.push(life);
    return {
      model,
      priced_as: t.pricing.model,
      price_origin: t.pricing.origin,
      price_as_of: t.pricing.as_of,
      requests: t.requests,
      input_tokens: t.input_tokens,
      output_tokens: outputTokens(t.output, t.sources, t.sample),
      cost: t.cost,
      cost_without_cache: t.uncached,
      cache: cacheTokens(t),
      long_context_requests: t.long_context,
      unbounded_requests: t.unbounded,
      unknown_size_images: t.unknown_size_images,
      reasoning: t.pricing.reasoning,
      warnings: life ? [life.message] : []
    };
  });
  const cost = totalCosts(models.map((m) => m.cost));
  const uncached = totalCosts(models.map((m) => m.cost_without_cache));
  const output = models.reduce((sum, m) => addRanges(sum, m.output_tokens), { ...ZERO_RANGE });
  const sources = {};
  for (const m of models) for (const [k, v] of Object.entries(m.output_tokens.sources)) sources[k] = (sources[k] ?? 0) + v;
  const recommendOpts = { ...opts, modelsWithoutFlex: models.filter((m) => !m.cost.flex).map((m) => m.model) };
  const compared2 = comparison?.result();
  return {
    file: name,
    requests: models.reduce((n, m) => n + m.requests, 0),
    bytes,
    input_tokens: models.reduce((n, m) => n + m.input_tokens, 0),
    output_tokens: outputTokens(output, sources, Math.max(...models.map((m) => m.output_tokens.sample))),
    models,
    cost,
    cost_without_cache: uncached,
    savings: {
      batch: subtractRanges(cost.sync, cost.batch),
      flex: cost.flex ? subtractRanges(cost.sync, cost.flex) : null
    },
    recommendation: recommend(cost, { ...recommendOpts, withoutCache: uncached }),
    pricing: {
      as_of: opts.catalog.as_of,
      source: opts.catalog.source,
      age_days: catalogAgeDays(opts.catalog, now),
      region: ctx.region,
      derived_models: models.filter((m) => m.price_origin === "derived").map((m) => m.model)
    },
    lifecycle,
    split_notes: checker.splitNotes(),
    warnings,
    warning_count: warningCount,
    notes: [...estimateNotes(models, cost, calibration.reasons()), ...compared2?.notes ?? []],
    ...compared2 ? { comparison: compared2.comparison } : {},
    ...opts.detail ? { items } : {}
  };
}
function cachedRateOf(p, mode) {
  const price = p[mode];
  return price !== null && price.cached_input !== null;
}
function outputTokens(r, sources, sample) {
  const entries = Object.entries(sources);
  const source = entries.sort((a, b) => b[1] - a[1])[0]?.[0] ?? "heuristic";
  return { ...r, source, sample: source === "heuristic" ? 0 : sample, sources };
}
function cacheTokens(t) {
  if (t.shared_prefix === 0 && t.cache_write === 0) return null;
  const cached = Object.fromEntries(MODES.map((m) => [m, Math.round(t.cached[m] ?? 0)]));
  return {
    cached_input_tokens: cached,
    cache_write_tokens: Math.round(t.cache_write),
    requests_with_shared_prefix: t.shared_prefix,
    source: t.cache_from_history > t.requests / 2 ? "history" : "prefix"
  };
}
function estimateNotes(models, total, calibration) {
  const notes = [];
  const several = models.length > 1;
  for (const m of models) {
    for (const w of m.warnings) notes.push(w);
    if (m.price_origin === "derived") {
      notes.push(`${m.model} is not in the catalog: standard and cached prices derived from @pydantic/genai-prices, batch at 50% (no flex or priority); strict pricing (CLI --strict-pricing, action strict-pricing) refuses it instead`);
    }
    if (encodingIsAssumed(m.model)) {
      notes.push(`${m.model}: OpenAI publishes no tokenizer for this family; input tokens are counted with o200k_base (an assumption)`);
    }
    if (m.long_context_requests > 0) {
      notes.push(`${m.long_context_requests} ${m.model} request(s) are over the long-context threshold: each bills at the long-context rates (2\xD7 input, 1.5\xD7 output)`);
    }
    if (m.unbounded_requests > 0) {
      notes.push(
        `${m.unbounded_requests} ${m.model} request(s) set no output cap: max assumes the model's output limit (set max_tokens / max_completion_tokens / max_output_tokens to tighten its worst case of ${formatUsd(m.cost.sync.max)})`
      );
    }
    if (total.flex && !m.cost.flex && several) notes.push(`${m.model} has no flex processing: the flex total prices it at the standard (sync) rate`);
    if (total.priority && !m.cost.priority && several) notes.push(`${m.model} has no priority processing: the priority total prices it at the standard (sync) rate`);
    if (m.unknown_size_images > 0) {
      notes.push(`${m.unknown_size_images} ${m.model} image(s) by URL: size unknown offline, counted at the model's maximum`);
    }
    if (m.reasoning && m.output_tokens.source === "heuristic") {
      notes.push(`${m.model} is a reasoning model: hidden reasoning bills as output; expected includes an allowance by reasoning effort`);
    }
    if (m.cache) {
      const how = m.cache.source === "history" ? "as earlier runs of this prompt measured" : `assuming ${Math.round(EXPECTED_HIT_RATE * 100)}% of possible hits (an assumption; history replaces it)`;
      notes.push(
        `${m.model}: ${m.cache.requests_with_shared_prefix} request(s) share a cacheable prompt prefix; expected ${m.cache.cached_input_tokens.sync.toLocaleString("en-US")} cached input tokens at the standard tier, ${how}; max assumes no cache hits`
      );
    }
  }
  notes.push(...calibration);
  if (!models.some((m) => m.cache)) notes.push("no request shares a cacheable prompt prefix (1,024+ tokens) with another: input is priced without cache discounts");
  return notes;
}

// src/report/estimateJson.ts
var money = (r) => ({ low: roundUsd(r.low), expected: roundUsd(r.expected), max: roundUsd(r.max) });
var modes = (c) => ({
  sync: money(c.sync),
  batch: money(c.batch),
  flex: c.flex ? money(c.flex) : null,
  priority: c.priority ? money(c.priority) : null
});
var compared = (c) => ({
  from: c.from,
  to: c.to,
  provider: c.provider,
  priced_as: c.priced_as,
  requests: c.requests,
  input_tokens: c.input_tokens,
  output_tokens: { low: c.output_tokens.low, expected: Math.round(c.output_tokens.expected), max: c.output_tokens.max },
  cost: { sync: money(c.cost.sync), batch: money(c.cost.batch) },
  baseline: { sync: money(c.baseline.sync), batch: money(c.baseline.batch) },
  approximate: c.approximate,
  token_ratio: c.token_ratio,
  token_basis: c.token_basis,
  pricing: { as_of: c.price_as_of, source: c.price_source },
  notes: c.notes
});
var tokens = (t) => ({ low: t.low, expected: Math.round(t.expected), max: t.max, source: t.source, sample: t.sample });
function estimateToJson(e) {
  return {
    file: e.file,
    requests: e.requests,
    input_tokens: e.input_tokens,
    output_tokens: tokens(e.output_tokens),
    models: e.models.map((m) => ({
      model: m.model,
      priced_as: m.priced_as,
      price_origin: m.price_origin,
      price_as_of: m.price_as_of,
      requests: m.requests,
      input_tokens: m.input_tokens,
      output_tokens: tokens(m.output_tokens),
      cost: modes(m.cost),
      ...m.cache ? {
        cached_input_tokens: m.cache.cached_input_tokens,
        cache_write_tokens: m.cache.cache_write_tokens,
        cache: { requests_with_shared_prefix: m.cache.requests_with_shared_prefix, source: m.cache.source }
      } : {},
      long_context_requests: m.long_context_requests,
      unbounded_requests: m.unbounded_requests,
      unknown_size_images: m.unknown_size_images,
      warnings: m.warnings
    })),
    cost: modes(e.cost),
    cost_without_cache: modes(e.cost_without_cache),
    savings: { batch: money(e.savings.batch), flex: e.savings.flex ? money(e.savings.flex) : null },
    recommendation: e.recommendation,
    pricing: e.pricing,
    lifecycle: e.lifecycle,
    bytes: e.bytes,
    split_notes: e.split_notes,
    warnings: e.warnings,
    warning_count: e.warning_count,
    notes: e.notes,
    ...e.comparison ? { comparison: e.comparison.map(compared) } : {},
    ...e.items ? {
      items: e.items.map((i) => ({
        line: i.line,
        custom_id: i.custom_id,
        model: i.model,
        input_tokens: i.input_tokens,
        max_output_tokens: i.max_output_tokens,
        url: i.url,
        unbounded: i.unbounded,
        output_tokens: { low: i.output_tokens.low, expected: Math.round(i.output_tokens.expected), max: i.output_tokens.max },
        output_source: i.output_source,
        cached_input_tokens: Math.round(i.cached_input_tokens),
        long_context: i.long_context,
        cost: modes(i.cost)
      }))
    } : {}
  };
}

export {
  estimateFile,
  estimateToJson,
  VERSION
};
