import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  clearInFlight,
  describe,
  maskSecrets,
  readInputs,
  renderEstimateSummary,
  renderRunSummary,
  runHeadline,
  saveInFlight,
  saveOutputDir
} from "./chunk-FSECGCKZ.js";
import {
  renderEstimateMarkdown
} from "./chunk-65XPFEBX.js";
import {
  VERSION,
  estimateFile,
  estimateToJson
} from "./chunk-FWQW3C3L.js";
import {
  readJsonlLines
} from "./chunk-5ZDBJYRL.js";
import {
  escapeMarkdown,
  formatInt,
  formatPercent,
  formatUsd
} from "./chunk-EYAB2NU5.js";
import {
  loadCatalog
} from "./chunk-T253CA67.js";
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
import { join as join3, resolve as resolve2 } from "node:path";

// src/report/failures.ts
async function collectFailures(resultsPath, limit) {
  const shown = [];
  let total2 = 0;
  for await (const raw of readJsonlLines(resultsPath)) {
    let r;
    try {
      r = JSON.parse(raw.text);
    } catch {
      continue;
    }
    if (r.status === "succeeded") continue;
    total2++;
    if (shown.length < limit) {
      const message = r.error ? `${r.error.code}: ${r.error.message}` : r.status;
      shown.push({ line: r.line, custom_id: r.custom_id, status: r.status, message });
    }
  }
  return { shown, total: total2 };
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

// src/action/estimatePhase.ts
async function estimateAll(files, inputs, catalog) {
  const out = [];
  for (const f of files) {
    try {
      const estimate = await estimateFile(f.absolute, {
        catalog,
        detail: false,
        displayName: f.path,
        latencyBudgetMs: inputs.latencyBudgetMs,
        minSavingsUsd: inputs.minSavingsUsd
      });
      info(
        `${f.path}: ${estimate.requests} requests, ${estimate.input_tokens} input tokens; recommended ${estimate.recommendation.mode} \u2014 ${estimate.recommendation.reason}`
      );
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
  return String(Number(n.toFixed(6)));
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
  setOutput("results", "");
  setOutput("results-csv", "");
  setOutput("report", reportPath);
  setOutput("batch-ids", "");
  setOutput("succeeded", "0");
  setOutput("failed", "0");
}
function setRunOutputs(runs) {
  const cost = runs.reduce((n, r) => n + r.estimated_cost_usd.expected, 0);
  const sync = runs.reduce((n, r) => n + r.estimate.cost.sync.expected, 0);
  setOutput("mode", modeOutput(runs.map((r) => r.decision.mode)));
  setOutput("estimated-cost", usd(cost));
  setOutput("estimated-savings", usd(sync - cost));
  setOutput("actual-cost", usd(runs.reduce((n, r) => n + r.actual_cost_usd, 0)));
  setOutput("results", runs.map((r) => r.results_path).join("\n"));
  setOutput("results-csv", runs.map((r) => r.results_csv_path).join("\n"));
  setOutput("report", runs.map((r) => r.report_md_path).join("\n"));
  setOutput("batch-ids", runs.flatMap((r) => r.batch_ids).join(","));
  setOutput("succeeded", String(runs.reduce((n, r) => n + r.succeeded, 0)));
  setOutput("failed", String(runs.reduce((n, r) => n + r.requests - r.succeeded, 0)));
}

// src/github/compareAtBase.ts
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/github/readFileAtCommit.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
async function readFileAtCommit(gh, where) {
  const fromGit = await gitShow(where.sha, where.path, where.cwd);
  if (fromGit !== void 0) return { content: fromGit, source: "git" };
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
    await run("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd });
  } catch {
    return void 0;
  }
  try {
    const { stdout } = await run("git", ["show", `${sha}:${path}`], { cwd, encoding: "buffer", maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch {
    return null;
  }
}

// src/github/compareAtBase.ts
async function compareAtBase(gh, files, opts) {
  const scratch = await mkdtemp(join(tmpdir(), "batchwise-base-"));
  try {
    const out = [];
    for (const f of files) {
      const headBytes = await readFile(f.absolute);
      const base = await readFileAtCommit(gh, { owner: opts.owner, repo: opts.repo, sha: opts.baseSha, path: f.path, cwd: opts.cwd });
      opts.log?.(`${f.path}: base ${base.content ? `read from ${base.source}` : "has no such file"}`);
      const changed = !base.content || !base.content.equals(headBytes);
      const estimate = (path) => estimateFile(path, { catalog: opts.catalog, displayName: f.path, latencyBudgetMs: opts.latencyBudgetMs, minSavingsUsd: opts.minSavingsUsd });
      let head = f.estimate ?? null;
      let error2;
      if (!head) {
        try {
          head = await estimate(f.absolute);
        } catch (err) {
          error2 = err.message;
        }
      }
      let baseEstimate = null;
      if (base.content) {
        if (!changed && head) {
          baseEstimate = head;
        } else {
          const path = join(scratch, `base-${out.length}.jsonl`);
          await writeFile(path, base.content);
          baseEstimate = await estimate(path).catch(() => null);
        }
      }
      out.push({ path: f.path, base: baseEstimate, head, changed, ...error2 ? { error: error2 } : {} });
    }
    return out;
  } finally {
    await rm(scratch, { recursive: true, force: true });
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
async function upsertStickyComment(gh, opts) {
  if (!opts.body.includes(opts.marker)) throw new Error("a sticky comment body must contain its marker");
  const where = { owner: opts.owner, repo: opts.repo };
  try {
    if (opts.mode === "update") {
      const comments = await gh.paginate(gh.rest.issues.listComments, { ...where, issue_number: opts.issue_number, per_page: 100 });
      const mine = comments.filter((c) => c.body?.includes(opts.marker)).at(-1);
      if (mine) {
        if (mine.body === opts.body) return { action: "unchanged", id: mine.id, url: mine.html_url };
        const { data: data2 } = await gh.rest.issues.updateComment({ ...where, comment_id: mine.id, body: opts.body });
        return { action: "updated", id: data2.id, url: data2.html_url };
      }
    }
    const { data } = await gh.rest.issues.createComment({ ...where, issue_number: opts.issue_number, body: opts.body });
    return { action: "created", id: data.id, url: data.html_url };
  } catch (err) {
    if (isPermissionError(err)) {
      throw new GitHubPermissionError(
        `comment on pull request #${opts.issue_number}`,
        "pull-requests: write",
        "pull requests from forks get a read-only token"
      );
    }
    throw err;
  }
}

// src/report/prComment.ts
var COST_REPORT_MARKER = "<!-- batchwise:cost-report -->";
var MAX_COMMENT_CHARS = 65536;
function signedUsd(delta) {
  return delta > 0 ? `+${formatUsd(delta)}` : delta < 0 ? formatUsd(delta) : "\xB1$0.00";
}
function change(base, head, usd2) {
  if (base === void 0 || head === void 0) return "";
  const d = head - base;
  const pct = base > 0 && d !== 0 ? ` (${d > 0 ? "+" : "-"}${formatPercent(Math.abs(d), base)})` : "";
  if (usd2) return signedUsd(d) + pct;
  return (d > 0 ? "+" : d < 0 ? "-" : "\xB1") + formatInt(Math.abs(d)) + pct;
}
function total(files, side, mode) {
  return files.reduce((n, f) => n + (f[side]?.cost[mode].expected ?? 0), 0);
}
function prHeadline(files) {
  const changed = files.filter((f) => f.changed);
  if (changed.length === 0) return `No request file changed in this pull request (${files.length} checked).`;
  const parts = ["sync", "batch"].map((mode) => {
    const b = total(changed, "base", mode);
    const h = total(changed, "head", mode);
    return `${mode} ${formatUsd(b)} \u2192 ${formatUsd(h)} (${signedUsd(h - b)})`;
  });
  const n = changed.length === 1 ? "1 request file" : `${changed.length} request files`;
  return `This pull request changes ${n}: expected cost ${parts.join(", ")}.`;
}
function fileTable(f) {
  const lines = [`### ${escapeMarkdown(f.path)}${f.changed ? "" : " (unchanged)"}`, ""];
  if (f.error) lines.push(`\u26A0\uFE0F The head version cannot be estimated: ${escapeMarkdown(f.error)}`, "");
  if (!f.base && !f.head) return lines;
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
    const fmt = (e) => usd2 ? formatUsd(value(e)) : formatInt(value(e));
    const baseCell = b ? fmt(b) : "not in base";
    const headCell = h ? fmt(h) : f.error ? "invalid" : "deleted";
    lines.push(`| ${name} | ${baseCell} | ${headCell} | ${change(b ? value(b) : void 0, h ? value(h) : void 0, usd2)} |`);
  }
  if (h) lines.push("", `Recommended at head: **${h.recommendation.mode}** \u2014 ${escapeMarkdown(h.recommendation.reason)}`);
  lines.push("");
  return lines;
}
function footer(files, opts) {
  const asOf = files.find((f) => f.head)?.head?.pricing.as_of ?? files.find((f) => f.base)?.base?.pricing.as_of;
  const bits = [`batchwise ${VERSION}`];
  if (asOf) bits.push(`prices as of ${asOf}`);
  if (opts.runUrl) bits.push(`[workflow run](${opts.runUrl})`);
  return [`<sub>${bits.join(" \xB7 ")}</sub>`, ""];
}
function renderPrComment(files, opts = {}) {
  const max = opts.maxChars ?? MAX_COMMENT_CHARS;
  const head = [COST_REPORT_MARKER, "## batchwise cost report", "", `**${prHeadline(files)}**`, ""];
  if (opts.runNote) head.push(escapeMarkdown(opts.runNote), "");
  const tables = files.map(fileTable);
  const details = files.filter((f) => f.head).map((f) => [`<details><summary>Estimate of ${escapeMarkdown(f.path)} at head</summary>`, "", renderEstimateMarkdown(f.head), "</details>", ""]);
  const foot = footer(files, opts);
  for (let keepDetails = details.length; keepDetails >= 0; keepDetails--) {
    const cutNote = keepDetails < details.length ? [cutMessage("details of " + (details.length - keepDetails) + " file(s)", opts), ""] : [];
    const body = [...head, ...tables.flat(), ...details.slice(0, keepDetails).flat(), ...cutNote, ...foot].join("\n");
    if (body.length <= max) return body;
  }
  for (let keepTables = tables.length - 1; keepTables >= 0; keepTables--) {
    const note = [cutMessage(`${tables.length - keepTables} more file(s) and all details`, opts), ""];
    const body = [...head, ...tables.slice(0, keepTables).flat(), ...note, ...foot].join("\n");
    if (body.length <= max) return body;
  }
  return [COST_REPORT_MARKER, "## batchwise cost report", "", cutMessage("the report", opts)].join("\n").slice(0, max);
}
function cutMessage(what, opts) {
  const where = opts.runUrl ? `the [job summary](${opts.runUrl})` : "the job summary";
  return `_Cut to fit a comment (${what} left out): the full report is in ${where}._`;
}

// src/action/prReportPhase.ts
async function reportOnPullRequest(gh, ctx, inputs, files, catalog) {
  const pr = ctx.pullRequest;
  if (!pr || inputs.comment === "off") return void 0;
  const comparisons = await compareAtBase(
    gh,
    files.map((f) => ({ path: f.path, absolute: f.absolute, ...f.estimate ? { estimate: f.estimate } : {} })),
    {
      owner: ctx.owner,
      repo: ctx.repo,
      baseSha: pr.baseSha,
      catalog,
      cwd: ctx.workspace,
      latencyBudgetMs: inputs.latencyBudgetMs,
      minSavingsUsd: inputs.minSavingsUsd,
      log: (line) => info(line)
    }
  );
  const body = renderPrComment(comparisons, { runUrl: ctx.runUrl });
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

// src/action/publish.ts
import { readFile as readFile2 } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, relative as relative2, sep as sep2 } from "node:path";

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
import { relative, sep } from "node:path";
async function uploadResultsArtifact(client, up) {
  for (const f of up.files) {
    const rel = relative(up.rootDirectory, f);
    if (rel.startsWith("..") || rel.startsWith(sep)) throw new Error(`${f} is outside the artifact's root ${up.rootDirectory}`);
  }
  const res = await client.uploadArtifact(up.name, up.files, up.rootDirectory, up.retentionDays ? { retentionDays: up.retentionDays } : {});
  return { id: res.id, size: res.size, files: up.files.map((f) => relative(up.rootDirectory, f)) };
}

// src/action/publish.ts
var RESULT_FILES = ["results.jsonl", "results.csv", "report.md", "report.json"];
function resultFiles(dirs) {
  return dirs.flatMap((d) => RESULT_FILES.map((f) => `${d}/${f}`)).filter((f) => existsSync(f));
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
  info(`artifact "${inputs.artifact}" uploaded (id ${r.id ?? "?"}, ${r.size ?? "?"} bytes): ${r.files.join(", ")}`);
}
async function publishCommit(gh, ctx, inputs, outputDir, dirs, message) {
  if (inputs.commit === false) return;
  if (!gh) throw new Error("commit: needs a github-token (the default `${{ github.token }}` works with `permissions: contents: write`)");
  const branch = inputs.commitBranch ?? ctx.branch;
  if (!branch) {
    throw new Error(`commit: cannot tell which branch to commit to on a "${ctx.eventName}" event; set commit-branch`);
  }
  const target = inputs.commit.replace(/\/+$/, "");
  const files = [];
  for (const f of resultFiles(dirs)) {
    const rel = relative2(outputDir, f).split(sep2).join("/");
    files.push({ path: `${target}/${rel || basename(f)}`, content: await readFile2(f) });
  }
  if (files.length === 0) return;
  const r = await commitFiles(gh, { owner: ctx.owner, repo: ctx.repo, branch, message, files, createFrom: ctx.sha });
  info(`committed ${files.length} files under ${target}/ to ${r.branch}: ${r.sha}`);
}

// src/action/resolveRequests.ts
import { glob, stat } from "node:fs/promises";
import { isAbsolute, relative as relative3, resolve, sep as sep3 } from "node:path";
var NoRequestFilesError = class extends Error {
  constructor(pattern, cwd) {
    super(`requests: "${pattern}" matches no file in ${cwd} (did the job check out the repository?)`);
    this.name = "NoRequestFilesError";
  }
};
async function resolveRequests(patterns, cwd) {
  const found = /* @__PURE__ */ new Map();
  for (const pattern of patterns.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    const before = found.size;
    for await (const match of glob(pattern, { cwd })) {
      const absolute = resolve(cwd, match);
      if (!(await stat(absolute)).isFile()) continue;
      const rel = relative3(cwd, absolute);
      const path = (rel.startsWith("..") || isAbsolute(rel) ? absolute : rel).split(sep3).join("/");
      found.set(absolute, { path, absolute });
    }
    if (found.size === before) throw new NoRequestFilesError(pattern, cwd);
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

// src/action/runPhase.ts
import { join as join2 } from "node:path";
function runDirs(outputDir, files) {
  if (files.length === 1) return [outputDir];
  return files.map((f) => join2(outputDir, f.path.replace(/\.jsonl$/i, "").replace(/[\\/]+/g, "__").replace(/^\.+/, "")));
}
async function runAll(files, dirs, inputs, ctx, catalog, signal) {
  const { runFile } = await import("./run-UYOO2MVU.js");
  const started = Date.now();
  const submitted = [];
  const summaries = [];
  for (const [i, f] of files.entries()) {
    const remaining = Math.max(6e4, inputs.latencyBudgetMs - (Date.now() - started));
    const summary2 = await group(
      `Run ${f.path}`,
      () => runFile(f.absolute, {
        mode: inputs.mode === "estimate" ? "auto" : inputs.mode,
        outDir: dirs[i],
        catalog,
        apiKey: inputs.apiKey,
        ...inputs.baseUrl ? { baseURL: inputs.baseUrl } : {},
        latencyBudgetMs: remaining,
        ...inputs.maxCostUsd !== void 0 ? { maxCostUsd: inputs.maxCostUsd } : {},
        minSavingsUsd: inputs.minSavingsUsd,
        ...inputs.retries !== void 0 ? { retries: inputs.retries } : {},
        ...ctx.runId ? { githubRunId: ctx.runId } : {},
        log: (line) => info(line),
        signal,
        onBatchesSubmitted: (ids) => {
          submitted.push(...ids.filter((id) => !submitted.includes(id)));
          saveInFlight({ batchIds: submitted, dirs });
        }
      })
    );
    summaries.push({ ...summary2, file: f.path });
  }
  clearInFlight();
  return summaries;
}

// src/action/main.ts
var JobCancelledError = class extends Error {
  constructor() {
    super("the job was cancelled while the run was in progress; batches still in flight are handled by the post step (on-cancel)");
    this.name = "JobCancelledError";
  }
};
var ANNOTATED_FAILURES = 10;
async function run2(deps = {}) {
  const abort = new AbortController();
  const stop = () => abort.abort(new JobCancelledError());
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    maskSecrets();
    const inputs = readInputs();
    const ctx = readRunnerContext();
    const catalog = loadCatalog(inputs.pricingFile);
    const gh = inputs.githubToken ? githubClient(inputs.githubToken, ctx.apiUrl) : null;
    const outputDir = resolve2(ctx.workspace, inputs.outputDir);
    saveOutputDir(outputDir);
    const files = await group("Estimate", async () => {
      const found = await resolveRequests(inputs.requests, ctx.workspace);
      info(`request files: ${found.map((f) => f.path).join(", ")}`);
      return estimateAll(found, inputs, catalog);
    });
    const pr = await group("Pull request cost report", async () => {
      try {
        return await reportOnPullRequest(gh, ctx, inputs, files, catalog);
      } catch (err) {
        warning(`the pull-request cost report failed: ${err.message}`);
        return void 0;
      }
    });
    const prInSummary = pr && pr.result === "not-posted" ? `

---

${pr.body}` : "";
    const estimates = throwIfInvalid(files);
    if (!inputs.apiKey || inputs.mode === "estimate") {
      const why = inputs.mode === "estimate" ? "`mode: estimate`" : "no api-key was given (estimate only)";
      if (!inputs.apiKey && inputs.mode !== "estimate") {
        notice("No api-key: batchwise estimated the cost and ran nothing. Pass `api-key: ${{ secrets.OPENAI_API_KEY }}` to run.");
      }
      mkdirSync(outputDir, { recursive: true });
      const report = join3(outputDir, "estimate.md");
      writeFileSync(report, estimates.map(renderEstimateMarkdown).join("\n"));
      writeFileSync(join3(outputDir, "estimate.json"), JSON.stringify(estimates.map(estimateToJson), null, 2) + "\n");
      await summary.addRaw(renderEstimateSummary(estimates, { why }) + prInSummary, true).write();
      setEstimateOutputs(estimates, report);
      return;
    }
    const dirs = runDirs(outputDir, files);
    const runs = await runAll(files, dirs, inputs, ctx, catalog, abort.signal);
    await group("Publish", async () => {
      await summary.addRaw(renderRunSummary(runs) + prInSummary, true).write();
      setRunOutputs(runs);
      const artifactClient = deps.artifactClient ?? new (await import("./artifact-PGJKEJ5U.js")).DefaultArtifactClient();
      await publishArtifact(artifactClient, inputs, outputDir, dirs);
      await publishCommit(gh, ctx, inputs, outputDir, dirs, `batchwise: results of ${files.map((f) => f.path).join(", ")}

${runHeadline(runs)}`);
    });
    let unfinished = 0;
    for (const [i, r] of runs.entries()) {
      const file = files[i].path;
      const { shown, total: total2 } = await collectFailures(r.results_path, ANNOTATED_FAILURES);
      unfinished += total2;
      for (const f of shown) warning(`${f.custom_id} ${f.status}: ${f.message}`, { file, startLine: f.line, title: "request did not succeed" });
      if (total2 > shown.length) warning(`${file}: ${total2 - shown.length} more requests did not succeed; see ${r.results_path}`);
    }
    info(runHeadline(runs));
    if (unfinished > 0 && inputs.failOn === "any") {
      setFailed(`${unfinished} request(s) did not succeed (fail-on: any; set fail-on: none to accept them)`);
    }
  } catch (err) {
    setFailed(describe(abort.signal.aborted ? abort.signal.reason : err));
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

// src/action/index.ts
await run2();
