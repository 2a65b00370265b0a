import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  DEFAULT_POLL_MS,
  DEFAULT_RETRIES,
  MaxCostError,
  RunStateError,
  STATE_FILE,
  UsageError,
  batchStatus,
  buildIndex,
  cancelRun,
  decide,
  fitMaxCost,
  loadState,
  makeClient,
  plannedCost,
  policyInput,
  runFile,
  shareMaxCost,
  worstCase
} from "./chunk-7CVOKITO.js";
import "./chunk-6KDZKEME.js";
import "./chunk-2KLQBHXG.js";
import {
  DEFAULT_MIN_SAVINGS_USD
} from "./chunk-QFOLXEZL.js";
import "./chunk-T253CA67.js";
import "./chunk-64PVKJPU.js";
import "./chunk-NUO5XWAE.js";
export {
  DEFAULT_MIN_SAVINGS_USD,
  DEFAULT_POLL_MS,
  DEFAULT_RETRIES,
  MaxCostError,
  RunStateError,
  STATE_FILE,
  UsageError,
  batchStatus,
  buildIndex,
  cancelRun,
  decide,
  fitMaxCost,
  loadState,
  makeClient,
  plannedCost,
  policyInput,
  runFile,
  shareMaxCost,
  worstCase
};
