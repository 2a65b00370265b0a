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
} from "./chunk-2KLQBHXG.js";
import {
  ZERO_RANGE,
  addRanges,
  formatUsd,
  modeCosts,
  recommend,
  subtractRanges,
  totalCosts
} from "./chunk-QFOLXEZL.js";
import {
  resolvePricing,
  usageCostUsd,
  usageTokens
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

// src/results/outcomeIndex.ts
import { closeSync as closeSync2, existsSync, openSync as openSync2 } from "node:fs";

// src/results/classifyBatchLine.ts
function isRetryableStatus(status) {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
function isRetryableCode(code) {
  return /rate_limit|timeout|timed_out|server_error|overloaded|batch_expired|unavailable/.test(code);
}
function classifyBatchLine(text) {
  const line = JSON.parse(text);
  const custom_id = String(line.custom_id);
  const res = line.response;
  if (res && typeof res.status_code === "number") {
    const status2 = res.status_code;
    const body = res.body ?? null;
    if (status2 >= 200 && status2 < 300 && !line.error) {
      const usage = body && typeof body.usage === "object" ? body.usage : null;
      return { custom_id, status: "succeeded", retryable: false, response: body, error: null, usage };
    }
    const apiError = body?.error ?? null;
    const code2 = typeof apiError?.code === "string" ? apiError.code : typeof apiError?.type === "string" ? apiError.type : `http_${status2}`;
    const message2 = typeof apiError?.message === "string" ? apiError.message : `the endpoint answered HTTP ${status2}`;
    return { custom_id, status: "failed", retryable: isRetryableStatus(status2), response: body, error: { code: code2, message: message2 }, usage: null };
  }
  const code = typeof line.error?.code === "string" ? line.error.code : "unknown_error";
  const message = typeof line.error?.message === "string" ? line.error.message : "the batch reported an error without a message";
  const status = code === "batch_expired" ? "expired" : code === "batch_cancelled" ? "cancelled" : "failed";
  const retryable = typeof line.batchwise_retryable === "boolean" ? line.batchwise_retryable : isRetryableCode(code);
  return { custom_id, status, retryable, response: null, error: { code, message }, usage: null };
}

// src/results/journal.ts
import { closeSync, openSync, writeSync } from "node:fs";
function openJournal(path) {
  const fd = openSync(path, "a");
  let closed = false;
  return {
    append(record, retryable) {
      if (closed) throw new Error("journal: append after close");
      const entry = { retryable, record };
      writeSync(fd, `${JSON.stringify(entry)}
`);
    },
    close() {
      if (!closed) closeSync(fd);
      closed = true;
    }
  };
}
function parseJournalLine(text) {
  try {
    const e = JSON.parse(text);
    return e && typeof e.record?.custom_id === "string" ? e : null;
  } catch {
    return null;
  }
}

// src/results/scanLines.ts
import { createReadStream, readSync } from "node:fs";
async function* scanLines(path) {
  let pending = [];
  let pendingBytes = 0;
  let fileOffset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk;
    let start = 0;
    let nl = buf.indexOf(10, start);
    while (nl !== -1) {
      const piece = buf.subarray(start, nl);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece], pendingBytes + piece.length);
      const lineStart = fileOffset;
      fileOffset += bytes.length + 1;
      pending = [];
      pendingBytes = 0;
      const line = toLine(bytes, lineStart);
      if (line) yield line;
      start = nl + 1;
      nl = buf.indexOf(10, start);
    }
    if (start < buf.length) {
      const rest = Buffer.from(buf.subarray(start));
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    const line = toLine(Buffer.concat(pending, pendingBytes), fileOffset);
    if (line) yield line;
  }
}
function toLine(bytes, offset) {
  let length = bytes.length;
  if (length > 0 && bytes[length - 1] === 13) length--;
  const text = bytes.subarray(0, length).toString("utf8");
  if (text.trim() === "") return null;
  return { text, offset, length };
}
function readLineAt(fd, offset, length) {
  const buf = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buf, read, length - read, offset + read);
    if (n === 0) throw new Error(`readLineAt: file ended at ${offset + read}, expected ${length} bytes from ${offset}`);
    read += n;
  }
  return buf.toString("utf8");
}

// src/results/outcomeIndex.ts
var OutcomeIndex = class {
  entries = /* @__PURE__ */ new Map();
  sources = [];
  fds = [];
  get size() {
    return this.entries.size;
  }
  /** Adds every line of a batch output or error file; returns the outcomes' custom_ids with their status. */
  async addBatchFile(path, batch_id) {
    const source = this.sources.push({ path, kind: "batch", batch_id }) - 1;
    for await (const line of scanLines(path)) {
      const o = classifyBatchLine(line.text);
      this.entries.set(o.custom_id, { source, offset: line.offset, length: line.length, status: o.status, retryable: o.retryable });
    }
  }
  async addJournal(path) {
    if (!existsSync(path)) return;
    const source = this.sources.push({ path, kind: "journal", batch_id: null }) - 1;
    for await (const line of scanLines(path)) {
      const e = parseJournalLine(line.text);
      if (!e) continue;
      this.entries.set(e.record.custom_id, { source, offset: line.offset, length: line.length, status: e.record.status, retryable: e.retryable });
    }
  }
  /** The latest status of a request, without reading its body. */
  status(custom_id) {
    const e = this.entries.get(custom_id);
    return e ? { status: e.status, retryable: e.retryable } : null;
  }
  /** Reads one request's latest outcome back from its file. */
  read(custom_id) {
    const e = this.entries.get(custom_id);
    if (!e) return null;
    const src = this.sources[e.source];
    let fd = this.fds[e.source];
    if (fd == null) fd = this.fds[e.source] = openSync2(src.path, "r");
    const text = readLineAt(fd, e.offset, e.length);
    if (src.kind === "batch") return { kind: "batch", batch_id: src.batch_id, outcome: classifyBatchLine(text) };
    const j = parseJournalLine(text);
    return { kind: "journal", record: j.record, retryable: j.retryable };
  }
  close() {
    for (const fd of this.fds) if (fd != null) closeSync2(fd);
    this.fds = [];
  }
};

// src/results/answerText.ts
function answerText(response) {
  if (!response || typeof response !== "object") return "";
  const r = response;
  if (Array.isArray(r.choices) && r.choices.length > 0) {
    const c = r.choices[0];
    if (typeof c?.message?.content === "string") return c.message.content;
    if (Array.isArray(c?.message?.tool_calls)) return JSON.stringify(c.message.tool_calls);
    if (typeof c?.text === "string") return c.text;
  }
  if (typeof r.output_text === "string") return r.output_text;
  if (Array.isArray(r.output)) {
    const texts = [];
    for (const item of r.output) {
      if (Array.isArray(item?.content)) {
        for (const c of item.content) if (typeof c?.text === "string") texts.push(c.text);
      }
    }
    if (texts.length > 0) return texts.join("");
  }
  if (Array.isArray(r.data) && r.object === "list") {
    const e = r.data[0]?.embedding;
    if (Array.isArray(e)) return `embedding[${e.length}]${r.data.length > 1 ? ` \xD7${r.data.length}` : ""}`;
    if (typeof e === "string") return `embedding[base64 ${e.length} chars]`;
  }
  if (Array.isArray(r.results) && typeof r.results[0]?.flagged === "boolean") return r.results[0].flagged ? "flagged" : "not flagged";
  return "";
}

// src/results/writeResults.ts
import { createWriteStream, renameSync } from "node:fs";
import { once } from "node:events";

// node_modules/csv-stringify/lib/index.js
import { Transform } from "stream";

// node_modules/csv-stringify/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ");
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString() : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-stringify/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-stringify/lib/utils/get.js
var charCodeOfDot = ".".charCodeAt(0);
var reEscapeChar = /\\(\\)?/g;
var rePropName = RegExp(
  // Match anything that isn't a dot or bracket.
  `[^.[\\]]+|\\[(?:([^"'][^[]*)|(["'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2)\\]|(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))`,
  "g"
);
var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var reIsPlainProp = /^\w*$/;
var getTag = function(value) {
  return Object.prototype.toString.call(value);
};
var isSymbol = function(value) {
  const type = typeof value;
  return type === "symbol" || type === "object" && value && getTag(value) === "[object Symbol]";
};
var isKey = function(value, object) {
  if (Array.isArray(value)) {
    return false;
  }
  const type = typeof value;
  if (type === "number" || type === "symbol" || type === "boolean" || !value || isSymbol(value)) {
    return true;
  }
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || object != null && value in Object(object);
};
var stringToPath = function(string) {
  const result = [];
  if (string.charCodeAt(0) === charCodeOfDot) {
    result.push("");
  }
  string.replace(rePropName, function(match, expression, quote, subString) {
    let key = match;
    if (quote) {
      key = subString.replace(reEscapeChar, "$1");
    } else if (expression) {
      key = expression.trim();
    }
    result.push(key);
  });
  return result;
};
var castPath = function(value, object) {
  if (Array.isArray(value)) {
    return value;
  } else {
    return isKey(value, object) ? [value] : stringToPath(value);
  }
};
var toKey = function(value) {
  if (typeof value === "string" || isSymbol(value)) return value;
  const result = `${value}`;
  return result == "0" && 1 / value == -Infinity ? "-0" : result;
};
var get = function(object, path) {
  path = castPath(path, object);
  let index = 0;
  const length = path.length;
  while (object != null && index < length) {
    object = object[toKey(path[index++])];
  }
  return index && index === length ? object : void 0;
};

// node_modules/csv-stringify/lib/api/normalize_columns.js
var normalize_columns = function(columns) {
  if (columns === void 0 || columns === null) {
    return [void 0, void 0];
  }
  if (typeof columns !== "object") {
    return [Error('Invalid option "columns": expect an array or an object')];
  }
  if (!Array.isArray(columns)) {
    const newcolumns = [];
    for (const k in columns) {
      newcolumns.push({
        key: k,
        header: columns[k]
      });
    }
    columns = newcolumns;
  } else {
    const newcolumns = [];
    for (const column of columns) {
      if (typeof column === "string") {
        newcolumns.push({
          key: column,
          header: column
        });
      } else if (typeof column === "object" && column !== null && !Array.isArray(column)) {
        if (!column.key) {
          return [
            Error('Invalid column definition: property "key" is required')
          ];
        }
        if (column.header === void 0) {
          column.header = column.key;
        }
        newcolumns.push(column);
      } else {
        return [
          Error("Invalid column definition: expect a string or an object")
        ];
      }
    }
    columns = newcolumns;
  }
  return [void 0, columns];
};

// node_modules/csv-stringify/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-stringify/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    return [
      new CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
        "option `bom` is optional and must be a boolean value,",
        `got ${JSON.stringify(options.bom)}`
      ])
    ];
  }
  if (options.delimiter === void 0 || options.delimiter === null) {
    options.delimiter = ",";
  } else if (Buffer.isBuffer(options.delimiter)) {
    options.delimiter = options.delimiter.toString();
  } else if (typeof options.delimiter !== "string") {
    return [
      new CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE", [
        "option `delimiter` must be a buffer or a string,",
        `got ${JSON.stringify(options.delimiter)}`
      ])
    ];
  }
  if (options.quote === void 0 || options.quote === null) {
    options.quote = '"';
  } else if (options.quote === true) {
    options.quote = '"';
  } else if (options.quote === false) {
    options.quote = "";
  } else if (Buffer.isBuffer(options.quote)) {
    options.quote = options.quote.toString();
  } else if (typeof options.quote !== "string") {
    return [
      new CsvError("CSV_OPTION_QUOTE_INVALID_TYPE", [
        "option `quote` must be a boolean, a buffer or a string,",
        `got ${JSON.stringify(options.quote)}`
      ])
    ];
  }
  if (options.quoted === void 0 || options.quoted === null) {
    options.quoted = false;
  } else {
  }
  if (options.escape_formulas === void 0 || options.escape_formulas === null) {
    options.escape_formulas = false;
  } else if (typeof options.escape_formulas !== "boolean") {
    return [
      new CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
        "option `escape_formulas` must be a boolean,",
        `got ${JSON.stringify(options.escape_formulas)}`
      ])
    ];
  }
  if (options.quoted_empty === void 0 || options.quoted_empty === null) {
    options.quoted_empty = void 0;
  } else {
  }
  if (options.quoted_match === void 0 || options.quoted_match === null || options.quoted_match === false) {
    options.quoted_match = null;
  } else if (!Array.isArray(options.quoted_match)) {
    options.quoted_match = [options.quoted_match];
  }
  if (options.quoted_match) {
    for (const quoted_match of options.quoted_match) {
      const isString = typeof quoted_match === "string";
      const isRegExp = quoted_match instanceof RegExp;
      if (!isString && !isRegExp) {
        return [
          new CsvError("CSV_OPTION_QUOTED_MATCH", [
            "option `quoted_match` must be a string or a regex,",
            `got ${JSON.stringify(options.quoted_match)}`
          ])
        ];
      }
    }
  }
  if (options.quoted_string === void 0 || options.quoted_string === null) {
    options.quoted_string = false;
  } else {
  }
  if (options.eof === void 0 || options.eof === null) {
    options.eof = true;
  } else {
  }
  if (options.escape === void 0 || options.escape === null) {
    options.escape = '"';
  } else if (Buffer.isBuffer(options.escape)) {
    options.escape = options.escape.toString();
  } else if (typeof options.escape !== "string") {
    return [
      Error(
        `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`
      )
    ];
  }
  if (options.escape.length > 1) {
    return [
      Error(
        `Invalid Option: escape must be one character, got ${options.escape.length} characters`
      )
    ];
  }
  if (options.header === void 0 || options.header === null || options.header === false) {
    options.header = false;
  } else if (options.header !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER",
      [
        "option `header` is expected to be a boolean,",
        `got ${JSON.stringify(options.header)}`
      ],
      options
    );
  }
  if (options.header_as_comment === void 0 || options.header_as_comment === null || options.header_as_comment === false) {
    options.header_as_comment = false;
  } else if (options.header_as_comment === true) {
    options.header_as_comment = "#";
  } else if (Buffer.isBuffer(options.header_as_comment)) {
    options.header_as_comment = options.header_as_comment.toString();
  } else if (typeof options.header_as_comment !== "string") {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
      [
        "option `header_as_comment` must be a boolean, a string or a buffer,",
        `got ${JSON.stringify(options.header_as_comment)}`
      ],
      options
    );
  }
  const [errColumns, columns] = normalize_columns(options.columns);
  if (errColumns !== void 0) return [errColumns];
  options.columns = columns;
  if (options.quoted === void 0 || options.quoted === null) {
    options.quoted = false;
  } else {
  }
  if (options.cast === void 0 || options.cast === null) {
    options.cast = {};
  } else {
  }
  if (options.cast.bigint === void 0 || options.cast.bigint === null) {
    options.cast.bigint = (value) => "" + value;
  }
  if (options.cast.boolean === void 0 || options.cast.boolean === null) {
    options.cast.boolean = (value) => value ? "1" : "";
  }
  if (options.cast.date === void 0 || options.cast.date === null) {
    options.cast.date = (value) => "" + value.getTime();
  }
  if (options.cast.number === void 0 || options.cast.number === null) {
    options.cast.number = (value) => "" + value;
  }
  if (options.cast.object === void 0 || options.cast.object === null) {
    options.cast.object = (value) => JSON.stringify(value);
  }
  if (options.cast.string === void 0 || options.cast.string === null) {
    options.cast.string = function(value) {
      return value;
    };
  }
  if (options.on_record !== void 0 && typeof options.on_record !== "function") {
    return [Error(`Invalid Option: "on_record" must be a function.`)];
  }
  if (options.quote_record_delimiter === void 0 || options.quote_record_delimiter === null) {
    options.quote_record_delimiter = !options.record_delimiter;
  } else if (typeof options.quote_record_delimiter !== "boolean") {
    return [
      new CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
        "option `quote_record_delimiter` must be a boolean,",
        `got ${JSON.stringify(options.quote_record_delimiter)}`
      ])
    ];
  }
  if (options.record_delimiter === void 0 || options.record_delimiter === null) {
    options.record_delimiter = "\n";
  } else if (Buffer.isBuffer(options.record_delimiter)) {
    options.record_delimiter = options.record_delimiter.toString();
  } else if (typeof options.record_delimiter !== "string") {
    return [
      Error(
        `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`
      )
    ];
  }
  switch (options.record_delimiter) {
    case "unix":
      options.record_delimiter = "\n";
      break;
    case "mac":
      options.record_delimiter = "\r";
      break;
    case "windows":
      options.record_delimiter = "\r\n";
      break;
    case "ascii":
      options.record_delimiter = "";
      break;
    case "unicode":
      options.record_delimiter = "\u2028";
      break;
  }
  return [void 0, options];
};

// node_modules/csv-stringify/lib/api/index.js
var bom_utf8 = Buffer.from([239, 187, 191]);
var emits_separator = function(value, separators) {
  return separators.some(
    (separator) => separator.length !== 0 && (value.indexOf(separator) !== -1 || separator.length > 1 && (value + separator).indexOf(separator) < value.length)
  );
};
var matches_quoted_match = function(value, quoted_match) {
  if (!quoted_match) return false;
  return quoted_match.some(
    (pattern) => typeof pattern === "string" ? value.indexOf(pattern) !== -1 : value.search(pattern) !== -1
  );
};
var stringifier = function(options, state, info) {
  return {
    options,
    state,
    info,
    __transform: function(chunk, push) {
      if (!Array.isArray(chunk) && typeof chunk !== "object") {
        return Error(
          `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`
        );
      }
      if (this.info.records === 0) {
        if (Array.isArray(chunk)) {
          if (this.options.header === true && this.options.columns === void 0) {
            return Error(
              "Undiscoverable Columns: header option requires column option or object records"
            );
          }
        } else if (this.options.columns === void 0) {
          const [err2, columns] = normalize_columns(Object.keys(chunk));
          if (err2) return;
          this.options.columns = columns;
        }
      }
      if (this.info.records === 0) {
        this.bom(push);
        const err2 = this.headers(push);
        if (err2) return err2;
      }
      try {
        if (this.options.on_record) {
          this.options.on_record(chunk, this.info.records);
        }
      } catch (err2) {
        return err2;
      }
      let err, chunk_string;
      if (this.options.eof) {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === void 0) {
          return;
        } else {
          chunk_string = chunk_string + this.options.record_delimiter;
        }
      } else {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === void 0) {
          return;
        } else {
          if (this.options.header || this.info.records) {
            chunk_string = this.options.record_delimiter + chunk_string;
          }
        }
      }
      this.info.records++;
      push(chunk_string);
    },
    stringify: function(chunk, chunkIsHeader = false) {
      if (typeof chunk !== "object") {
        return [void 0, chunk];
      }
      const { columns } = this.options;
      const record = [];
      if (Array.isArray(chunk)) {
        const length = columns ? Math.min(chunk.length, columns.length) : chunk.length;
        for (let i = 0; i < length; i++) {
          const field = chunk[i];
          const [err, value] = this.__cast(field, {
            index: i,
            column: i,
            records: this.info.records,
            header: chunkIsHeader
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      } else {
        for (let i = 0; i < columns.length; i++) {
          const field = get(chunk, columns[i].key);
          const [err, value] = this.__cast(field, {
            index: i,
            column: columns[i].key,
            records: this.info.records,
            header: chunkIsHeader
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      }
      let csvrecord = "";
      for (let i = 0; i < record.length; i++) {
        let options2, err;
        let [value, field] = record[i];
        if (typeof value === "string") {
          options2 = this.options;
        } else if (is_object(value)) {
          options2 = { ...value };
          value = options2.value;
          delete options2.value;
          if (typeof value !== "string" && value !== void 0 && value !== null) {
            if (err)
              return [
                Error(
                  `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`
                )
              ];
          }
          options2 = { ...this.options, ...options2 };
          [err, options2] = normalize_options(options2);
          if (err !== void 0) {
            return [err];
          }
        } else if (value === void 0 || value === null) {
          options2 = this.options;
        } else {
          return [
            Error(
              `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`
            )
          ];
        }
        const {
          delimiter,
          escape,
          quote,
          quoted,
          quoted_empty,
          quoted_string,
          quoted_match,
          record_delimiter,
          quote_record_delimiter,
          escape_formulas
        } = options2;
        if ("" === value && "" === field) {
          const quotedMatch = matches_quoted_match(value, quoted_match);
          const shouldQuote = quotedMatch || true === quoted_empty || true === quoted_string && false !== quoted_empty;
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (value) {
          if (typeof value !== "string") {
            return [
              Error(
                `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`
              )
            ];
          }
          const containsdelimiter = emits_separator(value, [delimiter]);
          const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
          const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
          const containsRecordDelimiter = emits_separator(value, [
            record_delimiter,
            ...quote_record_delimiter === false ? [] : ["\n", "\r"]
          ]);
          const quotedString = quoted_string && typeof field === "string";
          const quotedMatch = matches_quoted_match(value, quoted_match);
          if (escape_formulas) {
            switch (value[0]) {
              case "-":
                if (typeof field === "number" || typeof field === "bigint") {
                  break;
                }
                value = `'${value}`;
                break;
              case "=":
              case "+":
              case "@":
              case "	":
              case "\r":
              case "\uFF1D":
              // Unicode '='
              case "\uFF0B":
              // Unicode '+'
              case "\uFF0D":
              // Unicode '-'
              case "\uFF20":
                value = `'${value}`;
                break;
            }
          }
          const shouldQuote = containsQuote === true || containsdelimiter || containsRecordDelimiter || quoted || quotedString || quotedMatch;
          if (shouldQuote === true && containsEscape === true) {
            value = value.replaceAll(escape, () => escape + escape);
          }
          if (containsQuote === true) {
            value = value.replaceAll(quote, () => escape + quote);
          }
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (quoted_empty === true || field === "" && quoted_string === true && quoted_empty !== false) {
          csvrecord += quote + quote;
        }
        if (i !== record.length - 1) {
          csvrecord += delimiter;
        }
      }
      return [void 0, csvrecord];
    },
    bom: function(push) {
      if (this.options.bom !== true) {
        return;
      }
      push(bom_utf8);
    },
    headers: function(push) {
      if (this.options.header === false) {
        return;
      }
      if (this.options.columns === void 0) {
        return;
      }
      let err;
      let headers = this.options.columns.map((column) => column.header);
      if (this.options.eof) {
        [err, headers] = this.stringify(headers, true);
        headers += this.options.record_delimiter;
      } else {
        [err, headers] = this.stringify(headers, true);
      }
      if (err) return err;
      if (this.options.header_as_comment) {
        headers = this.options.header_as_comment + " " + headers;
      }
      push(headers);
    },
    __cast: function(value, context) {
      const type = typeof value;
      try {
        if (type === "string") {
          return [void 0, this.options.cast.string(value, context)];
        } else if (type === "bigint") {
          return [void 0, this.options.cast.bigint(value, context)];
        } else if (type === "number") {
          return [void 0, this.options.cast.number(value, context)];
        } else if (type === "boolean") {
          return [void 0, this.options.cast.boolean(value, context)];
        } else if (value instanceof Date) {
          return [void 0, this.options.cast.date(value, context)];
        } else if (type === "object" && value !== null) {
          return [void 0, this.options.cast.object(value, context)];
        } else if (value === null && this.options.cast.null !== void 0) {
          return [void 0, this.options.cast.null(value, context)];
        } else if (value === void 0 && this.options.cast.undefined !== void 0) {
          return [void 0, this.options.cast.undefined(value, context)];
        } else {
          return [void 0, value];
        }
      } catch (err) {
        return [err];
      }
    }
  };
};

// node_modules/csv-stringify/lib/index.js
var Stringifier = class extends Transform {
  constructor(opts = {}) {
    super({ ...{ writableObjectMode: true }, ...opts });
    const [err, options] = normalize_options(opts);
    if (err !== void 0) throw err;
    this.options = options;
    this.state = {
      stop: false
    };
    this.info = {
      records: 0
    };
    this.api = stringifier(this.options, this.state, this.info);
    this.api.options.on_record = (...args) => {
      this.emit("record", ...args);
    };
  }
  _transform(chunk, encoding, callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.__transform(chunk, this.push.bind(this));
    if (err !== void 0) {
      this.state.stop = true;
    }
    callback(err);
  }
  _flush(callback) {
    if (this.state.stop === true) {
      return;
    }
    if (this.info.records === 0) {
      this.api.bom(this.push.bind(this));
      const err = this.api.headers(this.push.bind(this));
      if (err) callback(err);
    }
    callback();
  }
};
var stringify = function() {
  let data, options, callback;
  for (const i in arguments) {
    const argument = arguments[i];
    const type = typeof argument;
    if (data === void 0 && Array.isArray(argument)) {
      data = argument;
    } else if (options === void 0 && is_object(argument)) {
      options = argument;
    } else if (callback === void 0 && type === "function") {
      callback = argument;
    } else {
      throw new CsvError("CSV_INVALID_ARGUMENT", [
        "Invalid argument:",
        `got ${JSON.stringify(argument)} at index ${i}`
      ]);
    }
  }
  const stringifier2 = new Stringifier(options);
  if (callback) {
    const chunks = [];
    stringifier2.on("readable", function() {
      let chunk;
      while ((chunk = this.read()) !== null) {
        chunks.push(chunk);
      }
    });
    stringifier2.on("error", function(err) {
      callback(err);
    });
    stringifier2.on("end", function() {
      try {
        callback(void 0, chunks.join(""));
      } catch (err) {
        callback(err);
        return;
      }
    });
  }
  if (data !== void 0) {
    const writer = function() {
      for (const record of data) {
        stringifier2.write(record);
      }
      stringifier2.end();
    };
    if (typeof setImmediate === "function") {
      setImmediate(writer);
    } else {
      setTimeout(writer, 0);
    }
  }
  return stringifier2;
};

// src/results/writeResults.ts
var CSV_COLUMNS = ["custom_id", "line", "status", "mode", "answer", "input_tokens", "output_tokens", "cost_usd", "error"];
async function write(stream, chunk) {
  if (!stream.write(chunk)) await once(stream, "drain");
}
async function finish(stream) {
  stream.end();
  await once(stream, "finish");
}
async function writeResults(o) {
  const counts = { succeeded: 0, failed: 0, expired: 0, cancelled: 0, skipped: 0 };
  const errorCodes = {};
  const groups = /* @__PURE__ */ new Map();
  let requests = 0;
  let actual = 0;
  const jsonlTmp = `${o.resultsPath}.tmp`;
  const csvTmp = `${o.csvPath}.tmp`;
  const jsonl = createWriteStream(jsonlTmp);
  const csvFile = createWriteStream(csvTmp);
  const csv = stringify({ header: true, columns: CSV_COLUMNS });
  csv.pipe(csvFile);
  try {
    for await (const raw of readJsonlLines(o.inputPath)) {
      const req = JSON.parse(raw.text);
      const record = toRecord(req.custom_id, raw.line, req.body.model, o);
      requests++;
      counts[record.status]++;
      if (record.error) errorCodes[record.error.code] = (errorCodes[record.error.code] ?? 0) + 1;
      if (record.cost_usd !== null) actual += record.cost_usd;
      const key = `${record.mode}
${req.body.model}`;
      let g = groups.get(key);
      if (!g) groups.set(key, g = { mode: record.mode, model: req.body.model, requests: 0, succeeded: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 });
      g.requests++;
      if (record.status === "succeeded") g.succeeded++;
      const tokens = record.usage ? usageTokens(record.usage) : null;
      g.input_tokens += tokens?.input ?? 0;
      g.output_tokens += tokens?.output ?? 0;
      g.cost_usd += record.cost_usd ?? 0;
      await write(jsonl, `${JSON.stringify(record)}
`);
      await write(csv, [
        record.custom_id,
        record.line,
        record.status,
        record.mode,
        answerText(record.response),
        tokens?.input ?? "",
        tokens?.output ?? "",
        record.cost_usd ?? "",
        record.error ? `${record.error.code}: ${record.error.message}` : ""
      ]);
    }
  } finally {
    o.index.close();
    await finish(jsonl);
    csv.end();
    await once(csvFile, "finish");
  }
  renameSync(jsonlTmp, o.resultsPath);
  renameSync(csvTmp, o.csvPath);
  return { requests, counts, error_codes: errorCodes, actual_cost_usd: actual, groups: [...groups.values()] };
}
function toRecord(custom_id, line, model, o) {
  const found = o.index.read(custom_id);
  if (!found) {
    return {
      custom_id,
      line,
      status: "skipped",
      mode: o.plannedMode,
      batch_id: null,
      response: null,
      error: { code: "no_result", message: "no answer came back for this request: it was not sent before batchwise stopped, or its batch returned no line for it" },
      usage: null,
      cost_usd: null
    };
  }
  if (found.kind === "journal") {
    const r = found.record;
    const cost = r.cost_usd ?? usageCostUsd(r.usage, o.priceFor(model, r.mode));
    return { ...r, line, cost_usd: cost };
  }
  const x = found.outcome;
  return {
    custom_id,
    line,
    status: x.status,
    mode: "batch",
    batch_id: found.batch_id,
    response: x.response,
    error: x.error,
    usage: x.usage,
    cost_usd: x.status === "succeeded" ? usageCostUsd(x.usage, o.priceFor(model, "batch")) : null
  };
}

export {
  estimateFile,
  estimateToJson,
  normalize_options,
  stringifier,
  classifyBatchLine,
  openJournal,
  scanLines,
  readLineAt,
  OutcomeIndex,
  answerText,
  stringify,
  writeResults,
  VERSION
};
