// Where the latest outcome of every request is: custom_id → (file, offset, length) plus its status. Results files of
// 50,000 answers are large, so the index keeps positions, not bodies; writeResults reads each line back in input order.
// Sources are added in the order they happened, and a later outcome replaces an earlier one (a retry only ever
// re-sends requests that did not succeed).
import { closeSync, existsSync, openSync } from 'node:fs';
import { tryClassifyBatchLine, classifyBatchLine } from './classifyBatchLine.ts';
import type { BatchLineOutcome } from './classifyBatchLine.ts';
import { parseJournalLine } from './journal.ts';
import { readLineAt, scanLines } from './scanLines.ts';
import type { ResultRecord, ResultStatus } from './types.ts';

export interface ResultSource {
  path: string;
  kind: 'batch' | 'journal';
  /** For batch files: the batch that wrote it. */
  batch_id: string | null;
}

interface Entry {
  source: number;
  offset: number;
  length: number;
  status: ResultStatus;
  retryable: boolean;
}

export type IndexedOutcome =
  | { kind: 'batch'; batch_id: string | null; outcome: BatchLineOutcome }
  | { kind: 'journal'; record: ResultRecord; retryable: boolean };

export class OutcomeIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly sources: ResultSource[] = [];
  private fds: (number | null)[] = [];

  get size(): number {
    return this.entries.size;
  }

  /** Adds every line of a batch output or error file; returns the outcomes' custom_ids with their status. */
  async addBatchFile(path: string, batch_id: string | null): Promise<void> {
    const source = this.sources.push({ path, kind: 'batch', batch_id }) - 1;
    for await (const line of scanLines(path)) {
      const o = tryClassifyBatchLine(line.text);
      if (o === null) continue;
      this.put(o.custom_id, { source, offset: line.offset, length: line.length, status: o.status, retryable: o.retryable });
    }
  }

  async addJournal(path: string): Promise<void> {
    if (!existsSync(path)) return;
    const source = this.sources.push({ path, kind: 'journal', batch_id: null }) - 1;
    for await (const line of scanLines(path)) {
      const e = parseJournalLine(line.text);
      if (!e) continue;
      this.put(e.record.custom_id, { source, offset: line.offset, length: line.length, status: e.record.status, retryable: e.retryable });
    }
  }

  /** The latest outcome wins, except that an answer is final: a later failure (a pilot request that failed first
   *  and was answered by the batch, a set-aside run's journal) never replaces a success. */
  private put(customId: string, entry: Entry): void {
    const known = this.entries.get(customId);
    if (known?.status === 'succeeded' && entry.status !== 'succeeded') return;
    this.entries.set(customId, entry);
  }

  /** Every custom_id with an outcome. */
  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** The latest status of a request, without reading its body. */
  status(custom_id: string): { status: ResultStatus; retryable: boolean } | null {
    const e = this.entries.get(custom_id);
    return e ? { status: e.status, retryable: e.retryable } : null;
  }

  /** Reads one request's latest outcome back from its file. */
  read(custom_id: string): IndexedOutcome | null {
    const e = this.entries.get(custom_id);
    if (!e) return null;
    const src = this.sources[e.source];
    let fd = this.fds[e.source];
    if (fd == null) fd = this.fds[e.source] = openSync(src.path, 'r');
    const text = readLineAt(fd, e.offset, e.length);
    if (src.kind === 'batch') return { kind: 'batch', batch_id: src.batch_id, outcome: classifyBatchLine(text) };
    const j = parseJournalLine(text)!;
    return { kind: 'journal', record: j.record, retryable: j.retryable };
  }

  close(): void {
    for (const fd of this.fds) if (fd != null) closeSync(fd);
    this.fds = [];
  }
}
