// The keyless pull-request path, end to end through the action's entry point: estimate only, one sticky cost-report comment
// created then updated, skipped when nothing changed, truncated when huge, a warning (not a failure) without permission.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chatLine } from '../helpers.ts';
import { startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { gitRepo, makeRunner, prEvent, runStep } from './harness.ts';

let gh: FakeGitHub;
before(async () => {
  gh = await startFakeGitHub();
});
after(() => gh.close());

const jsonl = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
const questions = (n: number, words = 10) =>
  jsonl(Array.from({ length: n }, (_, i) => chatLine(`q${i}`, 'word '.repeat(words), { max_tokens: 200 })));

const TOKEN = 'ghs_faketoken_secret_123';

function prRunner(repo: { dir: string; baseSha: string; headSha: string }, number: number, fork = false, runId = '4242') {
  return makeRunner({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: prEvent(number, repo.baseSha, repo.headSha, fork),
    apiUrl: gh.url,
    sha: repo.headSha,
    ref: `refs/pull/${number}/merge`,
    headRef: 'feature',
    extraEnv: { GITHUB_RUN_ID: runId },
  });
}

const listComments = (n: number) => ({ method: 'GET', path: `/repos/octo/evals/issues/${n}/comments` });
const whoAmI = { method: 'GET', path: '/user' };
const callsSince = (i: number) => gh.calls.slice(i).map((c) => ({ method: c.method, path: c.path.replace(/\/\d+$/, '/:id') }));

test('keyless PR: estimate only with a notice, sticky comment created then updated, unchanged skipped', async () => {
  const repo = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'evals/a.jsonl': questions(5), 'evals/b.jsonl': questions(1) });
  const runner = prRunner(repo, 7);
  // min-savings 0: these files are tiny, and the test follows the batch recommendation through the outputs.
  const inputs = { requests: 'evals/*.jsonl', 'github-token': TOKEN, comment: 'update', 'min-savings': '0' };

  const first = await runStep(runner, 'index', { inputs });
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /::notice::No api-key/);
  assert.match(first.stdout, /::group::Estimate/);
  assert.match(first.stdout, /evals\/a\.jsonl: base read from git/);
  const comments = gh.comments.get(7)!;
  assert.equal(comments.length, 1);
  const body = comments[0].body;
  assert.ok(body.startsWith('<!-- batchwise:cost-report -->'));
  assert.match(body, /changes 2 request files/);
  // The files use gpt-4o-mini, which shuts down 44 days after the harness's pinned day: said once, under the headline.
  assert.match(body, / Why: [^\n]+\.\n\n⚠️ At head: gpt\\-4o\\-mini shuts down on 2027\\-01\\-14 \\\(in 44 days\\\); OpenAI recommends gpt\\-6\\-luna instead \(evals\/a\\\.jsonl, evals\/b\\\.jsonl\)\.\n/);
  assert.equal(body.match(/⚠️ At head:/g)?.length, 1);
  assert.match(body, /^\| evals\/a\\\.jsonl \| gpt\\-4o\\-mini \| 2\u00a0→ 5 \| /m);
  assert.match(body, /^\| evals\/b\\\.jsonl \(new\) \| gpt\\-4o\\-mini \| —\u00a0→ 1 \| /m);
  assert.match(body, /\| requests \| 2 \| 5 \| \+3 \(\+150%\) \|/);
  assert.match(body, /\| requests \| not in base \| 1 \|/);
  assert.equal(first.outputs.mode, 'batch');
  assert.ok(Number(first.outputs['estimated-cost']) > 0);
  assert.ok(Number(first.outputs['estimated-savings']) > 0);
  assert.equal(first.outputs['actual-cost'], '0');
  assert.match(first.summary, /Nothing was sent to the API: no api-key was given/);
  // The token went only into the Authorization header.
  assert.ok(gh.calls.every((c) => c.authorization === `token ${TOKEN}`));
  for (const text of [first.files.outputs, first.files.summary, first.files.state, body]) assert.ok(!text.includes(TOKEN));
  assert.ok(!first.stdout.replace(`::add-mask::${TOKEN}`, '').includes(TOKEN), 'token only in the add-mask command');

  // A new push changes a file: the same comment is edited, not a second one posted.
  const calls = gh.calls.length;
  const repo2 = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'evals/a.jsonl': questions(9), 'evals/b.jsonl': questions(1) });
  const second = await runStep(prRunner(repo2, 7, false, '5001'), 'index', { inputs });
  assert.equal(second.code, 0, second.stderr);
  assert.equal(gh.comments.get(7)!.length, 1);
  assert.match(gh.comments.get(7)![0].body, /\| requests \| 2 \| 9 \| \+7 \(\+350%\) \|/);
  assert.match(gh.comments.get(7)![0].body, /actions\/runs\/5001\)/);
  // The comment found is checked to be ours (the default token cannot read /user: a bot's comment is ours).
  assert.deepEqual(callsSince(calls), [listComments(7), whoAmI, { method: 'PATCH', path: '/repos/octo/evals/issues/comments/:id' }]);

  // Run again on the same content, in another workflow run: only the link to the run differs, so nothing is written.
  const before = gh.calls.length;
  const third = await runStep(prRunner(repo2, 7, false, '5002'), 'index', { inputs });
  assert.equal(third.code, 0);
  assert.deepEqual(callsSince(before), [listComments(7), whoAmI]);
  assert.match(third.stdout, /comment unchanged/);
});

test('a PR that changes no request file posts nothing (it only looks for an earlier report)', async () => {
  const repo = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'README.md': 'docs only\n' });
  const before = gh.calls.length;
  const r = await runStep(prRunner(repo, 8), 'index', { inputs: { requests: 'evals/a.jsonl', 'github-token': TOKEN } });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(callsSince(before), [listComments(8)]);
  assert.equal(gh.comments.get(8), undefined);
  assert.match(r.stdout, /no request file changed/);
});

test('a report made stale by a later push is brought up to date: "No request file changed"', async () => {
  const inputs = { requests: 'evals/a.jsonl', 'github-token': TOKEN };
  const changed = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'evals/a.jsonl': questions(6) });
  assert.equal((await runStep(prRunner(changed, 13), 'index', { inputs })).code, 0);
  assert.match(gh.comments.get(13)![0].body, /changes 1 request file/);
  // The author reverts the change: the PR no longer changes the file, and the old report must not stay up.
  const reverted = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'evals/a.jsonl': questions(2) });
  const r = await runStep(prRunner(reverted, 13), 'index', { inputs });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(gh.comments.get(13)!.length, 1);
  assert.match(gh.comments.get(13)![0].body, /\*\*No request file changed in this pull request/);
  assert.doesNotMatch(gh.comments.get(13)![0].body, /changes 1 request file/);
  // comment: new keeps each report as posted: nothing is edited, nothing new is posted.
  const before = gh.calls.length;
  const again = await runStep(prRunner(changed, 13), 'index', { inputs: { ...inputs, comment: 'new' } });
  assert.equal(again.code, 0);
  assert.equal(gh.comments.get(13)!.length, 2);
  const afterNew = gh.calls.length;
  assert.ok(afterNew > before);
  assert.equal((await runStep(prRunner(reverted, 13), 'index', { inputs: { ...inputs, comment: 'new' } })).code, 0);
  assert.deepEqual(callsSince(afterNew), []);
});

test('a marked comment someone else wrote is not taken over: ours is posted beside it, theirs left alone', async () => {
  const forged = '<!-- batchwise:cost-report -->\n## batchwise cost report\n\n**Everything is free, merge away.**';
  gh.comments.set(14, [{ id: 99, body: forged, html_url: 'https://github.test/pr/14#issuecomment-99', user: { login: 'mallory', type: 'User' } }]);
  const repo = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'evals/a.jsonl': questions(3) });
  const r = await runStep(prRunner(repo, 14), 'index', { inputs: { requests: 'evals/a.jsonl', 'github-token': TOKEN } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const [theirs, ours] = gh.comments.get(14)!;
  assert.equal(theirs.body, forged);
  assert.equal(ours.user?.login, 'github-actions[bot]');
  assert.match(ours.body, /\| requests \| 2 \| 3 \|/);
  assert.match(r.stdout, /cost report comment created/);
});

test('base commit not in a shallow clone: the base comes from the contents API at the base sha', async () => {
  const repo = gitRepo({}, { 'evals/a.jsonl': questions(4) });
  const missingBase = 'f'.repeat(40);
  gh.contents.set(`${missingBase}:evals/a.jsonl`, Buffer.from(questions(3)));
  const runner = makeRunner({
    workspace: repo.dir, eventName: 'pull_request', event: prEvent(9, missingBase, repo.headSha), apiUrl: gh.url, sha: repo.headSha,
  });
  const r = await runStep(runner, 'index', { inputs: { requests: 'evals/a.jsonl', 'github-token': TOKEN } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const get = gh.calls.find((c) => c.path === '/repos/octo/evals/contents/evals/a.jsonl')!;
  assert.equal(get.query.get('ref'), missingBase);
  assert.match(gh.comments.get(9)![0].body, /\| requests \| 3 \| 4 \| \+1 \(\+33%\) \|/);
});

test('a read-only token (fork PR): warning, the report goes to the job summary, the step succeeds', async () => {
  const repo = gitRepo({ 'evals/a.jsonl': questions(2) }, { 'evals/a.jsonl': questions(3) });
  gh.forbid.add('POST comments');
  try {
    const r = await runStep(prRunner(repo, 10, true), 'index', { inputs: { requests: 'evals/a.jsonl', 'github-token': TOKEN } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /::warning::the GitHub token cannot comment on pull request #10 .*pull-requests: write/);
    assert.match(r.summary, /<!-- batchwise:cost-report -->/);
    assert.match(r.summary, /\| requests \| 2 \| 3 \|/);
    // The reader came for the pull request's change: its report comes first, the estimate of the head after it.
    assert.ok(r.summary.indexOf('<!-- batchwise:cost-report -->') < r.summary.indexOf('batchwise cost estimate'), r.summary.slice(0, 400));
    assert.equal(gh.comments.get(10), undefined);
  } finally {
    gh.forbid.delete('POST comments');
  }
});

test('a huge PR report is cut to fit one comment, rows kept', async () => {
  const head: Record<string, string> = {};
  for (let i = 0; i < 60; i++) head[`evals/f${String(i).padStart(2, '0')}.jsonl`] = questions(3 + (i % 4), 30);
  const repo = gitRepo({}, head);
  const r = await runStep(prRunner(repo, 11), 'index', { inputs: { requests: 'evals/*.jsonl', 'github-token': TOKEN } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = gh.comments.get(11)![0].body;
  assert.ok(body.length <= 65_536, String(body.length));
  assert.equal(body.match(/^\| evals\/f\d\d\\\.jsonl \(new\) \|/gm)?.length, 60, 'every file keeps its row');
  assert.match(body, /Cut to fit a comment/);
  // The job summary has no length limit that matters here: nothing is cut from it, every file is in it.
  assert.doesNotMatch(r.summary, /Cut to fit/);
  for (const name of Object.keys(head)) assert.ok(r.summary.includes(name.replace(/\./g, '\\.')), name);
});

test('an invalid request file fails the step with file:line, after the PR report shows what it can', async () => {
  const repo = gitRepo({ 'evals/a.jsonl': questions(1) }, { 'evals/a.jsonl': questions(1) + '{"custom_id": "x"}\n' });
  const r = await runStep(prRunner(repo, 12), 'index', { inputs: { requests: 'evals/a.jsonl', 'github-token': TOKEN } });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::evals\/a\.jsonl:2: /);
  assert.match(gh.comments.get(12)![0].body, /cannot be estimated/);
});
