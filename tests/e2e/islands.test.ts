/**
 * Frozen prose (src/rehype/static-prose.ts) and islands: React hydrates only what a reader can
 * touch, and everything a reader does still works — client-side navigation by sidebar, prose
 * links, pagination and search (a marker on `window` survives), back restores the scroll, hash
 * targets after client-side navigation, the TOC, callouts by tap, the theme toggle — in both
 * locales, light and dark, with no console error and no layout shift.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser, BrowserContextOptions, Page} from 'playwright-core';
import {isBelowNavbarAndInView, newContext, nextFrames, scrollThrough, waitForHydration} from '../../scripts/lib/browser';
import {sitemapPaths} from '../../scripts/lib/site';
import {layoutShiftProblems, recordLayoutShifts} from '../support/layout-shifts';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const LOCALES = [
  {prefix: '', locale: 'en'},
  {prefix: '/zh-Hans', locale: 'zh-Hans'},
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function open(path: string, options: BrowserContextOptions = {}) {
  const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}, ...options});
  const page = await context.newPage();
  await page.goto(server.origin + path, {waitUntil: 'networkidle'});
  await waitForHydration(page);
  // Survives client-side navigation, not a reload.
  await page.evaluate(() => ((window as unknown as {navigationMarker: number}).navigationMarker = 1));
  return {context, record, page};
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as {navigationMarker?: number}).navigationMarker === 1);

/** The `nth` link in the page's frozen HTML (no React fiber) whose href starts with `prefix` and passes `accept`. */
async function frozenLink(page: Page, prefix: string, nth = 0, accept: (href: string) => boolean = (href) => !href.includes('#')) {
  const hrefs = await page.$$eval(`.markdown a[href^="${prefix}"]`, (links) =>
    links.filter((a) => !Object.keys(a).some((k) => k.startsWith('__reactFiber$'))).map((a) => a.getAttribute('href')!),
  );
  const href = hrefs.filter(accept)[nth];
  assert.ok(href, `a frozen link under ${prefix} on ${page.url()}`);
  return page.locator(`.markdown a[href="${href}"]`).first();
}

/** The page's title, so a test can wait until a client-side navigation has rendered the new page. */
const title = (page: Page) => page.locator('article h1, main h1').first().innerText();

/** Clicks and waits for the new URL and then the new page: the router changes the URL before the page's chunk has loaded. */
async function clickAndWait(page: Page, selector: string, pathname: string) {
  const before = await title(page);
  await Promise.all([page.waitForURL((url) => url.pathname === pathname), page.locator(selector).first().click()]);
  await page.waitForFunction(
    ([p, old]) => location.pathname === p && (document.querySelector('article h1, main h1')?.textContent ?? old) !== old,
    [pathname, before] as const,
  );
}

describe('islands', () => {
  for (const {prefix} of LOCALES) {
    test(`${prefix || '/'}: React hydrates a small part of a guide page; the rest is the server's HTML`, async () => {
      const {context, record, page} = await open(`${prefix}/docs/agent/datapath-load-flow`);
      const count = () =>
        page.evaluate(() => {
          const all = Array.from(document.querySelectorAll('.theme-doc-markdown *'));
          const hydrated = all.filter((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber$')));
          return {all: all.length, hydrated: hydrated.length};
        });
      // React hydrates Suspense boundaries after the shell: count once the number stops moving.
      let counts = await count();
      for (let previous = -1; counts.hydrated !== previous; ) {
        previous = counts.hydrated;
        await page.waitForTimeout(1500);
        counts = await count();
      }
      assert.ok(counts.hydrated > 50, `the islands hydrated (${counts.hydrated})`);
      assert.ok(counts.all > 1000, `the page has its content (${counts.all} elements)`);
      assert.ok(counts.hydrated < counts.all * 0.15, `React owns ${counts.hydrated} of ${counts.all} elements`);
      assert.deepEqual(record.consoleErrors, []);
      assert.deepEqual(record.pageErrors, []);
      await context.close();
    });
  }

  // Lighthouse's phone and desktop screens: what shifts depends on what the first screen holds.
  const SCREENS = [
    {name: 'phone', viewport: {width: 412, height: 823}},
    {name: 'desktop', viewport: {width: 1350, height: 940}},
  ];
  for (const scheme of SCHEMES) for (const screen of SCREENS) {
    test(`every page in the ${scheme} theme on a ${screen.name}: no console error or warning about hydration, CLS 0`, async () => {
      const problems: string[] = [];
      const shifts: string[] = [];
      for (const path of [...sitemapPaths('en'), ...sitemapPaths('zh-Hans')]) {
        // A fresh browser context for each page, as Lighthouse loads it: nothing cached, and no
        // request the previous page left in flight.
        const {context, record} = await newContext(browser, {colorScheme: scheme, viewport: screen.viewport});
        const page = await context.newPage();
        page.on('console', (msg) => {
          if (/hydrat|did not match|mismatch/i.test(msg.text())) problems.push(`${path}: ${msg.text()}`);
        });
        await recordLayoutShifts(page);
        await page.goto(server.origin + path, {waitUntil: 'load'});
        await waitForHydration(page);
        await page.waitForTimeout(100);
        shifts.push(...(await layoutShiftProblems(page, path)));
        problems.push(...record.consoleErrors, ...record.pageErrors);
        await context.close();
      }
      assert.deepEqual(problems, [], 'hydration warnings, console and page errors');
      assert.deepEqual(shifts, [], 'layout shifts');
    });
  }
});

describe('client-side navigation over frozen HTML', () => {
  for (const {prefix, locale} of LOCALES) {
    for (const scheme of SCHEMES) {
      const label = `${locale}, ${scheme}`;

      test(`${label}: sidebar, prose link, pagination and search move without a reload`, async () => {
        const {context, record, page} = await open(`${prefix}/docs/intro`, {colorScheme: scheme});
        await page.keyboard.press(process.platform === 'darwin' ? 'Meta+k' : 'Control+k');
        await page.locator('input.navbar__search-input').pressSequentially(locale === 'en' ? 'clangd' : '尾调用', {delay: 30});
        const option = page.getByRole('option').first();
        await option.waitFor({state: 'visible', timeout: 10_000});
        await Promise.all([page.waitForURL((url) => url.pathname !== `${prefix}/docs/intro`), option.click()]);
        assert.ok(await sameDocument(page), 'search result: no reload');
        await clickAndWait(page, `nav.menu a.menu__link[href="${prefix}/docs/faq"]`, `${prefix}/docs/faq`);
        assert.ok(await sameDocument(page), 'sidebar: no reload');
        // A link inside frozen prose: a plain <a>, routed by src/client/static-links.ts.
        const prose = await frozenLink(page, `${prefix}/docs/`);
        const href = new URL((await prose.getAttribute('href'))!, server.origin).pathname;
        await prose.scrollIntoViewIfNeeded();
        await clickAndWait(page, `.markdown a[href="${await prose.getAttribute('href')}"]`, href);
        assert.ok(await sameDocument(page), 'prose link: no reload');
        const next = page.locator('a.pagination-nav__link--next');
        const nextPath = new URL((await next.getAttribute('href'))!, server.origin).pathname;
        await clickAndWait(page, 'a.pagination-nav__link--next', nextPath);
        assert.ok(await sameDocument(page), 'pagination: no reload');
        assert.deepEqual(record.pageErrors, []);
        assert.deepEqual(record.consoleErrors, []);
        await context.close();
      });

      test(`${label}: back restores the scroll position`, async () => {
        const {context, page} = await open(`${prefix}/docs/faq`, {colorScheme: scheme});
        const link = await frozenLink(page, `${prefix}/docs/`, 2, (href) => !href.startsWith(`${prefix}/docs/faq`));
        // Read through the page as a reader does, so its frames are drawn (their drawn heights differ
        // from the estimates a page the router renders again starts from), then go to the link.
        await scrollThrough(page);
        await link.scrollIntoViewIfNeeded();
        await nextFrames(page);
        // Where the reader is when they leave: the click may scroll the link into view first.
        await page.evaluate(() =>
          document.addEventListener('click', (event) => {
            const w = window as unknown as {left: {y: number; linkTop: number}};
            w.left = {y: window.scrollY, linkTop: (event.target as Element).closest('a')!.getBoundingClientRect().top};
          }, {capture: true, once: true}),
        );
        const href = new URL((await link.getAttribute('href'))!, server.origin).pathname;
        await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()]);
        const left = await page.evaluate(() => (window as unknown as {left: {y: number; linkTop: number}}).left);
        assert.ok(left.y > 300, `scrolled down (${left.y})`);
        await page.waitForTimeout(300);
        await page.goBack();
        await page.waitForURL((url) => url.pathname === `${prefix}/docs/faq`);
        await page.waitForFunction((expected) => Math.abs(window.scrollY - expected) < 5, left.y, {timeout: 3000}).catch(() => undefined);
        await nextFrames(page);
        assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - left.y) < 5, `scroll restored to ${left.y}, got ${await page.evaluate(() => window.scrollY)}`);
        // The same lines are in view: the link sits where it was (the frames above have their drawn heights).
        const linkTopNow = await link.evaluate((a) => a.getBoundingClientRect().top);
        assert.ok(Math.abs(linkTopNow - left.linkTop) < 5, `the link left at ${Math.round(left.linkTop)}px from the top is at ${Math.round(linkTopNow)}px`);
        assert.ok(await sameDocument(page));
        await context.close();
      });

      test(`${label}: after client-side navigation a #line and a #heading are scrolled to and marked`, async () => {
        const {context, page} = await open(`${prefix}/docs/reference/entry-points`, {colorScheme: scheme});
        // The reference rows link to excerpt lines (#<id>-L<n>) on the guide pages.
        const lineLink = page.locator(`a[href*="/docs/ebpf/entry-points#"][href*="-L"]`).first();
        const target = new URL((await lineLink.getAttribute('href'))!, server.origin);
        await lineLink.scrollIntoViewIfNeeded();
        await Promise.all([page.waitForURL((url) => url.hash === target.hash), lineLink.click()]);
        const id = decodeURIComponent(target.hash.slice(1));
        await page.waitForFunction((i) => document.getElementById(i)?.hasAttribute('data-hash-target'), id);
        await page.waitForTimeout(200);
        assert.ok(await sameDocument(page), 'no reload');
        assert.ok(await isBelowNavbarAndInView(page, `[id="${id}"]`), `#${id} in view`);
        const background = await page.$eval(`[id="${id}"]`, (el) => getComputedStyle(el).backgroundColor);
        assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the targeted line is highlighted');
        // A heading of another page, through a frozen prose link.
        const headingLink = await frozenLink(page, `${prefix}/docs/`, 0, (href) => /#[a-z-]+$/.test(href) && !/-L\d+$/.test(href));
        const heading = new URL((await headingLink.getAttribute('href'))!, server.origin);
        await headingLink.scrollIntoViewIfNeeded();
        await Promise.all([page.waitForURL((url) => url.hash === heading.hash && url.pathname === heading.pathname), headingLink.click()]);
        const headingId = decodeURIComponent(heading.hash.slice(1));
        await page.waitForFunction((i) => document.getElementById(i)?.hasAttribute('data-hash-target'), headingId);
        await page.waitForTimeout(200);
        assert.ok(await isBelowNavbarAndInView(page, `[id="${headingId}"]`), `#${headingId} in view`);
        assert.ok(await sameDocument(page), 'no reload');
        await context.close();
      });

      test(`${label}: the TOC marks the section in view, callouts relate on tap, the theme toggle works`, async () => {
        const {context, page} = await open(`${prefix}/docs/ebpf/maps`, {colorScheme: scheme, hasTouch: true});
        const ids = await page.$$eval('.markdown h2[id]', (els) => els.map((el) => el.id));
        const third = ids[2];
        await page.evaluate((id) => {
          const el = document.getElementById(id)!;
          window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120);
        }, third);
        await page.waitForFunction(
          (id) => document.querySelector('.table-of-contents__link--active')?.getAttribute('href') === `#${id}`,
          third,
          {timeout: 3000},
        );
        const marker = page.locator('.excerpt-marker').first();
        const n = await marker.getAttribute('data-callout');
        await marker.scrollIntoViewIfNeeded();
        await marker.tap();
        const note = marker.locator('xpath=ancestor::figure[1]').locator(`li[data-callout="${n}"]`);
        await page.waitForFunction((el) => el!.classList.contains('is-related'), await note.elementHandle());
        const before = await page.getAttribute('html', 'data-theme');
        assert.equal(before, scheme);
        const pre = page.locator('.excerpt-pre').first();
        const bgBefore = await pre.evaluate((el) => getComputedStyle(el).backgroundColor);
        // The toggle may pass through "system" (the same theme here) on its way to the other one.
        for (let i = 0; i < 3 && (await page.getAttribute('html', 'data-theme')) === before; i++) {
          await page.locator('.navbar button[class*="toggleButton"]').first().click();
          await page.waitForTimeout(100);
        }
        assert.notEqual(await page.getAttribute('html', 'data-theme'), before, 'the toggle switches the theme');
        assert.notEqual(await pre.evaluate((el) => getComputedStyle(el).backgroundColor), bgBefore, 'excerpts follow the theme');
        await context.close();
      });
    }
  }
});
