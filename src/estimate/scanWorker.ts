// Worker thread entry: scans chunks of lines sent by scanFile. Each worker keeps its own tokenizer and string memo,
// so a long system prompt shared by every line is encoded once per worker.
import { parentPort, workerData } from 'node:worker_threads';
import type { Catalog } from '../pricing/index.ts';
import { ModelCache, scanLine } from './scanLine.ts';
import { linesOfChunk } from '../requests/index.ts';
import type { LineChunk } from '../requests/index.ts';

const data = workerData as { catalog: Catalog; keepBodies?: boolean };
const models = new ModelCache(data.catalog);
const keepBodies = data.keepBodies === true;

parentPort!.on('message', (msg: { seq: number; chunk: LineChunk }) => {
  parentPort!.postMessage({ seq: msg.seq, scans: linesOfChunk(msg.chunk).map((l) => scanLine(l, models, keepBodies)) });
});
