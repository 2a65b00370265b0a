import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  joinResults,
  now,
  prepareRequests,
  renderJoinSummary
} from "./chunk-IAAS3BYO.js";
import {
  ActionInputError,
  describe,
  logInfo,
  logSafe,
  maskSecrets,
  readInputs,
  readRunnerContext,
  renderEstimateSummary,
  renderRunSummary,
  runHeadline,
  saveInFlight,
  saveOutputDir
} from "./chunk-FCMSYJWW.js";
import {
  inputTokensCell,
  renderEstimateMarkdown,
  renderEstimateMarkdownFor,
  requestsWord
} from "./chunk-BO4PDMA5.js";
import {
  VERSION,
  estimateFile,
  estimateToJson
} from "./chunk-FZKZX4PD.js";
import {
  readHistory
} from "./chunk-2X7CWBSR.js";
import {
  KEY_ENV,
  catalogForProvider,
  combineLedgers,
  escapeHtml,
  escapeMarkdown,
  formatInt,
  formatPercent,
  formatUsd,
  formatUsdApart,
  keyInputName,
  markdownInActionWords,
  roundUsd,
  scrub,
  scrubProcessOutput,
  truncate
} from "./chunk-VMWTP7T6.js";
import {
  loadCatalog,
  readJsonlLines
} from "./chunk-ZIDOD6TB.js";
import "./chunk-HKNME46Z.js";
import {
  getOctokit
} from "./chunk-2CDD52K6.js";
import {
  error,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-3I2DGFUB.js";
import "./chunk-64PVKJPU.js";
import "./chunk-NUO5XWAE.js";

// src/action/main.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join as join5, resolve as resolve4 } from "node:path";

// src/report/failures.ts
async function collectFailures(resultsPath, limit) {
  const shown = [];
  let total = 0;
  for await (const raw of readJsonlLines(resultsPath)) {
    let r;
    try {
      r = JSON.parse(raw.text);
    } catch {
      continue;
    }
    if (r.status === "succeeded") continue;
    total++;
    if (shown.length < limit) {
      const message = r.error ? `${r.error.code}: ${r.error.message}` : r.status;
      shown.push({ line: r.line, custom_id: r.custom_id, status: r.status, message });
    }
  }
  return { shown, total };
}

// src/github/client.ts
function githubClient(token, baseUrl) {
  return getOctokit(token, baseUrl ? { baseUrl } : {});
}
function isPermissionError(err) {
  const status = err?.status;
  return status === 403;
}
function httpStatus(err) {
  const status = err?.status;
  return typeof status === "number" ? status : void 0;
}

// src/action/estimatePhase.ts
async function estimateAll(files, inputs, ec) {
  const out = [];
  for (const f of files) {
    try {
      const estimate = await estimateFile(f.absolute, {
        catalog: ec.catalog,
        region: inputs.region,
        history: ec.history,
        now: ec.now,
        detail: false,
        displayName: f.path,
        latencyBudgetMs: inputs.latencyBudgetMs,
        minSavingsUsd: inputs.minSavingsUsd,
        compare: inputs.compare
      });
      logInfo(
        `${f.path}: ${estimate.requests} requests, ${estimate.input_tokens} input tokens; recommended ${estimate.recommendation.mode} \u2014 ${estimate.recommendation.reason}`
      );
      for (const l of estimate.lifecycle) warning(logSafe(l.message), { file: f.path, title: l.status === "shut_down" ? "model shut down" : "model shutting down" });
      out.push({ ...f, estimate, error: null });
    } catch (err) {
      error(err.message, { file: f.path });
      out.push({ ...f, estimate: null, error: err });
    }
  }
  return out;
}
function throwIfInvalid(files) {
  const bad = files.filter((f) => f.error);
  if (bad.length === 0) return files.map((f) => f.estimate);
  const userErrors = bad.every((f) => ["RequestFileError", "PricingError", "UnknownModelError"].includes(f.error.name));
  if (!userErrors) throw bad.find((f) => !["RequestFileError", "PricingError", "UnknownModelError"].includes(f.error.name)).error;
  const err = new Error(bad.map((f) => f.error.message).join("\n"));
  err.name = "RequestFileError";
  throw err;
}

// src/action/outputs.ts
function usd(n) {
  return String(roundUsd(n));
}
function modeOutput(modes) {
  const unique = [...new Set(modes)];
  return unique.length === 1 ? unique[0] : modes.join(",");
}
function setEstimateOutputs(estimates, reportPath) {
  const modes = estimates.map((e) => e.recommendation.mode);
  const cost = estimates.reduce((n, e) => n + (e.cost[e.recommendation.mode]?.expected ?? 0), 0);
  const sync = estimates.reduce((n, e) => n + e.cost.sync.expected, 0);
  setOutput("mode", modeOutput(modes));
  setOutput("estimated-cost", usd(cost));
  setOutput("estimated-savings", usd(sync - cost));
  setOutput("actual-cost", "0");
  setOutput("saved", "0");
  setOutput("results", "");
  setOutput("results-csv", "");
  setOutput("report", reportPath);
  setOutput("batch-ids", "");
  setOutput("succeeded", "0");
  setOutput("failed", "0");
  setOutput("in-progress", "false");
}
function setRunOutputs(runs) {
  const cost = runs.reduce((n, r) => n + r.estimated_cost_usd.expected, 0);
  const sync = runs.reduce((n, r) => n + r.estimate.cost.sync.expected, 0);
  setOutput("mode", modeOutput(runs.map((r) => r.decision.mode)));
  setOutput("estimated-cost", usd(cost));
  setOutput("estimated-savings", usd(sync - cost));
  const ledger = combineLedgers(runs.map((r) => r.ledger));
  setOutput("actual-cost", usd(ledger.total.actual_usd));
  setOutput("saved", usd(ledger.total.saved_usd));
  setOutput("results", runs.map((r) => r.results_path).join("\n"));
  setOutput("results-csv", runs.map((r) => r.results_csv_path).join("\n"));
  setOutput("report", runs.map((r) => r.report_md_path).join("\n"));
  setOutput("batch-ids", runs.flatMap((r) => r.batch_ids).join(","));
  setOutput("succeeded", String(runs.reduce((n, r) => n + r.succeeded, 0)));
  setOutput("failed", String(runs.reduce((n, r) => n + r.requests - r.succeeded, 0)));
  setOutput("in-progress", runs.some((r) => r.in_progress) ? "true" : "false");
}

// src/github/compareAtBase.ts
import { mkdtemp, readFile as readFile2, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/github/baseFiles.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isAbsolute, matchesGlob, posix, relative, sep } from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
function repoPatterns(patterns, cwd) {
  const out = [];
  for (const raw of patterns.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    let p = raw;
    if (isAbsolute(p)) {
      const rel = relative(cwd, p);
      if (rel.startsWith("..") || isAbsolute(rel)) continue;
      p = rel.split(sep).join("/");
    }
    p = posix.normalize(p.replace(/\\/g, "/"));
    if (p === ".." || p.startsWith("../")) continue;
    out.push(p);
  }
  return out;
}
function matchesAny(path, patterns) {
  return patterns.some((p) => matchesGlob(path, p));
}
async function listBaseFiles(gh, q) {
  const patterns = repoPatterns(q.patterns, q.cwd);
  if (patterns.length === 0) return { paths: [], renames: /* @__PURE__ */ new Map(), source: "git" };
  if (await hasCommit(q.baseSha, q.cwd)) return fromGit(q, patterns);
  if (!gh) return void 0;
  return fromApi(gh, q, patterns);
}
async function hasCommit(sha, cwd) {
  try {
    await run("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd });
    return true;
  } catch {
    return false;
  }
}
async function fromGit(q, patterns) {
  const big = { cwd: q.cwd, maxBuffer: 256 * 1024 * 1024 };
  const { stdout: listed } = await run("git", ["ls-tree", "-r", "-z", "--name-only", "--full-tree", q.baseSha], big);
  const paths = listed.split("\0").filter((p) => p && matchesAny(p, patterns)).sort();
  const baseSet = new Set(paths);
  const headSet = new Set(q.headFiles.map((f) => f.path));
  const renames = /* @__PURE__ */ new Map();
  const { stdout: diff } = await run("git", ["diff", "--find-renames", "--name-status", "-z", q.baseSha, "HEAD"], big);
  const fields = diff.split("\0");
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = fields[i++];
      const to = fields[i++];
      if (status.startsWith("R") && baseSet.has(from) && headSet.has(to) && !baseSet.has(to)) renames.set(to, from);
    } else {
      i++;
    }
  }
  return { paths, renames, source: "git" };
}
async function fromApi(gh, q, patterns) {
  const res = await gh.rest.git.getTree({ owner: q.owner, repo: q.repo, tree_sha: q.baseSha, recursive: "true" });
  const blobs = res.data.tree.filter((e) => e.type === "blob" && e.path && matchesAny(e.path, patterns));
  const paths = blobs.map((e) => e.path).sort();
  const baseSet = new Set(paths);
  const bySha = /* @__PURE__ */ new Map();
  for (const e of blobs) if (e.sha) bySha.set(e.sha, [...bySha.get(e.sha) ?? [], e.path]);
  const renames = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  for (const f of q.headFiles) {
    if (baseSet.has(f.path)) continue;
    const from = (bySha.get(gitBlobSha(await readFile(f.absolute))) ?? []).find((p) => !taken.has(p) && !q.headFiles.some((h) => h.path === p));
    if (from) {
      renames.set(f.path, from);
      taken.add(from);
    }
  }
  const note = res.data.truncated ? `the base tree is too large for one API answer: files deleted by this pull request may be missing` : void 0;
  return { paths, renames, source: "api", ...note ? { note } : {} };
}
function gitBlobSha(content) {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

// src/github/readFileAtCommit.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile2);
async function readFileAtCommit(gh, where) {
  const fromGit2 = await gitShow(where.sha, where.path, where.cwd);
  if (fromGit2 !== void 0) return { content: fromGit2, source: "git" };
  if (!gh) throw new Error(`commit ${where.sha} is not in the local clone and no GitHub token was given to fetch ${where.path}`);
  try {
    const res = await gh.rest.repos.getContent({
      owner: where.owner,
      repo: where.repo,
      path: where.path,
      ref: where.sha,
      // raw: the bytes themselves, up to 100 MB (the JSON form stops at 1 MB).
      mediaType: { format: "raw" }
    });
    const data = res.data;
    return { content: typeof data === "string" ? Buffer.from(data) : Buffer.from(data), source: "api" };
  } catch (err) {
    if (httpStatus(err) === 404) return { content: null, source: "api" };
    throw err;
  }
}
async function gitShow(sha, path, cwd) {
  try {
    await run2("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd });
  } catch {
    return void 0;
  }
  try {
    const { stdout } = await run2("git", ["show", `${sha}:${path}`], { cwd, encoding: "buffer", maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch {
    return null;
  }
}

// src/github/compareAtBase.ts
async function compareAtBase(gh, files, opts) {
  const scratch = await mkdtemp(join(tmpdir(), "batchwise-base-"));
  let n = 0;
  const estimate = (path, displayName) => estimateFile(path, {
    catalog: opts.catalog,
    displayName,
    latencyBudgetMs: opts.latencyBudgetMs,
    minSavingsUsd: opts.minSavingsUsd,
    region: opts.region,
    history: opts.history,
    now: opts.now
  });
  const estimateBase = async (content, path) => {
    const at = join(scratch, `base-${n++}.jsonl`);
    await writeFile(at, content);
    try {
      return { base: await estimate(at, path) };
    } catch (err) {
      return { base: null, baseError: err.message };
    }
  };
  try {
    const listing = opts.patterns === void 0 ? void 0 : await baseListing(gh, files, opts);
    const out = [];
    const seenAtBase = /* @__PURE__ */ new Set();
    for (const f of files) {
      const headBytes = await readFile2(f.absolute);
      const basePath = listing?.renames.get(f.path) ?? f.path;
      const renamedFrom = basePath !== f.path ? basePath : void 0;
      seenAtBase.add(basePath);
      const base = f.readBase ? await f.readBase(scratch) : await readFileAtCommit(gh, { owner: opts.owner, repo: opts.repo, sha: opts.baseSha, path: basePath, cwd: opts.cwd });
      opts.log?.(`${f.path}: base ${base.content ? `read from ${base.source}${renamedFrom ? ` (renamed from ${renamedFrom})` : ""}` : base.error ? "is invalid" : "has no such file"}`);
      const sameBytes = base.content !== null && base.content.equals(headBytes);
      let head = f.estimate ?? null;
      let error2;
      if (!head) {
        try {
          head = await estimate(f.absolute, f.path);
        } catch (err) {
          error2 = err.message;
        }
      }
      let baseSide = base.error ? { base: null, baseError: base.error } : { base: null };
      if (base.content) baseSide = sameBytes && head ? { base: head } : await estimateBase(base.content, basePath);
      out.push({
        path: f.path,
        ...baseSide,
        head,
        changed: !sameBytes || renamedFrom !== void 0,
        ...renamedFrom ? { renamedFrom } : {},
        ...error2 ? { error: error2 } : {}
      });
    }
    for (const path of listing?.paths ?? []) {
      if (seenAtBase.has(path) || files.some((f) => f.path === path)) continue;
      const base = await readFileAtCommit(gh, { owner: opts.owner, repo: opts.repo, sha: opts.baseSha, path, cwd: opts.cwd });
      if (!base.content) continue;
      opts.log?.(`${path}: deleted by this pull request (base read from ${base.source})`);
      out.push({ path, ...await estimateBase(base.content, path), head: null, changed: true, deleted: true });
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
async function baseListing(gh, files, opts) {
  try {
    const listing = await listBaseFiles(gh, {
      owner: opts.owner,
      repo: opts.repo,
      baseSha: opts.baseSha,
      patterns: opts.patterns,
      cwd: opts.cwd,
      headFiles: files
    });
    if (!listing) opts.log?.("the base commit is not in the clone and there is no token: files deleted by this pull request are not shown");
    else if (listing.note) opts.log?.(listing.note);
    return listing;
  } catch (err) {
    opts.log?.(`could not list the base's request files (${err.message}): files deleted by this pull request are not shown`);
    return void 0;
  }
}

// src/github/permissionError.ts
var GitHubPermissionError = class extends Error {
  permission;
  constructor(what, permission, detail) {
    super(
      `the GitHub token cannot ${what} (${detail}): give the job \`permissions: ${permission}\` (or pass a github-token that has it)`
    );
    this.name = "GitHubPermissionError";
    this.permission = permission;
  }
};

// src/github/stickyComment.ts
async function ownLogin(gh) {
  try {
    return (await gh.rest.users.getAuthenticated()).data.login;
  } catch {
    return null;
  }
}
async function findOurs(gh, opts) {
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    owner: opts.owner,
    repo: opts.repo,
    issue_number: opts.issue_number,
    per_page: 100
  });
  const marked = comments.filter((c) => c.body?.includes(opts.marker));
  if (marked.length === 0) return void 0;
  const login = await ownLogin(gh);
  return marked.filter((c) => login ? c.user?.login === login : c.user?.type === "Bot").at(-1);
}
function sameReport(a, b) {
  const runLinks = /\/actions\/runs\/\d+(?:\/attempts?\/\d+)?/g;
  return a.replace(runLinks, "/actions/runs/\u2026") === b.replace(runLinks, "/actions/runs/\u2026");
}
async function update(gh, opts, ours) {
  if (ours.body && sameReport(ours.body, opts.body)) return { action: "unchanged", id: ours.id, url: ours.html_url };
  const { data } = await gh.rest.issues.updateComment({ owner: opts.owner, repo: opts.repo, comment_id: ours.id, body: opts.body });
  return { action: "updated", id: data.id, url: data.html_url };
}
function permissionError(err, opts) {
  if (!isPermissionError(err)) return err;
  return new GitHubPermissionError(`comment on pull request #${opts.issue_number}`, "pull-requests: write", "pull requests from forks get a read-only token");
}
async function upsertStickyComment(gh, opts) {
  if (!opts.body.includes(opts.marker)) throw new Error("a sticky comment body must contain its marker");
  try {
    if (opts.mode === "update") {
      const ours = await findOurs(gh, opts);
      if (ours) return await update(gh, opts, ours);
    }
    const { data } = await gh.rest.issues.createComment({ owner: opts.owner, repo: opts.repo, issue_number: opts.issue_number, body: opts.body });
    return { action: "created", id: data.id, url: data.html_url };
  } catch (err) {
    throw permissionError(err, opts);
  }
}
async function refreshStickyComment(gh, opts) {
  if (!opts.body.includes(opts.marker)) throw new Error("a sticky comment body must contain its marker");
  const full = { ...opts, mode: "update" };
  try {
    const ours = await findOurs(gh, full);
    return ours ? await update(gh, full, ours) : null;
  } catch (err) {
    throw permissionError(err, full);
  }
}

// src/report/prComment.ts
var COST_REPORT_MARKER = "<!-- batchwise:cost-report -->";
var MAX_COMMENT_CHARS = 65536;
var CAUSES_IN_HEADLINE = 3;
var MODELS_IN_CELL = 3;
function signedUsd(delta) {
  return delta > 0 ? `+${formatUsd(delta)}` : delta < 0 ? formatUsd(delta) : "\xB1$0.00";
}
function relative2(base, head) {
  if (!(base > 0) || head === base) return "";
  if (head >= base * 10) return `${formatInt(head / base)}\xD7`;
  return `${head > base ? "+" : "-"}${formatPercent(Math.abs(head - base), base)}`;
}
function usdChange(base, head, inside = false) {
  const rel = relative2(base, head);
  if (!rel) return signedUsd(head - base);
  return inside ? `${signedUsd(head - base)}, ${rel}` : `${signedUsd(head - base)} (${rel})`;
}
function arrow(base, head) {
  return `${base}\xA0\u2192 ${head}`;
}
function change(base, head, usd2) {
  if (base === void 0 || head === void 0) return "";
  if (usd2) return usdChange(base, head);
  const d = head - base;
  const rel = relative2(base, head);
  return (d > 0 ? "+" : d < 0 ? "-" : "\xB1") + formatInt(Math.abs(d)) + (rel ? ` (${rel})` : "");
}
function costAt(f, side, mode) {
  const e = f[side];
  if (e) return e.cost[mode].expected;
  if (side === "head") return f.deleted ? 0 : f.error ? void 0 : 0;
  return f.baseError ? void 0 : 0;
}
function batchDelta(f) {
  return (costAt(f, "head", "batch") ?? 0) - (costAt(f, "base", "batch") ?? 0);
}
function changedFirst(files) {
  return files.filter((f) => f.changed).map((f, i) => ({ f, i })).sort((a, b) => Number(!!b.f.error) - Number(!!a.f.error) || Math.abs(batchDelta(b.f)) - Math.abs(batchDelta(a.f)) || a.i - b.i).map(({ f }) => f);
}
function modelsOf(e) {
  return e ? e.models.map((m) => m.model) : [];
}
function sameModels(a, b) {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}
function modelList(models) {
  const shown = models.slice(0, MODELS_IN_CELL).map((m) => escapeMarkdown(truncate(m, 60)));
  if (models.length > MODELS_IN_CELL) shown.push(`+${models.length - MODELS_IN_CELL} more`);
  return shown.join(", ");
}
function causeOf(f) {
  const name = escapeMarkdown(f.path);
  if (f.error) return `${name} is invalid at head`;
  if (f.deleted) return `${name} deleted`;
  const b = f.base;
  const h = f.head;
  if (!b) {
    const what = `${requestsWord(h.requests)}, ${modelList(modelsOf(h))}`;
    return f.baseError ? `${name} was invalid at base, now ${what}` : `${name} added (${what})`;
  }
  const facts = [];
  if (!sameModels(modelsOf(b), modelsOf(h))) facts.push(`${modelList(modelsOf(b))} \u2192 ${modelList(modelsOf(h))}`);
  if (b.requests !== h.requests) facts.push(`${formatInt(b.requests)} \u2192 ${formatInt(h.requests)} requests`);
  else if (b.input_tokens !== h.input_tokens) facts.push(`input tokens ${formatInt(b.input_tokens)} \u2192 ${formatInt(h.input_tokens)}`);
  if (facts.length === 0 && b.output_tokens.expected !== h.output_tokens.expected) {
    facts.push(`expected output tokens ${formatInt(b.output_tokens.expected)} \u2192 ${formatInt(h.output_tokens.expected)}`);
  }
  if (facts.length === 0 && b.cost.batch.max !== h.cost.batch.max) {
    const [bs, hs] = formatUsdApart(b.cost.batch.max, h.cost.batch.max);
    facts.push(`batch at most ${bs} \u2192 ${hs}`);
  }
  const where = f.renamedFrom ? `${escapeMarkdown(f.renamedFrom)} renamed to ${name}` : name;
  if (facts.length === 0) return f.renamedFrom ? where : `${name}: edited, the same expected cost`;
  return `${where}: ${facts.join(", ")}`;
}
function headlineOf(files) {
  const changed = changedFirst(files);
  if (changed.length === 0) return { what: `No request file changed in this pull request (${formatInt(files.length)} checked).`, why: "" };
  const n = changed.length === files.length ? `${changed.length} request file${changed.length === 1 ? "" : "s"}` : `${formatInt(changed.length)} of ${formatInt(files.length)} request files`;
  const causes = changed.slice(0, CAUSES_IN_HEADLINE).map(causeOf);
  if (changed.length > CAUSES_IN_HEADLINE) causes.push(`${changed.length - CAUSES_IN_HEADLINE} more in the table`);
  const why = `Why: ${causes.join("; ")}.`;
  const comparable = files.filter((f) => costAt(f, "base", "sync") !== void 0 && costAt(f, "head", "sync") !== void 0);
  if (comparable.length === 0) return { what: `This pull request changes ${n}; none can be compared at base and head.`, why };
  const money = ["sync", "batch"].map((mode) => {
    const b = comparable.reduce((sum, f) => sum + costAt(f, "base", mode), 0);
    const h = comparable.reduce((sum, f) => sum + costAt(f, "head", mode), 0);
    const [bs, hs] = formatUsdApart(b, h);
    return `${mode} ${bs} \u2192 ${hs} (${usdChange(b, h, true)})`;
  });
  const left = files.length - comparable.length;
  const uncounted = left > 0 ? ` (${left} invalid file${left === 1 ? "" : "s"} not counted)` : "";
  return { what: `This pull request changes ${n}; expected cost per run${uncounted}: ${money.join(", ")}.`, why };
}
function lifecycleLines(files) {
  const byModel = /* @__PURE__ */ new Map();
  for (const f of files) {
    for (const l of f.head?.lifecycle ?? []) {
      const seen = byModel.get(l.model);
      if (seen) seen.paths.push(f.path);
      else byModel.set(l.model, { life: l, paths: [f.path] });
    }
  }
  const withHead = files.filter((f) => f.head).length;
  return [...byModel.values()].map(({ life, paths }) => {
    const shown = paths.slice(0, 3).map(escapeMarkdown).join(", ") + (paths.length > 3 ? ` and ${paths.length - 3} more` : "");
    const where = withHead > 1 ? ` (${shown})` : "";
    const refused = life.status === "shut_down" ? " A run refuses it: change the model in the request file." : "";
    return `\u26A0\uFE0F At head: ${escapeMarkdown(life.message)}${where}.${refused}`;
  });
}
function fromTo(f, value, usd2) {
  const b = f.base ? value(f.base) : void 0;
  const h = f.head ? value(f.head) : void 0;
  if (b !== void 0 && h !== void 0 && b === h) return usd2 ? formatUsd(h) : formatInt(h);
  let [bs, hs] = usd2 && b !== void 0 && h !== void 0 ? formatUsdApart(b, h) : [b, h].map((x) => x === void 0 ? "" : usd2 ? formatUsd(x) : formatInt(x));
  if (b === void 0) bs = f.baseError ? "invalid" : "\u2014";
  if (h === void 0) hs = f.error ? "invalid" : "\u2014";
  return arrow(bs, hs);
}
function modelCell(f) {
  const b = modelsOf(f.base);
  const h = modelsOf(f.head);
  if (!f.base || !f.head) return modelList(f.head ? h : b) || "\u2014";
  if (sameModels(b, h)) return modelList(h);
  return arrow(modelList(b), `**${modelList(h)}**`);
}
function fileCell(f) {
  const name = escapeMarkdown(f.path);
  if (f.error) return `${name} (invalid)`;
  if (f.deleted) return `${name} (deleted)`;
  if (f.renamedFrom) return `${name} (renamed)`;
  if (!f.base) return f.baseError ? `${name} (was invalid)` : `${name} (new)`;
  return name;
}
var TABLE_HEADER = ["| file | model | requests | sync expected | batch expected | change (batch) |", "|---|---|---:|---:|---:|---:|"];
function changedRow(f) {
  const b = costAt(f, "base", "batch");
  const h = costAt(f, "head", "batch");
  const cells = [
    fileCell(f),
    modelCell(f),
    fromTo(f, (e) => e.requests, false),
    fromTo(f, (e) => e.cost.sync.expected, true),
    fromTo(f, (e) => e.cost.batch.expected, true),
    b !== void 0 && h !== void 0 ? usdChange(b, h) : "\u2014"
  ];
  return `| ${cells.join(" | ")} |`;
}
function unchangedFold(files, withList) {
  if (files.length === 0) return [];
  const title = `${formatInt(files.length)} unchanged request file${files.length === 1 ? "" : "s"}`;
  if (!withList) return [`<details><summary>${title}</summary>`, "", "_The list was cut to fit a comment._", "", "</details>", ""];
  const items = files.map((f) => {
    const name = escapeMarkdown(f.path);
    if (!f.head) return `- ${name}: invalid`;
    const e = f.head;
    return `- ${name}: ${modelList(modelsOf(e))} \xB7 ${requestsWord(e.requests)} \xB7 ${formatUsd(e.cost.sync.expected)} sync \xB7 ${formatUsd(e.cost.batch.expected)} batch`;
  });
  return [`<details><summary>${title}</summary>`, "", ...items, "", "</details>", ""];
}
function fileTable(f) {
  const lines = [];
  if (f.error) lines.push(`\u26A0\uFE0F The head version cannot be estimated: ${escapeMarkdown(f.error)}`, "");
  if (f.baseError) lines.push(`\u2139\uFE0F The base version was already invalid: ${escapeMarkdown(truncate(f.baseError, 300))}`, "");
  if (f.renamedFrom) lines.push(`Renamed from ${escapeMarkdown(f.renamedFrom)}.`, "");
  if (!f.base && !f.head && !f.baseError) return lines;
  const b = f.base;
  const h = f.head;
  const rows = [
    ["requests", (e) => e.requests, false],
    ["input tokens", (e) => e.input_tokens, false],
    ["sync, expected", (e) => e.cost.sync.expected, true],
    ["sync, max", (e) => e.cost.sync.max, true],
    ["batch, expected", (e) => e.cost.batch.expected, true],
    ["batch, max", (e) => e.cost.batch.max, true]
  ];
  lines.push(`| | base | head | change |`, "|---|---:|---:|---:|");
  for (const [name, value, usd2] of rows) {
    const fmt = (e) => usd2 ? formatUsd(value(e)) : name === "input tokens" ? inputTokensCell(value(e), e.input_tokens_approximate) : formatInt(value(e));
    const baseCell = b ? fmt(b) : f.baseError ? "invalid at base" : "not in base";
    const headCell = h ? fmt(h) : f.error ? "invalid" : "deleted";
    lines.push(`| ${name} | ${baseCell} | ${headCell} | ${change(b ? value(b) : f.baseError ? void 0 : 0, h ? value(h) : f.deleted ? 0 : void 0, usd2)} |`);
  }
  lines.push("");
  return lines;
}
function fileDetails(f) {
  const body = fileTable(f);
  if (f.head) body.push(renderEstimateMarkdownFor(f.head, "action"));
  if (body.length === 0) return [];
  return [`<details><summary>Details of ${escapeHtml(f.path)}</summary>`, "", ...body, "</details>", ""];
}
function footer(files, opts) {
  const asOf = files.find((f) => f.head)?.head?.pricing.as_of ?? files.find((f) => f.base)?.base?.pricing.as_of;
  const bits = [`batchwise ${VERSION}`];
  if (asOf) bits.push(`prices as of ${escapeMarkdown(asOf)}`);
  if (opts.runUrl) bits.push(`[workflow run](${opts.runUrl})`);
  return [`<sub>${bits.join(" \xB7 ")}</sub>`, ""];
}
function renderPrComment(files, opts = {}) {
  const max = opts.maxChars ?? MAX_COMMENT_CHARS;
  const headline = headlineOf(files);
  const head = [COST_REPORT_MARKER, "## batchwise cost report", "", `**${headline.what}**${headline.why ? ` ${headline.why}` : ""}`, ""];
  for (const line of lifecycleLines(files)) head.push(line, "");
  if (opts.runNote) head.push(markdownInActionWords(opts.runNote), "");
  const changed = changedFirst(files);
  const rows = changed.map(changedRow);
  const unchanged = files.filter((f) => !f.changed);
  const details = changed.map(fileDetails);
  const foot = footer(files, opts);
  const table = (n) => n > 0 ? [...TABLE_HEADER, ...rows.slice(0, n), ""] : [];
  const fits = (parts) => {
    const body = parts.flat().join("\n");
    return body.length <= max ? body : null;
  };
  for (let keep = details.length; keep >= 0; keep--) {
    const cut = keep < details.length ? [cutMessage(`details of ${details.length - keep} file(s)`, opts), ""] : [];
    const body = fits([head, table(rows.length), unchangedFold(unchanged, true), ...details.slice(0, keep), cut, foot]);
    if (body) return body;
  }
  for (let keep = rows.length; keep >= 0; keep--) {
    const what = keep < rows.length ? `${rows.length - keep} more file(s) and all details` : "all details";
    const body = fits([head, table(keep), unchangedFold(unchanged, false), [cutMessage(what, opts), ""], foot]);
    if (body) return body;
  }
  return [COST_REPORT_MARKER, "## batchwise cost report", "", cutMessage("the report", opts)].join("\n").slice(0, max);
}
function cutMessage(what, opts) {
  const where = opts.runUrl ? `the [job summary](${opts.runUrl})` : "the job summary";
  return `_Cut to fit a comment (${what} left out): the full report is in ${where}._`;
}

// src/action/preparedAtBase.ts
import { readFile as readFile3, writeFile as writeFile2 } from "node:fs/promises";
import { basename, join as join2 } from "node:path";
function preparedAtBase(gh, ctx, inputs, baseSha) {
  const d = inputs.data;
  return async (scratch) => {
    const at = async (given) => {
      const path = repoPatterns(given, ctx.workspace)[0];
      if (path === void 0) return { content: null, source: "git" };
      return readFileAtCommit(gh, { owner: ctx.owner, repo: ctx.repo, sha: baseSha, path, cwd: ctx.workspace });
    };
    const data = await at(d.data);
    const template = await at(d.template);
    if (!data.content || !template.content) return { content: null, source: data.source };
    const dataPath = join2(scratch, `base-data-${basename(d.data)}`);
    const templatePath = join2(scratch, `base-template-${basename(d.template)}`);
    const out = join2(scratch, "base-prepared.jsonl");
    await writeFile2(dataPath, data.content);
    await writeFile2(templatePath, template.content);
    try {
      await prepareRequests({
        model: d.model,
        template: templatePath,
        ...d.system !== void 0 ? { system: d.system } : {},
        ...d.maxTokens !== void 0 ? { maxTokens: d.maxTokens } : {},
        data: dataPath,
        ...d.idColumn !== void 0 ? { idColumn: d.idColumn } : {},
        out
      });
    } catch (err) {
      return { content: null, source: data.source, error: err.message.replaceAll(dataPath, d.data).replaceAll(templatePath, d.template) };
    }
    return { content: await readFile3(out), source: data.source };
  };
}

// src/action/prReportPhase.ts
async function reportOnPullRequest(gh, ctx, inputs, files, ec) {
  const pr = ctx.pullRequest;
  if (!pr || inputs.comment === "off") return void 0;
  const comparisons = await compareAtBase(
    gh,
    files.map((f) => ({
      path: f.path,
      absolute: f.absolute,
      ...f.estimate ? { estimate: f.estimate } : {},
      // Prepared from `data` in this job: its base version is prepared from the base's table and template.
      ...inputs.data ? { readBase: preparedAtBase(gh, ctx, inputs, pr.baseSha) } : {}
    })),
    {
      owner: ctx.owner,
      repo: ctx.repo,
      baseSha: pr.baseSha,
      // The base is estimated exactly as the head was (catalog, region, history, today): a change the PR did not cause
      // must not show.
      catalog: ec.catalog,
      region: inputs.region,
      history: ec.history,
      now: ec.now,
      cwd: ctx.workspace,
      // Files the PR deletes or renames are found among the base's files that match the same patterns.
      ...inputs.requests ? { patterns: inputs.requests } : {},
      latencyBudgetMs: inputs.latencyBudgetMs,
      minSavingsUsd: inputs.minSavingsUsd,
      // Lines name the PR's files: a file name must not forge a workflow command.
      log: (line) => logInfo(line)
    }
  );
  const body = scrub(renderPrComment(comparisons, { runUrl: ctx.runUrl }));
  if (comparisons.every((c) => !c.changed)) {
    info(`no request file changed between ${pr.baseSha.slice(0, 7)} and ${pr.headSha.slice(0, 7)}: no comment`);
    return { result: "skipped", body };
  }
  if (!gh) {
    warning("no github-token: the cost report is in the job summary instead of a pull-request comment");
    return { result: "not-posted", body };
  }
  try {
    const r = await upsertStickyComment(gh, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: pr.number,
      marker: COST_REPORT_MARKER,
      body,
      mode: inputs.comment === "new" ? "new" : "update"
    });
    info(`cost report comment ${r.action}: ${r.url}`);
    return { result: r.action, body, url: r.url };
  } catch (err) {
    if (err.name !== "GitHubPermissionError") throw err;
    warning(`${err.message}. The cost report is in the job summary.`);
    return { result: "not-posted", body };
  }
}

// src/action/refreshStaleReport.ts
async function refreshStaleReport(gh, ctx, inputs, outcome) {
  const pr = ctx.pullRequest;
  if (!outcome || outcome.result !== "skipped" || !gh || !pr || inputs.comment !== "update") return outcome;
  try {
    const r = await refreshStickyComment(gh, { owner: ctx.owner, repo: ctx.repo, issue_number: pr.number, marker: COST_REPORT_MARKER, body: outcome.body });
    if (!r) return outcome;
    logInfo(`cost report comment ${r.action} (no request file changes any more): ${r.url}`);
    return { result: r.action, body: outcome.body, url: r.url };
  } catch (err) {
    if (err.name !== "GitHubPermissionError") throw err;
    warning(`${err.message}. The earlier cost report on this pull request is out of date.`);
    return outcome;
  }
}

// src/action/publish.ts
import { readFile as readFile4 } from "node:fs/promises";
import { existsSync as existsSync2 } from "node:fs";
import { basename as basename2, relative as relative5, sep as sep4 } from "node:path";

// src/github/commitFiles.ts
var ATTEMPTS = 2;
async function commitFiles(gh, opts) {
  if (opts.files.length === 0) throw new Error("commitFiles needs at least one file");
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(gh, opts);
    } catch (err) {
      if (isPermissionError(err)) {
        throw new GitHubPermissionError(
          `write to ${opts.owner}/${opts.repo}`,
          "contents: write",
          `committing results to branch ${opts.branch}`
        );
      }
      if (httpStatus(err) === 422 && attempt < ATTEMPTS) continue;
      throw err;
    }
  }
}
async function commitOnce(gh, opts) {
  const where = { owner: opts.owner, repo: opts.repo };
  const ref = `heads/${opts.branch}`;
  let parent;
  let branchExists = true;
  try {
    parent = (await gh.rest.git.getRef({ ...where, ref })).data.object.sha;
  } catch (err) {
    if (httpStatus(err) !== 404 || !opts.createFrom) throw err;
    parent = opts.createFrom;
    branchExists = false;
  }
  const baseTree = (await gh.rest.git.getCommit({ ...where, commit_sha: parent })).data.tree.sha;
  const tree = [];
  for (const f of opts.files) {
    const blob = await gh.rest.git.createBlob({ ...where, content: f.content.toString("base64"), encoding: "base64" });
    tree.push({ path: f.path, mode: "100644", type: "blob", sha: blob.data.sha });
  }
  const newTree = await gh.rest.git.createTree({ ...where, base_tree: baseTree, tree });
  const commit = await gh.rest.git.createCommit({ ...where, message: opts.message, tree: newTree.data.sha, parents: [parent] });
  if (branchExists) {
    await gh.rest.git.updateRef({ ...where, ref, sha: commit.data.sha, force: false });
  } else {
    await gh.rest.git.createRef({ ...where, ref: `refs/${ref}`, sha: commit.data.sha });
  }
  return { sha: commit.data.sha, url: commit.data.html_url, branch: opts.branch };
}

// src/github/uploadArtifact.ts
import { relative as relative3, sep as sep2 } from "node:path";
async function uploadResultsArtifact(client, up) {
  for (const f of up.files) {
    const rel = relative3(up.rootDirectory, f);
    if (rel.startsWith("..") || rel.startsWith(sep2)) throw new Error(`${f} is outside the artifact's root ${up.rootDirectory}`);
  }
  const res = await client.uploadArtifact(up.name, up.files, up.rootDirectory, up.retentionDays ? { retentionDays: up.retentionDays } : {});
  return { id: res.id, size: res.size, files: up.files.map((f) => relative3(up.rootDirectory, f)) };
}

// src/action/historyFile.ts
import { existsSync } from "node:fs";
import { mkdir, writeFile as writeFile3 } from "node:fs/promises";
import { dirname, relative as relative4, resolve, sep as sep3 } from "node:path";
function historyPathOf(inputs, workspace) {
  return inputs.history === false ? null : resolve(workspace, inputs.history);
}
function historyRepoPath(path, workspace) {
  const rel = relative4(workspace, path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep3}`) || resolve(workspace, rel) !== path) return null;
  return rel.split(sep3).join("/");
}
async function readStepHistory(path) {
  if (path === null) return [];
  let h;
  try {
    h = await readHistory(path);
  } catch (err) {
    throw new ActionInputError("history", `cannot read ${path}: ${err.message}`);
  }
  if (h.skipped > 0) warning(`${h.skipped} line(s) of the history file ${path} could not be read and were skipped`);
  if (h.observations.length > 0) logInfo(`history: ${h.observations.length} observation(s) from ${path} calibrate the estimate`);
  return h.observations;
}
async function restoreCommittedHistory(gh, ctx, inputs, path) {
  if (inputs.commit === false || path === null || gh === null || existsSync(path)) return;
  const branch = inputs.commitBranch ?? ctx.branch;
  const repoPath2 = historyRepoPath(path, ctx.workspace);
  if (!branch || repoPath2 === null) return;
  try {
    const r = await readFileAtCommit(gh, { owner: ctx.owner, repo: ctx.repo, sha: branch, path: repoPath2, cwd: ctx.workspace });
    if (!r.content) return;
    await mkdir(dirname(path), { recursive: true });
    await writeFile3(path, r.content);
    logInfo(`history: ${repoPath2} restored from branch ${branch} (${r.content.length} bytes)`);
  } catch (err) {
    warning(`the run history could not be read from branch ${branch}: ${err.message}. This run's estimate is not calibrated by earlier runs.`);
  }
}

// src/action/publish.ts
var RESULT_FILES = ["results.jsonl", "results.csv", "report.md", "report.json"];
function resultFiles(dirs) {
  return dirs.flatMap((d) => RESULT_FILES.map((f) => `${d}/${f}`)).filter((f) => existsSync2(f));
}
async function publishArtifact(client, inputs, outputDir, dirs) {
  if (inputs.artifact === false) return;
  const files = resultFiles(dirs);
  if (files.length === 0) return;
  let r;
  try {
    r = await uploadResultsArtifact(client, { name: inputs.artifact, files, rootDirectory: outputDir, retentionDays: inputs.retentionDays });
  } catch (err) {
    warning(`artifact "${inputs.artifact}" was not uploaded: ${err.message}`);
    return;
  }
  logInfo(`artifact "${inputs.artifact}" uploaded (id ${r.id ?? "?"}, ${r.size ?? "?"} bytes): ${r.files.join(", ")}`);
}
async function publishCommit(gh, ctx, inputs, outputDir, dirs, historyPath, message) {
  if (inputs.commit === false) return;
  if (!gh) throw new ActionInputError("commit", "needs a github-token (the default `${{ github.token }}` works with `permissions: contents: write`)");
  const branch = inputs.commitBranch ?? ctx.branch;
  if (!branch) throw new ActionInputError("commit", `cannot tell which branch to commit to on a "${ctx.eventName}" event; set commit-branch`);
  const target = inputs.commit.replace(/\/+$/, "");
  const files = [];
  for (const f of resultFiles(dirs)) {
    const rel = relative5(outputDir, f).split(sep4).join("/");
    files.push({ path: `${target}/${rel || basename2(f)}`, content: await readFile4(f) });
  }
  if (files.length === 0) return;
  const history = historyPath !== null && existsSync2(historyPath) ? historyRepoPath(historyPath, ctx.workspace) : null;
  if (history !== null) files.push({ path: history, content: await readFile4(historyPath) });
  const r = await commitFiles(gh, { owner: ctx.owner, repo: ctx.repo, branch, message, files, createFrom: ctx.sha });
  logInfo(`committed ${files.length} files under ${target}/${history !== null ? ` and ${history}` : ""} to ${r.branch}: ${r.sha}`);
}

// src/action/resolveRequests.ts
import { glob, stat } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join3, relative as relative6, resolve as resolve2, sep as sep5 } from "node:path";
var NoRequestFilesError = class extends Error {
  constructor(pattern, cwd) {
    super(`requests: "${pattern}" matches no file in ${cwd} (did the job check out the repository?)`);
    this.name = "NoRequestFilesError";
  }
};
async function resolveRequests(patterns, cwd, opts = {}) {
  const found = /* @__PURE__ */ new Map();
  for (const pattern of patterns.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    const before = found.size;
    for await (const match of glob(pattern, { cwd })) {
      const absolute = resolve2(cwd, match);
      if (!(await stat(absolute)).isFile()) continue;
      found.set(absolute, { path: repoPath(cwd, absolute), absolute });
    }
    if (found.size === before) {
      if (!opts.onNoMatch) throw new NoRequestFilesError(pattern, cwd);
      opts.onNoMatch(pattern);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
function repoPath(cwd, absolute) {
  const rel = relative6(cwd, absolute);
  return (rel.startsWith("..") || isAbsolute2(rel) ? absolute : rel).split(sep5).join("/");
}
function requestSpecOf(inputs, cwd) {
  const d = inputs.data;
  return {
    model: d.model,
    template: resolve2(cwd, d.template),
    ...d.system !== void 0 ? { system: d.system } : {},
    ...d.maxTokens !== void 0 ? { maxTokens: d.maxTokens } : {}
  };
}
function preparedPath(outputDir) {
  return join3(outputDir, "requests.jsonl");
}
async function requestFilesOf(inputs, cwd, outputDir, opts = {}) {
  if (!inputs.data) return resolveRequests(inputs.requests, cwd, opts);
  const out = preparedPath(outputDir);
  await prepareRequests({ ...requestSpecOf(inputs, cwd), data: resolve2(cwd, inputs.data.data), idColumn: inputs.data.idColumn, out });
  return [{ path: repoPath(cwd, out), absolute: out }];
}

// src/action/joinPhase.ts
import { resolve as resolve3 } from "node:path";
async function joinAnswers(inputs, cwd, outputDir, run4) {
  if (!inputs.data || !run4) return;
  try {
    const joined = await joinResults({
      data: resolve3(cwd, inputs.data.data),
      results: run4.results_path,
      out: run4.results_csv_path,
      ...inputs.data.idColumn !== void 0 ? { idColumn: inputs.data.idColumn } : {},
      // Unparsed answers are written again as the very request lines that ran.
      requests: preparedPath(outputDir)
    });
    for (const line of renderJoinSummary(joined).trimEnd().split("\n")) logInfo(line);
  } catch (err) {
    warning(logSafe(`the answers could not be joined back onto ${inputs.data.data}: ${err.message}`));
  }
}

// src/action/runPhase.ts
import { join as join4 } from "node:path";
function runDirs(outputDir, files) {
  if (files.length === 1) return [outputDir];
  return files.map((f) => join4(outputDir, f.path.replace(/\.jsonl$/i, "").replace(/[\\/]+/g, "__").replace(/^\.+/, "")));
}
async function runAll(files, dirs, inputs, ctx, rc) {
  const { catalog, signal } = rc;
  const { runFile, shareMaxCost, decideWithin, loadState, policyInput } = await import("./run-WMM3ZJTJ.js");
  const mode = inputs.mode === "estimate" ? "auto" : inputs.mode;
  const limits = { ...inputs.rpm !== void 0 ? { rpm: inputs.rpm } : {}, ...inputs.tpm !== void 0 ? { tpm: inputs.tpm } : {} };
  let shared = null;
  let planned = null;
  if (inputs.maxCostUsd !== void 0) {
    const policy = policyInput({ mode, latencyBudgetMs: inputs.latencyBudgetMs, minSavingsUsd: inputs.minSavingsUsd, ...limits });
    const plans = files.map((f, i) => ({
      file: f.path,
      estimate: f.estimate,
      // A resumed run keeps the decision its state holds, as runFile does.
      decision: loadState(dirs[i])?.decision ?? decideWithin(f.estimate, policy, inputs.maxCostUsd)
    }));
    planned = plans;
    shared = shareMaxCost(plans, inputs.maxCostUsd);
    if (files.length > 1) {
      const floor = shared.floors.reduce((a, b) => a + b, 0);
      logInfo(`max-cost ${formatUsd(inputs.maxCostUsd)} for the step: the ${files.length} files' least worst cases add up to ${formatUsd(floor)}`);
    }
  }
  const started = Date.now();
  const inFlight = /* @__PURE__ */ new Map();
  const save = () => saveInFlight({ batchIds: [...inFlight.values()].flat(), dirs: [...inFlight.keys()].map((i) => dirs[i]) });
  const summaries = [];
  let spent = 0;
  for (const [i, f] of files.entries()) {
    const remaining = Math.max(6e4, inputs.latencyBudgetMs - (Date.now() - started));
    const maxCostUsd = shared?.limitFor(i, spent);
    if (maxCostUsd !== void 0 && files.length > 1) logInfo(`${f.path}: max-cost ${formatUsd(maxCostUsd)} (what the step's ceiling leaves for it)`);
    let summary2;
    try {
      summary2 = await group(
        `Run ${f.path}`,
        () => runFile(f.absolute, {
          mode,
          outDir: dirs[i],
          catalog,
          region: inputs.region,
          historyPath: rc.historyPath,
          pilot: inputs.pilot,
          now: rc.now,
          provider: inputs.provider,
          apiKey: inputs.apiKey,
          ...inputs.baseUrl ? { baseURL: inputs.baseUrl } : {},
          ...inputs.deployments ? { deployments: inputs.deployments } : {},
          latencyBudgetMs: remaining,
          // The plan the step's max-cost was shared by: a later file must not re-decide on a shorter budget (it could
          // pick dearer sync and then not fit what was left for it, after earlier files were paid for).
          ...planned ? { plannedDecision: planned[i].decision } : {},
          ...maxCostUsd !== void 0 ? { maxCostUsd } : {},
          minSavingsUsd: inputs.minSavingsUsd,
          ...inputs.retries !== void 0 ? { retries: inputs.retries } : {},
          ...limits,
          ...inputs.queueLimit !== void 0 ? { queueLimitTokens: inputs.queueLimit } : {},
          ...ctx.runId ? { githubRunId: ctx.runId } : {},
          log: logInfo,
          signal,
          onBatchesSubmitted: (ids) => {
            const known = inFlight.get(i) ?? [];
            inFlight.set(i, [...known, ...ids.filter((id) => !known.includes(id))]);
            save();
          }
        })
      );
    } catch (err) {
      if (err instanceof Error) err.message = err.message.replaceAll(f.absolute, f.path);
      return { runs: summaries, failure: err };
    }
    inFlight.delete(i);
    save();
    spent += summary2.actual_cost_usd;
    summaries.push({ ...summary2, file: f.path, estimate: { ...summary2.estimate, file: f.path } });
  }
  return { runs: summaries };
}

// src/action/main.ts
var JobCancelledError = class extends Error {
  constructor() {
    super("the job was cancelled while the run was in progress; batches still in flight are handled by the post step (on-cancel)");
    this.name = "JobCancelledError";
  }
};
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}
var ANNOTATED_FAILURES = 10;
async function run3(deps = {}) {
  const abort = new AbortController();
  const stop = () => abort.abort(new JobCancelledError());
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const reasonOf = (err) => abort.signal.aborted ? abort.signal.reason : err;
  try {
    maskSecrets();
    const inputs = readInputs();
    const ctx = readRunnerContext();
    const catalog = catalogForProvider(inputs.provider, loadCatalog(inputs.pricingFile, { strict: inputs.strictPricing }));
    const today = now();
    const gh = inputs.githubToken ? githubClient(inputs.githubToken, ctx.apiUrl) : null;
    const outputDir = resolve4(ctx.workspace, inputs.outputDir);
    saveOutputDir(outputDir);
    const historyPath = historyPathOf(inputs, ctx.workspace);
    let estimateContext = { catalog, history: [], now: today };
    const files = await group("Estimate", async () => {
      const onNoMatch = ctx.pullRequest ? { onNoMatch: (p) => warning(`requests: "${p}" matches no file at the head of this pull request`) } : {};
      const found = await requestFilesOf(inputs, ctx.workspace, outputDir, onNoMatch);
      logInfo(`request files: ${found.map((f) => f.path).join(", ")}`);
      await restoreCommittedHistory(gh, ctx, inputs, historyPath);
      estimateContext = { catalog, history: await readStepHistory(historyPath), now: today };
      return estimateAll(found, inputs, estimateContext);
    });
    const pr = await group("Pull request cost report", async () => {
      try {
        return await refreshStaleReport(gh, ctx, inputs, await reportOnPullRequest(gh, ctx, inputs, files, estimateContext));
      } catch (err) {
        warning(`the pull-request cost report failed: ${err.message}`);
        return void 0;
      }
    });
    const notPosted = pr && pr.result === "not-posted" ? pr.body : null;
    const prInSummary = notPosted ? `

---

${notPosted}` : "";
    if (files.length === 0) {
      await summary.addRaw(scrub(pr?.body ?? "batchwise: no request file at the head of this pull request."), true).write();
      setEstimateOutputs([], "");
      return;
    }
    const estimates = throwIfInvalid(files);
    if (!inputs.apiKey || inputs.mode === "estimate") {
      const input = keyInputName(inputs.provider);
      const why = inputs.mode === "estimate" ? "`mode: estimate`" : `no ${input} was given (estimate only)`;
      if (!inputs.apiKey && inputs.mode !== "estimate") {
        notice(`No ${input}: batchwise estimated the cost and ran nothing. Pass \`${input}: \${{ secrets.${KEY_ENV[inputs.provider][0]} }}\` to run.`);
      }
      mkdirSync(outputDir, { recursive: true });
      const report = join5(outputDir, "estimate.md");
      writeFileSync(report, scrub(estimates.map(renderEstimateMarkdown).join("\n")));
      writeFileSync(join5(outputDir, "estimate.json"), scrub(JSON.stringify(estimates.map(estimateToJson), null, 2) + "\n"));
      const estimateSummary = renderEstimateSummary(estimates, { why });
      await summary.addRaw(scrub(notPosted ? `${notPosted}

---

${estimateSummary}` : estimateSummary), true).write();
      setEstimateOutputs(estimates, report);
      return;
    }
    const dirs = runDirs(outputDir, files);
    const { runs, failure } = await runAll(files, dirs, inputs, ctx, { catalog, historyPath, now: today, signal: abort.signal });
    if (runs.length === 0) throw failure;
    const ranDirs = dirs.slice(0, runs.length);
    const notRun = files.slice(runs.length).map((f, k) => ({ file: f.path, reason: k === 0 ? messageOf(reasonOf(failure)) : "not started" }));
    if (inputs.data) await joinAnswers(inputs, ctx.workspace, outputDir, runs[0]);
    try {
      await group("Publish", async () => {
        await summary.addRaw(scrub(renderRunSummary(runs, { notRun }) + prInSummary), true).write();
        setRunOutputs(runs);
        const artifactClient = deps.artifactClient ?? new (await import("./artifact-PGJKEJ5U.js")).DefaultArtifactClient();
        await publishArtifact(artifactClient, inputs, outputDir, ranDirs);
        await publishCommit(gh, ctx, inputs, outputDir, ranDirs, historyPath, scrub(`batchwise: results of ${runs.map((r) => r.file).join(", ")}

${runHeadline(runs)}`));
      });
    } catch (err) {
      if (failure === void 0) throw err;
      warning(`publishing the files that finished failed: ${describe(err)}`);
    }
    const inProgress = runs.filter((r) => r.in_progress);
    for (const r of inProgress) {
      notice(`${r.file}: in progress \u2014 ${r.in_progress.message}; ${r.in_progress.requests_left} request(s) left. The next run with the same output-dir continues it.`);
    }
    let unfinished = 0;
    for (const [i, r] of runs.entries()) {
      if (r.in_progress) continue;
      const file = files[i].path;
      const { shown, total } = await collectFailures(r.results_path, ANNOTATED_FAILURES);
      unfinished += total;
      for (const f of shown) warning(`${f.custom_id} ${f.status}: ${f.message}`, { file, startLine: f.line, title: "request did not succeed" });
      if (total > shown.length) warning(`${file}: ${total - shown.length} more requests did not succeed; see ${r.results_path}`);
    }
    logInfo(runHeadline(runs));
    if (failure !== void 0) throw failure;
    if (unfinished > 0 && inputs.failOn === "any") {
      setFailed(`${unfinished} request(s) did not succeed (fail-on: any; set fail-on: none to accept them)`);
    }
  } catch (err) {
    setFailed(describe(reasonOf(err)));
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

// src/action/index.ts
scrubProcessOutput();
await run3();
