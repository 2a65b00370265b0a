// The action's inputs (action.yml), read once and checked before anything runs: a typo in `mode` or `max-cost` is one
// clear message, not a failure halfway through a paid run.
import * as core from '@actions/core';
import { registerSecret } from '../shared/secrets.ts';
import { parseTokenCount } from '../shared/tokenCount.ts';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseDuration } from '../shared/duration.ts';
import { DEFAULT_MIN_SAVINGS_USD } from '../estimate/recommend.ts';
import { parseCompare } from '../estimate/compare.ts';
import type { ComparePair } from '../estimate/compare.ts';
import { readRunnerContext } from '../github/runnerContext.ts';
import { PROVIDER_NAMES, keyInputName, parseDeployments } from '../run/providers/index.ts';
import type { DeploymentMap, ProviderName } from '../run/providers/index.ts';

export type ActionMode = 'auto' | 'batch' | 'flex' | 'sync' | 'priority' | 'estimate';
export type CommentSetting = 'update' | 'new' | 'off';
export type FailOn = 'any' | 'none';
export type OnCancel = 'leave' | 'cancel';

/** `data` + `template` + `model`: a table whose rows become the requests (issue 6's prepare), answers joined back. */
export interface DataInput {
  data: string;
  template: string;
  model: string;
  system?: string;
  idColumn?: string;
  maxTokens?: number;
}

export interface ActionInputs {
  /** Empty when `data` is given. */
  requests: string;
  data: DataInput | undefined;
  mode: ActionMode;
  /** Whose API runs the requests (the CLI's --provider). */
  provider: ProviderName;
  /** The key of that provider: its own input (azure-api-key, anthropic-api-key, gemini-api-key) or api-key. */
  apiKey: string;
  /** The provider's base URL (Azure: azure-endpoint, else base-url). */
  baseUrl: string | undefined;
  /** Azure: the deployment serving each model (`deployment`). */
  deployments: DeploymentMap | undefined;
  latencyBudgetMs: number;
  maxCostUsd: number | undefined;
  minSavingsUsd: number;
  pricingFile: string | undefined;
  outputDir: string;
  artifact: string | false;
  retentionDays: number | undefined;
  commit: string | false;
  commitBranch: string | undefined;
  comment: CommentSetting;
  githubToken: string;
  retries: number | undefined;
  /** The account's rate limits for the model(s), so auto can tell whether a sync safety net finishes in time. */
  rpm: number | undefined;
  /** Enqueued-token limit of the batch queue per model (from the org's Limits page); undefined: learned. */
  queueLimit: number | undefined;
  tpm: number | undefined;
  failOn: FailOn;
  onCancel: OnCancel;
  /** Regional processing (data residency) endpoints: +10% on the models that charge it (the CLI's --region). */
  region: boolean;
  /** A model the catalog lacks is an error instead of priced from the long-tail library (--strict-pricing). */
  strictPricing: boolean;
  /** Requests sent synchronously first to calibrate the estimate (--pilot N); 0 for none. */
  pilot: number;
  /** The run history file, relative to the workspace (--history), or false (--no-history). */
  history: string | false;
  /** `compare` (the CLI's --compare): other providers' models to price the same requests on; none when empty. */
  compare: ComparePair[] | undefined;
}

export class ActionInputError extends Error {
  constructor(input: string, message: string) {
    super(`input \`${input}\`: ${message}`);
    this.name = 'ActionInputError';
  }
}

/** Where run history lives unless `history` says otherwise: the CLI's default, so both find the same file. */
export const DEFAULT_HISTORY = '.batchwise/history.jsonl';

/** A hosted job stops at 6 hours; leave time to fetch results and publish them. Documented with timeout-minutes. */
export const DEFAULT_LATENCY_BUDGET = '5h30m';

/** Secrets first: masked before any other input is read, so no later log line can show them. */
/** Every input that can hold a secret. */
export const SECRET_INPUTS = ['api-key', 'azure-api-key', 'anthropic-api-key', 'gemini-api-key', 'github-token'] as const;

export function maskSecrets(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
    // The runner masks its logs; files (results, summary, the commit) and a server's echo are ours to scrub.
    registerSecret(value);
  }
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ActionInputError(name, `"${raw}" is not one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function optionalNumber(name: string, check: (n: number) => boolean, what: string): number | undefined {
  const raw = core.getInput(name).trim().replace(/^\$/, '');
  if (raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new ActionInputError(name, `"${raw}" is not ${what}`);
  return n;
}

/** The batch queue's enqueued-token limit per model: 2000000, 2M, 90k; empty = learned from the API. */
function queueLimitInput(): number | undefined {
  const raw = core.getInput('queue-limit').trim();
  if (raw === '') return undefined;
  const n = parseTokenCount(raw);
  if (n === null) throw new ActionInputError('queue-limit', `"${raw}" is not a number of tokens (e.g. 2000000 or 2M)`);
  return n;
}

/** true or false (as YAML writes them); empty is the default. */
function flag(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ActionInputError(name, `"${raw}" is not true or false`);
}

/** `false`, `no`, `off` or empty turn a publishing input off. */
function nameOrFalse(name: string, fallback: string | false): string | false {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  return ['false', 'no', 'off', 'none'].includes(raw.toLowerCase()) ? false : raw;
}

function optional(name: string): string | undefined {
  return core.getInput(name).trim() || undefined;
}

export function readInputs(): ActionInputs {
  const requests = core.getInput('requests').trim();
  const data = readDataInput(requests);
  if (!requests && !data) throw new ActionInputError('requests', 'give a request file (.jsonl) or a glob such as `evals/*.jsonl` (or data, template and model)');
  const budgetText = optional('latency-budget') ?? DEFAULT_LATENCY_BUDGET;
  let latencyBudgetMs: number;
  try {
    latencyBudgetMs = parseDuration(budgetText, 'latency-budget');
  } catch (err) {
    throw new ActionInputError('latency-budget', (err as Error).message);
  }
  const commit = nameOrFalse('commit', false);
  if (commit !== false && (commit.startsWith('/') || commit.split('/').includes('..'))) {
    throw new ActionInputError('commit', `"${commit}" must be a path inside the repository (no leading /, no ..)`);
  }
  const provider = choice('provider', PROVIDER_NAMES, 'openai');
  const inputs: ActionInputs = {
    requests,
    data,
    mode: choice('mode', ['auto', 'batch', 'flex', 'sync', 'priority', 'estimate'] as const, 'auto'),
    provider,
    apiKey: core.getInput(keyInputName(provider)).trim() || core.getInput('api-key').trim(),
    baseUrl: (provider === 'azure' ? optional('azure-endpoint') : undefined) ?? optional('base-url'),
    deployments: readDeployments(provider),
    latencyBudgetMs,
    maxCostUsd: optionalNumber('max-cost', (n) => n > 0, 'a positive number of US dollars'),
    minSavingsUsd: optionalNumber('min-savings', (n) => n >= 0, 'zero or a positive number of US dollars') ?? DEFAULT_MIN_SAVINGS_USD,
    pricingFile: optional('pricing-file'),
    outputDir: optional('output-dir') ?? 'batchwise-results',
    artifact: nameOrFalse('artifact', 'batchwise-results'),
    retentionDays: optionalNumber('retention-days', (n) => Number.isInteger(n) && n >= 1 && n <= 90, 'a whole number of days from 1 to 90'),
    commit,
    commitBranch: optional('commit-branch'),
    comment: choice('comment', ['update', 'new', 'off'] as const, 'update'),
    githubToken: core.getInput('github-token').trim(),
    retries: optionalNumber('retries', (n) => Number.isInteger(n) && n >= 0, 'a whole number (0 or more)'),
    failOn: choice('fail-on', ['any', 'none'] as const, 'any'),
    onCancel: choice('on-cancel', ['leave', 'cancel'] as const, 'leave'),
    rpm: optionalNumber('rpm', (n) => Number.isInteger(n) && n >= 1, 'a whole number of requests a minute (1 or more)'),
    tpm: optionalNumber('tpm', (n) => Number.isInteger(n) && n >= 1, 'a whole number of tokens a minute (1 or more)'),
    queueLimit: queueLimitInput(),
    region: flag('region', false),
    strictPricing: flag('strict-pricing', false),
    pilot: optionalNumber('pilot', (n) => Number.isInteger(n) && n >= 0, 'a whole number of requests (0 or more)') ?? 0,
    history: nameOrFalse('history', DEFAULT_HISTORY),
    compare: readCompare(),
  };
  checkCommitTarget(inputs);
  checkHistoryCommit(inputs);
  return inputs;
}

/** `deployment`: MODEL=NAME pairs (commas or new lines) or one NAME for every model; Azure only. */
function readDeployments(provider: ProviderName): DeploymentMap | undefined {
  const raw = optional('deployment');
  if (raw === undefined) return undefined;
  if (provider !== 'azure') throw new ActionInputError('deployment', `is for provider: azure (provider is ${provider})`);
  try {
    return parseDeployments(raw.split('\n'));
  } catch (err) {
    throw new ActionInputError('deployment', (err as Error).message.replace(/^--deployment:? ?/, ''));
  }
}

/** Same syntax as --compare; groups may also go on separate lines. Checked now: an unknown model lists the known ones. */
function readCompare(): ComparePair[] | undefined {
  const raw = optional('compare');
  if (raw === undefined) return undefined;
  try {
    return parseCompare(raw);
  } catch (err) {
    throw new ActionInputError('compare', (err as Error).message.replace(/^compare: /, ''));
  }
}

/** `commit` is done after the run: what would stop it is found before a cent is spent. */
function checkCommitTarget(inputs: ActionInputs): void {
  if (inputs.commit === false || !inputs.apiKey || inputs.mode === 'estimate') return;
  if (!inputs.githubToken) {
    throw new ActionInputError('commit', 'needs a github-token (the default `${{ github.token }}` works with `permissions: contents: write`)');
  }
  if (inputs.commitBranch) return;
  const ctx = readRunnerContext();
  if (!ctx.branch) {
    const ref = process.env.GITHUB_REF || 'no ref';
    throw new ActionInputError('commit', `this "${ctx.eventName}" run is on ${ref}, not a branch: set commit-branch to the branch the results go to`);
  }
}

/** With `commit`, the history file goes into the same commit, at its path in the repository, so the next run's
 *  checkout has it: a file outside the checkout has no such path. */
function checkHistoryCommit(inputs: ActionInputs): void {
  if (inputs.commit === false || inputs.history === false || !inputs.apiKey || inputs.mode === 'estimate') return;
  const workspace = readRunnerContext().workspace;
  const rel = relative(workspace, resolve(workspace, inputs.history));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new ActionInputError('history', `"${inputs.history}" is outside the repository, so \`commit\` cannot keep it for the next run: give a path inside it (default ${DEFAULT_HISTORY}) or history: false`);
  }
}

/** One of `requests` or `data` (with `template` and `model`); never both, so a step never runs a file it did not mean to. */
function readDataInput(requests: string): DataInput | undefined {
  const data = optional('data');
  const rest = ['template', 'model', 'system', 'id-column', 'max-tokens'].filter((n) => optional(n) !== undefined);
  if (!data) {
    if (rest.length > 0) throw new ActionInputError(rest[0], 'goes with `data` (a CSV or JSONL table), which is not given');
    return undefined;
  }
  if (requests) throw new ActionInputError('data', 'give either `requests` or `data`, not both');
  const template = optional('template');
  if (!template) throw new ActionInputError('template', 'with `data`, give a template file: the user message with {{column}} placeholders (or a .json request body)');
  const model = optional('model');
  if (!model) throw new ActionInputError('model', 'with `data`, give the model every request uses, e.g. gpt-4o-mini');
  const maxTokens = optionalNumber('max-tokens', (n) => Number.isInteger(n) && n >= 1, 'a whole number of tokens (1 or more)');
  const system = optional('system');
  const idColumn = optional('id-column');
  return {
    data,
    template,
    model,
    ...(system !== undefined ? { system } : {}),
    ...(idColumn !== undefined ? { idColumn } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
  };
}
