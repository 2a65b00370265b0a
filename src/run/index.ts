// The run stage: decide, run (batch with retries and a sync safety net, flex, sync), resume, and merge the results.
export { runFile, buildIndex, DEFAULT_RETRIES, DEFAULT_POLL_MS } from './runFile.ts';
export { MaxCostError, RunStateError } from './errors.ts';
export { UsageError } from '../shared/usageError.ts';
export { batchStatus, cancelRun } from './batch/remote.ts';
export type { BatchStatusRow, RemoteOptions, StatusReport } from './batch/remote.ts';
export { decide, decideWithin, worstCase, plannedCost, fitMaxCost, DEFAULT_MIN_SAVINGS_USD } from './plan/policy.ts';
export type { CostPaths } from './plan/policy.ts';
export { policyInput, shareMaxCost } from './plan/sharedMaxCost.ts';
export type { PlannedFile, SharedMaxCost } from './plan/sharedMaxCost.ts';
export { loadState, STATE_FILE } from './state/state.ts';
export type { PartState, RunState } from './state/state.ts';
export { catalogForProvider, inputCounter, keyInputName, makeClient, makeProvider, parseProviderName, parseDeployments, providerKey, KEY_ENV, PROVIDER_NAMES, PROVIDER_TIERS } from './providers/index.ts';
export type { Provider, ProviderConfig, ProviderName, DeploymentMap } from './providers/index.ts';
export type { BatchProgress, Decision, OnResult, RunItem, RunMode, RunOptions, RunSummary } from './types.ts';
