import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  SECRET_INPUTS,
  describe,
  logInfo,
  readInFlight,
  readInputs,
  renderInFlightSummary
} from "./chunk-FCMSYJWW.js";
import "./chunk-BO4PDMA5.js";
import {
  registerSecret,
  scrubProcessOutput
} from "./chunk-VMWTP7T6.js";
import "./chunk-ZIDOD6TB.js";
import "./chunk-HKNME46Z.js";
import {
  getInput,
  setFailed,
  setSecret,
  summary,
  warning
} from "./chunk-3I2DGFUB.js";
import "./chunk-64PVKJPU.js";
import "./chunk-NUO5XWAE.js";

// src/action/postMain.ts
async function post() {
  try {
    const { batchIds, dirs } = readInFlight();
    if (batchIds.length === 0) return;
    for (const name of SECRET_INPUTS) {
      const v = getInput(name);
      if (v) setSecret(v);
      registerSecret(v);
    }
    const inputs = readInputs();
    if (inputs.onCancel === "cancel" && inputs.apiKey) {
      const { cancelRun } = await import("./run-WMM3ZJTJ.js");
      for (const id of batchIds) {
        await cancelRun(id, { provider: inputs.provider, apiKey: inputs.apiKey, ...inputs.baseUrl ? { baseURL: inputs.baseUrl } : {}, log: logInfo });
        logInfo(`cancelled ${id}`);
      }
      await summary.addRaw(renderInFlightSummary(batchIds, "cancelled", "on-cancel: cancel \u2014 requests that finished before the cancel are billed and in their output files."), true).write();
      return;
    }
    warning(
      `the job ended with ${batchIds.length} batch(es) still running: ${batchIds.join(", ")}. They were left running (on-cancel: leave); re-run the job to pick up their results without paying again, or set on-cancel: cancel.`
    );
    await summary.addRaw(
      renderInFlightSummary(
        batchIds,
        "left running",
        `A re-run of this workflow run finds them (they carry this run's id) and collects their results instead of resubmitting. Run state: ${dirs.map((d) => `${d}/state.json`).join(", ")}.`
      ),
      true
    ).write();
  } catch (err) {
    setFailed(describe(err));
  }
}

// src/action/post.ts
scrubProcessOutput();
await post();
