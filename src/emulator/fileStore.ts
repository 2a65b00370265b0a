// The Files API's storage: bodies on disk (a 200 MB upload never sits in memory), File objects in memory and on disk.
// A file past its `expires_at` is gone for clients (404, not listed), as on the real API.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileObject } from './types.ts';
import { newId } from './random.ts';
import { readJsonDir, writeJsonAtomic } from './persist.ts';

const THIRTY_DAYS_S = 30 * 86_400;

interface StoredFile {
  file: FileObject;
  /** Creation order, because created_at (seconds) cannot order files made in the same second. */
  seq: number;
}

export class FileStore {
  readonly dir: string;
  private readonly files = new Map<string, StoredFile>();
  private seq = 0;
  private readonly now: () => number;

  constructor(dir: string, now: () => number = Date.now) {
    this.dir = dir;
    this.now = now;
  }

  async open(): Promise<void> {
    await mkdir(join(this.dir, 'files'), { recursive: true });
    // Half-written bodies of a previous run (an upload or a finalize cut short) are useless: start clean.
    await rm(join(this.dir, 'tmp'), { recursive: true, force: true });
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
    const stored = await readJsonDir<StoredFile>(join(this.dir, 'files'));
    stored.sort((a, b) => a.seq - b.seq);
    for (const s of stored) {
      this.files.set(s.file.id, s);
      this.seq = Math.max(this.seq, s.seq);
    }
  }

  /** A fresh path to write a body to before it becomes a file (uploads, batch outputs). */
  tempPath(): string {
    return join(this.dir, 'tmp', `${randomBytes(8).toString('hex')}.part`);
  }

  /** Turns a finished temp body into a File object. `expiresAfterS` is the upload's `expires_after.seconds` (or the
   *  batch's `output_expires_after.seconds`), anchored at the file's creation; without it batch files expire after
   *  30 days ("By default, files with purpose=batch expire after 30 days"; "The output file will automatically be
   *  deleted 30 days after the batch is complete") and others never. */
  async adopt(tempPath: string, filename: string, purpose: string, expiresAfterS: number | null = null): Promise<FileObject> {
    const id = newId('file-', 22);
    const { size } = await stat(tempPath);
    await rename(tempPath, this.bodyPath(id));
    const now = Math.floor(this.now() / 1000);
    const expiring = purpose === 'batch' || purpose === 'batch_output';
    const file: FileObject = {
      id,
      object: 'file',
      bytes: size,
      created_at: now,
      expires_at: expiresAfterS !== null ? now + expiresAfterS : expiring ? now + THIRTY_DAYS_S : null,
      filename,
      purpose,
      status: 'processed',
      status_details: null,
    };
    const stored = { file, seq: ++this.seq };
    await writeJsonAtomic(this.metaPath(id), stored);
    this.files.set(id, stored);
    return file;
  }

  /** The file, unless it is unknown or has expired (`includeExpired`: the emulator's own reads of a running batch's
   *  input, which the real API would not lose half-way). */
  get(id: string, includeExpired = false): FileObject | undefined {
    const file = this.files.get(id)?.file;
    if (!file || (!includeExpired && this.expired(file))) return undefined;
    return file;
  }

  /** Newest first, as GET /v1/files lists them by default; expired files are not listed. */
  listNewestFirst(): FileObject[] {
    return [...this.files.values()].reverse().map((s) => s.file).filter((f) => !this.expired(f));
  }

  private expired(file: FileObject): boolean {
    return file.expires_at !== null && this.now() >= file.expires_at * 1000;
  }

  bodyPath(id: string): string {
    return join(this.dir, 'files', `${id}.body`);
  }

  /** False for an unknown or expired file (the API's 404). */
  async delete(id: string): Promise<boolean> {
    const stored = this.files.get(id);
    if (!stored || this.expired(stored.file)) return false;
    this.files.delete(id);
    await rm(this.metaPath(id), { force: true });
    await rm(this.bodyPath(id), { force: true });
    return true;
  }

  private metaPath(id: string): string {
    return join(this.dir, 'files', `${id}.json`);
  }
}
