// Promises about the project itself: the runtime the tests run on, the version stamped into batches, and that the
// committed bundle runs with no node_modules (the action and `npx batchwise` run from dist/ alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { VERSION } from '../../src/shared/version.ts';
import { ROOT, tempDir } from '../helpers.ts';

test('tests run on Node 24, the runtime of the action (node@24 devDependency first on the PATH)', () => {
  assert.equal(Number(process.versions.node.split('.')[0]), 24);
});

test('VERSION matches package.json', () => {
  assert.equal(VERSION, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('dist/cli.js estimates from a copy of dist/ with no node_modules anywhere above it', () => {
  const dir = tempDir('batchwise-dist-');
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'examples/hello.jsonl'), join(dir, 'hello.jsonl'));
  const r = spawnSync(process.execPath, [join(dir, 'dist/cli.js'), 'estimate', 'hello.jsonl', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).input_tokens, 42);
  // The bundled worker (dist/scan-worker.js) is a separate file: make sure the parallel path finds it too.
  const parallel = spawnSync(process.execPath, [join(dir, 'dist/cli.js'), 'estimate', 'hello.jsonl', '--format', 'json', '--workers', '2'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(parallel.status, 0, parallel.stderr);
  assert.equal(JSON.parse(parallel.stdout).input_tokens, 42);
});
