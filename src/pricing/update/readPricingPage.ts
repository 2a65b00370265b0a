// The I/O edge of `pricing update`: the page's Markdown from a URL (global fetch) or a file.

import { readFileSync } from 'node:fs';
import { VERSION } from '../../shared/version.ts';
import { PricingFileError } from '../errors.ts';

const FETCH_TIMEOUT_MS = 30_000;

const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: 'host not found (no network, or a typo in the URL?)',
  EAI_AGAIN: 'host not found (no network?)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
};

/** The text at `from`: fetched when it is an http(s) URL, else read from disk (a file error keeps its code and path,
 *  which the CLI reports as "cannot use FILE: …"). An unreachable URL or an HTTP error is a PricingFileError. */
export async function readPricingPage(from: string): Promise<string> {
  if (!/^https?:\/\//i.test(from)) return readFileSync(from, 'utf8');
  let response: Response;
  try {
    response = await fetch(from, {
      headers: { accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1', 'user-agent': `batchwise/${VERSION}` },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code;
    const reason =
      (err as Error).name === 'TimeoutError'
        ? `no answer in ${FETCH_TIMEOUT_MS / 1000}s`
        : code !== undefined
          ? `${NETWORK_ERRORS[code] ?? code}${NETWORK_ERRORS[code] ? ` (${code})` : ''}`
          : (cause?.message ?? (err as Error).message);
    throw new PricingFileError(from, null, `cannot fetch the page: ${reason}`);
  }
  if (!response.ok) throw new PricingFileError(from, null, `cannot fetch the page: HTTP ${response.status} ${response.statusText}`.trimEnd());
  return response.text();
}
