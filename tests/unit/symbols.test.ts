/** The symbol extractor on a fixture tree: what links, what is ambiguous, what stays plain text. */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {CILIUM_COMMIT} from '../../src/lib/cilium';
import {type ExcerptData, sha256} from '../../src/lib/excerpt-data';
import type {SymbolData} from '../../src/lib/symbols';
import {DirectoryReader} from '../../scripts/facts/source';
import {splitLines} from '../../scripts/lib/cilium-git';
import {generateSymbols} from '../../scripts/symbols/generate';

const reader = new DirectoryReader(fileURLToPath(new URL('../fixtures/symbols/tree/', import.meta.url)));
const QUOTED = {c: 'bpf/bpf_demo.c', header: 'bpf/lib/demo.h', go: 'pkg/app/app.go'};

/** Each quoted file shown whole, as excerpts.json would hold it. */
function excerptsOf(files: Record<string, string>): ExcerptData {
  const excerpts: ExcerptData['excerpts'] = {};
  for (const [id, path] of Object.entries(files)) {
    const lines = splitLines(reader.read(path));
    excerpts[id] = {path, lines: `1-${lines.length}`, sha256: sha256(lines), ranges: [{from: 1, lines}]};
  }
  return {$comment: '', commit: CILIUM_COMMIT, files: {}, excerpts, links: {}};
}

let data: SymbolData;
before(async () => {
  data = await generateSymbols(reader, excerptsOf(QUOTED), CILIUM_COMMIT);
});

/** What the identifier `name` on `line` of excerpt `id` links to: the row, and the definition (or 'ambiguous'). */
function linkOf(id: keyof typeof QUOTED, line: number, name: string): {row: string; def: string} | null {
  const text = splitLines(reader.read(QUOTED[id]))[line - 1];
  const link = data.excerpts[id].links.find(([l, col, symbol]) => l === line && text.slice(col, col + name.length) === name && data.symbols[symbol].name === name);
  if (!link) return null;
  const def = data.symbols[link[2]].defs[link[3]];
  return {row: link[2], def: def ? `${def.kind} ${def.path}:${def.line}${def.receiver ? ` (${def.receiver})` : ''}` : 'ambiguous'};
}

describe('symbol extractor (fixture tree)', () => {
  test('a C function defined in two #if branches is ambiguous; its row lists both with their conditions', () => {
    assert.deepEqual(linkOf('c', 7, 'dual_fn'), {row: 'sym-dual_fn', def: 'ambiguous'});
    assert.deepEqual(data.symbols['sym-dual_fn'].defs, [
      {kind: 'function', path: QUOTED.header, line: 27, condition: 'defined(ENABLE_FAST)'},
      {kind: 'function', path: QUOTED.header, line: 32, condition: '!(defined(ENABLE_FAST))'},
    ]);
  });

  test('a function defined by a macro invocation links to the invocation', () => {
    assert.deepEqual(linkOf('c', 9, 'handle_one'), {row: 'sym-handle_one', def: `function ${QUOTED.header}:44`});
    assert.equal(data.symbols['sym-handle_one'].defs[0].via, 'DEFINE_HANDLER');
    assert.equal(linkOf('header', 44, 'handle_one'), null, 'not linked to itself where it is defined');
    assert.ok(data.excerpts.header.definitions >= 5, `definition sites: ${data.excerpts.header.definitions}`);
    assert.deepEqual(linkOf('header', 44, 'DEFINE_HANDLER'), {row: 'sym-DEFINE_HANDLER', def: `macro ${QUOTED.header}:38`});
  });

  test('a map, an enum value, a struct tag and a macro', () => {
    assert.deepEqual(linkOf('c', 11, 'demo_map'), {row: 'sym-demo_map', def: `map ${QUOTED.header}:19`});
    assert.deepEqual(linkOf('c', 10, 'DIR_OUT'), {row: 'sym-DIR_OUT', def: `enumerator ${QUOTED.header}:12`});
    assert.deepEqual(linkOf('c', 5, 'demo_ctx'), {row: 'sym-demo_ctx', def: `struct ${QUOTED.header}:15`});
    assert.deepEqual(linkOf('header', 20, 'DEMO_MAP_TYPE_HASH'), {row: 'sym-DEMO_MAP_TYPE_HASH', def: `enumerator ${QUOTED.header}:7`});
    assert.deepEqual(linkOf('c', 4, '__section'), {row: 'sym-__section', def: 'macro bpf/include/bpf/compiler.h:3'});
  });

  test('C names without a certain definition stay unlinked: locals, parameters, fields, unknown functions, macro parameters', () => {
    for (const [line, name] of [[7, 'ret'], [7, 'ctx'], [11, 'undefined_helper'], [11, 'len']] as const) assert.equal(linkOf('c', line, name), null, name);
    assert.equal(linkOf('header', 41, 'VAL'), null, 'a macro parameter');
    assert.equal(linkOf('header', 41, 'ctx'), null, 'a name in a macro body');
  });

  test('a Go function through an import alias, a method through a declared type', () => {
    assert.deepEqual(linkOf('go', 12, 'NewCircle'), {row: 'sym-shapes-NewCircle', def: 'function pkg/shapes/shapes.go:11'});
    assert.deepEqual(linkOf('go', 13, 'Square'), {row: 'sym-shapes-Square', def: 'type pkg/shapes/shapes.go:7'});
    assert.deepEqual(linkOf('go', 15, 'Area'), {row: 'sym-shapes-Area', def: 'method pkg/shapes/shapes.go:19 (Square)'});
    assert.deepEqual(linkOf('go', 12, 'unit'), {row: 'sym-app-unit', def: 'const pkg/app/app.go:9'});
  });

  test('a Go method on two receivers, called on a value of unknown type, is ambiguous', () => {
    assert.deepEqual(linkOf('go', 14, 'Area'), {row: 'sym-shapes-Area', def: 'ambiguous'});
    assert.deepEqual(
      data.symbols['sym-shapes-Area'].defs.map((d) => d.receiver),
      ['*Circle', 'Square'],
    );
  });

  test('Go names without a definition stay unlinked: an undefined function, a field, the standard library', () => {
    for (const name of ['missing', 'Radius']) assert.equal(linkOf('go', 16, name), null, name);
    assert.equal(linkOf('go', 17, 'Println'), null);
    assert.ok(data.excerpts.go.unlinked >= 5, `unlinked: ${data.excerpts.go.unlinked}`);
  });

  test('every link sits on its name, and the data is stamped with the commit and the command', () => {
    assert.equal(data.commit, CILIUM_COMMIT);
    assert.match(data.generatedBy.command, /^npm run symbols:extract -- --cilium <git-dir>$/);
    for (const [id, excerpt] of Object.entries(data.excerpts)) {
      const lines = splitLines(reader.read(QUOTED[id as keyof typeof QUOTED]));
      for (const [line, col, symbol] of excerpt.links) assert.equal(lines[line - 1].slice(col, col + data.symbols[symbol].name.length), data.symbols[symbol].name);
    }
  });
});
