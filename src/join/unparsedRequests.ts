// DIR/unparsed.jsonl: the requests whose answers did not parse, ready for `batchwise run` (seed 002's "format is not
// aligned" rows, asked again). From the request file when given — the very lines that ran — else rebuilt from the
// rows with prepare's template. Streamed: written under a temporary name, renamed when complete.
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { readJsonlLines } from '../requests/index.ts';
import { missingColumns } from '../prepare/index.ts';
import type { DataRow, RequestTemplate } from '../prepare/index.ts';

export class UnparsedRequests {
  readonly path: string;
  private readonly requests: string | undefined;
  private readonly template: RequestTemplate | null;
  /** Only with a request file: the ids to copy from it (ids only, never bodies). */
  private readonly ids = new Set<string>();
  private readonly temp: string;
  private out: WriteStream | null = null;
  private writeError: Error | null = null;
  private count = 0;

  constructor(path: string, requests: string | undefined, template: RequestTemplate | null) {
    this.path = path;
    this.requests = requests;
    this.template = requests ? null : template;
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  }

  /** False when there is nothing to write the requests from (neither a request file nor a template). */
  get canWrite(): boolean {
    return this.requests !== undefined || this.template !== null;
  }

  async add(id: string, row: DataRow): Promise<void> {
    this.count++;
    if (this.requests !== undefined) this.ids.add(id);
    else if (this.template && missingColumns(this.template.columns, row.values).length === 0) {
      await this.write(JSON.stringify({ custom_id: id, method: 'POST', url: this.template.url, body: this.template.build(row.values) }));
    }
  }

  /** Writes what is left and puts the file in place; null when there was nothing to write. A stale file from an
   *  earlier join is removed then, so the file always speaks of this join. */
  async finish(): Promise<string | null> {
    if (!this.canWrite) return null;
    if (this.count === 0) {
      await rm(this.path, { force: true });
      return null;
    }
    if (this.requests !== undefined) {
      for await (const raw of readJsonlLines(this.requests)) {
        let id: unknown;
        try {
          id = (JSON.parse(raw.text) as { custom_id?: unknown }).custom_id;
        } catch {
          continue; // the run validated the file; a line it refused has no answer to be unparsed
        }
        if (typeof id === 'string' && this.ids.has(id)) await this.write(raw.text);
      }
    }
    const out = this.open();
    if (this.writeError) throw this.writeError;
    out.end();
    await once(out, 'finish');
    await rename(this.temp, this.path);
    return this.path;
  }

  async abort(): Promise<void> {
    this.out?.destroy();
    await rm(this.temp, { force: true });
  }

  private open(): WriteStream {
    if (!this.out) {
      this.out = createWriteStream(this.temp, { encoding: 'utf8' });
      // Kept and thrown from finish(), never an unhandled 'error' event.
      this.out.on('error', (err) => (this.writeError = err));
    }
    return this.out;
  }

  private async write(line: string): Promise<void> {
    const out = this.open();
    if (this.writeError) throw this.writeError;
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
}
