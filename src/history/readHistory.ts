// Reading the history file (JSONL, one Observation a line). A missing file is an empty history: the first run of a
// file has none. Bad lines are counted and skipped; anything else that stops the read (permissions, a directory in
// the way) is a real problem and is thrown.
import { readFile } from 'node:fs/promises';
import { NEWER_VERSION, parseHistoryLine } from './parseHistoryLine.ts';
import type { HistoryRead, Observation } from './types.ts';

/** One non-blank line as read: its text, and what it holds. */
export interface HistoryLine {
  text: string;
  observation: Observation | null;
  /** Written by a newer batchwise: kept as it is by compaction. */
  newer: boolean;
}

/** The file's text; '' when there is no file yet. */
export async function readHistoryText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

export function parseHistoryText(text: string): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseHistoryLine(line);
    lines.push({ text: line, observation: typeof parsed === 'object' ? parsed : null, newer: parsed === NEWER_VERSION });
  }
  return lines;
}

export async function readHistory(path: string): Promise<HistoryRead> {
  const observations: Observation[] = [];
  let skipped = 0;
  for (const line of parseHistoryText(await readHistoryText(path))) {
    if (line.observation !== null) observations.push(line.observation);
    else skipped++;
  }
  return { observations, skipped };
}
