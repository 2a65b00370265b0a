// Atomic JSON writes: a restarted emulator must never read a half-written state file.
import { rename, writeFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeJsonAtomic(path: string, data: unknown): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, path);
}

/** Every `*.json` document of a folder (leftover `.tmp` files from a crash are ignored). */
export async function readJsonDir<T>(dir: string): Promise<T[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  const out: T[] = [];
  for (const name of names) out.push(JSON.parse(await readFile(join(dir, name), 'utf8')) as T);
  return out;
}
