// A batch's output or error file, streamed to disk. A connection that drops half-way is tried again from the start
// (the Files API has no ranges); the copy is complete only once renamed into place, so a kill -9 never leaves a
// truncated file that looks finished.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Provider } from '../providers/index.ts';
import { sleep } from './batchApi.ts';
import { scrubLines } from '../../shared/secrets.ts';

export async function downloadFile(
  provider: Provider,
  fileId: string,
  dest: string,
  opts: { attempts?: number; signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<void> {
  const attempts = opts.attempts ?? 10;
  const tmp = `${dest}.part`;
  for (let i = 0; ; i++) {
    try {
      const body = await provider.fileContent(fileId, opts.signal);
      // Kept under --out and published with the results: scrubbed of any key a server echoed into an error line.
      await pipeline(Readable.fromWeb(body as never), scrubLines(), createWriteStream(tmp));
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
