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
  predictInputRatio,
  promptCacheRules,
  scanLine
} from "./chunk-2X7CWBSR.js";
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
  scrub,
  subtractRanges,
  totalCosts,
  zeroCosts
} from "./chunk-VMWTP7T6.js";
import {
  PROVIDER_LABELS,
  RequestFileChecker,
  RequestFileError,
  approximationMethod,
  catalogAgeDays,
  isLongContext,
  lifecycleOf,
  providerPricingNotes,
  readJsonlChunks,
  readJsonlLines,
  resolvePricing,
  tokenRatioFor
} from "./chunk-ZIDOD6TB.js";

// src/shared/version.ts
var VERSION = "0.2.0";

// src/estimate/estimateFile.ts
import { basename } from "node:path";

// src/estimate/calibrateInput.ts
var InputCalibration = class {
  history;
  byModel = /* @__PURE__ */ new Map();
  constructor(history) {
    this.history = history;
  }
  /** The measured ratio for `model`, or null when no earlier run of it recorded its approximation. */
  ratioFor(model) {
    if (!this.byModel.has(model)) this.byModel.set(model, this.history.length === 0 ? null : predictInputRatio(this.history, model));
    return this.byModel.get(model);
  }
  /** `approximate` (the approximation of one request) calibrated, rounded up; null without history for the model. */
  calibrate(model, approximate) {
    const prediction = this.ratioFor(model);
    if (prediction === null) return null;
    return { tokens: Math.ceil(approximate * prediction.ratio - 1e-9), prediction };
  }
};

// src/estimate/oneHourWrites.ts
var ONE_HOUR_WRITE_FACTOR = 2;
var memo = /* @__PURE__ */ new WeakMap();
function withOneHourWrites(pricing) {
  let hit = memo.get(pricing);
  if (hit === void 0) {
    const hour = (p) => p === null || p.cache_write == null ? p : { ...p, cache_write: p.input * ONE_HOUR_WRITE_FACTOR };
    hit = { ...pricing, sync: hour(pricing.sync), batch: hour(pricing.batch), flex: hour(pricing.flex), priority: hour(pricing.priority) };
    memo.set(pricing, hit);
  }
  return hit;
}

// src/estimate/providerNotes.ts
var MAX_COUNT_FAILURES_KEPT = 3;
function recordCountFailure(t, reason) {
  t.count_failed++;
  if (t.count_failures.has(reason) || t.count_failures.size < MAX_COUNT_FAILURES_KEPT) t.count_failures.set(reason, (t.count_failures.get(reason) ?? 0) + 1);
}
function counterName(provider) {
  return provider === "anthropic" ? "Anthropic's count_tokens" : provider === "gemini" ? "Gemini's countTokens" : "the provider's token counter";
}
function inputMethod(t, provider) {
  const ratio = tokenRatioFor(provider, t.pricing.model);
  const phrases = [];
  const n = (source) => t.input_sources[source] ?? 0;
  const several = Object.keys(t.input_sources).length > 1;
  const count = (source) => several ? `${n(source).toLocaleString("en-US")} request(s): ` : "";
  if (n("exact") > 0) phrases.push(`${count("exact")}counted exactly offline with the model's OpenAI tokenizer`);
  if (n("provider_count") > 0) phrases.push(`${count("provider_count")}counted by ${counterName(provider)}`);
  if (n("history") > 0 && t.input_history) {
    phrases.push(`${count("history")}${approximationMethod(ratio)}, calibrated \xD7 ${t.input_history.ratio}: ${t.input_history.reason}`);
  }
  if (n("approximate") > 0) phrases.push(`${count("approximate")}${approximationMethod(ratio)} (${ratio.basis})`);
  return phrases.join("; ");
}
function inputNotes(m, t, provider) {
  const notes = [];
  const approx = (t.input_sources.approximate ?? 0) + (t.input_sources.history ?? 0);
  if (approx > 0) {
    notes.push(
      `${m.model}: input tokens are approximate (${PROVIDER_LABELS[provider]} publishes no offline tokenizer): ${m.input_tokens_method}${t.input_history === null ? "; a run records what was billed, and the next estimate calibrates on it" : ""}${(t.input_sources.approximate ?? 0) > 0 ? "; max assumes the approximation, which can be below the provider's count" : ""}`
    );
  } else if ((t.input_sources.provider_count ?? 0) > 0) {
    notes.push(`${m.model}: input tokens counted by ${counterName(provider)} for every request`);
  }
  if (t.count_failed > 0) {
    notes.push(
      `${m.model}: ${counterName(provider)} failed for ${t.count_failed.toLocaleString("en-US")} request(s), whose input is the approximation instead (${[...t.count_failures.keys()].join("; ")})`
    );
  }
  return notes;
}
function providerCacheNotes(m, t, provider) {
  const rules = t.cache_rules;
  if (rules === null) return [];
  if (provider === "anthropic") {
    if (t.cache_marked === 0) {
      return [`${m.model}: no request marks a cache_control breakpoint, and Claude caches only what a request marks: priced without cache reads or writes`];
    }
    const notes = [
      `${m.model}: ${t.cache_marked.toLocaleString("en-US")} request(s) mark cache_control; prefixes up to a breakpoint, from ${rules.basis}, are read at the cached rate after a first write at 1.25\xD7 input (a batch halves both; a batch's hits are best-effort, and a 5-minute entry can expire before the next request runs)`
    ];
    if (t.cache_one_hour > 0) {
      notes.push(
        `${m.model}: ${t.cache_one_hour.toLocaleString("en-US")} request(s) ask for 1-hour cache writes, priced at 2\xD7 input (the 1-hour rate); the usage a run reads does not tell 1-hour writes apart, so the run's actual cost prices them at the 5-minute rate`
      );
    }
    return notes;
  }
  return [`${m.model}: implicit caching from ${rules.basis}; Google promises no hits, and a batch's hits bill at the standard cached rate`];
}

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
      const waiting = onScan(scanLine(raw, models, opts.keepBodies === true));
      if (waiting) await waiting;
    }
    opts.onProgress?.(total, total);
    return;
  }
  await scanParallel(path, opts.catalog, workers, progress, onScan, opts.keepBodies === true);
}
async function scanParallel(path, catalog, count, progress, onScan, keepBodies) {
  const pool = Array.from(
    { length: count },
    () => new Worker(WORKER_URL, { workerData: { catalog, keepBodies }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } })
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
  const emitReady = async () => {
    for (let chunk = done.get(nextToEmit); chunk; chunk = done.get(nextToEmit)) {
      done.delete(nextToEmit++);
      for (const s of chunk) {
        const waiting = onScan(s);
        if (waiting) await waiting;
      }
    }
  };
  const waitForRoom = async (limit) => {
    for (; ; ) {
      if (failure) throw failure;
      await emitReady();
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
      await emitReady();
      if (nextToEmit < seq) await new Promise((resolve) => wake = resolve);
    }
  } finally {
    closing = true;
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

// src/estimate/estimateFile.ts
var COUNT_CONCURRENCY = 8;
var MAX_WARNINGS_KEPT = 100;
async function estimateFile(path, opts) {
  const name = opts.displayName ?? basename(path);
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const provider = opts.catalog.provider ?? "openai";
  const approximate = provider === "anthropic" || provider === "gemini";
  const checker = new RequestFileChecker();
  const problems = [];
  const modelErrors = /* @__PURE__ */ new Map();
  const tallies = /* @__PURE__ */ new Map();
  const items = [];
  const warnings = [];
  const prefixes = new PrefixTracker();
  const calibration = new OutputCalibration(opts.history ?? [], opts.historySource ?? "history");
  const inputCalibration = new InputCalibration(opts.history ?? []);
  const ctx = { region: opts.region === true };
  const comparison = opts.compare?.length ? new FileComparison(opts.compare, opts.catalog, { now }) : null;
  const counter = opts.countInputTokens;
  const inFlight = Math.max(1, Math.floor(opts.countConcurrency ?? COUNT_CONCURRENCY));
  const pending = [];
  let warningCount = 0;
  let bytes = 0;
  const countOne = async (s, body) => {
    try {
      const n = await counter(s.line, body, s.url);
      if (typeof n !== "number" || !Number.isFinite(n) || n < 0) return { error: `the counter returned ${JSON.stringify(n) ?? String(n)}, not a token count` };
      return { tokens: Math.round(n) };
    } catch (err) {
      const text = scrub((err instanceof Error ? err.message : String(err)).split("\n")[0]).trim();
      return { error: text.length > 200 ? `${text.slice(0, 199)}\u2026` : text || "the counter failed" };
    }
  };
  const tally = (s, counted) => {
    let t = tallies.get(s.model);
    if (!t) {
      const pricing2 = resolvePricing(opts.catalog, s.model);
      tallies.set(s.model, t = {
        pricing: pricing2,
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
        unknown_size_images: 0,
        input_sources: {},
        input_history: null,
        count_failed: 0,
        count_failures: /* @__PURE__ */ new Map(),
        cache_rules: approximate ? promptCacheRules(provider, pricing2.model) : null,
        cache_marked: 0,
        cache_one_hour: 0
      });
    }
    const scanned = s.input_tokens;
    let input = scanned;
    let inputSource = s.input_source;
    if (counted !== null && "tokens" in counted) {
      input = counted.tokens;
      inputSource = "provider_count";
    } else {
      if (counted !== null) recordCountFailure(t, counted.error);
      const calibrated2 = s.input_source === "approximate" ? inputCalibration.calibrate(s.model, scanned) : null;
      if (calibrated2 !== null) {
        input = calibrated2.tokens;
        inputSource = "history";
        t.input_history = calibrated2.prediction;
      }
    }
    t.input_sources[inputSource] = (t.input_sources[inputSource] ?? 0) + 1;
    const inputMax = inputSource === "history" ? Math.max(input, scanned) : input;
    const linePrefixes = input === scanned ? s.prefixes : rescale(s.prefixes, input / scanned, t.cache_rules);
    const heuristic = s.output;
    const calibrated = calibration.forLine(s.shape, heuristic);
    const out = calibrated.output;
    const rules = { billsWrites: t.pricing.sync.cache_write != null, ...t.cache_rules !== null ? { step: 1 } : {} };
    const cache = prefixes.next(s.model, linePrefixes, input, rules, calibrated.cache);
    if (s.cache_marked) t.cache_marked++;
    if (s.cache_one_hour) t.cache_one_hour++;
    const pricing = s.cache_one_hour ? withOneHourWrites(t.pricing) : t.pricing;
    const q = { input, input_max: inputMax, output: out, cache, media: s.media };
    const cost2 = lineCosts(pricing, q, ctx);
    t.requests++;
    t.input_tokens += input;
    t.output = addRanges(t.output, out);
    t.sources[calibrated.source] = (t.sources[calibrated.source] ?? 0) + 1;
    t.sample = Math.max(t.sample, calibrated.sample);
    t.cost = addCosts(t.cost, cost2);
    const uncached2 = lineCosts(pricing, q, ctx, false);
    t.uncached = addCosts(t.uncached, uncached2);
    comparison?.add({
      // Comparisons approximate from the OpenAI tokenizer's count, whatever counted this request's own input.
      model: s.model,
      priced_as: t.pricing.model,
      pricing: t.pricing,
      url: s.url,
      input_tokens: s.openai_input_tokens,
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
    const long = isLongContext(t.pricing, input);
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
        input_tokens: input,
        input_tokens_source: inputSource,
        ...s.input_source === "approximate" ? { approximate_input_tokens: scanned } : {},
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
  };
  const settleOldest = async () => {
    const next = pending.shift();
    const counted = await next.counted;
    if (problems.length === 0) tally(next.scan, counted);
  };
  await scanFile(path, { catalog: opts.catalog, workers: opts.workers, onProgress: opts.onProgress, keepBodies: counter !== void 0 }, (s) => {
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
    if (counter === void 0) {
      tally(s, null);
      return;
    }
    const body = s.body;
    delete s.body;
    pending.push({ scan: s, counted: countOne(s, body) });
    return pending.length >= inFlight ? settleOldest() : void 0;
  });
  while (pending.length > 0) await settleOldest();
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
    const life = lifecycleOf(model, t.pricing, now, provider);
    if (life) lifecycle.push(life);
    return {
      model,
      priced_as: t.pricing.model,
      price_origin: t.pricing.origin,
      price_as_of: t.pricing.as_of,
      requests: t.requests,
      input_tokens: t.input_tokens,
      input_tokens_source: dominant(t.input_sources, "exact"),
      input_tokens_sources: t.input_sources,
      input_tokens_method: inputMethod(t, provider),
      input_tokens_sample: t.input_history?.sample ?? 0,
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
  const inputSources = {};
  for (const m of models) for (const [k, v] of Object.entries(m.input_tokens_sources)) inputSources[k] = (inputSources[k] ?? 0) + v;
  const recommendOpts = { ...opts, modelsWithoutFlex: models.filter((m) => !m.cost.flex).map((m) => m.model) };
  const compared2 = comparison?.result();
  return {
    file: name,
    requests: models.reduce((n, m) => n + m.requests, 0),
    bytes,
    input_tokens: models.reduce((n, m) => n + m.input_tokens, 0),
    input_tokens_source: dominant(inputSources, "exact"),
    input_tokens_sources: inputSources,
    input_tokens_approximate: (inputSources.approximate ?? 0) + (inputSources.history ?? 0) > 0,
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
      derived_models: models.filter((m) => m.price_origin === "derived").map((m) => m.model),
      provider
    },
    lifecycle,
    split_notes: checker.splitNotes(),
    warnings,
    warning_count: warningCount,
    notes: [...providerPricingNotes(provider), ...estimateNotes(models, tallies, cost, calibration.reasons(), provider), ...compared2?.notes ?? []],
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
function dominant(counts, fallback) {
  const entries = Object.entries(counts);
  return entries.sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}
function rescale(prefixes, scale, rules) {
  if (prefixes.length === 0 || !Number.isFinite(scale)) return prefixes;
  const min = rules?.minTokens ?? 0;
  return prefixes.map((p) => ({ hash: p.hash, tokens: Math.round(p.tokens * scale) })).filter((p) => p.tokens >= min);
}
function estimateNotes(models, tallies, total, calibration, provider) {
  const notes = [];
  const several = models.length > 1;
  for (const m of models) {
    const t = tallies.get(m.model);
    for (const w of m.warnings) notes.push(w);
    notes.push(...inputNotes(m, t, provider));
    if (m.price_origin === "derived") {
      notes.push(`${m.model} is not in the catalog: standard and cached prices derived from @pydantic/genai-prices, batch at 50% (no flex or priority); strict pricing (CLI --strict-pricing, action strict-pricing) refuses it instead`);
    }
    if (encodingIsAssumed(m.model)) {
      notes.push(`${m.model}: OpenAI publishes no tokenizer for this family; input tokens are counted with o200k_base (an assumption)`);
    }
    const long = t.pricing.long_context;
    if (m.long_context_requests > 0 && long) {
      const rates = long.input === long.output ? `${long.input}\xD7 every rate` : `${long.input}\xD7 input, ${long.output}\xD7 output`;
      notes.push(`${m.long_context_requests} ${m.model} request(s) are over the long-context threshold of ${long.above_input_tokens.toLocaleString("en-US")} input tokens: each bills at the long-context rates (${rates})`);
    }
    if (m.unbounded_requests > 0) {
      notes.push(
        `${m.unbounded_requests} ${m.model} request(s) set no output cap: max assumes the model's output limit (set max_tokens / max_completion_tokens / max_output_tokens to tighten its worst case of ${formatUsd(m.cost.sync.max)})${provider === "anthropic" ? "; Anthropic requires max_tokens: a run refuses these lines until they set one" : ""}`
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
    notes.push(...providerCacheNotes(m, t, provider));
  }
  notes.push(...calibration);
  if (!models.some((m) => m.cache)) {
    const min = provider === "openai" || provider === "azure" ? " (1,024+ tokens)" : "";
    notes.push(`no request shares a cacheable prompt prefix${min} with another: input is priced without cache discounts`);
  }
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
    // How input was counted: exact (OpenAI's tokenizer), approximate, history (calibrated) or provider_count.
    input_tokens_source: e.input_tokens_source,
    input_tokens_approximate: e.input_tokens_approximate,
    input_tokens_sources: e.input_tokens_sources,
    output_tokens: tokens(e.output_tokens),
    models: e.models.map((m) => ({
      model: m.model,
      priced_as: m.priced_as,
      price_origin: m.price_origin,
      price_as_of: m.price_as_of,
      requests: m.requests,
      input_tokens: m.input_tokens,
      input_tokens_source: m.input_tokens_source,
      input_tokens_sources: m.input_tokens_sources,
      input_tokens_method: m.input_tokens_method,
      ...m.input_tokens_sample > 0 ? { input_tokens_sample: m.input_tokens_sample } : {},
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
        input_tokens_source: i.input_tokens_source,
        ...i.approximate_input_tokens !== void 0 ? { approximate_input_tokens: i.approximate_input_tokens } : {},
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
