/** Frozen prose (src/rehype/static-prose.ts), run through the real MDX compiler and React's server renderer. */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {describe, test} from 'node:test';
import React from 'react';
import * as runtime from 'react/jsx-runtime';
import {renderToStaticMarkup} from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import rehypeStaticProse, {PROSE_TAGS, THEME_MAPPED_TAGS, type StaticProseOptions} from '../../src/rehype/static-prose';

const PAGE = `
import {Count} from './somewhere';

Some *prose* with \`code\`, a [page link](/docs/faq#why), an [outside link](https://example.org/a), and <kbd>K</kbd>.

## A heading {/* an MDX comment */}

- one [two](#three)
- four **five** <span id="six">six</span>

<Count of="maps" /> maps are defined with \`x\` and *y*.

| a | b |
| - | - |
| \`1\` | 2 |

\`\`\`bash
echo hi
\`\`\`

<Frame>
  Note with **bold** and [a link](/docs/intro).
</Frame>
`;

async function compiled(options?: StaticProseOptions): Promise<string> {
  // @mdx-js/mdx is ESM-only; the tests run as CommonJS.
  const {compile} = await import('@mdx-js/mdx');
  const plugins = options ? [[rehypeStaticProse, options]] : [];
  const out = await compile(PAGE.replace(/^import .*$/m, ''), {remarkPlugins: [remarkGfm], rehypePlugins: plugins as never});
  return String(out);
}

/** Renders the page with stand-ins for the components, as the build's server render would. */
async function rendered(options?: StaticProseOptions): Promise<{html: string; links: string[][]}> {
  const {evaluate} = await import('@mdx-js/mdx');
  const links: string[][] = [];
  const {default: Content} = await evaluate(PAGE.replace(/^import .*$/m, ''), {
    ...runtime,
    remarkPlugins: [remarkGfm],
    rehypePlugins: (options ? [[rehypeStaticProse, options]] : []) as never,
  } as never);
  const components = {
    Count: () => React.createElement('strong', null, '7'),
    Frame: ({children}: {children: React.ReactNode}) => React.createElement('figure', null, children),
    h2: (props: object) => React.createElement('h2', {...props, className: 'anchor'}),
    StaticHtmlLinks: ({links: l, anchors}: {links: string[]; anchors: string[]}) => (links.push(l, anchors), null),
  };
  return {html: renderToStaticMarkup(React.createElement(Content, {components})), links};
}

describe('static prose', () => {
  test('renders the same HTML as the JSX it replaces (no link rewriting at base URL /)', async () => {
    const outside = (html: string) => html.replace(' target="_blank" rel="noopener noreferrer"', '');
    const before = (await rendered()).html;
    const after = outside((await rendered({baseUrl: '/'})).html);
    assert.equal(after, before);
  });

  test('freezes prose into HTML strings, keeps headings, code blocks and components as React', async () => {
    const js = await compiled({baseUrl: '/'});
    assert.match(js, /_jsx\("p", \{\s*dangerouslySetInnerHTML: \{\s*__html: "Some <em>prose<\/em>/);
    assert.match(js, /_jsx\("ul", \{\s*dangerouslySetInnerHTML/);
    assert.match(js, /_jsx\("table", \{\s*dangerouslySetInnerHTML/);
    assert.match(js, /_components\.h2/, 'the heading stays the theme component');
    assert.match(js, /_components\.pre/, 'the fenced block stays the theme code block');
    // A paragraph holding a component stays React; its frozen parts inside do not.
    assert.match(js, /_jsx\(Count, \{/);
    // Text alone is left as it is: React writes it in one go anyway.
    assert.match(js, /_jsx\(_components\.em, \{\s*children: "y"/);
    assert.match(js, /_jsx\(Frame, \{\s*children: _jsx\("p", \{\s*dangerouslySetInnerHTML/, "a component's prose children are frozen too");
  });

  test('writes links the way <Link> does and reports them to the broken-link check', async () => {
    const {html, links} = await rendered({baseUrl: '/zh-Hans/', trailingSlash: false});
    assert.match(html, /<a href="\/zh-Hans\/docs\/faq#why">page link<\/a>/);
    assert.match(html, /<a href="https:\/\/example.org\/a" target="_blank" rel="noopener noreferrer">outside link<\/a>/);
    assert.match(html, /<a href="#three">two<\/a>/);
    assert.deepEqual(links, [['/zh-Hans/docs/faq#why', '#three', '/zh-Hans/docs/intro'], ['six']]);
  });

  test("every lower-case tag the theme maps to a component is handled, or is no prose tag at all", () => {
    const require = createRequire(__filename);
    const source = readFileSync(require.resolve('@docusaurus/theme-classic/lib/theme/MDXComponents/index.js'), 'utf8');
    const mapping = source.slice(source.indexOf('const MDXComponents = {'));
    const keys = [...mapping.matchAll(/^\s+([a-z][a-z0-9]*):/gm)].map((m) => m[1]);
    assert.ok(keys.includes('a') && keys.includes('h2'), `read the theme's mapping (${keys.join(', ')})`);
    const unhandled = keys.filter((k) => PROSE_TAGS.has(k) && !(THEME_MAPPED_TAGS as readonly string[]).includes(k));
    assert.deepEqual(unhandled, []);
  });
});
