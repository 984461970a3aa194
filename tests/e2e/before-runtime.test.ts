/**
 * Pages load the Docusaurus runtime only when a reader reaches for something it drives
 * (src/client/before-runtime.ts). Here the runtime's scripts are held back at the network, so each
 * test sees the page as a reader does before they arrive: reading, scrolling, the TOC, callouts and
 * copying work without them; a click or Ctrl/⌘-K answers at once and is carried out once they run,
 * through the router (a marker on `window` survives), in both locales and both themes.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser, BrowserContextOptions, Page, Route} from 'playwright-core';
import {newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const CASES = [
  {prefix: '', locale: 'en', scheme: 'light', query: 'clangd'},
  {prefix: '/zh-Hans', locale: 'zh-Hans', scheme: 'dark', query: '尾调用'},
] as const;

const hydrated = (page: Page) => page.evaluate(() => document.documentElement.dataset.hasHydrated === 'true');

/** Opens `path` with every <script> from /assets/js/ held until `release()`; `requested` lists the ones the page asked for. */
async function openHeld(path: string, options: BrowserContextOptions = {}, waitUntil: 'networkidle' | 'domcontentloaded' = 'networkidle') {
  const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}, ...options});
  const page = await context.newPage();
  const requested: string[] = [];
  const held: Route[] = [];
  let released = false;
  await page.route('**/assets/js/**', (route) => {
    // The page prefetches the runtime once idle (network only); only a <script> runs it.
    if (released || route.request().resourceType() !== 'script') return route.continue();
    requested.push(new URL(route.request().url()).pathname);
    held.push(route);
  });
  // 'domcontentloaded' where the page asks for a held script at once (load would never come).
  await page.goto(server.origin + path, {waitUntil});
  await page.evaluate(() => ((window as unknown as {navigationMarker: number}).navigationMarker = 1));
  /** Lets the held scripts through; `hydration: 'wait'` then waits until React has hydrated the page. */
  const release = async (hydration: 'wait' | 'no-wait' = 'wait') => {
    released = true;
    await Promise.all(held.splice(0).map((route) => route.continue()));
    if (hydration === 'wait') await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, {timeout: 30_000});
  };
  return {context, record, page, requested, release};
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as {navigationMarker?: number}).navigationMarker === 1);
const pending = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-runtime-pending'));

describe('before the runtime', () => {
  for (const {prefix, locale, scheme} of CASES) {
    const label = `${locale}, ${scheme}`;

    test(`${label}: a reader who reads and scrolls loads no script; the TOC, callouts and copy work without one`, async () => {
      const {context, record, page, requested} = await openHeld(`${prefix}/docs/ebpf/maps`, {colorScheme: scheme, hasTouch: true});
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.origin});
      assert.equal(await page.getAttribute('html', 'data-theme'), scheme);
      const ids = await page.$$eval('.markdown h2[id]', (els) => els.map((el) => el.id));
      await page.mouse.wheel(0, 400);
      await page.evaluate((id) => {
        const el = document.getElementById(id)!;
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120);
      }, ids[2]);
      await page.waitForFunction((id) => document.querySelector('.table-of-contents__link--active')?.getAttribute('href') === `#${id}`, ids[2], {
        timeout: 3000,
      });
      assert.deepEqual(requested, [], 'reading and scrolling request no script');

      // From here on the reader touches things: the runtime is asked for, and held back.
      const marker = page.locator('.excerpt-marker').first();
      const n = await marker.getAttribute('data-callout');
      await marker.scrollIntoViewIfNeeded();
      await marker.tap();
      const note = marker.locator('xpath=ancestor::figure[1]').locator(`li[data-callout="${n}"]`);
      await page.waitForFunction((el) => el!.classList.contains('is-related'), await note.elementHandle(), {timeout: 3000});

      const frame = page.locator('[data-cilium-excerpt]').first();
      const shown = await frame.evaluate((el) => Array.from(el.querySelectorAll('[data-line] > .excerpt-code')).map((c) => c.textContent).join('\n'));
      await frame.locator('[data-excerpt-copy]').click();
      await page.waitForFunction(() => !!document.querySelector('[data-cilium-excerpt] [data-excerpt-copy][data-copied]'), null, {timeout: 3000});
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
      assert.equal(await pending(page), false, 'copying waits for nothing');

      assert.equal(await hydrated(page), false, 'all of it without the runtime');
      assert.ok(requested.some((p) => /\/main\.[0-9a-f]+\.js$/.test(p)), `reaching for a control asks for the runtime (${requested.join(', ')})`);
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      await context.close();
    });

    test(`${label}: a sidebar click answers at once and moves through the router once the runtime runs`, async () => {
      const {context, record, page, release} = await openHeld(`${prefix}/docs/intro`, {colorScheme: scheme});
      const link = page.locator(`nav.menu a.menu__link[href="${prefix}/docs/faq"]`).first();
      await link.click();
      assert.equal(await pending(page), true, 'the progress bar shows');
      assert.equal(new URL(page.url()).pathname, `${prefix}/docs/intro`, 'nothing moves before the runtime');
      await release();
      await page.waitForURL((url) => url.pathname === `${prefix}/docs/faq`);
      await page.waitForFunction(() => /FAQ|常见问题/.test(document.querySelector('article h1')?.textContent ?? ''));
      assert.ok(await sameDocument(page), 'no reload');
      assert.equal(await pending(page), false, 'the progress bar is gone');
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      await context.close();
    });

    test(`${label}: Ctrl/⌘-K focuses the search box at once; what was typed finds results once the runtime runs`, async () => {
      const {context, record, page, release} = await openHeld(`${prefix}/docs/intro`, {colorScheme: scheme});
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+k' : 'Control+k');
      assert.equal(await page.evaluate(() => document.activeElement?.matches('input.navbar__search-input')), true, 'the search box has focus');
      await page.keyboard.type(CASES.find((c) => c.locale === locale)!.query, {delay: 30});
      await release();
      const option = page.getByRole('option').first();
      await option.waitFor({state: 'visible', timeout: 10_000});
      await Promise.all([page.waitForURL((url) => url.pathname !== `${prefix}/docs/intro`), option.click()]);
      assert.ok(await sameDocument(page), 'search result: no reload');
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      await context.close();
    });

    test(`${label}: the search page without a query waits for the reader; a query typed before the runtime finds results`, async () => {
      const {context, record, page, requested, release} = await openHeld(`${prefix}/search`, {colorScheme: scheme});
      assert.equal(await page.evaluate(() => document.activeElement?.matches('input[name="q"]')), true, 'the search field has focus (autofocus)');
      assert.deepEqual(requested, [], 'a bare search page requests no script on load');
      const query = CASES.find((c) => c.locale === locale)!.query;
      await page.keyboard.type(query, {delay: 30});
      await page.waitForFunction(() => document.documentElement.dataset.runtime === 'loading', null, {timeout: 3000});
      for (let i = 0; i < 50 && !requested.length; i++) await page.waitForTimeout(20);
      assert.ok(requested.length > 0, 'typing asks for the runtime');
      await release();
      await page.locator('main article a[href*="/docs/"]').first().waitFor({state: 'visible', timeout: 10_000});
      assert.equal(await page.inputValue('input[name="q"]'), query, 'the typed query is kept');
      assert.equal(new URL(page.url()).searchParams.get('q'), query, 'the URL carries the query');
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      await context.close();

      // With a query in the URL the results are the page's content: the runtime is asked for at once.
      const withQuery = await openHeld(`${prefix}/search?q=${encodeURIComponent(query)}`, {colorScheme: scheme}, 'domcontentloaded');
      for (let i = 0; i < 100 && withQuery.requested.length < 2; i++) await withQuery.page.waitForTimeout(20);
      assert.ok(withQuery.requested.some((p) => /\/main\.[0-9a-f]+\.js$/.test(p)), `/search?q= asks for the runtime on load (${withQuery.requested.join(', ')})`);
      await withQuery.context.close();
    });

    test(`${label}: a reference table filtered and sorted before the runtime shows the result once it runs`, async () => {
      const {context, record, page, release} = await openHeld(`${prefix}/docs/reference/maps`, {colorScheme: scheme});
      const rows = () => page.locator('[data-fact-row]').count();
      const all = await rows();
      await page.locator('input[type="search"]:not(.navbar__search-input)').fill('lxc');
      await page.locator('th button').first().click();
      assert.equal(await pending(page), true, 'the sort click waits with the progress bar');
      await release();
      await page.waitForFunction((n) => document.querySelectorAll('[data-fact-row]').length < n, all, {timeout: 10_000});
      const names = await page.locator('[data-fact-row] td:first-child').allTextContents();
      assert.ok(names.length > 0, `filtered to ${names.length} of ${all}`);
      const texts = await page.locator('[data-fact-row]').allTextContents();
      assert.ok(texts.every((t) => t.toLowerCase().includes('lxc')), 'every remaining row mentions lxc');
      assert.ok(await page.locator('th[aria-sort]').count() > 0, 'a column is sorted');
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      await context.close();
    });

    test(`${label}: the theme toggle and the language switch, clicked before the runtime, do their work once it runs`, async () => {
      const {context, record, page, release} = await openHeld(`${prefix}/docs/source-layout`, {colorScheme: scheme});
      await page.locator('.navbar button[class*="toggleButton"]').first().click();
      assert.equal(await pending(page), true, 'the progress bar shows');
      await release();
      // The toggle may pass through "system" (the same theme here) on its way to the other one.
      for (let i = 0; i < 2 && (await page.getAttribute('html', 'data-theme')) === scheme; i++) {
        await page.locator('.navbar button[class*="toggleButton"]').first().click();
        await page.waitForTimeout(100);
      }
      assert.notEqual(await page.getAttribute('html', 'data-theme'), scheme, 'the theme switched');
      await context.close();

      // The language switch keeps the #hash: its links get it from the runtime, which the click waits for.
      const id = 'bpf';
      const again = await openHeld(`${prefix}/docs/source-layout#${id}`, {colorScheme: scheme});
      await again.page.locator('.navbar .dropdown > .navbar__link').first().hover();
      const other = locale === 'en' ? '简体中文' : 'English';
      await again.page.getByRole('link', {name: other, exact: true}).first().click();
      assert.equal(await pending(again.page), true, 'the progress bar shows');
      // The replayed click loads the other locale's page: nothing here hydrates to wait for.
      await again.release('no-wait');
      await again.page.waitForURL((url) => url.hash === `#${id}` && url.pathname !== `${prefix}/docs/source-layout`);
      assert.equal(new URL(again.page.url()).pathname, `${locale === 'en' ? '/zh-Hans' : ''}/docs/source-layout`);
      assert.deepEqual([...record.pageErrors, ...again.record.pageErrors], []);
      await again.context.close();
    });
  }
});
