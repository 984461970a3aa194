/** Every doc page's Markdown twin, llms.txt and llms-full.txt, read from the build; the page's Markdown actions in Chromium. */
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import type {RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';
import {newContext} from '../../scripts/lib/browser';
import {BUILD_DIR, type RunningServer} from '../../scripts/lib/server';
import {sitemapPaths} from '../../scripts/lib/site';
import {CILIUM_COMMIT, CILIUM_VERSION, ciliumPermalink} from '../../src/lib/cilium';
import {loadDriftData} from '../../src/lib/drift';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {languageOf} from '../../src/rehype/excerpts';
import {excerptData, pagesWithExcerpts} from '../support/excerpts';
import {type Twin, anchorsOf, excerptBlocks, linksOf, parseMarkdown, readTwin, tagAttributes} from '../support/markdown-twins';
import {startSite} from '../support/start-site';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const LOCALES = {en: '', 'zh-Hans': '/zh-Hans'} as const;
const docPaths = [...sitemapPaths('en'), ...sitemapPaths('zh-Hans')].filter((p) => /^(\/zh-Hans)?\/docs\//.test(p));
const twins = new Map<string, Twin>(docPaths.map((p) => [p, readTwin(BUILD_DIR, p)]));
const drift = loadDriftData();
const html = (path: string) => readFileSync(join(BUILD_DIR, `${path}.html`), 'utf8');

/** Lines of the twin's body that lie inside fenced code blocks. */
function codeLines(twin: Twin): Set<number> {
  const lines = new Set<number>();
  visit(twin.tree, 'code', (node) => {
    for (let l = node.position!.start.line; l <= node.position!.end.line; l++) lines.add(l);
  });
  return lines;
}

describe('Markdown twins', () => {
  test('every doc page of both locales has a twin with title, description, URL, Cilium version and commit', () => {
    assert.ok(docPaths.length >= 20, `found ${docPaths.length} doc pages`);
    for (const [path, twin] of twins) {
      const fm = twin.frontMatter;
      const description = tagAttributes(html(path), 'meta').find((m) => m.name === 'description')?.content;
      assert.equal(fm.description, description, `${path}: description`);
      assert.ok(fm.title, `${path}: title`);
      assert.match(twin.text, new RegExp(`\\n# ${fm.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`), `${path}: starts with its title`);
      assert.equal(new URL(fm.url).pathname, path, `${path}: url`);
      assert.equal(new URL(fm.markdown).pathname, `${path}.md`, `${path}: markdown url`);
      assert.equal(fm.locale, path.startsWith('/zh-Hans/') ? 'zh-Hans' : 'en');
      assert.equal(fm.cilium_version, CILIUM_VERSION);
      assert.equal(fm.cilium_commit, CILIUM_COMMIT);
    }
  });

  test('no twin holds MDX: no import or export line, no JSX or HTML, no <Excerpt or <Callout', () => {
    const problems: string[] = [];
    for (const [path, twin] of twins) {
      if (/<Excerpt|<Callout/.test(twin.text)) problems.push(`${path}: holds <Excerpt or <Callout`);
      visit(twin.tree, 'html', (node) => void problems.push(`${path}:${node.position?.start.line}: HTML/JSX ${node.value.slice(0, 60)}`));
      const inCode = codeLines(twin);
      const body = twin.text.slice(twin.text.indexOf('\n---\n') + 5).split('\n');
      body.forEach((line, i) => {
        if (inCode.has(i + 1)) return;
        if (/^\s*(import|export)\s/.test(line)) problems.push(`${path}:${i + 1}: ${line}`);
        if (/\{\/\*|\*\/\}/.test(line)) problems.push(`${path}:${i + 1}: MDX comment ${line}`);
      });
    }
    assert.deepEqual(problems, []);
  });

  test('every excerpt is in its page\'s twin: caption with path:lines and permalink, one block per range of exactly the committed lines, notes as a list', () => {
    const pages = pagesWithExcerpts();
    assert.ok(pages.size > 10);
    let checked = 0;
    for (const [path, ids] of pages) {
      const twin = twins.get(path);
      assert.ok(twin, `${path} has a twin`);
      for (const id of ids) {
        const stored = excerptData.excerpts[id];
        const blocks = excerptBlocks(twin, id);
        assert.ok(blocks, `${path}: excerpt ${id} has a caption {#${id}}`);
        assert.equal(blocks.length, stored.ranges.length, `${path}: ${id} has one block per range`);
        stored.ranges.forEach((range, i) => {
          assert.equal(blocks[i].value, range.lines.join('\n'), `${path}: ${id} range ${range.from} is exact`);
          assert.equal(blocks[i].lang, languageOf(stored.path));
        });
        const last = stored.ranges.at(-1)!;
        const shown = stored.ranges.map((r) => (r.lines.length === 1 ? `${r.from}` : `${r.from}-${r.from + r.lines.length - 1}`)).join(',');
        const caption = twin.tree.children.find((n) => n.type === 'paragraph' && toString(n).includes(`{#${id}}`))!;
        let captionCode = '';
        const captionLinks: string[] = [];
        visit(caption, (n) => {
          if (n.type === 'inlineCode') captionCode ||= n.value;
          if (n.type === 'link') captionLinks.push(n.url);
        });
        assert.equal(captionCode, `${stored.path}:${shown}`, `${path}: ${id} caption`);
        assert.ok(captionLinks.includes(ciliumPermalink(stored.path, stored.ranges[0].from, last.from + last.lines.length - 1)), `${path}: ${id} permalink`);
        const notes = [...html(path).matchAll(new RegExp(`id=["']?${id}-note-\\d+`, 'g'))].length;
        if (notes) {
          const index = twin.tree.children.indexOf(blocks.at(-1)!);
          const list: RootContent | undefined = twin.tree.children[index + 1];
          assert.ok(list?.type === 'list' && list.ordered, `${path}: ${id} notes follow as a numbered list`);
          assert.equal(list.children.length, notes, `${path}: ${id} has its ${notes} notes`);
        }
        checked++;
      }
    }
    assert.ok(checked > 40, `checked ${checked} excerpts`);
  });

  test('every diagram is its mermaid source', () => {
    let diagrams = 0;
    for (const [path, twin] of twins) {
      const locale = path.startsWith('/zh-Hans/') ? 'zh-Hans' : 'en';
      const names = [...html(path).matchAll(/data-diagram=["']?([a-z0-9-]+)/g)].map((m) => m[1]);
      const blocks: string[] = [];
      visit(twin.tree, 'code', (node) => void (node.lang === 'mermaid' && blocks.push(node.value)));
      const sources = names.map((name) => readFileSync(join(SITE_ROOT, 'src/diagrams', `${name}.${locale}.mmd`), 'utf8').trimEnd());
      assert.deepEqual(blocks, sources, `${path}: diagrams`);
      diagrams += names.length;
    }
    assert.equal(diagrams, 4);
  });

  test('reference twins are Markdown tables that carry every row anchor of the HTML page', () => {
    for (const [path, twin] of twins) {
      // The drift page sums the other reference pages up; it has no rows of its own.
      if (!/\/docs\/reference\/./.test(path) || path.endsWith('/reference/drift')) continue;
      const rowIds = [...html(path).matchAll(/<(?:tr|details)[^>]*\bid=["']?((?:prog|tail|map|module|sym)-[^"'\s>]+)/g)].map((m) => m[1]);
      assert.ok(rowIds.length > 20, `${path}: rows in HTML`);
      let tables = 0;
      visit(twin.tree, 'table', () => void tables++);
      assert.ok(tables >= 1, `${path}: has a table`);
      const anchors = anchorsOf(twin);
      assert.deepEqual(rowIds.filter((id) => !anchors.has(id)), [], `${path}: row anchors missing from the twin`);
    }
  });

  test('every link in a twin resolves: to a twin and its anchor, a built file, or a pinned Cilium permalink', () => {
    const problems: string[] = [];
    const served = (path: string) =>
      [path, `${path}.html`, join(path, 'index.html')].some((p) => existsSync(join(BUILD_DIR, p)) && statSync(join(BUILD_DIR, p)).isFile());
    let count = 0;
    for (const [path, twin] of twins) {
      for (const url of linksOf(twin)) {
        count++;
        if (url.startsWith('https://github.com/cilium/cilium')) {
          // The pinned commit, or the commit the drift data compares with (src/data/drift.json).
          const pinned = [CILIUM_COMMIT, drift.to].some((commit) => url.includes(`/blob/${commit}/`) || url.includes(`/tree/${commit}`));
          if (!pinned) problems.push(`${path}: not pinned: ${url}`);
          continue;
        }
        if (/^https?:/.test(url)) continue;
        const [target, anchor] = url.split('#');
        if (target === '') {
          if (!anchorsOf(twin).has(anchor)) problems.push(`${path}: no anchor ${url}`);
        } else if (!target.startsWith('/')) {
          problems.push(`${path}: relative link ${url}`);
        } else if (target.endsWith('.md')) {
          const other = twins.get(target.slice(0, -3));
          if (!other) problems.push(`${path}: ${url} is no twin`);
          else if (anchor && !anchorsOf(other).has(anchor)) problems.push(`${path}: ${url}: no {#${anchor}} in ${target}`);
        } else if (!served(decodeURIComponent(target))) {
          problems.push(`${path}: ${url} is not in the build`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(count > 500, `checked ${count} links`);
  });
});

describe('llms.txt and llms-full.txt', () => {
  for (const [locale, prefix] of Object.entries(LOCALES)) {
    test(`${locale}: llms.txt has a title, a summary and a link with description to every page's twin`, () => {
      const text = readFileSync(join(BUILD_DIR, prefix, 'llms.txt'), 'utf8');
      const [title, , summary] = text.split('\n');
      assert.match(title, /^# \S/);
      assert.match(summary, /^> .*v1\.18\.2/);
      const links = [...text.matchAll(/^- \[[^\]]+\]\(([^)]+)\): (.+)$/gm)].map((m) => ({path: new URL(m[1]).pathname, description: m[2]}));
      const expected = docPaths.filter((p) => (prefix ? p.startsWith(`${prefix}/`) : !p.startsWith('/zh-Hans/'))).map((p) => `${p}.md`);
      assert.deepEqual(links.map((l) => l.path).sort(), expected.sort());
      for (const {path, description} of links) assert.equal(description, twins.get(path.slice(0, -3))!.frontMatter.description.replace(/\s+/g, ' '));
      assert.match(text, new RegExp(`\\(?https?://[^/]+${prefix}/llms-full\\.txt`));
    });

    test(`${locale}: llms-full.txt holds every page in sidebar order`, () => {
      const text = readFileSync(join(BUILD_DIR, prefix, 'llms-full.txt'), 'utf8');
      const titles: string[] = [];
      visit(parseMarkdown(text), 'heading', (h) => void (h.depth === 1 && titles.push(toString(h))));
      titles.shift(); // the site's title
      const sidebar = tagAttributes(html(`${prefix}/docs/intro`), 'a')
        .filter((a) => a.class?.split(' ').includes('menu__link'))
        .map((a) => a.href)
        .filter((href) => twins.has(href));
      assert.equal(new Set(sidebar).size, docPaths.length / 2, 'the sidebar links every page');
      assert.deepEqual(titles, [...new Set(sidebar)].map((href) => twins.get(href)!.frontMatter.title));
      for (const href of new Set(sidebar)) {
        const body = twins.get(href)!.text.split('\n---\n')[1];
        const firstBlock = excerptFreeSample(body);
        assert.ok(text.includes(firstBlock), `${href}: its text is in llms-full.txt`);
      }
    });
  }
});

/** A paragraph from the middle of a twin, to find it again in llms-full.txt. */
function excerptFreeSample(body: string): string {
  const paragraphs = body.split('\n\n').filter((p) => p.length > 40 && !p.startsWith('#') && !p.startsWith('```'));
  return paragraphs[Math.floor(paragraphs.length / 2)] ?? body.slice(0, 200);
}

describe('View as Markdown and Copy page', () => {
  for (const path of ['/docs/agent/startup', '/zh-Hans/docs/reference']) {
    test(`${path}: the link leads to the twin and the button copies it exactly`, async () => {
      const {context, record} = await newContext(browser);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.origin});
      const page = await context.newPage();
      await page.goto(server.origin + path, {waitUntil: 'networkidle'});
      const link = page.locator('a[data-markdown-twin]');
      assert.equal(await link.getAttribute('href'), `${path}.md`);
      assert.equal(await page.locator('head link[rel="alternate"][type="text/markdown"]').getAttribute('href'), `${path}.md`);
      const button = page.getByRole('button', {name: path.startsWith('/zh-Hans') ? '复制页面' : 'Copy page'});
      await button.click();
      await page.getByRole('button', {name: path.startsWith('/zh-Hans') ? '已复制' : 'Copied'}).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, twins.get(path)!.text);
      const response = await page.goto(server.origin + `${path}.md`);
      assert.equal(response?.status(), 200);
      assert.deepEqual(record.consoleErrors, []);
      await context.close();
    });
  }

  test('without JavaScript the link is there and the button is hidden', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/intro`);
    assert.ok(await page.locator('a[data-markdown-twin]').isVisible());
    assert.equal(await page.locator('[data-copy-page]').isVisible(), false);
    await context.close();
  });
});

test('no twin is left over for a page that is gone', () => {
  const stray: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md') && !twins.has(`/${full.slice(BUILD_DIR.length + 1, -3)}`)) stray.push(full);
    }
  };
  walk(join(BUILD_DIR, 'docs'));
  walk(join(BUILD_DIR, 'zh-Hans/docs'));
  assert.deepEqual(stray, []);
});
