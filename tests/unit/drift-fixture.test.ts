/**
 * `deriveExcerptDrift` on a real git repository made here: two commits that give every status, a
 * rename with small edits, a range split in two by an insertion, and a deleted file.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {deriveExcerptDrift, resolveCommit} from '../../scripts/drift/derive';
import {checkDriftData, type DriftData, type ExcerptDrift} from '../../src/lib/drift';
import {type ExcerptData, sha256} from '../../src/lib/excerpt-data';

const numbered = (name: string, n: number) => Array.from({length: n}, (_, i) => `${name} line ${i + 1}`);

/** Version 1 of each file, and what the second commit does to it. */
const V1: Record<string, string[]> = {
  'src/same.c': numbered('same', 30),
  'src/shifted.c': numbered('shifted', 30),
  'src/split.c': numbered('split', 30),
  'old/renamed.go': numbered('renamed', 30),
  'src/gone.c': numbered('gone', 10),
};
const V2: Record<string, string[]> = {
  // Edited after the quoted lines only.
  'src/same.c': [...V1['src/same.c'].slice(0, 25), 'same edited', ...V1['src/same.c'].slice(26)],
  // Three lines inserted at the top.
  'src/shifted.c': ['// a', '// b', '// c', ...V1['src/shifted.c']],
  // Two lines inserted inside the quoted 10-15, after line 12.
  'src/split.c': [...V1['src/split.c'].slice(0, 12), 'split inserted 1', 'split inserted 2', ...V1['src/split.c'].slice(12)],
  // Renamed, with line 25 edited: 5-10 survives verbatim, 23-27 does not.
  'new/renamed.go': [...V1['old/renamed.go'].slice(0, 24), 'renamed edited', ...V1['old/renamed.go'].slice(25)],
};

let repo: string;
let from: string;
let to: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], {encoding: 'utf8', env: {...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z'}});
}

function writeTree(files: Record<string, string[]>): void {
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), {recursive: true});
    writeFileSync(join(repo, path), `${lines.join('\n')}\n`);
  }
}

function excerpt(path: string, ...ranges: Array<[number, number]>): ExcerptData['excerpts'][string] {
  const stored = ranges.map(([a, b]) => ({from: a, lines: V1[path].slice(a - 1, b)}));
  return {path, lines: ranges.map(([a, b]) => `${a}-${b}`).join(','), sha256: sha256(stored.flatMap((r) => r.lines)), ranges: stored};
}

const EXCERPTS: ExcerptData['excerpts'] = {
  unchanged: excerpt('src/same.c', [3, 8], [12, 14]),
  moved: excerpt('src/shifted.c', [10, 14], [20, 21]),
  split: excerpt('src/split.c', [10, 15]),
  'renamed-moved': excerpt('old/renamed.go', [5, 10]),
  'renamed-changed': excerpt('old/renamed.go', [23, 27]),
  deleted: excerpt('src/gone.c', [2, 4]),
};

let drift: Record<string, ExcerptDrift>;

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'drift-fixture-'));
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  writeTree(V1);
  git('add', '-A');
  git('commit', '-q', '-m', 'v1');
  from = git('rev-parse', 'HEAD').trim();
  rmSync(join(repo, 'old'), {recursive: true});
  rmSync(join(repo, 'src/gone.c'));
  writeTree(V2);
  git('add', '-A');
  git('commit', '-q', '-m', 'v2');
  git('tag', 'v2');
  to = git('rev-parse', 'HEAD').trim();
  const data: ExcerptData = {$comment: '', commit: from, files: {}, excerpts: EXCERPTS, links: {}};
  drift = deriveExcerptDrift(join(repo, '.git'), to, data);
});

after(() => rmSync(repo, {recursive: true, force: true}));

describe('drift on a fixture repository', () => {
  test('unchanged: same numbers, same text, although the file changed elsewhere', () => {
    assert.deepEqual(drift.unchanged, {sha256: EXCERPTS.unchanged.sha256, status: 'unchanged', path: 'src/same.c'});
  });

  test('moved: every range found verbatim at its shifted place', () => {
    assert.equal(drift.moved.status, 'moved');
    assert.deepEqual(drift.moved.ranges, [{from: 13, to: 17}, {from: 23, to: 24}]);
    assert.equal(drift.moved.target, undefined);
  });

  test('a range split by an insertion is changed; its region and quoted text span the insertion', () => {
    assert.equal(drift.split.status, 'changed');
    assert.deepEqual(drift.split.ranges, [{from: 10, to: 17}]);
    assert.deepEqual(drift.split.target, [{from: 10, lines: V2['src/split.c'].slice(9, 17)}]);
    assert.ok(drift.split.target![0].lines.includes('split inserted 1'));
  });

  test('a rename with small edits: verbatim ranges are moved into the new path, edited ones changed there', () => {
    assert.deepEqual(drift['renamed-moved'], {sha256: EXCERPTS['renamed-moved'].sha256, status: 'moved', path: 'new/renamed.go', ranges: [{from: 5, to: 10}]});
    assert.equal(drift['renamed-changed'].status, 'changed');
    assert.equal(drift['renamed-changed'].path, 'new/renamed.go');
    assert.deepEqual(drift['renamed-changed'].ranges, [{from: 23, to: 27}]);
    assert.equal(drift['renamed-changed'].target![0].lines[2], 'renamed edited');
  });

  test('deleted: the file is gone and git finds no rename', () => {
    assert.deepEqual(drift.deleted, {sha256: EXCERPTS.deleted.sha256, status: 'deleted', path: 'src/gone.c'});
  });

  test('the result passes the checks the build runs, and a tag resolves to its commit', () => {
    const data: DriftData = {
      $comment: '',
      command: '',
      from,
      to,
      label: 'v2',
      excerpts: drift,
      reference: {programs: {status: 'failed', error: 'x'}, tailCalls: {status: 'failed', error: 'x'}, maps: {status: 'failed', error: 'x'}, cells: {status: 'failed', error: 'x'}},
    };
    assert.deepEqual(checkDriftData(data, {$comment: '', commit: from, files: {}, excerpts: EXCERPTS, links: {}}), []);
    assert.equal(resolveCommit(join(repo, '.git'), from, 'v2'), to);
    assert.throws(() => resolveCommit(join(repo, '.git'), from, 'no-such-tag'), /no-such-tag is not a commit/);
  });

  test('the checks notice an excerpt that changed since the drift was computed', () => {
    const edited = {...EXCERPTS, moved: {...EXCERPTS.moved, sha256: 'f'.repeat(64)}};
    const data = {from, to, excerpts: drift} as DriftData;
    assert.deepEqual(checkDriftData(data, {$comment: '', commit: from, files: {}, excerpts: edited, links: {}}, 'drift.json'), [
      'drift.json: excerpt "moved" changed since its drift was computed; run npm run drift -- --cilium <git-dir> --to <commit> [--label <name>].',
    ]);
  });
});
