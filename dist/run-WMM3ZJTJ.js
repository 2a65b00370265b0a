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
  plannedCost,
  policyInput,
  runFile,
  shareMaxCost,
  worstCase
} from "./chunk-JHLSWALI.js";
import "./chunk-FZKZX4PD.js";
import "./chunk-2X7CWBSR.js";
import {
  DEFAULT_MIN_SAVINGS_USD,
  KEY_ENV,
  PROVIDER_NAMES,
  PROVIDER_TIERS,
  UsageError,
  catalogForProvider,
  inputCounter,
  keyInputName,
  makeClient,
  makeProvider,
  parseDeployments,
  parseProviderName,
  providerKey
} from "./chunk-VMWTP7T6.js";
import "./chunk-ZIDOD6TB.js";
import "./chunk-HKNME46Z.js";
import "./chunk-64PVKJPU.js";
import "./chunk-NUO5XWAE.js";
export {
  DEFAULT_MIN_SAVINGS_USD,
  DEFAULT_POLL_MS,
  DEFAULT_RETRIES,
  KEY_ENV,
  MaxCostError,
  PROVIDER_NAMES,
  PROVIDER_TIERS,
  RunStateError,
  STATE_FILE,
  UsageError,
  batchStatus,
  buildIndex,
  cancelRun,
  catalogForProvider,
  decide,
  decideWithin,
  fitMaxCost,
  inputCounter,
  keyInputName,
  loadState,
  makeClient,
  makeProvider,
  parseDeployments,
  parseProviderName,
  plannedCost,
  policyInput,
  providerKey,
  runFile,
  shareMaxCost,
  worstCase
};
