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
  batchStatus,
  buildIndex,
  cancelRun,
  decide,
  decideWithin,
  fitMaxCost,
  loadState,
  makeClient,
  plannedCost,
  policyInput,
  runFile,
  shareMaxCost,
  worstCase
} from "./chunk-FJI4R254.js";
import "./chunk-MKZBJKM2.js";
import "./chunk-LZ5PGCP2.js";
import {
  DEFAULT_MIN_SAVINGS_USD,
  UsageError
} from "./chunk-6BGZLGY6.js";
import "./chunk-I7NYW3OD.js";
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
  decideWithin,
  fitMaxCost,
  loadState,
  makeClient,
  plannedCost,
  policyInput,
  runFile,
  shareMaxCost,
  worstCase
};
