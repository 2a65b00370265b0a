// The run stage: decide, run (batch with retries and a sync safety net, flex, sync), resume, and merge the results.
export { runFile, buildIndex, DEFAULT_RETRIES, DEFAULT_POLL_MS } from './runFile.ts';
export { MaxCostError, RunStateError } from './errors.ts';
export { UsageError } from '../shared/usageError.ts';
export { batchStatus, cancelRun } from './remote.ts';
export type { BatchStatusRow, RemoteOptions, StatusReport } from './remote.ts';
export { decide, worstCase, plannedCost, fitMaxCost, DEFAULT_MIN_SAVINGS_USD } from './policy.ts';
export type { CostPaths } from './policy.ts';
export { policyInput, shareMaxCost } from './sharedMaxCost.ts';
export type { PlannedFile, SharedMaxCost } from './sharedMaxCost.ts';
export { loadState, STATE_FILE } from './state.ts';
export type { PartState, RunState } from './state.ts';
export { makeClient } from './openaiClient.ts';
export type { BatchProgress, Decision, OnResult, RunItem, RunMode, RunOptions, RunSummary } from './types.ts';
