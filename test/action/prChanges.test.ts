// The pull-request cost report sees every kind of change to the request files, through the action's entry point:
// files the PR deletes (one, or every one the pattern matched), files it renames (paired by git, or by blob sha
// through the trees API when the clone lacks the base), and a base that was already invalid (not "not in base").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatLine, tempDir } from '../helpers.ts';
import { startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { makeRunner, prEvent, runStep } from './harness.ts';

let gh: FakeGitHub;
before(async () => {
  gh = await startFakeGitHub();
});
after(() => gh.close());

const TOKEN = 'ghs_faketoken_prchanges_789';
const questions = (n: number, tag = 'q') =>
  Array.from({ length: n }, (_, i) => JSON.stringify(chatLine(`${tag}${i}`, 'word '.repeat(10), { max_tokens: 200 }))).join('\n') + '\n';

/** A repository with a base commit, then a head commit made by `change` (which may delete and `git mv`). */
function repoWith(base: Record<string, string>, change: (git: (...a: string[]) => string, dir: string) => void) {
  const dir = tempDir('batchwise-prchanges-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  for (const [p, c] of Object.entries(base)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  change(git, dir);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'head');
  return { dir, baseSha, headSha: git('rev-parse', 'HEAD') };
}

/** The comment's table row whose file cell is `cell` (as Markdown: `evals/b\\.jsonl (deleted)`), or undefined. */
const rowOf = (body: string, cell: string) => body.split('\n').find((l) => l.startsWith(`| ${cell} |`));

function step(repo: { dir: string; baseSha: string; headSha: string }, number: number, inputs: Record<string, string>) {
  const runner = makeRunner({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: prEvent(number, repo.baseSha, repo.headSha),
    apiUrl: gh.url,
    sha: repo.headSha,
    ref: `refs/pull/${number}/merge`,
    headRef: 'feature',
  });
  return runStep(runner, 'index', { inputs: { 'github-token': TOKEN, ...inputs } });
}

test('a PR that deletes one request file reports it as deleted (not "no request file changed")', async () => {
  const repo = repoWith({ 'evals/a.jsonl': questions(2), 'evals/b.jsonl': questions(3) }, (git) => git('rm', '-q', 'evals/b.jsonl'));
  const r = await step(repo, 31, { requests: 'evals/*.jsonl' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = gh.comments.get(31)?.[0]?.body ?? '';
  assert.match(body, /changes 1 of 2 request files;.* Why: evals\/b\\\.jsonl deleted\./);
  assert.ok(rowOf(body, 'evals/b\\.jsonl (deleted)'), body);
  assert.match(body, /\| requests \| 3 \| deleted \| -3 \(-100%\) \|/);
  assert.match(body, /<details><summary>1 unchanged request file<\/summary>\n\n- evals\/a\\\.jsonl: /);
  assert.equal(rowOf(body, 'evals/a\\.jsonl'), undefined);
  assert.match(r.stdout, /evals\/b\.jsonl: deleted by this pull request \(base read from git\)/);
});

test('a PR that deletes every matched file does not fail: a warning, and the deletions are reported', async () => {
  const repo = repoWith({ 'evals/a.jsonl': questions(2), 'evals/b.jsonl': questions(3), 'README.md': 'x\n' }, (git) =>
    git('rm', '-q', 'evals/a.jsonl', 'evals/b.jsonl'),
  );
  const r = await step(repo, 32, { requests: 'evals/*.jsonl' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /::warning::requests: "evals\/\*\.jsonl" matches no file at the head of this pull request/);
  const body = gh.comments.get(32)?.[0]?.body ?? '';
  assert.match(body, /changes 2 request files/);
  assert.ok(rowOf(body, 'evals/a\\.jsonl (deleted)'), body);
  assert.ok(rowOf(body, 'evals/b\\.jsonl (deleted)'), body);
  assert.match(r.summary, /<!-- batchwise:cost-report -->/);
  assert.equal(r.outputs['estimated-cost'], '0');
});

test('outside a pull request a pattern that matches nothing still fails the step', async () => {
  const ws = tempDir('batchwise-ws-');
  const runner = makeRunner({ workspace: ws, eventName: 'push', event: {}, apiUrl: gh.url });
  const r = await runStep(runner, 'index', { inputs: { requests: 'evals/*.jsonl' } });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::requests: "evals\/\*\.jsonl" matches no file/);
});

test('git mv pairs the renamed file with its base (edited or not), and the old path is not listed again', async () => {
  const repo = repoWith({ 'evals/a.jsonl': questions(2), 'evals/b.jsonl': questions(20, 'b') }, (git, dir) => {
    git('mv', 'evals/a.jsonl', 'evals/c.jsonl');
    git('mv', 'evals/b.jsonl', 'evals/d.jsonl');
    // d is b plus one request: still a rename to git (similar enough), and a change in cost.
    writeFileSync(join(dir, 'evals/d.jsonl'), questions(21, 'b'));
  });
  const r = await step(repo, 33, { requests: 'evals/*.jsonl' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = gh.comments.get(33)?.[0]?.body ?? '';
  assert.match(body, /Why: evals\/b\\\.jsonl renamed to evals\/d\\\.jsonl: 20 → 21 requests; evals\/a\\\.jsonl renamed to evals\/c\\\.jsonl\./);
  assert.ok(rowOf(body, 'evals/c\\.jsonl (renamed)'), body);
  assert.match(body, /\nRenamed from evals\/a\\\.jsonl\.\n\n\| \| base \| head \| change \|\n\|---\|---:\|---:\|---:\|\n\| requests \| 2 \| 2 \| ±0 \|/);
  assert.match(rowOf(body, 'evals/d\\.jsonl (renamed)') ?? '', /^\| [^|]+ \| gpt\\-4o\\-mini \| 20\u00a0→ 21 \|/);
  assert.match(body, /\nRenamed from evals\/b\\\.jsonl\.\n\n\| \| base \| head \| change \|\n\|---\|---:\|---:\|---:\|\n\| requests \| 20 \| 21 \| \+1 \(\+5%\) \|/);
  // The old paths are no rows or details of their own.
  assert.doesNotMatch(body, /^\| evals\/[ab]\\\.jsonl/m);
  assert.doesNotMatch(body, /Details of evals\/[ab]\.jsonl/);
  assert.doesNotMatch(body, /not in base|deleted/);
});

test('base not in the clone: deletions and exact renames come from the trees API at the base sha', async () => {
  // The clone has only the head (a shallow checkout): a.jsonl changed, b.jsonl renamed to c.jsonl, e.jsonl deleted.
  const repo = repoWith({}, (_git, dir) => {
    mkdirSync(join(dir, 'evals'));
    writeFileSync(join(dir, 'evals/a.jsonl'), questions(4));
    writeFileSync(join(dir, 'evals/c.jsonl'), questions(3, 'b'));
  });
  const missingBase = 'e'.repeat(40);
  gh.contents.set(`${missingBase}:evals/a.jsonl`, Buffer.from(questions(2)));
  gh.contents.set(`${missingBase}:evals/b.jsonl`, Buffer.from(questions(3, 'b')));
  gh.contents.set(`${missingBase}:evals/e.jsonl`, Buffer.from(questions(5, 'e')));
  gh.contents.set(`${missingBase}:evals/.hidden.jsonl`, Buffer.from(questions(1)));
  gh.contents.set(`${missingBase}:evals/sub/deep.jsonl`, Buffer.from(questions(1)));
  gh.contents.set(`${missingBase}:docs/x.jsonl`, Buffer.from(questions(1)));
  const r = await step({ ...repo, baseSha: missingBase }, 34, { requests: './evals/*.jsonl' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(gh.calls.some((c) => c.path === `/repos/octo/evals/git/trees/${missingBase}` && c.query.get('recursive') === 'true'));
  const body = gh.comments.get(34)?.[0]?.body ?? '';
  assert.match(rowOf(body, 'evals/a\\.jsonl') ?? '', /\| 2\u00a0→ 4 \|/);
  assert.match(body, /\| requests \| 2 \| 4 \| \+2 \(\+100%\) \|/);
  assert.ok(rowOf(body, 'evals/c\\.jsonl (renamed)'), body);
  assert.match(body, /evals\/b\\\.jsonl renamed to evals\/c\\\.jsonl/);
  assert.ok(rowOf(body, 'evals/e\\.jsonl (deleted)'), body);
  assert.match(body, /\| requests \| 5 \| deleted \| -5 \(-100%\) \|/);
  // The same glob semantics as at head: no dotfiles, no subdirectories for `*`, nothing outside the pattern.
  assert.doesNotMatch(body, /hidden|deep|docs\/x/);
});

test('a base that was already invalid is shown as "invalid at base", not "not in base"', async () => {
  const repo = repoWith({ 'evals/a.jsonl': questions(1) + '{"custom_id": "broken"}\n' }, (_git, dir) =>
    writeFileSync(join(dir, 'evals/a.jsonl'), questions(2)),
  );
  const r = await step(repo, 35, { requests: 'evals/a.jsonl' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = gh.comments.get(35)?.[0]?.body ?? '';
  assert.match(body, /\| requests \| invalid at base \| 2 \|  \|/);
  assert.match(body, /The base version was already invalid: evals\/a\\\.jsonl:2: /);
  assert.doesNotMatch(body, /not in base/);
});

test('a file deleted from a base where it was invalid: deleted, and invalid at base', async () => {
  const repo = repoWith({ 'evals/a.jsonl': questions(1), 'evals/bad.jsonl': 'not json\n' }, (git) => git('rm', '-q', 'evals/bad.jsonl'));
  const r = await step(repo, 36, { requests: 'evals/*.jsonl' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = gh.comments.get(36)?.[0]?.body ?? '';
  assert.match(rowOf(body, 'evals/bad\\.jsonl (deleted)') ?? '', /\| — \| invalid\u00a0→ — \| invalid\u00a0→ — \| invalid\u00a0→ — \| — \|$/);
  assert.match(body, /\| requests \| invalid at base \| deleted \|  \|/);
  rmSync(repo.dir, { recursive: true, force: true });
});
