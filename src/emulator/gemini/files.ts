// The File API: resumable uploads (ai.google.dev/api/files, media.upload), file metadata, and the bodies on disk.
// The protocol: POST /upload/v1beta/files with X-Goog-Upload-Protocol: resumable, X-Goog-Upload-Command: start and
// X-Goog-Upload-Header-Content-Length / -Content-Type (body: {"file": {"display_name"}}) opens a session and answers
// with its URL in X-Goog-Upload-URL; the bytes then go to that URL with X-Goog-Upload-Command "upload" (more to come)
// or "upload, finalize" (the last piece), at X-Goog-Upload-Offset. The finalize answers {"file": File}.
// Files "are stored for 48 hours"; the responses files of batches are given the same lifetime (not documented).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { invalidArgument, notFound, permissionDenied } from './errors.ts';

const FILE_LIFETIME_MS = 48 * 3_600_000;
/** "up to 2 GB" per file. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

export interface GeminiFileObject {
  name: string;
  displayName?: string;
  mimeType: string;
  sizeBytes: string;
  createTime: string;
  updateTime: string;
  expirationTime: string;
  sha256Hash: string;
  uri: string;
  state: 'ACTIVE';
  source: 'UPLOADED' | 'GENERATED';
}

interface Session {
  displayName: string | undefined;
  mimeType: string;
  declared: number | null;
  path: string;
  received: number;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An id like the File API's (`files/` + 12 lower-case letters and digits). */
export function shortId(length = 12): string {
  let out = '';
  for (const b of randomBytes(length)) out += ALNUM[b % ALNUM.length];
  return out;
}

export class GeminiFiles {
  private readonly dir: string;
  private readonly now: () => number;
  private readonly files = new Map<string, GeminiFileObject>();
  private readonly sessions = new Map<string, Session>();
  private opened: Promise<void> | null = null;

  constructor(dir: string, now: () => number) {
    this.dir = dir;
    this.now = now;
  }

  private open(): Promise<void> {
    this.opened ??= mkdir(join(this.dir, 'tmp'), { recursive: true }).then(() => undefined);
    return this.opened;
  }

  bodyPath(name: string): string {
    return join(this.dir, `${name.replace(/^files\//, '')}.body`);
  }

  async tempPath(): Promise<string> {
    await this.open();
    return join(this.dir, 'tmp', `${randomBytes(8).toString('hex')}.part`);
  }

  /** The file, unless it is unknown or past its expirationTime. */
  get(name: string): GeminiFileObject | undefined {
    const f = this.files.get(name);
    if (!f || this.now() >= Date.parse(f.expirationTime)) return undefined;
    return f;
  }

  require(name: string): GeminiFileObject {
    const f = this.get(name);
    // The message is ours: the real wording for a missing file is not documented.
    if (!f) throw notFound(`File ${name} does not exist.`);
    return f;
  }

  /** A file a request refers to (a batch's input): the API answers a missing or expired one with 403
   *  PERMISSION_DENIED, "You do not have permission to access the File … or it may not exist" (as reported in
   *  googleapis/python-genai#1218 and google/generative-ai-python#692), not a 404. */
  referenced(name: string): GeminiFileObject {
    const f = this.get(name);
    if (!f) throw permissionDenied(`You do not have permission to access the File ${name.replace(/^files\//, '')} or it may not exist.`);
    return f;
  }

  async delete(name: string): Promise<void> {
    this.require(name);
    this.files.delete(name);
    await rm(this.bodyPath(name), { force: true });
  }

  /** Opens a resumable session; returns its id (the upload URL carries it). */
  async start(req: IncomingMessage, body: Record<string, unknown>): Promise<string> {
    await this.open();
    const rawSize = req.headers['x-goog-upload-header-content-length'];
    const declared = typeof rawSize === 'string' && rawSize !== '' ? Number(rawSize) : null;
    if (declared !== null && !(Number.isInteger(declared) && declared >= 0)) throw invalidArgument('Invalid X-Goog-Upload-Header-Content-Length.');
    if (declared !== null && declared > MAX_FILE_BYTES) throw invalidArgument(`File size ${declared} exceeds the maximum allowed size of ${MAX_FILE_BYTES} bytes.`);
    const meta = (body.file ?? {}) as Record<string, unknown>;
    const displayName = typeof meta.displayName === 'string' ? meta.displayName : typeof meta.display_name === 'string' ? meta.display_name : undefined;
    const type = req.headers['x-goog-upload-header-content-type'];
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, {
      displayName,
      mimeType: typeof type === 'string' && type !== '' ? type : 'application/octet-stream',
      declared,
      path: await this.tempPath(),
      received: 0,
    });
    return id;
  }

  /** One `upload` (or `upload, finalize`) call of a session: the body is appended at its offset. */
  async receive(id: string, req: IncomingMessage, command: string[], offset: number): Promise<GeminiFileObject | null> {
    const s = this.sessions.get(id);
    if (!s) {
      req.resume();
      throw notFound('The upload session does not exist or has ended.');
    }
    if (offset !== s.received) {
      req.resume();
      throw invalidArgument(`Invalid X-Goog-Upload-Offset ${offset}: the session has received ${s.received} bytes.`);
    }
    if (command.includes('upload')) {
      await pipeline(req, createWriteStream(s.path, { flags: 'a' }));
      s.received = (await stat(s.path).catch(() => ({ size: 0 }))).size;
    } else req.resume();
    if (!command.includes('finalize')) return null;
    this.sessions.delete(id);
    if (s.declared !== null && s.declared !== s.received) {
      await rm(s.path, { force: true });
      throw invalidArgument(`The upload ended after ${s.received} bytes, but ${s.declared} were declared.`);
    }
    return this.adopt(s.path, s.displayName, s.mimeType, 'UPLOADED');
  }

  /** A finished body becomes a file (an upload, or a batch's responses file named `files/<name>`). */
  async adopt(path: string, displayName: string | undefined, mimeType: string, source: 'UPLOADED' | 'GENERATED', name = `files/${shortId()}`): Promise<GeminiFileObject> {
    await rename(path, this.bodyPath(name));
    const { size } = await stat(this.bodyPath(name));
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.bodyPath(name))) hash.update(chunk as Buffer);
    const now = this.now();
    const file: GeminiFileObject = {
      name,
      ...(displayName !== undefined ? { displayName } : {}),
      mimeType,
      sizeBytes: String(size),
      createTime: new Date(now).toISOString(),
      updateTime: new Date(now).toISOString(),
      expirationTime: new Date(now + FILE_LIFETIME_MS).toISOString(),
      sha256Hash: Buffer.from(hash.digest('hex')).toString('base64'),
      uri: `https://generativelanguage.googleapis.com/v1beta/${name}`,
      state: 'ACTIVE',
      source,
    };
    this.files.set(name, file);
    return file;
  }
}
