/** The browser bundle carries no highlighter: shiki, its grammars and oniguruma stay at build time. */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {BUILD_DIR} from '../support/server';

test('no shiki, oniguruma or TextMate grammar in build/assets/js', () => {
  const dir = join(BUILD_DIR, 'assets/js');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  assert.ok(files.length > 0);
  const markers = [/shiki/i, /oniguruma/i, /onig\.wasm/, /vscode-textmate/, /"scopeName":\s*"source\.(c|go)"/, /createHighlighter/];
  const hits = files.flatMap((f) => {
    const js = readFileSync(join(dir, f), 'utf8');
    return markers.filter((m) => m.test(js)).map((m) => `${f}: ${m}`);
  });
  assert.deepEqual(hits, []);
});
