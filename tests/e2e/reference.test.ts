/** The generated Reference pages: complete tables, a working filter, deep links to rows and modules. */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {isBelowNavbarAndInView, newContext, waitForHydration} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

const facts = (name: string) => JSON.parse(readFileSync(join(SITE_ROOT, 'src/data/facts', name), 'utf8'));
const programs = facts('programs.json').programs.filter((p: {kind: string}) => p.kind !== 'tail-call').length;
const tailCalls = facts('tailcalls.json').tailCalls.length;
const maps = facts('maps.json').maps.length;
const countModules = (m: {children: unknown[]}): number => 1 + m.children.reduce((n: number, c) => n + countModules(c as {children: unknown[]}), 0);
const modules = countModules(facts('cells.json').tree);

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

describe('reference pages', () => {
  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: the pages list exactly as many items as the facts hold, without JavaScript`, async () => {
      const {context} = await newContext(browser, {javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/docs/reference/entry-points`);
      const tables = page.locator('table:has([data-fact-row])');
      assert.equal(await tables.nth(0).locator('[data-fact-row]').count(), programs);
      assert.equal(await tables.nth(1).locator('[data-fact-row]').count(), tailCalls);
      await page.goto(`${server.origin}${prefix}/docs/reference/maps`);
      assert.equal(await page.locator('[data-fact-row]').count(), maps);
      await page.goto(`${server.origin}${prefix}/docs/reference/cell-tree`);
      assert.equal(await page.locator('details[data-module]').count(), modules);
      await context.close();
    });
  }

  test('the filter narrows the maps table and says how many rows it shows', async () => {
    const {context} = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps`, {waitUntil: 'networkidle'});
    // Filtering is React's work (a filter typed before the runtime: tests/e2e/before-runtime.test.ts).
    await waitForHydration(page);
    const filter = page.locator('input[type="search"]:not(.navbar__search-input)');
    await filter.fill('lxc');
    const names = await page.locator('[data-fact-row] td:first-child').allInnerTexts();
    assert.ok(names.length > 0 && names.length < maps, `filtered to ${names.length}`);
    const rows = await page.locator('[data-fact-row]').allInnerTexts();
    assert.ok(rows.every((r) => r.toLowerCase().includes('lxc')), 'every remaining row mentions lxc');
    assert.ok(names.includes('cilium_lxc'));
    assert.match(await page.locator('output').first().innerText(), new RegExp(`${names.length}\\D+${maps}`));
    await filter.fill('no-such-map-anywhere');
    assert.equal(await page.locator('[data-fact-row]').count(), 0);
    await context.close();
  });

  test('a column header sorts the table', async () => {
    const {context} = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps`, {waitUntil: 'networkidle'});
    await waitForHydration(page);
    await page.locator('th button').first().click();
    // Text content, not innerText: a row that waits to be drawn (content-visibility: auto) has no inner text yet.
    const names = await page.locator('[data-fact-row] td:first-child').allTextContents();
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    await page.locator('th button').first().click();
    const reversed = await page.locator('[data-fact-row] td:first-child').allTextContents();
    assert.deepEqual(reversed, [...names].reverse());
    await context.close();
  });

  test('a deep link to a map row scrolls it into view', async () => {
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps#map-cilium_lxc`, {waitUntil: 'networkidle'});
    await page.waitForTimeout(300);
    assert.ok(await isBelowNavbarAndInView(page, '#map-cilium_lxc'));
    await context.close();
  });

  test('a deep link to a nested module opens its ancestors; expand all opens every module', async () => {
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/cell-tree#module-loader`, {waitUntil: 'networkidle'});
    await page.waitForTimeout(300);
    assert.ok(await page.locator('#module-loader').isVisible());
    assert.ok(await isBelowNavbarAndInView(page, '#module-loader'));
    const closed = () => page.locator('details[data-module]:not([open])').count();
    assert.ok((await closed()) > 0);
    await waitForHydration(page);
    await page.getByRole('button', {name: 'Expand all'}).click();
    assert.equal(await closed(), 0);
    await page.getByRole('button', {name: 'Collapse all'}).click();
    assert.equal(await closed(), modules);
    await context.close();
  });

  const REFERENCE_PAGES = ['/docs/reference', '/docs/reference/entry-points', '/docs/reference/maps', '/docs/reference/cell-tree', '/docs/reference/symbols'];
  const WIDTHS = [
    {width: 1440, height: 900},
    {width: 1024, height: 768},
    {width: 390, height: 844},
  ];

  for (const prefix of ['', '/zh-Hans']) {
    for (const {width, height} of WIDTHS) {
      test(`${prefix || 'en'} at ${width} px: the reference pages never scroll sideways${width === 1440 ? ', nor does any table' : ''}`, async () => {
        const {context} = await newContext(browser, {viewport: {width, height}});
        const page = await context.newPage();
        const problems: string[] = [];
        for (const path of REFERENCE_PAGES) {
          await page.goto(server.origin + prefix + path, {waitUntil: 'networkidle'});
          const layout = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            tables: Array.from(document.querySelectorAll<HTMLElement>('[role="region"]:has(table)')).map((region) => region.scrollWidth - region.clientWidth),
            toc: !!document.querySelector('.theme-doc-toc-desktop'),
            tocEntries: document.querySelectorAll('.theme-doc-toc-desktop li').length,
            cards: Array.from(document.querySelectorAll('table[data-lazy-cards]')).map((table) => ({
              display: getComputedStyle(table.querySelector('[data-fact-row]')!).display,
              fixed: (table as HTMLElement).style.getPropertyValue('--column-widths') !== '',
            })),
          }));
          if (layout.page > 0) problems.push(`${path}: the page scrolls sideways by ${layout.page} px`);
          if (width === 1440) {
            layout.tables.forEach((overflow, i) => overflow > 0 && problems.push(`${path}: table ${i + 1} scrolls sideways by ${overflow} px`));
            if (layout.toc && layout.tocEntries <= 1) problems.push(`${path}: a table of contents column with ${layout.tocEntries} entry`);
          }
          // Below about 900 px rows are stacked cards, above they are table rows; from 1200 px a
          // fixed table's rows are grid rows over its column widths.
          for (const {display, fixed} of layout.cards) {
            const expected = width < 900 ? 'block' : width >= 1200 && fixed ? 'grid' : 'table-row';
            if (display !== expected) problems.push(`${path}: rows are display ${display}, expected ${expected}`);
          }
        }
        await context.close();
        assert.deepEqual(problems, []);
      });
    }
  }

  // From 997 px the sidebar takes 300 px, and beside a table of contents the column is under 500 px
  // at 1000: a fixed table keeps the width it has at 1200 px and scrolls sideways in its frame.
  test('between 997 and 1200 px a fixed table is as wide as at 1200 px, and wraps no more; the page does not scroll sideways', async () => {
    const problems: string[] = [];
    const measure = async (path: string, width: number) => {
      const {context} = await newContext(browser, {viewport: {width, height: 800}});
      const page = await context.newPage();
      await page.goto(server.origin + path, {waitUntil: 'load'});
      // Rows that wait (from 1200 px) are laid out for the count.
      await page.addStyleTag({content: '[data-fact-row] { content-visibility: visible !important; }'});
      const layout = await page.evaluate(() => {
        const table = document.querySelector<HTMLElement>('table[data-lazy-cards]')!;
        // Runs of code text between two <wbr> that take more than one line.
        let broken = 0;
        for (const code of table.querySelectorAll('td code')) {
          const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            if (new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1) broken++;
          }
        }
        return {width: table.getBoundingClientRect().width, frame: table.parentElement!.clientWidth, broken, pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
      });
      await context.close();
      return layout;
    };
    for (const path of ['entry-points', 'maps', 'symbols'].flatMap((name) => ['', '/zh-Hans'].map((prefix) => `${prefix}/docs/reference/${name}`))) {
      const wide = await measure(path, 1200);
      for (const width of [1000, 1100]) {
        const narrow = await measure(path, width);
        if (narrow.pageOverflow > 0) problems.push(`${width}px ${path}: the page scrolls sideways by ${narrow.pageOverflow} px`);
        if (narrow.width < wide.width - 1) problems.push(`${width}px ${path}: the table is ${Math.round(narrow.width)} px wide, ${Math.round(wide.width)} px at 1200`);
        if (narrow.broken > wide.broken) problems.push(`${width}px ${path}: ${narrow.broken} code pieces break inside, ${wide.broken} at 1200`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('identifiers wrap only at <wbr> break points, and copying one gives it whole', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps`);
    const name = page.locator('#map-cilium_lxc td:first-child code');
    assert.equal(await name.innerHTML(), 'cilium_<wbr>lxc');
    assert.equal(await name.textContent(), 'cilium_lxc');
    const selected = await name.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    assert.equal(selected, 'cilium_lxc');
    await context.close();
  });

  test('zh-Hans: the words the guide generates in the reference are Chinese; only code and Cilium strings stay English', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const english: string[] = [];
    for (const path of ['/zh-Hans/docs/reference/entry-points', '/zh-Hans/docs/reference/maps', '/zh-Hans/docs/reference/cell-tree']) {
      await page.goto(server.origin + path);
      const phrases = await page.evaluate(() => {
        const found: string[] = [];
        for (const region of Array.from(document.querySelectorAll('.markdown table, .markdown [aria-label] > ul, .markdown label, .markdown button, .markdown output'))) {
          const clone = region.cloneNode(true) as HTMLElement;
          // Code, and text marked as another language (Cilium's own descriptions), stay as they are.
          clone.querySelectorAll('code, pre, [lang]:not([lang^="zh"])').forEach((n) => n.replaceWith(' · '));
          // Three Latin words in a row are an English phrase; one or two are a name (WireGuard 设备, cgroup v2).
          for (const match of (clone.textContent ?? '').matchAll(/[A-Za-z][A-Za-z'()-]*(?:[ ,]+[A-Za-z][A-Za-z'()-]*){2,}/g)) found.push(match[0]);
        }
        return found;
      });
      english.push(...phrases.map((p) => `${path}: "${p}"`));
    }
    await context.close();
    assert.deepEqual([...new Set(english)], []);
  });
});
