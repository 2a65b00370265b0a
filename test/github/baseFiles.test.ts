// The base's request files are matched with the same meaning the `requests` patterns have at head (fs.glob), and
// git's rename detection pairs a moved file with its base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { glob, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gitBlobSha, listBaseFiles, matchesAny, repoPatterns } from '../../src/github/baseFiles.ts';
import { tempDir } from '../helpers.ts';

const tree = [
  'evals/a.jsonl', 'evals/.hidden.jsonl', 'evals/sub/deep.jsonl', 'evals/b.JSONL', 'evals/c.json', 'other/x.jsonl', 'top.jsonl',
  '.github/evals/y.jsonl',
];

test('base paths match exactly what fs.glob matches at head, for the same patterns', async () => {
  const dir = tempDir('batchwise-glob-');
  for (const p of tree) {
    await mkdir(join(dir, dirname(p)), { recursive: true });
    await writeFile(join(dir, p), '');
  }
  for (const pattern of ['evals/*.jsonl', './evals/*.jsonl', 'evals/**/*.jsonl', '**/*.jsonl', 'evals//a.jsonl', 'evals/{a,c}.*', '*.jsonl', `${dir}/evals/*.jsonl`]) {
    const atHead: string[] = [];
    for await (const m of glob(pattern, { cwd: dir })) atHead.push(m.startsWith(dir) ? m.slice(dir.length + 1) : m);
    const atBase = tree.filter((p) => matchesAny(p, repoPatterns(pattern, dir)));
    assert.deepEqual(atBase.sort(), atHead.sort(), pattern);
  }
  // Outside the checkout is no repository path.
  assert.deepEqual(repoPatterns('../elsewhere/*.jsonl\n/etc/*.jsonl\n\n  evals/*.jsonl  ', dir), ['evals/*.jsonl']);
});

test('git: the base listing, and renames paired only between matched files', async () => {
  const dir = tempDir('batchwise-base-git-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  const body = Array.from({ length: 20 }, (_, i) => `{"custom_id":"r${i}"}`).join('\n') + '\n';
  await mkdir(join(dir, 'evals'), { recursive: true });
  await mkdir(join(dir, 'archive'), { recursive: true });
  await writeFile(join(dir, 'evals/a.jsonl'), body);
  await writeFile(join(dir, 'evals/gone.jsonl'), body + 'x\n');
  await writeFile(join(dir, 'archive/old.jsonl'), body + 'y\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  git('mv', 'evals/a.jsonl', 'evals/renamed.jsonl');
  git('mv', 'archive/old.jsonl', 'evals/from-archive.jsonl');
  git('rm', '-q', 'evals/gone.jsonl');
  git('commit', '-q', '-m', 'head');
  const headFiles = ['evals/from-archive.jsonl', 'evals/renamed.jsonl'].map((p) => ({ path: p, absolute: join(dir, p) }));
  const listing = await listBaseFiles(null, { owner: 'o', repo: 'r', baseSha, patterns: 'evals/*.jsonl', cwd: dir, headFiles });
  assert.ok(listing);
  assert.equal(listing.source, 'git');
  assert.deepEqual(listing.paths, ['evals/a.jsonl', 'evals/gone.jsonl']);
  // archive/ was never a request file: from-archive.jsonl is new to the report, not a rename.
  assert.deepEqual([...listing.renames], [['evals/renamed.jsonl', 'evals/a.jsonl']]);
  // No base commit and no token: nobody can list the base.
  assert.equal(await listBaseFiles(null, { owner: 'o', repo: 'r', baseSha: 'a'.repeat(40), patterns: 'evals/*.jsonl', cwd: dir, headFiles }), undefined);
});

test('gitBlobSha is the sha git gives the same bytes', async () => {
  const dir = tempDir('batchwise-blob-');
  await writeFile(join(dir, 'f'), 'hello\n');
  assert.equal(gitBlobSha(Buffer.from('hello\n')), execFileSync('git', ['hash-object', join(dir, 'f')], { encoding: 'utf8' }).trim());
});
