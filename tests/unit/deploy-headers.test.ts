/** src/lib/deploy-headers.ts: inline script hashes, and _headers and the nginx locations saying the same thing. */
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {describe, test} from 'node:test';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  type DeployTree,
  inlineScriptHashes,
  netlifyHeadersFile,
  nginxLocations,
} from '../../src/lib/deploy-headers';
import {headersFor, parseHeadersFile} from '../support/deploy';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('inline scripts are hashed; scripts with src and data blocks are not', () => {
  const html = [
    '<script>a()</script>',
    '<script src=/x.js></script>',
    '<script data-rh=true type=application/ld+json>{"a":1}</script>',
    '<script type="module">b()</script>',
    '<script>a()</script>',
    '<script type=text/javascript>中()</script>',
  ].join('');
  assert.deepEqual(inlineScriptHashes(html).sort(), [sha('a()'), sha('b()'), sha('中()')].sort());
});

function tree(baseUrl: string): DeployTree {
  const dir = (name: string) => ({name, directory: true});
  const file = (name: string) => ({name, directory: false});
  return {
    baseUrl,
    localePrefixes: ['zh-Hans/'],
    entries: {
      '': [dir('assets'), dir('docs'), dir('img'), dir('zh-Hans'), file('index.html'), file('404.html'), file('search.html'), file('_headers'), file('_nginx-locations.conf')],
      'zh-Hans/': [dir('assets'), dir('docs'), file('index.html'), file('404.html')],
    },
    scriptHashes: [sha('a()')],
  };
}

/** Which location nginx picks for a path: exact match, else the longest prefix unless a regex matches first. */
function nginxHeaders(config: string, path: string): Record<string, string> {
  const blocks = [...config.matchAll(/^location (\^~ |~ )?(\S+) \{\n([\s\S]*?)\n\}/gm)].map((m) => ({
    modifier: (m[1] ?? '').trim(),
    match: m[2],
    headers: Object.fromEntries([...m[3].matchAll(/add_header (\S+) "((?:[^"\\]|\\.)*)" always;/g)].map((h) => [h[1], h[2]])),
  }));
  const prefixes = blocks.filter((b) => b.modifier !== '~' && path.startsWith(b.match)).sort((a, b) => b.match.length - a.match.length);
  const regex = blocks.find((b) => b.modifier === '~' && new RegExp(b.match).test(path));
  const chosen = prefixes[0]?.modifier === '^~' ? prefixes[0] : (regex ?? prefixes[0]);
  assert.ok(chosen, `a location serves ${path}`);
  return chosen.headers;
}

for (const baseUrl of ['/', '/cilium-guide/']) {
  describe(`baseUrl ${baseUrl}`, () => {
    const rules = parseHeadersFile(netlifyHeadersFile(tree(baseUrl)));
    const nginx = nginxLocations(tree(baseUrl));
    const paths = ['', 'docs/intro', 'docs/intro.md', 'assets/js/main.1a2b3c4d.js', 'img/logo.svg', 'search', 'search-index.json', 'llms.txt', 'zh-Hans', 'zh-Hans/', 'zh-Hans/docs/intro', 'zh-Hans/assets/css/styles.0a1b2c3d.css', 'zh-Hans/sitemap.xml'].map(
      (p) => `${baseUrl}${p}`,
    );

    test('every path gets the security headers once and one Cache-Control; assets immutable, the rest revalidated', () => {
      for (const path of paths) {
        const {headers, conflicts} = headersFor(rules, path);
        assert.deepEqual(conflicts, [], path);
        assert.ok(headers['Content-Security-Policy']?.includes("script-src 'self' " + sha('a()')), path);
        assert.equal(headers['Cache-Control'], path.includes('/assets/') ? CACHE_IMMUTABLE : CACHE_REVALIDATE, path);
      }
    });

    test('nginx sends the same headers as _headers for each path', () => {
      for (const path of paths) assert.deepEqual(nginxHeaders(nginx, path), headersFor(rules, path).headers, path);
    });

    test('the deploy files themselves are not served', () => {
      assert.ok(!rules.some((r) => r.path.includes('_headers') || r.path.includes('_nginx')));
      assert.match(nginx, new RegExp(`location ~ \\^${baseUrl.replace(/\//g, '\\/')}\\(_headers\\|_nginx-locations\\\\\\.conf\\)\\$ \\{[\\s\\S]*?return 404;`));
    });
  });
}
