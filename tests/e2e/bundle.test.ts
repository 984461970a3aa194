/** The browser bundle carries no highlighter: shiki, its grammars and oniguruma stay at build time. */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {BUILD_DIR} from '../../scripts/lib/server';

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

/** Library markers: lunr's index loader, Prism's core and the bash grammar. */
const ON_DEMAND = {
  lunr: /Version mismatch when loading serialised index/,
  Prism: /tokenizePlaceholders|insertBefore:function/,
};

test('main bundle of each locale leaves lunr and Prism to the chunks that need them', () => {
  for (const assets of [join(BUILD_DIR, 'assets/js'), join(BUILD_DIR, 'zh-Hans/assets/js')]) {
    const files = readdirSync(assets);
    const main = files.filter((f) => /^main\.[0-9a-f]+\.js$/.test(f));
    assert.equal(main.length, 1, `${assets} has one main bundle`);
    const js = readFileSync(join(assets, main[0]), 'utf8');
    for (const [name, marker] of Object.entries(ON_DEMAND)) {
      assert.doesNotMatch(js, marker, `${name} is in ${assets}/${main[0]}`);
      // ...but it still ships, in a chunk of its own.
      assert.ok(files.some((f) => f.endsWith('.js') && marker.test(readFileSync(join(assets, f), 'utf8'))), `${name} is in no chunk of ${assets}`);
    }
  }
});
