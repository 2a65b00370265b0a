// Before anything is sent: every line the provider cannot take faithfully, all at once, as file:line errors — with
// the validator's own, when the file has those too. OpenAI takes the file as it is (its checks are the validator's).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from '../../shared/usageError.ts';
import { RequestFileError } from '../../requests/types.ts';
import type { LineProblem as RequestLineProblem } from '../../requests/types.ts';
import type { Provider } from './types.ts';

/** How many problems one error lists before it counts the rest. */
const SHOWN = 50;

/** Every problem the provider has with the file's lines, by line (well-formed requests only: the rest is the
 *  validator's to report). Empty for OpenAI, which takes the file as it is. */
export async function providerProblems(provider: Provider, path: string): Promise<RequestLineProblem[]> {
  const problems: RequestLineProblem[] = [];
  if (provider.name === 'openai') return problems;
  let n = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    n++;
    if (!text.trim()) continue;
    let line: { custom_id: string; url: string; body: Record<string, unknown> };
    try {
      line = JSON.parse(text);
    } catch {
      continue;
    }
    if (!line || typeof line !== 'object' || !line.body || typeof line.body !== 'object') continue;
    for (const p of provider.check(line)) problems.push({ line: n, reason: p.message });
  }
  return problems;
}

/** The provider's problems as the one error a user sees: alone, or merged by line with the validator's. */
export function providerProblemsError(provider: Provider, path: string, displayName: string, found: RequestLineProblem[], validator?: RequestFileError): Error {
  if (validator) {
    const merged = [...validator.problems, ...found.map((p) => ({ line: p.line, reason: `${provider.name}: ${p.reason}` }))].sort((a, b) => a.line - b.line);
    return new RequestFileError(validator.file, merged);
  }
  const list = found.slice(0, SHOWN).map((p) => `${displayName}:${p.line}: ${p.reason}`).join('\n');
  const more = found.length > SHOWN ? `\n… and ${found.length - SHOWN} more` : '';
  return new UsageError(`${found.length} request${found.length === 1 ? '' : 's'} cannot be sent to ${provider.name} as written; nothing was sent:\n${list}${more}`);
}
