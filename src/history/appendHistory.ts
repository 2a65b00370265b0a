// Adding a run to the history file. Usually the new lines go in with one append (a crash leaves at most a torn last
// line, which the reader skips). When the file with them would hold more than its bounds, it is rewritten instead, to
// a temp file beside it renamed over it, so a reader never sees half a file. Two jobs writing the same file at the
// same moment can lose one run's lines; history is a calibration aid, and that is the price of not locking.
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { compactHistory, DEFAULT_BOUNDS } from './compactHistory.ts';
import { parseHistoryText, readHistoryText } from './readHistory.ts';
import type { AppendResult, HistoryBounds, Observation } from './types.ts';

export async function appendHistory(
  path: string,
  observations: Observation[],
  bounds: Partial<HistoryBounds> = {},
): Promise<AppendResult> {
  if (observations.length === 0) return { appended: 0, compacted: false, dropped: 0 };
  const limits: HistoryBounds = { ...DEFAULT_BOUNDS, ...bounds };
  await mkdir(dirname(path), { recursive: true });
  const before = await readHistoryText(path);
  const lines = parseHistoryText(before);
  const readable = lines.flatMap((l) => (l.observation !== null ? [l.observation] : []));
  const all = [...readable, ...observations];
  const kept = new Set(compactHistory(all, limits));

  if (kept.size === all.length) {
    // A hand-edited file may lack its last newline; without one the first new line would fuse with it.
    const lead = before !== '' && !before.endsWith('\n') ? '\n' : '';
    await appendFile(path, lead + observations.map((o) => JSON.stringify(o) + '\n').join(''), 'utf8');
    return { appended: observations.length, compacted: false, dropped: 0 };
  }

  // Corrupt lines go with the rewrite (they were unreadable anyway); a newer batchwise's lines stay as they were.
  const text = [
    ...lines.map((l) => (l.newer ? l.text : l.observation !== null && kept.has(l.observation) ? JSON.stringify(l.observation) : null)),
    ...observations.map((o) => (kept.has(o) ? JSON.stringify(o) : null)),
  ]
    .filter((t) => t !== null)
    .map((t) => t + '\n')
    .join('');
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return { appended: observations.length, compacted: true, dropped: all.length - kept.size };
}
