// Streams a request file through scanLine, on worker threads when the file is big enough to repay their start-up.
// Lines are read in order, scanned in parallel in chunks, and handed back to the caller strictly in line order (the
// duplicate check and the results' input order depend on it). At most a few chunks per worker are in flight, so memory
// stays bounded whatever the file size.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readJsonlLines } from '../requests/index.ts';
import type { Catalog } from '../pricing/index.ts';
import { ModelCache, scanLine } from './scanLine.ts';
import type { LineScan, RawLine } from './scanLine.ts';

export interface ScanOptions {
  catalog: Catalog;
  /** Worker threads; 0 scans on this thread. Default: one per core for files over PARALLEL_MIN_BYTES. */
  workers?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Below this a worker's start-up (loading the tokenizer again) costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
const CHUNK_LINES = 256;
const CHUNK_BYTES = 1024 * 1024;
const IN_FLIGHT_PER_WORKER = 3;

// Source runs as .ts (tests, `node src/…`); the bundle ships the worker as its own file beside the entry point.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./scanWorker.ts', import.meta.url)
  : new URL('./scan-worker.js', import.meta.url);

export async function scanFile(path: string, opts: ScanOptions, onScan: (scan: LineScan) => void): Promise<void> {
  const total = (await stat(path)).size;
  const workers = opts.workers ?? (total >= PARALLEL_MIN_BYTES ? Math.min(availableParallelism(), 8) : 0);
  let read = 0;
  const progress = (bytes: number) => {
    read += bytes;
    opts.onProgress?.(read, total);
  };
  if (workers <= 0) {
    const models = new ModelCache(opts.catalog);
    for await (const raw of readJsonlLines(path)) {
      progress(raw.bytes);
      onScan(scanLine(raw, models));
    }
    return;
  }
  await scanParallel(path, opts.catalog, workers, progress, onScan);
}

async function scanParallel(
  path: string,
  catalog: Catalog,
  count: number,
  progress: (bytes: number) => void,
  onScan: (scan: LineScan) => void,
): Promise<void> {
  const pool = Array.from({ length: count }, () => new Worker(WORKER_URL, { workerData: { catalog } }));
  const done = new Map<number, LineScan[]>();
  const inFlight = new Map<Worker, number>(pool.map((w) => [w, 0]));
  let nextToEmit = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };

  for (const w of pool) {
    w.on('message', (msg: { seq: number; scans: LineScan[] }) => {
      inFlight.set(w, inFlight.get(w)! - 1);
      done.set(msg.seq, msg.scans);
      signal();
    });
    w.on('error', (err) => {
      failure ??= err;
      signal();
    });
  }

  const emitReady = () => {
    for (let chunk = done.get(nextToEmit); chunk; chunk = done.get(nextToEmit)) {
      done.delete(nextToEmit++);
      for (const s of chunk) onScan(s);
    }
  };
  const waitForRoom = async (limit: number) => {
    for (;;) {
      if (failure) throw failure;
      emitReady();
      const idle = [...inFlight].sort((a, b) => a[1] - b[1])[0];
      if (idle[1] < limit) return idle[0];
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  let seq = 0;
  let chunk: RawLine[] = [];
  let chunkBytes = 0;
  const send = async () => {
    const worker = await waitForRoom(IN_FLIGHT_PER_WORKER);
    inFlight.set(worker, inFlight.get(worker)! + 1);
    worker.postMessage({ seq: seq++, lines: chunk });
    chunk = [];
    chunkBytes = 0;
  };

  try {
    for await (const raw of readJsonlLines(path)) {
      progress(raw.bytes);
      chunk.push(raw);
      chunkBytes += raw.bytes;
      if (chunk.length >= CHUNK_LINES || chunkBytes >= CHUNK_BYTES) await send();
    }
    if (chunk.length > 0) await send();
    while (nextToEmit < seq) {
      if (failure) throw failure;
      emitReady();
      if (nextToEmit < seq) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
