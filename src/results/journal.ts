// The append-only journal of results that did not come from a batch file (sync and flex answers, a failed batch's
// lines). One write per line on an O_APPEND descriptor: a crash loses at most the line being written, and the reader
// skips a torn last line, so everything journaled before a kill -9 survives.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ResultRecord } from './types.ts';
import { scrub } from '../shared/secrets.ts';

export interface JournalEntry {
  retryable: boolean;
  record: ResultRecord;
}

export interface Journal {
  append(record: ResultRecord, retryable: boolean): void;
  close(): void;
}

export function openJournal(path: string): Journal {
  const fd = openSync(path, 'a');
  let closed = false;
  return {
    append(record, retryable) {
      if (closed) throw new Error('journal: append after close');
      const entry: JournalEntry = { retryable, record };
      // Scrubbed like every file batchwise writes: an error message may echo a key.
      writeSync(fd, `${scrub(JSON.stringify(entry))}\n`);
    },
    close() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

/** Null for a line a crash cut short (only ever the last one). */
export function parseJournalLine(text: string): JournalEntry | null {
  try {
    const e = JSON.parse(text) as JournalEntry;
    return e && typeof e.record?.custom_id === 'string' ? e : null;
  } catch {
    return null;
  }
}
