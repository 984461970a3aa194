/** What the browser bundles carry: no highlighter (shiki stays at build time), and a lean main bundle. */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {runInNewContext} from 'node:vm';
import {BUILD_DIR} from '../../scripts/lib/server';
import {UNSHOWN_TRANSLATION} from '../../src/plugins/lean-main-bundle';

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

test('main bundle of each locale leaves lunr and Prism to the chunks that need them, and the SSR template to the build', () => {
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
    // The site config it carries has no SSR template: only the build reads that.
    assert.match(js, /tagline:"/, `no site config in ${main[0]}`);
    assert.doesNotMatch(js, /it\.appHtml|ssrTemplate/, `the SSR template is in ${assets}/${main[0]}`);
  }
});

/** The object literal a bundle passes to JSON.parse, read back as JSON (the minifier escapes it as a JS string). */
function parsedJsonLiterals(js: string): Array<Record<string, unknown>> {
  return [...js.matchAll(/JSON\.parse\('((?:\\.|[^'\\])*)'\)/g)].map(([, body]) => JSON.parse(runInNewContext(`'${body}'`) as string));
}

test('zh-Hans main bundle carries every translation its pages ask for, and none they never show', () => {
  const assets = join(BUILD_DIR, 'zh-Hans/assets/js');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const main = files.find((f) => /^main\.[0-9a-f]+\.js$/.test(f))!;
  const translations = parsedJsonLiterals(readFileSync(join(assets, main), 'utf8')).find((o) => 'theme.common.skipToMainContent' in o);
  assert.ok(translations, `no translations object in ${main}`);
  const ids = Object.keys(translations);
  assert.deepEqual(ids.filter((id) => UNSHOWN_TRANSLATION.test(id)), [], 'translations no page shows');
  // What the bundles ask for: translate({id: …}) and <Translate id=…> compile to an `id:"a.b"` property.
  const asked = new Set(files.flatMap((f) => [...readFileSync(join(assets, f), 'utf8').matchAll(/\bid:"([A-Za-z]\w*(?:\.[\w-]+)+)"/g)].map((m) => m[1])));
  assert.ok(asked.has('theme.common.skipToMainContent') && asked.size > 50, `read ${asked.size} ids`);
  assert.deepEqual([...asked].filter((id) => !(id in translations)), [], 'ids the bundles ask for that zh-Hans does not translate');
});
