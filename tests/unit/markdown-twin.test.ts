/** src/markdown/twin.ts: a page's MDX becomes plain Markdown, and what has no Markdown form fails with file and line. */
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {CILIUM_COMMIT, ciliumPermalink} from '../../src/lib/cilium';
import {loadExcerptData} from '../../src/lib/excerpt-data';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {TwinRenderer, type TwinDoc} from '../../src/markdown/twin';
import {translator} from '../../src/plugins/markdown-twins';
import {buildReferenceData} from '../../src/plugins/reference-data';
import {buildSymbolIndex} from '../../src/plugins/symbol-index';
import {factCount, loadFacts} from '../../src/remark/fact-counts';

const excerpts = loadExcerptData();
const reference = buildReferenceData(SITE_ROOT);
const symbols = buildSymbolIndex(SITE_ROOT, 'en');
const page: TwinDoc = {source: join(SITE_ROOT, 'docs/fixture.mdx'), permalink: '/docs/fixture', title: 'Fixture', description: 'A page for the test.'};
const other: TwinDoc = {source: join(SITE_ROOT, 'docs/agent/other.mdx'), permalink: '/docs/agent/other', title: 'Other', description: 'x'};

function renderer(messages: Record<string, string> = {}) {
  return new TwinRenderer({
    locale: 'en',
    url: 'https://guide.example',
    localeBaseUrl: '/',
    docs: [page, other],
    excerpts,
    reference,
    symbols,
    diagramSource: (name) => `%% ${name}\nflowchart LR\n  a --> b`,
    figureSource: (_doc, alt) => (alt === 'A figure' ? '/assets/fig.123abc.png' : undefined),
    translate: translator(messages),
    relativePath: (p) => p.slice(SITE_ROOT.length + 1),
  });
}

const MDX = `---
title: Fixture
---

## A heading {/* #the-id */}

See [main](cilium:daemon/main.go#L11-L16), [the other page](./agent/other.mdx#why), [a line](#startup-main-L13),
[a note](#startup-main-note-2), [maps](/docs/agent/other), press <kbd>Ctrl</kbd>; **<FactCount of="maps" />** maps. {/* a comment */}

:::note[Careful]
Body text.
:::

<Diagram name="flow" />

<Figure img={require('@site/src/figures/x.png')} alt="A figure" />

<Excerpt id="startup-main" path="daemon/main.go" lines="11-16" anchor="func main() {" title="The entry">
  <Callout line="15">Second note.</Callout>
  <Callout line="13">First note with \`code\`.</Callout>
</Excerpt>

<Excerpt id="startup-root-cmd" path="daemon/cmd/root.go" lines="22-24,29-37,44-53,64-70"
         anchor="func NewAgentCmd(hfn func() *hive.Hive) *cobra.Command {">
</Excerpt>
`;

describe('Markdown twin', () => {
  const md = renderer().render(page, MDX);
  const body = md.slice(md.indexOf('\n---\n') + 5);

  test('front matter names the page, its URLs and the Cilium commit', () => {
    assert.match(md, /^---\ntitle: "Fixture"\ndescription: "A page for the test."\nurl: "https:\/\/guide.example\/docs\/fixture"\nmarkdown: "https:\/\/guide.example\/docs\/fixture.md"\nlocale: "en"\ncilium_version: "1.18.2"\n/);
    assert.ok(md.includes(`cilium_commit: "${CILIUM_COMMIT}"`));
    assert.ok(body.startsWith('\n# Fixture\n'));
  });

  test('no import, no JSX, no MDX comment; heading ids as {#id}', () => {
    assert.doesNotMatch(body, /import |<[A-Za-z]|\{\/\*/);
    assert.ok(body.includes('## A heading {#the-id}\n'));
  });

  test('links: cilium: to the permalink, pages to their twins, excerpt lines and notes to the excerpt', () => {
    assert.ok(body.includes(`[main](${ciliumPermalink('daemon/main.go', 11, 16)})`));
    assert.ok(body.includes('[the other page](/docs/agent/other.md#why)'));
    assert.ok(body.includes('[a line](#startup-main)'));
    assert.ok(body.includes('[a note](#startup-main)'));
    assert.ok(body.includes('[maps](/docs/agent/other.md)'));
  });

  test('components: kbd, FactCount, admonition, diagram and figure', () => {
    assert.ok(body.includes('press `Ctrl`;'));
    assert.ok(body.includes(`**${factCount('maps', loadFacts())}** maps.`));
    assert.ok(body.includes('> **Careful**\n>\n> Body text.'));
    assert.ok(body.includes('```mermaid\n%% flow\nflowchart LR\n  a --> b\n```'));
    assert.ok(body.includes('![A figure](/assets/fig.123abc.png)'));
  });

  test('an excerpt: caption, exact lines, notes in line order', () => {
    const lines = excerpts.excerpts['startup-main'].ranges[0].lines.join('\n');
    const expected = [
      '**The entry** {#startup-main}\\',
      `\`daemon/main.go:11-16\` · Cilium v1.18.2 · [View on GitHub](${ciliumPermalink('daemon/main.go', 11, 16)})`,
      '',
      `\`\`\`go\n${lines}\n\`\`\``,
      '',
      '1. L13: First note with `code`.',
      '2. L15: Second note.',
    ].join('\n');
    assert.ok(body.includes(expected), body);
  });

  test('an excerpt of several ranges: one block per range, each under its lines, no gap marker', () => {
    const {ranges} = excerpts.excerpts['startup-root-cmd'];
    assert.ok(body.includes(`\`daemon/cmd/root.go:22-24,29-37,44-53,64-70\` · Cilium v1.18.2 · [View on GitHub](${ciliumPermalink('daemon/cmd/root.go', 22, 70)}) {#startup-root-cmd}`));
    for (const range of ranges) {
      const to = range.from + range.lines.length - 1;
      assert.ok(body.includes(`[Lines ${range.from}–${to}:](${ciliumPermalink('daemon/cmd/root.go', range.from, to)})\n\n\`\`\`go\n${range.lines.join('\n')}\n\`\`\``));
    }
    assert.doesNotMatch(body, /⋯|…\s*lines/);
  });

  test('the Symbols table: one row per symbol, anchored, with its definitions', () => {
    const md = renderer().render(page, `---\ntitle: Fixture\n---\n\n**<FactCount of="symbols" />** symbols.\n\n<SymbolsTable />\n`);
    assert.ok(md.includes(`**${loadFacts().symbols}** symbols.`));
    const row = symbols.rows.find((r) => r.anchor === 'sym-loader-ReloadDatapath')!;
    assert.ok(row, 'ReloadDatapath is a symbol');
    const line = md.split('\n').find((l) => l.includes('{#sym-loader-ReloadDatapath}'))!;
    assert.ok(line, 'the row carries its anchor');
    for (const d of row.defs) assert.ok(line.includes(`[\`${d.path}:${d.line}\`](${d.permalink})`), `${d.path}:${d.line}`);
    assert.equal(md.split('\n').filter((l) => /\{#sym-/.test(l)).length, symbols.rows.length);
  });

  test('labels come from the locale\'s translations', () => {
    const zh = renderer({'excerpt.permalink': '在 GitHub 上查看', 'markdown.excerpt.range': '第 {from}–{to} 行：'}).render(page, MDX);
    assert.ok(zh.includes('[在 GitHub 上查看]('));
    assert.ok(zh.includes('[第 22–24 行：]('));
  });
});

describe('what has no Markdown form fails, naming file and line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unknown component', 'Text.\n\n<Tabs>\n\nx\n\n</Tabs>\n', /docs\/fixture\.mdx:3: .*<Tabs> has no Markdown form/],
    ['an expression', 'Two is {1 + 1}.\n', /docs\/fixture\.mdx:1: .*expression \{1 \+ 1\}/],
    ['a link to a file that is no page', '[x](./nowhere.mdx)\n', /docs\/fixture\.mdx:1: .*"\.\/nowhere\.mdx" names no guide page/],
    ['a figure missing from the built page', '<Figure img={x} alt="Other" />\n', /docs\/fixture\.mdx:1: .*no <img>/],
    ['a bad cilium: link', '[x](cilium:a.go#L9-L2)\n', /docs\/fixture\.mdx:1: .*descending/],
  ];
  for (const [what, mdx, message] of cases) {
    test(what, () => assert.throws(() => renderer().render(page, mdx), message));
  }
});
