/** What the excerpt renderer adds for drift: the data-drift props, the badge link and the diff rows. */
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {VFile} from 'vfile';
import {CILIUM_COMMIT} from '../../src/lib/cilium';
import type {ExcerptDrift} from '../../src/lib/drift';
import {type ExcerptData, sha256} from '../../src/lib/excerpt-data';
import {diffRows} from '../../src/rehype/excerpt-drift';
import rehypeExcerpts from '../../src/rehype/excerpts';
import {FIXTURE_TARGET, driftFixture} from '../support/drift';
import {symbolsFixture, symbolsFixtureFile} from '../support/symbols';

const A = ['static int demo(void)', '{', '\tint x = 1;'];
const B = ['\treturn x;', '}'];
const data: ExcerptData = {
  $comment: '',
  commit: CILIUM_COMMIT,
  files: {'bpf/demo.c': {blob: 'x', lineCount: 20}},
  excerpts: {demo: {path: 'bpf/demo.c', lines: '3-5,10-11', sha256: sha256([...A, ...B]), ranges: [{from: 3, lines: A}, {from: 10, lines: B}]}},
  links: {},
};
const dir = mkdtempSync(join(tmpdir(), 'excerpt-drift-'));
const dataPath = join(dir, 'excerpts.json');
writeFileSync(dataPath, JSON.stringify(data));
const symbolsPath = symbolsFixtureFile(dir, symbolsFixture(data));

/** The props the compiled <Excerpt> receives, for one drift entry of the demo excerpt. */
async function props(entry: Omit<ExcerptDrift, 'sha256'>): Promise<Record<string, string>> {
  const driftPath = join(dir, `drift-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(driftPath, JSON.stringify(driftFixture(data, {demo: entry})));
  const {compile} = await import('@mdx-js/mdx');
  const file = new VFile({path: 'docs/demo.mdx', value: '<Excerpt id="demo" path="bpf/demo.c" lines="3-5,10-11" />'});
  const js = String(await compile(file, {rehypePlugins: [[rehypeExcerpts, {dataPath, driftPath, symbolsPath}]]}));
  const out: Record<string, string> = {};
  for (const m of js.matchAll(/\b(drift\w*): ("(?:[^"\\]|\\.)*")/g)) out[m[1]] = JSON.parse(m[2]) as string;
  return out;
}

describe('excerpt drift props', () => {
  test('unchanged: status, target commit and a link to the same lines there; no new lines, no diff', async () => {
    const p = await props({status: 'unchanged', path: 'bpf/demo.c'});
    assert.equal(p.drift, 'unchanged');
    assert.equal(p.driftCommit, FIXTURE_TARGET);
    assert.equal(p.driftLink, `https://github.com/cilium/cilium/blob/${FIXTURE_TARGET}/bpf/demo.c#L3-L11`);
    assert.equal(p.driftLines, undefined);
    assert.equal(p.driftDiff, undefined);
  });

  test('moved into a renamed file: new ranges and a link to them in the new path', async () => {
    const p = await props({status: 'moved', path: 'bpf/lib/demo.h', ranges: [{from: 30, to: 32}, {from: 40, to: 41}]});
    assert.equal(p.driftLines, '30-32,40-41');
    assert.equal(p.driftPath, 'bpf/lib/demo.h');
    assert.equal(p.driftLink, `https://github.com/cilium/cilium/blob/${FIXTURE_TARGET}/bpf/lib/demo.h#L30-L41`);
  });

  test('deleted: the link goes to the folder the file was in', async () => {
    const p = await props({status: 'deleted', path: 'bpf/demo.c'});
    assert.equal(p.driftLink, `https://github.com/cilium/cilium/tree/${FIXTURE_TARGET}/bpf`);
  });

  test('changed: diff rows with upstream numbers on both sides, highlighted, and folded lines linked', async () => {
    const p = await props({
      status: 'changed',
      path: 'bpf/demo.c',
      ranges: [{from: 3, to: 6}, {from: 20, to: 19}],
      target: [{from: 3, lines: ['static int demo(void)', '{', '\tint x = 2;']}],
    });
    assert.equal(p.driftLines, '3-6', 'an emptied range has no lines to list');
    const rows = [...p.driftDiff.matchAll(/<tr data-diff="(\w+)"><td>(\d*)<\/td><td>(\d*)<\/td>/g)].map((m) => `${m[1]} ${m[2]}|${m[3]}`);
    assert.deepEqual(rows, ['same 3|3', 'same 4|4', 'del 5|', 'add |5', 'del 10|', 'del 11|']);
    // Line 6 of the region is not quoted: it is folded into a link to it at the target.
    assert.match(p.driftDiff, new RegExp(`<a href="https://github.com/cilium/cilium/blob/${FIXTURE_TARGET}/bpf/demo.c#L6"[^>]*>⋯ \\+1 \\(6–6\\)</a>`));
    assert.match(p.driftDiff, /<tr class="drift-gap">/, 'quoted ranges stay apart');
    assert.match(p.driftDiff, /<tr data-diff="del"><td>5<\/td><td><\/td><td><del>/, 'removed code in <del>');
    assert.match(p.driftDiff, /<tr data-diff="add"><td><\/td><td>5<\/td><td><ins>/, 'added code in <ins>');
    assert.match(p.driftDiff, /<span class="tl\d+ td\d+">static<\/span>/, 'coloured with the excerpt palette');
    assert.doesNotMatch(p.driftDiff, /style=/);
  });

  test('changed: unchanged runs far from a change fold into one row that links to the excerpt\'s lines', () => {
    const quoted = Array.from({length: 12}, (_, i) => `line ${i + 1}`);
    const now = quoted.map((l, i) => (i === 8 ? 'line nine, edited' : l));
    const stored = {path: 'bpf/demo.c', lines: '101-112', sha256: '', ranges: [{from: 101, lines: quoted}]};
    const entry: ExcerptDrift = {sha256: '', status: 'changed', path: 'bpf/demo.c', ranges: [{from: 201, to: 212}], target: [{from: 201, lines: now}]};
    const plain = (lines: string[]) => lines.map((l) => [{type: 'text' as const, value: l}]);
    for (const [locale, label] of [['en', '⋯ 6 unchanged lines (101–106)'], ['zh-Hans', '⋯ 6 行未变（101–106）']] as const) {
      const html = diffRows('long', stored, entry, FIXTURE_TARGET, plain, locale);
      const rows = [...html.matchAll(/data-diff="(\w+)"><td>(\d*)<\/td><td>(\d*)</g)].map((m) => `${m[1]} ${m[2]}|${m[3]}`);
      // Two lines of context on each side of the edited line 109.
      // Line 112 alone is not worth a fold row.
      assert.deepEqual(rows, ['same 107|207', 'same 108|208', 'del 109|', 'add |209', 'same 110|210', 'same 111|211', 'same 112|212']);
      assert.ok(html.includes(`<tr class="drift-gap" data-unchanged="101-106"><td colspan="3"><a href="#long-L101">${label}</a>`), html);
      assert.equal(html.match(/data-unchanged/g)?.length, 1);
    }
  });

  test('the build fails when an excerpt has no drift entry or a stale one', async () => {
    await assert.rejects(props({status: 'unchanged', path: 'bpf/demo.c', sha256: 'stale'} as never), /excerpt "demo" changed since its drift was computed/);
  });
});
