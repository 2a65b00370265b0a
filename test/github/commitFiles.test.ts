// commitFiles against the GitHub API stand-in: one commit for all files, a new branch started from the workflow's
// commit, a push that races ours retried once, and a 403 turned into the permission to grant.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { githubClient } from '../../src/github/client.ts';
import { commitFiles } from '../../src/github/commitFiles.ts';
import { upsertStickyComment } from '../../src/github/stickyComment.ts';
import { seedBranch, startFakeGitHub } from './fakeGitHub.ts';
import type { FakeGitHub } from './fakeGitHub.ts';

let gh: FakeGitHub;
before(async () => {
  gh = await startFakeGitHub();
});
after(() => gh.close());

const where = { owner: 'octo', repo: 'evals' };
const files = [
  { path: 'out/results.jsonl', content: Buffer.from('{"a":1}\n') },
  { path: 'out/report.md', content: Buffer.from('# ok\n') },
  { path: 'out/binary.bin', content: Buffer.from([0, 255, 128, 10]) },
];

test('all files in one commit on the branch; bytes intact', async () => {
  const parent = seedBranch(gh, 'main');
  const r = await commitFiles(githubClient('t', gh.url), { ...where, branch: 'main', message: 'results', files });
  assert.equal(gh.refs.get('main'), r.sha);
  assert.deepEqual(gh.commits.get(r.sha)!.parents, [parent]);
  const tree = gh.filesAt(r.sha);
  assert.deepEqual([...tree.keys()].sort(), ['out/binary.bin', 'out/report.md', 'out/results.jsonl']);
  assert.deepEqual([...tree.get('out/binary.bin')!], [0, 255, 128, 10]);
});

test('a missing commit-branch is created from the workflow commit', async () => {
  const from = seedBranch(gh, 'main');
  const r = await commitFiles(githubClient('t', gh.url), { ...where, branch: 'eval-results', message: 'm', files, createFrom: from });
  assert.equal(gh.refs.get('eval-results'), r.sha);
  assert.deepEqual(gh.commits.get(r.sha)!.parents, [from]);
});

test('a push landing between read and update: retried on the new head, nothing lost', async () => {
  seedBranch(gh, 'main');
  const client = githubClient('t', gh.url);
  // Someone else's commit lands right after our first getCommit.
  let raced = false;
  client.hook.after('request', async (_res, options) => {
    if (!raced && options.method === 'GET' && String(options.url).includes('/git/commits/')) {
      raced = true;
      const other = await commitFiles(githubClient('t', gh.url), { ...where, branch: 'main', message: 'theirs', files: [{ path: 'theirs.txt', content: Buffer.from('x') }] });
      assert.ok(other.sha);
    }
  });
  const r = await commitFiles(client, { ...where, branch: 'main', message: 'ours', files });
  const tree = gh.filesAt(r.sha);
  assert.ok(tree.has('theirs.txt') && tree.has('out/results.jsonl'), [...tree.keys()].join(','));
});

test('403 → a message naming contents: write; 403 on comments → pull-requests: write', async () => {
  seedBranch(gh, 'main');
  gh.forbid.add('PATCH refs');
  await assert.rejects(
    commitFiles(githubClient('t', gh.url), { ...where, branch: 'main', message: 'm', files }),
    (err: Error) => err.name === 'GitHubPermissionError' && /permissions: contents: write/.test(err.message),
  );
  gh.forbid.delete('PATCH refs');
  gh.forbid.add('POST comments');
  await assert.rejects(
    upsertStickyComment(githubClient('t', gh.url), { ...where, issue_number: 3, marker: '<!-- m -->', body: '<!-- m -->\nhi', mode: 'update' }),
    (err: Error) => err.name === 'GitHubPermissionError' && /permissions: pull-requests: write/.test(err.message),
  );
  gh.forbid.delete('POST comments');
});

test('sticky comment: mode new always posts; update edits the newest marked comment only', async () => {
  const client = githubClient('t', gh.url);
  gh.comments.set(5, [{ id: 1, body: 'a human comment', html_url: 'u1' }]);
  const opts = { ...where, issue_number: 5, marker: '<!-- m -->', mode: 'update' as const };
  assert.equal((await upsertStickyComment(client, { ...opts, body: '<!-- m -->\nv1' })).action, 'created');
  assert.equal((await upsertStickyComment(client, { ...opts, body: '<!-- m -->\nv2' })).action, 'updated');
  assert.equal((await upsertStickyComment(client, { ...opts, body: '<!-- m -->\nv2' })).action, 'unchanged');
  assert.equal((await upsertStickyComment(client, { ...opts, mode: 'new', body: '<!-- m -->\nv3' })).action, 'created');
  const bodies = gh.comments.get(5)!.map((c) => c.body);
  assert.deepEqual(bodies, ['a human comment', '<!-- m -->\nv2', '<!-- m -->\nv3']);
});
