// Before anything is sent: every line the provider cannot take faithfully, all at once, as file:line errors — with
// the validator's own, when the file has those too. OpenAI takes the file as it is (its checks are the validator's).
import { readJsonlLines } from '../../requests/readJsonl.ts';
import { UsageError } from '../../shared/usageError.ts';
import { RequestFileError, formatLineProblems } from '../../requests/types.ts';
import type { LineProblem as RequestLineProblem } from '../../requests/types.ts';
import type { Provider } from './types.ts';

/** How many problems one error lists before it counts the rest. */
const SHOWN = 50;

/** Every problem the provider has with the file's lines, by line (well-formed requests only: the rest is the
 *  validator's to report). Empty for OpenAI, which takes the file as it is. */
export async function providerProblems(provider: Provider, path: string): Promise<RequestLineProblem[]> {
  const problems: RequestLineProblem[] = [];
  if (provider.name === 'openai') return problems;
  // The validator's reader: the same line numbers, BOM and CRLF handling.
  for await (const raw of readJsonlLines(path)) {
    if (raw.invalidUtf8) continue;
    let line: { custom_id: string; url: string; body: Record<string, unknown> };
    try {
      line = JSON.parse(raw.text);
    } catch {
      continue;
    }
    if (!line || typeof line !== 'object' || !line.body || typeof line.body !== 'object') continue;
    for (const p of provider.check(line)) problems.push({ line: raw.line, reason: p.message });
  }
  return problems;
}

/** The provider's problems as the one error a user sees: alone, or merged by line with the validator's. */
export function providerProblemsError(provider: Provider, displayName: string, found: RequestLineProblem[], validator?: RequestFileError): Error {
  if (validator) {
    const merged = [...validator.problems, ...found.map((p) => ({ line: p.line, reason: `${provider.name}: ${p.reason}` }))].sort((a, b) => a.line - b.line);
    return new RequestFileError(validator.file, merged);
  }
  return new UsageError(
    `${found.length} request${found.length === 1 ? '' : 's'} cannot be sent to ${provider.name} as written; nothing was sent:\n${formatLineProblems(displayName, found, SHOWN)}`,
  );
}
