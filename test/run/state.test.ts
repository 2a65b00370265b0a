import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadState, saveState } from '../../src/run/state/state.ts';
import type { RunState } from '../../src/run/state/state.ts';
import { RunStateError } from '../../src/run/errors.ts';
import { tempDir } from '../helpers.ts';

const state = (): RunState => ({
  version: 1, input_file: 'r.jsonl', input_sha256: 'ab', decision: { mode: 'batch', reason: 'r', safety_net: false },
  started_at: '2026-11-22T00:00:00.000Z', deadline_ms: 1, parts: [], sync_phase: null, finished_at: null,
});

test('state.json round-trips and leaves no temporary file behind', () => {
  const dir = tempDir();
  assert.equal(loadState(dir), null);
  const s = state();
  saveState(dir, s);
  s.parts.push({ key: 'r0-p0', round: 0, sha256: 'cd', path: 'p', url: '/v1/chat/completions', model: 'm', lines: 3, file_id: 'file-1',
    batch_id: 'batch_1', status: 'in_progress', output_file_id: null, error_file_id: null, output_path: null, error_path: null, done: false });
  saveState(dir, s);
  assert.deepEqual(loadState(dir), s);
  assert.deepEqual(readdirSync(dir), ['state.json']);
});

test('a state.json that is not ours is a clear error, not a crash', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'state.json'), '{"version": 1, "par');
  assert.throws(() => loadState(dir), (e: unknown) => e instanceof RunStateError && /not valid JSON/.test(e.message));
  writeFileSync(join(dir, 'state.json'), '{"version": 9}');
  assert.throws(() => loadState(dir), RunStateError);
});
