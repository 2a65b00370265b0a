// `batchwise run`: estimate, decide, run to the end (resuming whatever DIR already holds), merge the results, report.
// This is the one place the stages meet; each phase below is its own module.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { estimateFile } from '../estimate/estimateFile.ts';
import { BATCH_WINDOW_MS } from '../estimate/recommend.ts';
import type { FileEstimate, LineEstimate } from '../estimate/types.ts';
import { resolvePricing } from '../pricing/index.ts';
import { LedgerBook, OutcomeIndex, openJournal, writeResults } from '../results/index.ts';
import type { ResultRecord } from '../results/index.ts';
import { renderRunMarkdown, runReportJson } from '../report/runReport.ts';
import type { RunReport } from '../report/runReport.ts';
import { runBatchRounds } from './batch/batchRounds.ts';
import { appendHistory, observeResults, readHistory } from '../history/index.ts';
import type { Observation, ObservedRequest } from '../history/index.ts';
import { approxOf, choosePilotLines, pilotObservations } from './plan/pilot.ts';
import { MaxCostError, RunStateError } from './errors.ts';
import type { CostPaths } from './plan/policy.ts';
import type { Decision, InProgress } from './types.ts';
import { fileSha256 } from './state/fileSha256.ts';
import { catalogForProvider, inputCounter, makeProvider, providerKey } from './providers/index.ts';
import type { Provider } from './providers/index.ts';
import { providerProblems, providerProblemsError } from './providers/checkLines.ts';
import { RequestFileError } from '../requests/types.ts';
import { decideWithin, DEFAULT_MIN_SAVINGS_USD, fitMaxCost, plannedCost } from './plan/policy.ts';
import { policyInput } from './plan/sharedMaxCost.ts';
import type { RunContext } from './runContext.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_RETRIES } from './sync/runSync.ts';
import { loadState, saveState } from './state/state.ts';
import type { RunState } from './state/state.ts';
import { journalPath, runSyncPhase } from './sync/syncPhase.ts';
import { redactSecrets } from './sync/syncClientErrors.ts';
import { registerSecret, scrub } from '../shared/secrets.ts';
import { formatDuration } from '../shared/duration.ts';
import { UsageError } from '../shared/usageError.ts';
import type { RunOptions, RunSummary } from './types.ts';
import { DEFAULT_MAX_BATCHES } from './batch/queueBook.ts';

// One default for the whole run: the sync runner's.
export { DEFAULT_RETRIES };
/** Error codes that mean the account, not the request, was refused (the sync runner stops on the first of them). */
/** Error codes that mean nothing could be sent: the account was refused (bad key, no quota or credit, a spend limit)
 *  or the API could not be reached. When every request that did not succeed ended with one of them and none
 *  succeeded, the run could not run: exit 1, in every mode (batch mode throws before a line has a result). */
const ACCOUNT_REFUSALS = new Set([
  'invalid_api_key', 'http_401', 'http_403', 'insufficient_quota', 'credit_balance_exhausted',
  'organization_spend_limit_exceeded', 'project_spend_limit_exceeded', 'organization_usage_limit_exceeded',
  'connection_error',
  // Anthropic's error types and Gemini's statuses for the same refusals (their adapters keep the provider's code).
  'authentication_error', 'permission_error', 'API_KEY_INVALID', 'UNAUTHENTICATED', 'PERMISSION_DENIED',
]);
export const DEFAULT_POLL_MS = { min: 2_000, max: 60_000 };

export async function runFile(path: string, opts: RunOptions): Promise<RunSummary> {
  const startedAt = new Date();
  // Every log line passes through the redactor: an error message can echo the key (a proxy's 401, a 5xx body).
  const providerName = opts.provider ?? 'openai';
  const apiKey = opts.providerImpl?.apiKey ?? (opts.client ? opts.client.apiKey : providerKey({ provider: providerName, apiKey: opts.apiKey })) ?? null;
  const sink = opts.log ?? (() => {});
  const log = (line: string) => sink(redactSecrets(line, apiKey));
  // Before anything can echo it: every writer scrubs the key from what it writes.
  registerSecret(apiKey);
  const budget = opts.latencyBudgetMs ?? BATCH_WINDOW_MS;
  const minSavings = opts.minSavingsUsd ?? DEFAULT_MIN_SAVINGS_USD;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const outDir = resolve(opts.outDir);
  if (!(budget > 0)) throw new UsageError(`the latency budget must be more than zero (got ${budget} ms)`);
  if (opts.untilMs !== undefined && !(opts.untilMs > 0)) throw new UsageError(`--until must be more than zero (got ${opts.untilMs} ms)`);
  if (opts.maxBatches !== undefined && !(Number.isInteger(opts.maxBatches) && opts.maxBatches >= 1)) throw new UsageError(`--max-batches must be a whole number of at least 1 (got ${opts.maxBatches})`);
  if (opts.queueLimitTokens !== undefined && !(opts.queueLimitTokens > 0)) throw new UsageError(`--queue-limit must be more than zero tokens (got ${opts.queueLimitTokens})`);
  // --until counts from the start of this run (the job's own clock), not from the start of the work.
  const until = opts.untilMs !== undefined ? startedAt.getTime() + opts.untilMs : null;
  if (opts.providerImpl && opts.providerImpl.name !== providerName) throw new UsageError(`provider ${opts.providerImpl.name} given for a ${providerName} run`);
  // Built first: what the provider cannot take is found with the file's other mistakes, before a cent is spent.
  const provider = opts.providerImpl ?? makeProvider({ provider: providerName, apiKey: opts.apiKey, baseURL: opts.baseURL, deployments: opts.deployments, client: opts.client });
  try {
    return await runWith(provider);
  } finally {
    if (!opts.providerImpl) await provider.close?.();
  }

  async function runWith(provider: Provider): Promise<RunSummary> {
  // A new run's state; `carried` (set by --fresh) must be in it from the first save, whoever creates it.
  const newState = (file: string, sha: string, d: Decision, at: Date, ms: number): RunState => ({
    version: 1, input_file: file, input_sha256: sha, provider: providerName, decision: d, started_at: at.toISOString(),
    deadline_ms: at.getTime() + ms, parts: [], sync_phase: null, finished_at: null,
    ...(carried.length > 0 ? { carried: lineNumbersOf(carried, itemsOf(estimate)) } : {}),
  });
  const runContext = (
    st: RunState, provider: Provider, items: Map<number, LineEstimate>,
    o: { budget: number; retries: number; concurrency: number; paths: CostPaths },
  ): RunContext => ({
    provider, inputPath: path, displayName: path, outDir, inputSha256: st.input_sha256, decision: st.decision, state: st,
    save: () => saveState(outDir, st),
    items, deadline: st.deadline_ms, budgetMs: st.deadline_ms - Date.parse(st.started_at), retries: o.retries,
    syncRetryThreshold: o.paths.syncRetries ? opts.syncRetryThreshold ?? 100 : 0,
    rpm: opts.rpm ?? null, tpm: opts.tpm ?? null, concurrency: o.concurrency, flexAvailable: [...items.values()].length > 0 && flexForAll(items),
    flexFallback: o.paths.flexFallback, region: opts.region === true, poll: opts.pollIntervalMs ?? DEFAULT_POLL_MS, limits: { ...provider.partLimits, ...(opts.partLimits ?? {}) },
    githubRunId: opts.githubRunId, log, signal: opts.signal, onBatchesSubmitted: opts.onBatchesSubmitted, onProgress: opts.onProgress, onSyncProgress: opts.onSyncProgress,
    existing: null, queueLimitTokens: opts.queueLimitTokens ?? null, until, maxBatches: opts.maxBatches ?? DEFAULT_MAX_BATCHES, created: 0,
  });
  // flexAvailable was "the file's flex total exists": some model of it has flex.
  const flexForAll = (items: Map<number, LineEstimate>) => [...items.values()].some((it) => it.cost.flex !== null);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`--out ${opts.outDir} is a file, not a folder`);

  // Tiers the provider does not run (Azure and the others: no flex, no priority through their batch APIs) are not
  // priced, so the policy can never plan them.
  // Each provider bills its own prices (Anthropic's and Gemini's from data/providers.json; Azure's are OpenAI's), and
  // tiers it does not run are not priced (the policy can never plan them).
  const catalog = catalogForProvider(providerName, opts.catalog);
  if (opts.mode === 'priority' && !provider.tiers.priority) throw new UsageError(`--mode priority: ${provider.name} has no priority processing through this API`);
  if (opts.mode === 'flex' && !provider.tiers.flex) throw new UsageError(`--mode flex: ${provider.name} has no flex processing through this API`);
  // With a key, the provider's own counter (Anthropic count_tokens, Gemini countTokens) makes the input exact; it is
  // free but one call per request, so only where the approximation is all there is (--exact-tokens, default on).
  // Not on a rerun of the same folder: it keeps its decision, so counting again (one call per request) buys nothing.
  const resuming = existsSync(join(outDir, 'state.json')) && !opts.fresh;
  const countInputTokens = opts.exactTokens !== false && !resuming ? inputCounter(provider, opts.signal) : undefined;
  // What the provider cannot take is found before the count of every line (one call each): with problems, nothing is
  // counted, and they are reported with the validator's in one error.
  const problems = await providerProblems(provider, path);
  // Everything a user can get wrong is found before a cent is spent: the file, the budget, the cost ceiling.
  const history = opts.history ?? (opts.historyPath ? await readHistoryLogged(opts.historyPath, log) : []);
  const estimateWith = (observations: Observation[], source: 'history' | 'pilot') =>
    estimateFile(path, {
      catalog, detail: true, workers: opts.estimateWorkers, latencyBudgetMs: budget, minSavingsUsd: minSavings,
      displayName: path, region: opts.region, history: observations, historySource: source, now: opts.now,
      ...(countInputTokens && problems.length === 0 ? { countInputTokens } : {}),
    });
  let estimate: FileEstimate;
  try {
    estimate = await estimateWith(history, opts.historySource ?? 'history');
  } catch (err) {
    if (err instanceof RequestFileError && problems.length > 0) throw providerProblemsError(provider, path, problems, err);
    throw err;
  }
  if (problems.length > 0) throw providerProblemsError(provider, path, problems);
  refuseShutDownModels(estimate, path);
  for (const l of estimate.lifecycle) log(`warning: ${l.message}`);
  const inputSha256 = await fileSha256(path);
  mkdirSync(outDir, { recursive: true });
  let state = loadState(outDir);
  // Checked first, --fresh or not: another input's answers must never be carried into this one.
  if (state && (state.provider ?? 'openai') !== providerName) {
    throw new RunStateError(`${outDir} holds a run on ${state.provider ?? 'openai'}, not ${providerName}: its batches live there. Run it with --provider ${state.provider ?? 'openai'}, or use another --out`);
  }
  if (state && state.input_sha256 !== inputSha256) {
    throw new RunStateError(`${outDir} holds the run of another input (${state.input_file}, sha256 ${state.input_sha256.slice(0, 12)}…); use another --out, or remove it to start over`);
  }
  // --fresh: the remembered run is set aside (a dead end, e.g. batches the server no longer knows) with its journal;
  // every answer it already has goes into a new journal, so the new run sends only what has none.
  let carried: string[] = [];
  if (state && opts.fresh) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    carried = await carryAnswers(state, outDir, stamp);
    const aside = join(outDir, `state.replaced-${stamp}.json`);
    renameSync(join(outDir, 'state.json'), aside);
    log(`--fresh: the earlier run's state is kept as ${aside}; ${carried.length} answered request(s) are carried over and not sent again`);
    state = null;
  }
  const policy = policyInput({ ...opts, latencyBudgetMs: budget, minSavingsUsd: minSavings, concurrency });
  const retries = opts.retries ?? DEFAULT_RETRIES;
  const itemsOf = (e: FileEstimate) => new Map((e.items ?? []).map((it) => [it.line, it] as const));

  // The pilot runs before the decision (its answers calibrate it), once: a rerun finds its lines in state.json.
  const pilotWanted = !state && (opts.pilot ?? 0) > 0;
  if (pilotWanted || state?.pilot) {
    const lines = state?.pilot?.lines ?? choosePilotLines((estimate.items ?? []).map((i) => i.line), opts.pilot!, inputSha256);
    const pilotItems = itemsOf(estimate);
    if (pilotWanted) {
      // The pilot is paid for: its worst case plus the cheapest plan for the whole file must fit under --max-cost.
      const pilotMax = lines.reduce((n, l) => n + pilotItems.get(l)!.cost.sync.max, 0);
      if (opts.maxCostUsd !== undefined && pilotMax + estimate.cost.batch.max > opts.maxCostUsd) {
        throw new MaxCostError('pilot', pilotMax + estimate.cost.batch.max, opts.maxCostUsd, `a ${lines.length}-request pilot (sync) and the cheapest plan for the file (batch)`);
      }
      state = newState(path, inputSha256, decideWithin(estimate, policy, opts.maxCostUsd), startedAt, budget);
      state.pilot = { lines, done: false };
      saveState(outDir, state);
    }
    const st0 = state!;
    if (!st0.pilot!.done) {
      log(`pilot: sending ${lines.length} requests synchronously to calibrate the estimate`);
      const pilotCtx = runContext(st0, provider, pilotItems, { budget, retries, concurrency, paths: { syncRetries: true, flexFallback: true } });
      const settled = await buildIndex(st0, outDir);
      const todo = lines.filter((l) => settled.status(pilotItems.get(l)!.custom_id)?.status !== 'succeeded');
      settled.close();
      await runSyncPhase(pilotCtx, catalog, todo, 'default');
    }
    const index = await buildIndex(st0, outDir);
    const observed = pilotObservations(lines, pilotItems, index, path, new Date().toISOString());
    // Fixed once, in state.json: the answered pilot lines leave the plan; a failed one goes with the rest.
    const answered = lines.filter((l) => index.status(pilotItems.get(l)!.custom_id)?.status === 'succeeded');
    index.close();
    estimate = await estimateWith([...history, ...observed], observed.length > 0 ? 'pilot' : 'history');
    if (!st0.pilot!.done) {
      st0.decision = decideWithin(estimate, policy, opts.maxCostUsd);
      st0.pilot!.done = true;
      st0.pilot!.answered = answered;
      saveState(outDir, st0);
    }
  }

  // A resumed run keeps its decision (and its deadline): switching modes half-way would pay twice.
  const decision = state?.decision ?? opts.plannedDecision ?? decideWithin(estimate, policy, opts.maxCostUsd);
  const wanted = { syncRetries: retries > 0 && (opts.syncRetryThreshold ?? 100) > 0, flexFallback: opts.flexFallback ?? true };
  const paths = fitMaxCost(estimate, decision, opts.maxCostUsd, wanted);
  log(`decision: ${decision.mode} — ${decision.reason}`);
  if (paths !== wanted && (paths.syncRetries !== wanted.syncRetries || paths.flexFallback !== wanted.flexFallback)) {
    log(`--max-cost: retries stay in batches and flex does not fall back to the standard tier, so the worst case stays within ${opts.maxCostUsd}`);
  }

  if (!state) {
    state = newState(path, inputSha256, decision, startedAt, budget);
    saveState(outDir, state);
  } else if (!pilotWanted) {
    log(`resuming the run started ${state.started_at} (${state.parts.filter((p) => p.batch_id).length} batches known)`);
    if (opts.mode !== 'auto' && opts.mode !== state.decision.mode) {
      log(`--mode ${opts.mode} ignored: this run was started in ${state.decision.mode} mode (use another --out to start over)`);
    }
    // Running again is asking for the rest to be finished: a budget given now, or a deadline already behind us (a
    // job that timed out, rerun tomorrow), counts from now. Otherwise the safety net would fire at once and cancel
    // batches that may be nearly done.
    if (opts.latencyBudgetMs !== undefined || state.deadline_ms <= Date.now()) {
      state.deadline_ms = Date.now() + budget;
      saveState(outDir, state);
      log(`deadline for the rest: ${new Date(state.deadline_ms).toISOString()} (${formatDuration(budget)} from now)`);
    }
  }
  const items = itemsOf(estimate);
  const st: RunState = state;
  const ctx = runContext(st, provider, items, { budget, retries, concurrency, paths });
  // Pilot answers, and answers carried over by --fresh, are in already: the batch never carries them again.
  const pilotLines = new Set(st.pilot?.lines ?? []);
  const answeredBefore = new Set([...(st.pilot?.answered ?? st.pilot?.lines ?? []), ...(st.carried ?? [])]);
  const allLines = [...items.keys()].filter((l) => !answeredBefore.has(l));

  let stopped: { reason: InProgress['reason']; message: string } | null = null;
  if (decision.mode === 'batch' && !st.sync_phase) {
    const rounds = await runBatchRounds(ctx, allLines);
    stopped = rounds.stopped;
    if (rounds.leftover.length > 0) {
      st.sync_phase = { mode: ctx.flexAvailable ? 'flex' : 'sync', started_at: new Date().toISOString() };
      ctx.save();
      log(`${rounds.reason}: ${rounds.leftover.length} requests go to ${st.sync_phase.mode}`);
    }
  } else if (decision.mode !== 'batch' && !st.sync_phase) {
    st.sync_phase = { mode: decision.mode, started_at: new Date().toISOString() };
    ctx.save();
  }
  // Past --until the synchronous rest is the next run's (state.json says the sync phase has begun).
  if (st.sync_phase && !stopped && until !== null && Date.now() >= until) {
    stopped = { reason: 'until', message: '--until reached before the synchronous rest began' };
  }
  if (st.sync_phase && !stopped) {
    // What is left is read from disk (batch files, then the journal), so a rerun sends only what is not settled. A
    // cancelled request goes on only when batchwise's safety net cancelled its batch: a person's cancel stays.
    const index = await buildIndex(st, outDir);
    const netCancelled = netCancelledBatches(st);
    const left = allLines.filter((l) => {
      const id = items.get(l)!.custom_id;
      const s = index.status(id);
      if (s === null) return true;
      if (s.status === 'succeeded') return false;
      if (s.retryable) return true;
      if (s.status !== 'cancelled') return false;
      const found = index.read(id);
      return found?.kind === 'batch' && found.batch_id !== null && netCancelled.has(found.batch_id);
    });
    index.close();
    await runSyncPhase(ctx, catalog, left, st.sync_phase.mode === 'sync' ? 'default' : st.sync_phase.mode);
  }

  // Merge, in input order, and report.
  const index = await buildIndex(st, outDir);
  const resultsPath = join(outDir, 'results.jsonl');
  const csvPath = join(outDir, 'results.csv');
  const ledger = new LedgerBook({
    pricingFor: (model) => resolvePricing(catalog, model),
    estimateOf: (line) => items.get(line),
    plannedMode: decision.mode,
    pilotLines,
    ctx: { region: opts.region === true },
  });
  const observed: ObservedRequest[] = [];
  const tally = await writeResults({
    inputPath: path, resultsPath, csvPath, index, plannedMode: decision.mode, ledger,
    onRecord: (r) => {
      const it = items.get(r.line);
      if (opts.historyPath && it && r.status === 'succeeded') observed.push({ shape: it.shape, usage: r.usage, mode: r.mode, status: r.status, ...approxOf(it) });
    },
  });
  // A run stopped early writes a snapshot of the results; history learns from the run once, when it is complete.
  if (opts.historyPath && !stopped) {
    const lines = observeResults(observed, { run_at: st.started_at, run_id: opts.githubRunId, file: path });
    try {
      await appendHistory(opts.historyPath, lines);
    } catch (err) {
      // History improves the next estimate; losing it must not fail a run whose answers are in.
      log(`warning: could not write the run history to ${opts.historyPath}: ${(err as Error).message}`);
    }
  }
  const finishedAt = new Date();
  if (!stopped) st.finished_at = finishedAt.toISOString();
  ctx.save();

  // "Could not run" (exit 1) when nothing succeeded because the account refused every call (a bad key, no quota):
  // the results still say so line by line, but the run as a whole never started.
  const refusedAll = tally.counts.succeeded === 0 && tally.requests > 0 &&
    Object.entries(tally.error_codes).every(([code]) => ACCOUNT_REFUSALS.has(code)) && Object.keys(tally.error_codes).length > 0;
  const exit: 0 | 1 | 2 | 3 = stopped ? 3 : tally.counts.succeeded === tally.requests ? 0 : refusedAll ? 1 : 2;
  let inProgress: InProgress | undefined;
  if (stopped) {
    const running = st.parts.filter((p) => p.batch_id && !p.done).length;
    inProgress = { reason: stopped.reason, message: stopped.message, batches_running: running, requests_left: tally.counts.skipped };
    log(`${stopped.message}. ${tally.counts.skipped} of ${tally.requests} requests have no outcome yet; ${outDir}/state.json ` +
      `keeps the run: run the same command again to collect what finishes, send the rest and attach to what is running`);
  }
  const batches = st.parts.filter((p) => p.batch_id).map((p) => ({
    batch_id: p.batch_id!, part: p.key, round: p.round, model: p.model, requests: p.lines, status: p.status,
    refused_batch_ids: p.refused_batch_ids ?? [], times: p.times ?? {}, errors: p.errors ?? [],
  }));
  const report: RunReport = {
    file: path, provider: providerName, started_at: st.started_at, finished_at: st.finished_at ?? finishedAt.toISOString(), decision, sync_phase: st.sync_phase, exit_code: exit,
    requests: tally.requests, counts: tally.counts, estimated_cost_usd: plannedCost(estimate, decision.mode),
    ledger: tally.ledger, batches, results_path: resultsPath, results_csv_path: csvPath,
  };
  const reportJsonPath = join(outDir, 'report.json');
  const reportMdPath = join(outDir, 'report.md');
  writeAtomic(reportJsonPath, `${JSON.stringify(runReportJson(report, estimate), null, 2)}\n`);
  writeAtomic(reportMdPath, renderRunMarkdown(report, estimate));

  const batchIds = [...new Set(st.parts.flatMap((p) => [...(p.refused_batch_ids ?? []), ...(p.batch_id ? [p.batch_id] : [])]))];
  return {
    file: path, provider: providerName, decision: { mode: decision.mode, reason: decision.reason }, estimate, requests: tally.requests,
    succeeded: tally.counts.succeeded, failed: tally.counts.failed, expired: tally.counts.expired, cancelled: tally.counts.cancelled,
    skipped: tally.counts.skipped, actual_cost_usd: tally.ledger.total.actual_usd, ledger: tally.ledger, estimated_cost_usd: plannedCost(estimate, decision.mode),
    batch_ids: batchIds, results_path: resultsPath, results_csv_path: csvPath, report_json_path: reportJsonPath,
    report_md_path: reportMdPath, started_at: startedAt.toISOString(), finished_at: finishedAt.toISOString(), exit_code: exit,
    ...(inProgress ? { in_progress: inProgress } : {}),
  };
  }
}

/** Every succeeded answer the set-aside run holds (downloaded batch outputs, the journal), written to a new journal
 *  where the new run's merge finds them; the old journal is set aside beside the old state (its failures must not
 *  outrank the new run's answers). Returns their custom_ids. */
async function carryAnswers(state: RunState, outDir: string, stamp: string): Promise<string[]> {
  const index = await buildIndex(state, outDir);
  const kept: ResultRecord[] = [];
  for (const custom of index.ids()) {
    const found = index.read(custom);
    if (!found) continue;
    if (found.kind === 'journal') {
      if (found.record.status === 'succeeded') kept.push(found.record);
    } else if (found.outcome.status === 'succeeded') {
      const x = found.outcome;
      kept.push({ custom_id: custom, line: 0, status: 'succeeded', mode: 'batch', batch_id: found.batch_id, response: x.response, error: null, usage: x.usage, cost_usd: null });
    }
  }
  index.close();
  const journalFile = journalPath(outDir);
  if (existsSync(journalFile)) renameSync(journalFile, join(outDir, `sync.replaced-${stamp}.jsonl`));
  const journal = openJournal(journalFile);
  try {
    for (const r of kept) journal.append(r, false);
  } finally {
    journal.close();
  }
  return kept.map((r) => r.custom_id);
}

function lineNumbersOf(customIds: string[], items: Map<number, LineEstimate>): number[] {
  const wanted = new Set(customIds);
  return [...items.values()].filter((it) => wanted.has(it.custom_id)).map((it) => it.line);
}

async function readHistoryLogged(path: string, log: (line: string) => void): Promise<Observation[]> {
  const h = await readHistory(path);
  if (h.skipped > 0) log(`warning: ${h.skipped} line(s) of ${path} could not be read and were skipped`);
  if (h.observations.length > 0) log(`history: ${h.observations.length} observation(s) from ${path} calibrate the estimate`);
  return h.observations;
}

/** A model that is shut down answers nothing: refuse before a cent is spent, naming OpenAI's replacement. */
function refuseShutDownModels(estimate: FileEstimate, path: string): void {
  const dead = estimate.lifecycle.filter((l) => l.status === 'shut_down');
  if (dead.length === 0) return;
  const lines = dead.map((l) => `  ${l.message}`).join('\n');
  throw new UsageError(`${path}: ${dead.length === 1 ? 'a model it uses is' : 'models it uses are'} shut down; nothing was sent:\n${lines}\nChange the model in the request file (an estimate still prices it).`);
}

/** Every outcome on disk, oldest first: batch files round by round, then the sync journal. */
export async function buildIndex(state: RunState, outDir: string): Promise<OutcomeIndex> {
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

/** Batches batchwise's safety net cancelled. State written before cancels were told apart has only `net_fired`: then
 *  every cancelled batch of the run counts as the net's, as it did. */
function netCancelledBatches(st: RunState): Set<string> {
  const marked = st.parts.some((p) => p.cancelled_by !== undefined);
  return new Set(st.parts.filter((p) => p.batch_id && (p.cancelled_by === 'safety_net' || (!marked && st.net_fired === true))).map((p) => p.batch_id!));
}

function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, scrub(text));
  renameSync(`${path}.tmp`, path);
}
