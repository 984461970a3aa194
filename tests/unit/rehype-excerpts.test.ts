/** The excerpt renderer, run through the real MDX compiler with fixture data. */
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {VFile} from 'vfile';
import {type ExcerptData, sha256} from '../../src/lib/excerpt-data';
import rehypeExcerpts, {languageOf} from '../../src/rehype/excerpts';
import {expandExcerptLines} from '../../src/lib/excerpt-lines';
import {CILIUM_COMMIT} from '../../src/lib/cilium';
import type {SymbolData, SymbolEntry, SymbolOccurrence} from '../../src/lib/symbols';
import {symbolsFixture, symbolsFixtureFile} from '../support/symbols';
import {driftFixture} from '../support/drift';

const A = ['static int demo(void)', '{'];
const B = ['\treturn 0;', '}'];
const data: ExcerptData = {
  $comment: '',
  commit: CILIUM_COMMIT,
  files: {'bpf/demo.c': {blob: 'x', lineCount: 20}},
  excerpts: {
    demo: {path: 'bpf/demo.c', lines: '3-4,10-11', anchor: 'static int', highlight: '10', sha256: sha256([...A, ...B]), ranges: [{from: 3, lines: A}, {from: 10, lines: B}]},
  },
  links: {},
};
const dir = mkdtempSync(join(tmpdir(), 'rehype-'));
const dataPath = join(dir, 'excerpts.json');
writeFileSync(dataPath, JSON.stringify(data));
// Every excerpt needs its drift entry (tests/unit/excerpt-drift.test.ts covers what it renders).
const driftPath = join(dataPath, '..', 'drift.json');
writeFileSync(driftPath, JSON.stringify(driftFixture(data, {demo: {status: 'unchanged', path: 'bpf/demo.c'}})));

/** `demo` (line 3, column 11) is a function defined on line 3; `int` is not a symbol. */
const SYMBOLS: Record<string, SymbolEntry> = {
  'sym-demo': {name: 'demo', lang: 'c', defs: [{kind: 'function', path: 'bpf/demo.c', line: 3}]},
  'sym-twice': {name: 'demo', lang: 'c', defs: [{kind: 'function', path: 'bpf/demo.c', line: 3}, {kind: 'macro', path: 'bpf/other.h', line: 9}]},
};
const symbols = (links: SymbolOccurrence[]): SymbolData => symbolsFixture(data, SYMBOLS, {demo: links});
const symbolsFile = (links: SymbolOccurrence[]): string => symbolsFixtureFile(dir, symbols(links));
const symbolsPath = symbolsFile([[3, 11, 'sym-demo', 0]]);

async function render(mdx: string, symbolData = symbolsPath, path = 'docs/demo.mdx'): Promise<string> {
  const file = new VFile({path, value: mdx});
  // @mdx-js/mdx is ESM-only; the tests run as CommonJS.
  const {compile} = await import('@mdx-js/mdx');
  const out = await compile(file, {rehypePlugins: [[rehypeExcerpts, {dataPath, driftPath, symbolsPath: symbolData}]]});
  return String(out);
}

/** The `code` prop of the one <Excerpt> in compiled MDX, as the component shows it (lines expanded). */
function codeProp(js: string): string {
  const m = js.match(/\bcode: ("(?:[^"\\]|\\.)*")/);
  assert.ok(m, 'the compiled <Excerpt> has a code prop');
  const compact = JSON.parse(m[1]) as string;
  assert.doesNotMatch(compact, /excerpt-gutter|id="demo-L/, 'the page chunk carries no per-line id or gutter');
  return expandExcerptLines('demo', compact);
}

const GOOD = `<Excerpt id="demo" path="bpf/demo.c" lines="3-4,10-11" anchor="static int" highlight="10">
  <Callout line="10">Returns **zero**.</Callout>
  <Callout line="3">The entry.</Callout>
</Excerpt>`;

describe('rehypeExcerpts', () => {
  test('emits upstream line numbers, permalinks, ordered notes and an elision', async () => {
    const js = await render(GOOD);
    const code = codeProp(js);
    assert.match(code, /data-line="3"/);
    assert.match(code, /data-line="11"/);
    assert.match(code, /id="demo-L10"/);
    assert.match(code, /<a class="excerpt-gutter" href="#demo-L10" data-n="10"/, 'the gutter links the line on this page');
    assert.match(code, new RegExp(`href="https://github.com/cilium/cilium/blob/${CILIUM_COMMIT}/bpf/demo.c#L5-L9"`), 'the elision links the gap');
    assert.match(js, /permalink: "https:\/\/github\.com\/cilium\/cilium\/blob\/[0-9a-f]{40}\/bpf\/demo\.c#L3-L11"/);
    assert.match(code, /data-elision="5-9"/);
    assert.match(code, /data-highlighted=""/);
    // Markers are numbered in line order, whatever order the notes were written in.
    assert.match(code, /id="demo-L3".*href="#demo-note-1".*id="demo-L10".*href="#demo-note-2"/s);
    assert.ok(js.indexOf('"The entry."') < js.indexOf('"Returns "'), 'notes sorted by line');
    assert.match(code, /">\t<span class="[^"]*">return</, 'tabs are kept as text');
    assert.doesNotMatch(js, /_components\.(pre|code|ol|li)\b/, 'generated elements are not swapped for theme components');
  });

  test('the code\'s text is the source, line by line, with the gap as one line', async () => {
    const code = codeProp(await render(GOOD));
    // Text as a reader without CSS gets it: tags dropped, entities decoded.
    const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(textOf(code), [...A, '⋯ 5 lines (5–9)', ...B].join('\n'));
    // Numbers and markers are drawn from attributes, never text inside the line.
    assert.match(code, /<a class="excerpt-marker" href="#demo-note-1" data-callout="1" data-verify-ignore="" aria-label="Note 1"><\/a>/);
  });

  test('a zh-Hans page gets its gap line and note labels in Chinese', async () => {
    const code = codeProp(await render(GOOD, symbolsPath, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current/demo.mdx'));
    assert.match(code, />⋯ 省略 5 行（5–9）</);
    assert.match(code, /aria-label="注 1"/);
    assert.doesNotMatch(code, /lines \(|Note \d/);
  });

  test('colours tokens with palette classes, never inline styles', async () => {
    const code = codeProp(await render(GOOD));
    assert.doesNotMatch(code, /style=/);
    // `static` and `return` are keywords: a light and a dark colour class each.
    assert.match(code, /<span class="tl\d+ td\d+">static<\/span>/);
    assert.match(code, /<span class="tl\d+ td\d+">return<\/span>/);
  });

  test('fails naming file and line for a callout outside the excerpt', async () => {
    await assert.rejects(render(GOOD.replace('line="10"', 'line="7"')), /docs\/demo\.mdx:1: a <Callout line="7">/);
  });

  test('fails for an excerpt id the data lacks', async () => {
    await assert.rejects(render(GOOD.replace('id="demo"', 'id="other"')), /excerpt "other" is not in src\/data\/excerpts\.json/);
  });

  test('fails for anything but callouts inside an excerpt', async () => {
    await assert.rejects(render(GOOD.replace('</Excerpt>', '\nSome text.\n</Excerpt>')), /may contain only <Callout/);
  });

  test('links an identifier the symbol data resolves, keeping its token colour', async () => {
    const code = codeProp(await render(GOOD));
    const link = /<a class="([^"]+)" data-symbol="demo" data-def-path="bpf\/demo\.c" data-def-line="3" href="([^"]+)" rel="noopener noreferrer" data-kind="function">demo<\/a>/.exec(code);
    assert.ok(link, code);
    assert.match(link[1], /^tl\d+ td\d+$/);
    assert.equal(link[2], `https://github.com/cilium/cilium/blob/${CILIUM_COMMIT}/bpf/demo.c#L3`, 'no guide page shows it: the pinned line');
    assert.equal(code.match(/data-symbol=/g)?.length, 1, 'nothing else is linked');
  });

  test('an ambiguous name links to its Symbols row without a definition place', async () => {
    const code = codeProp(await render(GOOD, symbolsFile([[3, 11, 'sym-twice', -1]])));
    assert.match(code, /<a class="[^"]+" data-symbol="demo" href="\/docs\/reference\/symbols#sym-twice" data-kind="2 definitions · Symbols">demo<\/a>/);
    assert.doesNotMatch(code, /data-def-path/);
  });

  test('fails when the symbol data does not sit on the name, or is stale', async () => {
    await assert.rejects(render(GOOD, symbolsFile([[3, 10, 'sym-demo', 0]])), /excerpt "demo" line 3 column 10 is not "demo"; run npm run symbols:extract/);
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({...symbols([]), excerpts: {demo: {sha256: 'old', links: [], definitions: 0, unlinked: 0}}}));
    await assert.rejects(render(GOOD, stale), /excerpt "demo" changed since the symbols were extracted/);
  });

  test('picks the language from the path', () => {
    assert.equal(languageOf('bpf/lib/nat.h'), 'c');
    assert.equal(languageOf('daemon/cmd/cells.go'), 'go');
    assert.equal(languageOf('bpf/Makefile.bpf'), 'makefile');
    assert.equal(languageOf('Documentation/index.rst'), 'text');
  });
});
