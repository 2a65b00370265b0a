// The one scrubber for everything that leaves the process: every file written under --out, logs, annotations, the job
// summary, outputs, the PR comment and the commit pass through `scrub`. A self-hosted OpenAI-compatible proxy may echo
// the bearer key in an error body (OpenAI masks it), and runner masking does not apply to files, so the known secrets
// are replaced wherever they appear, and anything shaped like an OpenAI or GitHub token is masked too.
import type { Transform } from 'node:stream';
import { mapLineBlocks } from './lineBlocks.ts';

const known = new Set<string>();

/** Secrets shorter than this are not registered: replacing "abc" everywhere would mangle text, not protect a key. */
const MIN_SECRET_LENGTH = 8;

// OpenAI keys (sk-…, sk-proj-…, partly masked ones like sk-abc***xyz) and GitHub tokens (ghp_, gho_, ghs_, ghu_,
// ghr_, github_pat_). Deliberately broad: a false positive costs a word in a log, a false negative a leaked key.
const TOKEN_PATTERNS: [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_*\-]{3,}/g, 'sk-[redacted]'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, 'gh_[redacted]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, 'github_pat_[redacted]'],
];

/** Makes `value` (an API key, a GitHub token) one the scrubber removes from now on. Empty or short values are ignored. */
export function registerSecret(value: string | null | undefined): void {
  if (typeof value === 'string' && value.trim().length >= MIN_SECRET_LENGTH) known.add(value.trim());
}

/** `text` without any registered secret or token-shaped string. Cheap when there is nothing to remove. */
export function scrub(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  for (const [pattern, mask] of TOKEN_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(out)) {
      pattern.lastIndex = 0;
      out = out.replace(pattern, mask);
    }
  }
  return out;
}

/** For tests: forget the registered secrets. */
export function forgetSecrets(): void {
  known.clear();
}

/** A stream transform that scrubs text line by line (a key never spans a newline in JSONL), for files downloaded
 *  from the API and kept on disk: a batch's output and error files. */
export function scrubLines(): Transform {
  return mapLineBlocks(scrub);
}

/** Scrubs everything this process writes to stdout and stderr from now on: the action's logs and the workflow
 *  commands @actions/core prints (annotations, outputs' echo), whichever module writes them. */
export function scrubProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : null;
      // The runner's own mask command must carry the secret itself, or the runner cannot mask it.
      if (text === null || text.startsWith('::add-mask::')) return write(chunk, ...rest);
      return write(scrub(text), ...rest);
    }) as typeof stream.write;
  }
}
