// The runner reads every line a step prints for workflow commands: a line that starts with `::` (after blanks), or
// holds `##[` anywhere (the old syntax, still parsed). File names, custom_ids, model names and answers are the user's
// — a file called "x\n::error::forged.jsonl" must print as one plain line, not forge an annotation or mask a value.
import * as core from '@actions/core';

const LINE_BREAKS = /[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
// Other control characters (a terminal escape in a custom_id) are shown, not obeyed.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function escaped(c: string): string {
  if (c === '\r') return '\\r';
  if (c === '\n') return '\\n';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One log line that the runner shows as text: line breaks and control characters written as JSON escapes (`\n`),
 *  the old `##[` command syntax broken by a zero-width space, and a leading `::` shifted off the start of the line. */
export function logSafe(text: string): string {
  const flat = text.replace(LINE_BREAKS, escaped).replace(CONTROLS, escaped).replaceAll('##[', '#\u200b#[');
  return /^\s*::/.test(flat) ? ` \u200b${flat}` : flat;
}

/** core.info for text that holds anything user-controlled. */
export function logInfo(text: string): void {
  core.info(logSafe(text));
}
