import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);

// src/pricing/loadCatalog.ts
import { readFileSync, statSync } from "node:fs";

// data/pricing.json
var pricing_default = {
  as_of: "2026-09-22",
  source: "https://developers.openai.com/api/docs/pricing",
  notes: [
    'All prices are USD per 1M tokens. Sync = the Standard tier; batch = the Batch API; flex = service_tier "flex".',
    'cached_input / batch_cached_input null means the page shows "-" (no discount): cached tokens then bill at the plain input / batch_input rate.',
    "flex null means the model has no flex processing. Flex rows are only given where the pricing page lists one.",
    "reasoning true: reasoning tokens are billed as output tokens and count against the output limit.",
    "Embedding models produce no output tokens: output 0 is the real price, not a missing one.",
    "omni-moderation-latest is free: 0 is the real price (the Moderation endpoint is free of charge).",
    "as_of 2026-09-22: a capture of the pricing page taken after 2026-09-22 (the exact day is not recorded), so prices were valid on or after that date.",
    "endpoints and snapshots list what we know bills at exactly this price; an unlisted dated name is an error, never a guess."
  ],
  models: {
    "gpt-3.5-turbo": {
      input: 0.5,
      cached_input: null,
      output: 1.5,
      batch_input: 0.25,
      batch_cached_input: null,
      batch_output: 0.75,
      flex: null,
      encoding: "cl100k_base",
      max_output_tokens: 4096,
      context_window: 16385,
      reasoning: false,
      endpoints: ["/v1/chat/completions"],
      snapshots: ["gpt-3.5-turbo-0125"],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Not in our dated captures: long-standing list price from the pricing page's legacy table (gpt-3.5-turbo points to gpt-3.5-turbo-0125). Batch derived at 50% of standard (Batch guide: "50% cost discount"). No prompt-caching discount. Limits are the model page's well-known figures, not re-checked. Other gpt-3.5 snapshots (-1106, -0613) had other prices and are deliberately not listed.`
    },
    "gpt-4": {
      input: 30,
      cached_input: null,
      output: 60,
      batch_input: 15,
      batch_cached_input: null,
      batch_output: 30,
      flex: null,
      encoding: "cl100k_base",
      max_output_tokens: 8192,
      context_window: 8192,
      reasoning: false,
      endpoints: ["/v1/chat/completions"],
      snapshots: ["gpt-4-0613"],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Not in our dated captures: long-standing list price from the pricing page's legacy table. Batch derived at 50% of standard. No prompt-caching discount. Limits are the model page's well-known figures, not re-checked."
    },
    "gpt-4-turbo": {
      input: 10,
      cached_input: null,
      output: 30,
      batch_input: 5,
      batch_cached_input: null,
      batch_output: 15,
      flex: null,
      encoding: "cl100k_base",
      max_output_tokens: 4096,
      context_window: 128e3,
      reasoning: false,
      endpoints: ["/v1/chat/completions"],
      snapshots: ["gpt-4-turbo-2024-04-09"],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Not in our dated captures: long-standing list price from the pricing page's legacy table. Batch derived at 50% of standard. No prompt-caching discount. Limits are the model page's well-known figures, not re-checked."
    },
    "gpt-4o": {
      input: 2.5,
      cached_input: 1.25,
      output: 10,
      batch_input: 1.25,
      batch_cached_input: null,
      batch_output: 5,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 16384,
      context_window: 128e3,
      reasoning: false,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-4o-2024-08-06", "gpt-4o-2024-11-20"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: 'Standard and batch from the pricing page (captures of ~Sep 2025 and after 2026-09-22 agree; the model page of 2026-09-24 gives the same standard prices). Batch cached shows "-": cached tokens bill at batch_input. gpt-4o-2024-11-20 listed from the legacy table at the same price (not in our captures). gpt-4o-2024-05-13 is NOT this price: see its own entry.'
    },
    "gpt-4o-2024-05-13": {
      input: 5,
      cached_input: null,
      output: 15,
      batch_input: 2.5,
      batch_cached_input: null,
      batch_output: 7.5,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 4096,
      context_window: 128e3,
      reasoning: false,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: [],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "The first gpt-4o snapshot kept its launch price: $5/$15 from the pricing page's legacy table (not in our dated captures). Batch derived at 50% of standard. No prompt-caching discount. Output limit 4096 is the model page's well-known figure, not re-checked."
    },
    "gpt-4o-mini": {
      input: 0.15,
      cached_input: 0.075,
      output: 0.6,
      batch_input: 0.075,
      batch_cached_input: null,
      batch_output: 0.3,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 16384,
      context_window: 128e3,
      reasoning: false,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-4o-mini-2024-07-18"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: 'Standard and batch from the pricing page (two captures agree; model page of 2026-09-24 too). Batch cached shows "-": cached tokens bill at batch_input.'
    },
    "gpt-4.1": {
      input: 2,
      cached_input: 0.5,
      output: 8,
      batch_input: 1,
      batch_cached_input: null,
      batch_output: 4,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 32768,
      context_window: 1047576,
      reasoning: false,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-4.1-2025-04-14"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Standard and batch from the pricing page (two captures agree). Batch cached shows "-": cached tokens bill at batch_input. Limits as in LiteLLM's table (max_input 1047576, max_output 32768).`
    },
    "gpt-4.1-mini": {
      input: 0.4,
      cached_input: 0.1,
      output: 1.6,
      batch_input: 0.2,
      batch_cached_input: null,
      batch_output: 0.8,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 32768,
      context_window: 1047576,
      reasoning: false,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-4.1-mini-2025-04-14"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Standard and batch from the pricing page (two captures agree). Batch cached shows "-": cached tokens bill at batch_input. Limits assumed equal to gpt-4.1's (same family), not re-checked.`
    },
    "gpt-4.1-nano": {
      input: 0.1,
      cached_input: 0.025,
      output: 0.4,
      batch_input: 0.05,
      batch_cached_input: null,
      batch_output: 0.2,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 32768,
      context_window: 1047576,
      reasoning: false,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-4.1-nano-2025-04-14"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Standard and batch from the pricing page (two captures agree). Batch cached shows "-": cached tokens bill at batch_input. Limits assumed equal to gpt-4.1's (same family), not re-checked.`
    },
    o1: {
      input: 15,
      cached_input: 7.5,
      output: 60,
      batch_input: 7.5,
      batch_cached_input: null,
      batch_output: 30,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 1e5,
      context_window: 2e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["o1-2024-12-17"],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Not in our dated captures: long-standing list price from the pricing page's legacy table. Batch derived at 50% of standard; batch cached assumed "-" like the other pre-GPT-5 models. Limits are the model page's well-known figures, not re-checked.`
    },
    o3: {
      input: 2,
      cached_input: 0.5,
      output: 8,
      batch_input: 1,
      batch_cached_input: null,
      batch_output: 4,
      flex: { input: 1, cached_input: 0.25, output: 4 },
      encoding: "o200k_base",
      max_output_tokens: 1e5,
      context_window: 2e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["o3-2025-04-16"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Standard and batch from the pricing page (two captures agree); o3 was cut from $10/$40 to $2/$8 on 2025-06-10. Flex from the ~Sep 2025 capture only. Batch cached shows "-": cached tokens bill at batch_input (flex does list a cached rate). Limits as in LiteLLM's table. o3-2025-04-16 is reported (third-party) to shut down 2026-12-11.`
    },
    "o3-mini": {
      input: 1.1,
      cached_input: 0.55,
      output: 4.4,
      batch_input: 0.55,
      batch_cached_input: null,
      batch_output: 2.2,
      flex: null,
      encoding: "o200k_base",
      max_output_tokens: 1e5,
      context_window: 2e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["o3-mini-2025-01-31"],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Not in our dated captures: long-standing list price from the pricing page's legacy table. Batch derived at 50% of standard; batch cached assumed "-" like the other pre-GPT-5 models. Limits are the model page's well-known figures, not re-checked.`
    },
    "o4-mini": {
      input: 1.1,
      cached_input: 0.275,
      output: 4.4,
      batch_input: 0.55,
      batch_cached_input: null,
      batch_output: 2.2,
      flex: { input: 0.55, cached_input: 0.138, output: 2.2 },
      encoding: "o200k_base",
      max_output_tokens: 1e5,
      context_window: 2e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["o4-mini-2025-04-16"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: `Standard and batch from the pricing page (two captures agree). Flex from the ~Sep 2025 capture only; its cached rate is printed $0.138 (half of 0.275 rounded), kept as printed. Batch cached shows "-": cached tokens bill at batch_input. Limits are the model page's well-known figures (same as o3), not re-checked.`
    },
    "gpt-5": {
      input: 1.25,
      cached_input: 0.125,
      output: 10,
      batch_input: 0.625,
      batch_cached_input: 0.0625,
      batch_output: 5,
      flex: { input: 0.625, cached_input: 0.0625, output: 5 },
      encoding: "o200k_base",
      max_output_tokens: 128e3,
      context_window: 4e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-5-2025-08-07"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Standard and batch (with a batch cached rate) from the pricing page (two captures agree). Flex from the ~Sep 2025 capture only. Limits as in LiteLLM's table (400000 / 128000). gpt-5-2025-08-07 is reported (third-party) to shut down 2026-12-11."
    },
    "gpt-5-mini": {
      input: 0.25,
      cached_input: 0.025,
      output: 2,
      batch_input: 0.125,
      batch_cached_input: 0.0125,
      batch_output: 1,
      flex: { input: 0.125, cached_input: 0.0125, output: 1 },
      encoding: "o200k_base",
      max_output_tokens: 128e3,
      context_window: 4e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-5-mini-2025-08-07"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Standard and batch from the pricing page (two captures agree). Flex from the ~Sep 2025 capture only. Limits assumed equal to gpt-5's (same family), not re-checked. Reported (third-party) to shut down 2026-12-11."
    },
    "gpt-5-nano": {
      input: 0.05,
      cached_input: 5e-3,
      output: 0.4,
      batch_input: 0.025,
      batch_cached_input: 25e-4,
      batch_output: 0.2,
      flex: { input: 0.025, cached_input: 25e-4, output: 0.2 },
      encoding: "o200k_base",
      max_output_tokens: 128e3,
      context_window: 4e5,
      reasoning: true,
      endpoints: ["/v1/chat/completions", "/v1/responses"],
      snapshots: ["gpt-5-nano-2025-08-07"],
      as_of: "2026-09-22",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Standard and batch from the pricing page (two captures agree). Flex from the ~Sep 2025 capture only. Limits assumed equal to gpt-5's (same family), not re-checked. Reported (third-party) to shut down 2026-12-11."
    },
    "text-embedding-3-small": {
      input: 0.02,
      cached_input: null,
      output: 0,
      batch_input: 0.01,
      batch_cached_input: null,
      batch_output: 0,
      flex: null,
      encoding: "cl100k_base",
      max_output_tokens: null,
      context_window: 8191,
      reasoning: false,
      endpoints: ["/v1/embeddings"],
      snapshots: [],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Standard and batch from a third-party copy of the pricing page of about Sep 2025 (the 2026 capture was cut off before the embeddings table); as_of is approximate. Input only: embeddings produce no output tokens, so output 0 is real. Input limit 8191 is the well-known figure, not re-checked."
    },
    "text-embedding-3-large": {
      input: 0.13,
      cached_input: null,
      output: 0,
      batch_input: 0.065,
      batch_cached_input: null,
      batch_output: 0,
      flex: null,
      encoding: "cl100k_base",
      max_output_tokens: null,
      context_window: 8191,
      reasoning: false,
      endpoints: ["/v1/embeddings"],
      snapshots: [],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Standard and batch from a third-party copy of the pricing page of about Sep 2025 (the 2026 capture was cut off before the embeddings table); as_of is approximate. Input only: output 0 is real. Input limit 8191 is the well-known figure, not re-checked."
    },
    "text-embedding-ada-002": {
      input: 0.1,
      cached_input: null,
      output: 0,
      batch_input: 0.05,
      batch_cached_input: null,
      batch_output: 0,
      flex: null,
      encoding: "cl100k_base",
      max_output_tokens: null,
      context_window: 8191,
      reasoning: false,
      endpoints: ["/v1/embeddings"],
      snapshots: [],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/pricing",
      note: "Not in our dated captures: long-standing list price from the pricing page's legacy table. Batch derived at 50% of standard. Input only: output 0 is real. Input limit 8191 is the well-known figure, not re-checked."
    },
    "omni-moderation-latest": {
      input: 0,
      cached_input: null,
      output: 0,
      batch_input: 0,
      batch_cached_input: null,
      batch_output: 0,
      flex: null,
      max_output_tokens: null,
      context_window: null,
      reasoning: false,
      endpoints: ["/v1/moderations"],
      snapshots: ["omni-moderation-2024-09-26"],
      as_of: "2025-09-01",
      source: "https://developers.openai.com/api/docs/models/omni-moderation-latest",
      note: "Free: the Moderation endpoint is free of charge, so $0 is the real price in every mode (batch support for /v1/moderations since 2025-11). No encoding given: the moderation tokenizer is not documented, and at $0 the count does not change the cost. Not in our dated captures; as_of approximate."
    }
  }
};

// src/pricing/errors.ts
var PricingError = class extends Error {
  model;
  constructor(model, message) {
    super(message);
    this.name = "PricingError";
    this.model = model;
  }
};
var PricingFileError = class extends Error {
  file;
  /** JSON path of the offending field, e.g. `models["gpt-x"].input`; null when the whole file is at fault. */
  field;
  constructor(file, field2, reason) {
    super(field2 === null ? `${file}: ${reason}` : `${file}: ${field2}: ${reason}`);
    this.name = "PricingFileError";
    this.file = file;
    this.field = field2;
  }
};

// src/pricing/types.ts
var ENCODINGS = ["o200k_base", "cl100k_base"];

// src/pricing/parsePricingFile.ts
var TOP_LEVEL_FIELDS = /* @__PURE__ */ new Set(["as_of", "source", "notes", "models", "$schema"]);
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
var price = (v, fail) => typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fail(`must be a number >= 0 (USD per 1M tokens), got ${show(v)}`);
var priceOrNull = (v, fail) => v === null ? null : price(v, fail);
var limitOrNull = (v, fail) => v === null || Number.isInteger(v) && v > 0 ? v : fail(`must be a whole number of tokens > 0 or null, got ${show(v)}`);
var text = (v, fail) => typeof v === "string" && v.trim() !== "" ? v : fail(`must be a non-empty string, got ${show(v)}`);
var isoDate = (v, fail) => typeof v === "string" && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v) ? v : fail(`must be an ISO date like "2026-09-22", got ${show(v)}`);
var names = (v, fail) => Array.isArray(v) && v.every((s) => typeof s === "string" && s.trim() !== "") ? [...v] : fail(`must be an array of non-empty strings, got ${show(v)}`);
var encoding = (v, fail) => ENCODINGS.includes(v) ? v : fail(`must be one of ${ENCODINGS.join(", ")}, got ${show(v)}`);
var bool = (v, fail) => typeof v === "boolean" ? v : fail(`must be true or false, got ${show(v)}`);
var flex = (v, fail) => {
  if (v === null) return null;
  if (!isPlainObject(v)) return fail(`must be null or an object {"input": \u2026, "output": \u2026, "cached_input": \u2026}, got ${show(v)}`);
  for (const key of Object.keys(v)) {
    if (key !== "input" && key !== "output" && key !== "cached_input") fail("unknown field (allowed: input, cached_input, output)", key);
  }
  const sub = (key, check) => check(v[key], (reason) => fail(reason, key));
  if (!Object.hasOwn(v, "input")) fail("is required", "input");
  if (!Object.hasOwn(v, "output")) fail("is required", "output");
  const result = {
    input: sub("input", price),
    // Flex without a listed cached rate bills cached tokens at the flex input rate.
    cached_input: Object.hasOwn(v, "cached_input") ? sub("cached_input", priceOrNull) : null,
    output: sub("output", price)
  };
  return result;
};
var ENTRY_FIELDS = {
  input: price,
  cached_input: priceOrNull,
  output: price,
  batch_input: price,
  batch_cached_input: priceOrNull,
  batch_output: price,
  flex,
  encoding,
  max_output_tokens: limitOrNull,
  context_window: limitOrNull,
  reasoning: bool,
  endpoints: names,
  snapshots: names,
  as_of: isoDate,
  source: text,
  note: text
};
function parsePricingFile(raw, file) {
  const problem = (field2, reason) => new PricingFileError(file, field2, reason);
  const failAt = (field2) => (reason, sub) => {
    throw problem(sub === void 0 ? field2 : `${field2}.${sub}`, reason);
  };
  if (!isPlainObject(raw)) throw problem(null, `must be a JSON object like {"models": {"<name>": {"input": 1, "output": 2}}}, got ${show(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_FIELDS.has(key)) throw problem(key, "unknown field (allowed: as_of, source, notes, models)");
  }
  const models = raw.models;
  if (!isPlainObject(models)) throw problem("models", `must be an object of model name \u2192 prices, got ${show(models)}`);
  const parsed = { models: {} };
  if (Object.hasOwn(raw, "as_of")) parsed.as_of = isoDate(raw.as_of, failAt("as_of"));
  if (Object.hasOwn(raw, "source")) parsed.source = text(raw.source, failAt("source"));
  if (Object.hasOwn(raw, "notes")) parsed.notes = names(raw.notes, failAt("notes"));
  for (const [model, value] of Object.entries(models)) {
    const at = `models[${JSON.stringify(model)}]`;
    if (model.trim() === "" || model !== model.trim()) throw problem(at, "model names must be non-empty and have no surrounding spaces");
    if (model === "__proto__") throw problem(at, "is not a model name");
    if (!isPlainObject(value)) throw problem(at, `must be an object of prices, got ${show(value)}`);
    const entry = {};
    for (const [field2, fieldValue] of Object.entries(value)) {
      const check = Object.hasOwn(ENTRY_FIELDS, field2) ? ENTRY_FIELDS[field2] : void 0;
      if (check === void 0) throw problem(`${at}.${field2}`, `unknown field (allowed: ${Object.keys(ENTRY_FIELDS).join(", ")})`);
      entry[field2] = check(fieldValue, failAt(`${at}.${field2}`));
    }
    parsed.models[model] = entry;
  }
  return parsed;
}
var REQUIRED_ENTRY_FIELDS = Object.keys(ENTRY_FIELDS).filter(
  (f) => f !== "encoding" && f !== "note"
);
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function show(v) {
  if (v === void 0) return "nothing";
  const json = JSON.stringify(v);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

// src/pricing/mergeCatalog.ts
var BATCH_DISCOUNT = 0.5;
function completeCatalog(file, fileName) {
  if (file.as_of === void 0) throw new PricingFileError(fileName, "as_of", "is required in a complete catalog");
  if (file.source === void 0) throw new PricingFileError(fileName, "source", "is required in a complete catalog");
  const models = {};
  for (const [model, entry] of Object.entries(file.models)) {
    for (const field2 of REQUIRED_ENTRY_FIELDS) {
      if (!Object.hasOwn(entry, field2)) throw new PricingFileError(fileName, `models[${JSON.stringify(model)}].${field2}`, "is required");
    }
    models[model] = entry;
  }
  checkNamesAreUnique(models, fileName);
  return { as_of: file.as_of, source: file.source, ...file.notes ? { notes: file.notes } : {}, models };
}
function applyOverrides(base, file, fileName, today) {
  const models = structuredClone(base.models);
  const as_of = file.as_of ?? today;
  const source = file.source ?? fileName;
  for (const [model, partial] of Object.entries(file.models)) {
    const known = Object.hasOwn(models, model) ? models[model] : void 0;
    const at = `models[${JSON.stringify(model)}]`;
    if (known) {
      const changed = Object.keys(partial).join(", ");
      models[model] = {
        ...known,
        ...partial,
        as_of: partial.as_of ?? as_of,
        source: partial.source ?? source,
        note: partial.note ?? `${changed} from ${fileName}; other figures from ${known.source} as of ${known.as_of}.`
      };
      continue;
    }
    if (partial.input === void 0) throw new PricingFileError(fileName, `${at}.input`, `is required for a model the catalog does not know`);
    if (partial.output === void 0) throw new PricingFileError(fileName, `${at}.output`, `is required for a model the catalog does not know`);
    const derived = [];
    if (partial.batch_input === void 0) derived.push("batch_input");
    if (partial.batch_output === void 0) derived.push("batch_output");
    models[model] = {
      cached_input: null,
      batch_cached_input: null,
      flex: null,
      max_output_tokens: null,
      context_window: null,
      reasoning: false,
      endpoints: [],
      snapshots: [],
      ...partial,
      input: partial.input,
      output: partial.output,
      batch_input: partial.batch_input ?? partial.input * BATCH_DISCOUNT,
      batch_output: partial.batch_output ?? partial.output * BATCH_DISCOUNT,
      as_of: partial.as_of ?? as_of,
      source: partial.source ?? source,
      ...partial.note !== void 0 || derived.length > 0 ? { note: partial.note ?? `From ${fileName}; ${derived.join(" and ")} derived at 50% of the standard price.` } : {}
    };
  }
  const claimed = /* @__PURE__ */ new Set();
  for (const [model, partial] of Object.entries(file.models)) {
    claimed.add(model);
    for (const s of partial.snapshots ?? []) claimed.add(s);
  }
  for (const [model, entry] of Object.entries(models)) {
    if (Object.hasOwn(file.models, model)) continue;
    if (entry.snapshots.some((s) => claimed.has(s))) entry.snapshots = entry.snapshots.filter((s) => !claimed.has(s));
  }
  checkNamesAreUnique(models, fileName);
  const newest = Object.values(models).reduce((max, e) => e.as_of > max ? e.as_of : max, base.as_of);
  return { ...base, as_of: newest, overrides: fileName, models };
}
function checkNamesAreUnique(models, fileName) {
  const owner = /* @__PURE__ */ new Map();
  for (const [model, entry] of Object.entries(models)) {
    for (const snapshot of entry.snapshots) {
      const at = `models[${JSON.stringify(model)}].snapshots`;
      if (Object.hasOwn(models, snapshot)) throw new PricingFileError(fileName, at, `"${snapshot}" is also a model of its own; list it in one place`);
      const other = owner.get(snapshot);
      if (other !== void 0 && other !== model) {
        throw new PricingFileError(fileName, at, `"${snapshot}" is also a snapshot of "${other}"; list it in one place`);
      }
      owner.set(snapshot, model);
    }
  }
}

// src/pricing/loadCatalog.ts
var BUNDLED_NAME = "data/pricing.json (bundled)";
var bundled;
function loadCatalog(overridePath) {
  bundled ??= completeCatalog(parsePricingFile(pricing_default, BUNDLED_NAME), BUNDLED_NAME);
  const base = structuredClone(bundled);
  if (overridePath === void 0) return base;
  let text2;
  let modified;
  try {
    text2 = readFileSync(overridePath, "utf8");
    modified = statSync(overridePath).mtime;
  } catch (err) {
    const code = err.code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a JSON file" : err.message;
    throw new PricingFileError(overridePath, null, `cannot read the pricing file: ${reason}`);
  }
  let raw;
  try {
    raw = JSON.parse(text2.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new PricingFileError(overridePath, null, `is not valid JSON: ${err.message}`);
  }
  return applyOverrides(base, parsePricingFile(raw, overridePath), overridePath, modified.toISOString().slice(0, 10));
}

// src/shared/text.ts
function quote(text2, max = 80) {
  return JSON.stringify(text2.length > max ? `${text2.slice(0, max)}\u2026` : text2);
}

// src/pricing/resolvePricing.ts
var snapshotIndexes = /* @__PURE__ */ new WeakMap();
function findCatalogKey(catalog, model) {
  if (Object.hasOwn(catalog.models, model)) return model;
  return snapshotIndex(catalog).get(model) ?? null;
}
function resolvePricing(catalog, model) {
  const key = findCatalogKey(catalog, model);
  if (key === null) throw new PricingError(model, unpricedMessage(catalog, model));
  const e = catalog.models[key];
  return {
    model: key,
    sync: { input: e.input, cached_input: e.cached_input, output: e.output },
    batch: { input: e.batch_input, cached_input: e.batch_cached_input, output: e.batch_output },
    flex: e.flex === null ? null : { ...e.flex },
    ...e.encoding !== void 0 ? { encoding: e.encoding } : {},
    max_output_tokens: e.max_output_tokens,
    context_window: e.context_window,
    reasoning: e.reasoning,
    endpoints: [...e.endpoints],
    as_of: e.as_of,
    source: e.source,
    ...e.note !== void 0 ? { note: e.note } : {}
  };
}
function snapshotIndex(catalog) {
  let index = snapshotIndexes.get(catalog.models);
  if (index === void 0) {
    index = /* @__PURE__ */ new Map();
    for (const [key, entry] of Object.entries(catalog.models)) for (const s of entry.snapshots) index.set(s, key);
    snapshotIndexes.set(catalog.models, index);
  }
  return index;
}
function unpricedMessage(catalog, model) {
  let hint = "";
  let example = { input: 1.25, output: 10 };
  let exampleNote = " (example figures: use the model's real prices)";
  const exact = findCatalogKey(catalog, model.trim().toLowerCase());
  const family = longestFamilyPrefix(catalog, model);
  if (model.startsWith("ft:")) {
    const base = model.split(":")[1] ?? "";
    hint = ` It is a fine-tuned model${base ? ` of ${quote(base)}` : ""}: fine-tunes bill at their own rates, not their base model's, so batchwise does not guess.`;
  } else if (exact !== null) {
    hint = ` Did you mean "${exact}"? Model names are matched exactly.`;
  } else if (family !== null) {
    const f = catalog.models[family];
    hint = ` "${family}" is priced, but ${quote(model)} is not listed as billing at its price (dated snapshots can differ: gpt-4o-2024-05-13 cost twice gpt-4o).`;
    example = { input: f.input, output: f.output };
    exampleNote = ` (${family}'s prices: use them only if ${quote(model)} really bills the same)`;
  }
  return [
    `No price for model ${quote(model)} in the pricing catalog (prices as of ${catalog.as_of}${catalog.overrides ? `, with ${catalog.overrides}` : ""}).${hint}`,
    `Add it with a pricing file (CLI: --pricing FILE; action: pricing-file), in USD per 1M tokens${exampleNote}:`,
    `  {"models": {${JSON.stringify(model)}: ${JSON.stringify(example).replaceAll(":", ": ").replaceAll(",", ", ")}}}`,
    `Batch then defaults to 50% of these prices; flex stays unavailable unless you add "flex": {"input": \u2026, "output": \u2026}.`
  ].join("\n");
}
function longestFamilyPrefix(catalog, model) {
  let best = null;
  for (const key of Object.keys(catalog.models)) {
    if (model.startsWith(`${key}-`) && (best === null || key.length > best.length)) best = key;
  }
  return best;
}

// src/pricing/costUsd.ts
function costUsd(price2, tokens) {
  const cached = tokens.cached_input ?? 0;
  for (const [name, n] of [["input", tokens.input], ["cached_input", cached], ["output", tokens.output]]) {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`costUsd: ${name} tokens must be a finite number >= 0, got ${n}`);
  }
  if (cached > tokens.input) {
    throw new RangeError(`costUsd: cached_input (${cached}) is part of input (${tokens.input}) and cannot exceed it`);
  }
  const cachedRate = price2.cached_input ?? price2.input;
  return ((tokens.input - cached) * price2.input + cached * cachedRate + tokens.output * price2.output) / 1e6;
}

// src/pricing/usageCost.ts
function num(v) {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
}
function field(obj, key) {
  return obj !== null && typeof obj === "object" ? obj[key] : void 0;
}
function usageTokens(usage) {
  if (usage == null || typeof usage !== "object") return null;
  const input = num(usage.prompt_tokens) ?? num(usage.input_tokens);
  if (input === null) return null;
  const output = num(usage.completion_tokens) ?? num(usage.output_tokens) ?? 0;
  const cached = num(field(usage.prompt_tokens_details, "cached_tokens")) ?? num(field(usage.input_tokens_details, "cached_tokens")) ?? 0;
  return { input, cached_input: Math.min(cached, input), output };
}
function usageCostUsd(usage, price2) {
  const tokens = usageTokens(usage);
  return tokens === null || price2 === null ? null : costUsd(price2, tokens);
}

export {
  loadCatalog,
  quote,
  resolvePricing,
  costUsd,
  usageTokens,
  usageCostUsd
};
