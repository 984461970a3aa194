/** excerpts:sync reads exact lines from a real git directory and refuses bad references. */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {before, describe, test} from 'node:test';
import type {Site} from '../../src/lib/content-checks';
import {buildExcerptData} from '../../scripts/excerpts/build-data';
import {sha256} from '../../src/lib/excerpt-data';
import {CiliumSource} from '../../scripts/lib/cilium-git';
import {scanMdxSource} from '../../src/lib/mdx-scan';

const FILE = ['// SPDX-License-Identifier: GPL-2.0', '', 'static int demo(void)', '{', '\treturn 0;\t/* tab kept */', '}', ''].join('\n');
let gitDir: string;
let commit: string;

before(() => {
  const work = mkdtempSync(join(tmpdir(), 'excerpt-sync-'));
  mkdirSync(join(work, 'bpf'));
  writeFileSync(join(work, 'bpf/demo.c'), FILE);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {encoding: 'utf8'}).trim();
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'fixture');
  commit = git('rev-parse', 'HEAD');
  gitDir = join(work, '.git');
});

function siteWith(body: string): Site {
  const page = scanMdxSource(body, 'docs/a.mdx');
  return {en: new Map([['docs/a.mdx', page]]), 'zh-Hans': new Map()};
}

describe('buildExcerptData', () => {
  test('stores the exact lines (tabs kept), their hash, the blob and the file length', () => {
    const site = siteWith('<Excerpt id="d" path="bpf/demo.c" lines="3-5" anchor="static int demo" />\n\n[x](cilium:bpf/demo.c#L4-L6)');
    const {data, problems} = buildExcerptData(site, new CiliumSource(gitDir, commit));
    assert.deepEqual(problems, []);
    assert.equal(data.commit, commit);
    assert.deepEqual(data.excerpts.d.ranges, [{from: 3, lines: ['static int demo(void)', '{', '\treturn 0;\t/* tab kept */']}]);
    assert.equal(data.excerpts.d.sha256, sha256(data.excerpts.d.ranges[0].lines));
    assert.equal(data.files['bpf/demo.c'].lineCount, 6);
    assert.match(data.files['bpf/demo.c'].blob, /^[0-9a-f]{40}$/);
    assert.ok(data.links['bpf/demo.c#L4-L6']);
  });

  test('names an unknown path', () => {
    const {problems} = buildExcerptData(siteWith('<Excerpt id="d" path="bpf/nope.c" lines="1-2" />'), new CiliumSource(gitDir, commit));
    assert.match(problems.join(), /docs\/a\.mdx:1: bpf\/nope\.c does not exist at Cilium/);
  });

  test('names a range past the end of the file', () => {
    const {problems} = buildExcerptData(siteWith('<Excerpt id="d" path="bpf/demo.c" lines="5-9" />'), new CiliumSource(gitDir, commit));
    assert.match(problems.join(), /lines="5-9" reaches past the end of bpf\/demo\.c \(6 lines\)/);
  });

  test('names an anchor that is not on the first line, quoting that line', () => {
    const {problems} = buildExcerptData(siteWith('<Excerpt id="d" path="bpf/demo.c" lines="4-5" anchor="static int demo" />'), new CiliumSource(gitDir, commit));
    assert.match(problems.join(), /anchor "static int demo" is not on line 4 of bpf\/demo\.c, which reads: "\{"/);
  });

  test('refuses a commit the git directory does not hold', () => {
    assert.throws(() => new CiliumSource(gitDir, 'f'.repeat(40)));
  });
});
