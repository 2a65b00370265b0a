import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  ModelCache,
  scanLine
} from "./chunk-2X7CWBSR.js";
import {
  linesOfChunk
} from "./chunk-ZIDOD6TB.js";
import "./chunk-NUO5XWAE.js";

// src/estimate/scanWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var data = workerData;
var models = new ModelCache(data.catalog);
var keepBodies = data.keepBodies === true;
parentPort.on("message", (msg) => {
  parentPort.postMessage({ seq: msg.seq, scans: linesOfChunk(msg.chunk).map((l) => scanLine(l, models, keepBodies)) });
});
