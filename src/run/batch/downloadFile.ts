// A batch's output or error file, streamed to disk. A connection that drops half-way is tried again from the start
// (the Files API has no ranges); the copy is complete only once renamed into place, so a kill -9 never leaves a
// truncated file that looks finished.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Transform } from 'node:stream';
import { mapLineBlocks } from '../../shared/lineBlocks.ts';
import { pipeline } from 'node:stream/promises';
import type { Provider } from '../providers/index.ts';
import { sleep } from './batchApi.ts';
import { scrubLines } from '../../shared/secrets.ts';

export async function downloadFile(
  provider: Provider,
  fileId: string,
  dest: string,
  opts: { attempts?: number; signal?: AbortSignal; log?: (line: string) => void; renameIds?: ReadonlyMap<string, string> } = {},
): Promise<void> {
  const attempts = opts.attempts ?? 10;
  const tmp = `${dest}.part`;
  for (let i = 0; ; i++) {
    try {
      const body = await provider.fileContent(fileId, opts.signal);
      // Kept under --out and published with the results: scrubbed of any key a server echoed into an error line.
      const source = Readable.fromWeb(body as never);
      if (opts.renameIds?.size) await pipeline(source, scrubLines(), renameCustomIds(opts.renameIds), createWriteStream(tmp));
      else await pipeline(source, scrubLines(), createWriteStream(tmp));
      renameSync(tmp, dest);
      return;
    } catch (err) {
      rmSync(tmp, { force: true });
      if (opts.signal?.aborted || i + 1 >= attempts) throw err;
      opts.log?.(`download of ${fileId} broke off (${(err as Error).message}); trying again`);
      await sleep(Math.min(300 * 2 ** i, 5000), opts.signal);
    }
  }
}

/** Lines whose custom_id is a provider's stand-in (Anthropic's pattern) get the request file's own id back. */
function renameCustomIds(ids: ReadonlyMap<string, string>): Transform {
  const rename = (line: string) => {
    if (!line.trim()) return line;
    const parsed = JSON.parse(line) as { custom_id?: unknown };
    const own = typeof parsed.custom_id === 'string' ? ids.get(parsed.custom_id) : undefined;
    return own === undefined ? line : JSON.stringify({ ...parsed, custom_id: own });
  };
  return mapLineBlocks((lines) => lines.split('\n').map(rename).join('\n'));
}
