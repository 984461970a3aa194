/**
 * Excerpt frames, reference cards and (on a wide screen) reference table rows away from the viewport are
 * not laid out until a reader nears them (`content-visibility: auto`), so a phone does not lay out
 * a page's few hundred code lines after first paint. What a reader can observe must not change: the space such an element takes
 * before it is drawn is close to its drawn height (the page does not jump), a #line link into a
 * far frame lands on its line, and scrolling draws what comes into view.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {isBelowNavbarAndInView, newContext, nextFrames} from '../../scripts/lib/browser';
import {pagesWithExcerpts} from '../support/excerpts';
import {sitemapPaths} from '../../scripts/lib/site';
import {SCREENS} from '../../src/rehype/deferred-prose';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const PHONE = {width: 412, height: 823};
const LAPTOP = {width: 1280, height: 800};
/** Lighthouse's desktop screen. */
const WIDE = {width: 1350, height: 940};
const FRAME = 'figure[data-cilium-excerpt]';
const CARD = '[data-fact-row]';
const pages = pagesWithExcerpts();

async function openPage(path: string, viewport = PHONE): Promise<Page> {
  const {context} = await newContext(browser, {viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE});
  const page = await context.newPage();
  // No hydration: this is the page as a reader gets it before touching anything.
  await page.goto(server.origin + path, {waitUntil: 'load'});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** Whether each matched element's content is drawn (false: skipped by its content-visibility: auto). */
const drawn = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => el.firstElementChild!.checkVisibility({contentVisibilityAuto: true})));

/** Each element's content height before it is drawn (its contain-intrinsic-block-size) and once drawn. */
const heights = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      const estimate = parseFloat(style.containIntrinsicBlockSize.replace('auto', ''));
      (el as HTMLElement).style.contentVisibility = 'visible';
      const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
      const real = el.getBoundingClientRect().height - edges.reduce((sum, edge) => sum + parseFloat(style[edge]), 0);
      return {id: el.id, estimate, real};
    }),
  );

describe('layout deferred until a reader nears it', () => {
  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || '/'}: on a phone, far frames and cards are skipped, and drawn when scrolled to`, async () => {
      for (const [path, selector] of [[`${prefix}/docs/agent/datapath-load-flow`, FRAME], [`${prefix}/docs/reference/maps`, CARD], [`${prefix}/docs/reference/symbols`, CARD]] as const) {
        const page = await openPage(path);
        const before = await drawn(page, selector);
        assert.ok(before.length > 5, `${path}: ${selector} on the page`);
        assert.equal(before.at(-1), false, `${path}: the last ${selector} is not laid out on load`);
        assert.ok(before.filter((d) => !d).length > before.length / 2, `${path}: most ${selector} wait (${before.filter((d) => !d).length} of ${before.length})`);
        await page.locator(selector).last().scrollIntoViewIfNeeded();
        await nextFrames(page);
        assert.equal((await drawn(page, selector)).at(-1), true, `${path}: the last ${selector} is drawn once in view`);
        await page.context().close();
      }
    });

    test(`${prefix || '/'}: a #line link into the last frame lands on its line on a phone`, async () => {
      const path = `${prefix}/docs/agent/datapath-load-flow`;
      const ids = pages.get(path)!;
      const page = await openPage(path);
      const lastLine = await page.$eval(`[id="${ids.at(-1)}"]`, (f) => [...f.querySelectorAll<HTMLElement>('[data-line]')].at(-1)!.id);
      await page.goto(`${server.origin}${path}#${lastLine}`, {waitUntil: 'load'});
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await nextFrames(page);
      assert.ok(await isBelowNavbarAndInView(page, `[id="${lastLine}"]`), `#${lastLine} is in view below the navbar`);
      // Frames drawn near it take their real size; the line must stay where the reader landed.
      await page.waitForTimeout(500);
      assert.ok(await isBelowNavbarAndInView(page, `[id="${lastLine}"]`), `#${lastLine} is still in view after the frames around it are drawn`);
      await page.context().close();
    });
  }

  test('a frame takes about its drawn height before it is drawn, on a phone and a laptop, every page', async () => {
    const problems: string[] = [];
    for (const viewport of [PHONE, LAPTOP]) {
      for (const path of pages.keys()) {
        const page = await openPage(path, viewport);
        for (const {id, estimate, real} of await heights(page, FRAME)) {
          if (!(Math.abs(estimate / real - 1) <= 0.25)) problems.push(`${viewport.width}px ${path} #${id}: ${Math.round(estimate)}px before drawing, ${Math.round(real)}px drawn`);
        }
        await page.context().close();
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || '/'}: on a laptop, far Symbols rows are skipped, and drawn when scrolled to; the first screen's are drawn at once`, async () => {
      const path = `${prefix}/docs/reference/symbols`;
      const page = await openPage(path, WIDE);
      const before = await drawn(page, CARD);
      assert.ok(before.length > 300, `${path}: rows on the page`);
      assert.ok(before.slice(0, 20).every(Boolean), `${path}: the first 20 rows are drawn on load`);
      assert.equal(before.at(-1), false, `${path}: the last row is not laid out on load`);
      assert.ok(before.filter((d) => !d).length > before.length / 2, `${path}: most rows wait (${before.filter((d) => !d).length} of ${before.length})`);
      await page.locator(CARD).last().scrollIntoViewIfNeeded();
      await nextFrames(page);
      assert.equal((await drawn(page, CARD)).at(-1), true, `${path}: the last row is drawn once in view`);
      await page.context().close();
    });
  }

  test('a Symbols table drawn as grid rows keeps its table, row, column header and cell roles', async () => {
    const page = await openPage('/docs/reference/symbols', WIDE);
    assert.equal(await page.$eval('[data-fact-row]', (row) => getComputedStyle(row).display), 'grid', 'the rows are grid rows at this width');
    const cdp = await page.context().newCDPSession(page);
    const {nodes} = (await cdp.send('Accessibility.getFullAXTree')) as {nodes: {role?: {value: string}; ignored: boolean}[]};
    const roles = new Map<string, number>();
    for (const node of nodes) if (!node.ignored && node.role) roles.set(node.role.value, (roles.get(node.role.value) ?? 0) + 1);
    const rows = await page.locator('[data-fact-row]').count();
    const drawnRows = (await drawn(page, CARD)).filter(Boolean).length;
    assert.equal(roles.get('table'), 1);
    assert.equal(roles.get('columnheader'), 6);
    assert.equal(roles.get('row'), rows + 1, 'every row and the header row');
    // Chrome builds a waiting row's cells once it is drawn, as it does for a waiting card on a phone.
    assert.ok(drawnRows >= 20, `the first screen's rows are drawn (${drawnRows})`);
    assert.equal(roles.get('cell'), drawnRows * 6, 'every drawn row has its six cells');
    await page.context().close();
  });

  // The same on a wide screen, where a fixed table's rows wait too (FactTable's --row-lines), with
  // the table of contents beside the table (entry points) and without it (maps, symbols).
  test('a reference row reserves at least its drawn height, and about that much, at 1200, 1440 and 1920 px', async () => {
    const problems: string[] = [];
    for (const width of [1200, 1440, 1920]) {
      for (const path of ['entry-points', 'maps', 'symbols'].flatMap((name) => ['', '/zh-Hans'].map((prefix) => `${prefix}/docs/reference/${name}`))) {
        const page = await openPage(path, {width, height: 900});
        const rows = (await heights(page, CARD)).filter(({estimate}) => Number.isFinite(estimate));
        await page.context().close();
        assert.ok(rows.length > 50, `${width}px ${path}: waiting rows on the page (${rows.length})`);
        for (const {id, estimate, real} of rows) {
          if (estimate + 0.5 < real) problems.push(`${width}px ${path}#${id}: ${Math.round(estimate)}px reserved, ${Math.round(real)}px drawn`);
        }
        const ratios = rows.map(({estimate, real}) => estimate / real).sort((a, b) => a - b);
        const median = ratios[ratios.length >> 1];
        if (median > 1.4) problems.push(`${width}px ${path}: a row reserves ${median.toFixed(2)}× its drawn height (median)`);
      }
    }
    assert.deepEqual(problems, []);
  });

  // Less than drawn, and a waiting card's content spills over the next card's: their links overlap
  // while they wait, and axe's target-size (in Lighthouse too) measures them then.
  test('a reference card reserves at least its drawn height, and about that much, on phones of 320 and 412 px', async () => {
    const problems: string[] = [];
    for (const viewport of [{width: 320, height: 640}, PHONE]) {
      for (const prefix of ['', '/zh-Hans']) {
        for (const name of ['entry-points', 'maps', 'symbols']) {
          const path = `${prefix}/docs/reference/${name}`;
          const page = await openPage(path, viewport);
          const cards = await heights(page, CARD);
          await page.context().close();
          assert.ok(cards.length > 20, `${path}: cards on the page`);
          for (const {id, estimate, real} of cards) {
            if (estimate + 0.5 < real) problems.push(`${viewport.width}px ${path}#${id}: ${Math.round(estimate)}px reserved, ${Math.round(real)}px drawn`);
          }
          const ratios = cards.map(({estimate, real}) => estimate / real).sort((a, b) => a - b);
          const median = ratios[ratios.length >> 1];
          if (median > 1.25) problems.push(`${viewport.width}px ${path}: a card reserves ${median.toFixed(2)}× its drawn height (median)`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  // src/rehype/deferred-prose.ts: paragraphs and lists below the first screen, on phones and tablets.
  const WAITING_PROSE = {phone: `.markdown > .${SCREENS.phone.className}`, tablet: `.markdown > .${SCREENS.tablet.className}`};
  /** The page script draws waiting prose in idle slices once the page has loaded. */
  const allProseDrawn = (page: Page, selector: string) =>
    page.waitForFunction((sel) => [...document.querySelectorAll<HTMLElement>(sel)].every((el) => el.style.contentVisibility === 'visible'), selector, {timeout: 15_000});
  const guidePages = () => [...sitemapPaths('en'), ...sitemapPaths('zh-Hans')].filter((p) => p.includes('/docs/'));

  test('on a phone, the last list waits on load, out of the accessibility tree, and is drawn into it once the page is idle', async () => {
    const {context} = await newContext(browser, {viewport: PHONE, isMobile: true, hasTouch: true});
    const page = await context.newPage();
    // Hold the page's idle callbacks, to look at the page as loaded before the script draws anything.
    await page.addInitScript(() => {
      const held: IdleRequestCallback[] = ((window as unknown as {held: IdleRequestCallback[]}).held = []);
      window.requestIdleCallback = (callback) => held.push(callback);
    });
    await page.goto(`${server.origin}/docs/faq`, {waitUntil: 'load'});
    const item = `${WAITING_PROSE.phone}:is(ul, ol):last-of-type > li:last-child`;
    const cdp = await context.newCDPSession(page);
    const axNode = async () => {
      const {root} = (await cdp.send('DOM.getDocument', {depth: 0})) as {root: {nodeId: number}};
      const {nodeId} = (await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: item})) as {nodeId: number};
      const {nodes} = (await cdp.send('Accessibility.getPartialAXTree', {nodeId, fetchRelatives: false})) as {nodes: {role?: {value: string}; ignored: boolean}[]};
      return nodes[0];
    };
    assert.equal(await page.$eval(item, (li) => getComputedStyle(li.parentElement!).contentVisibility === 'auto' && !li.parentElement!.style.contentVisibility), true, 'the last list waits');
    assert.equal((await axNode()).ignored, true, 'its last item is not in the accessibility tree while it waits');
    // Let the page go idle: each slice draws a few blocks and asks for the next idle period.
    // (A string: a function here would carry the test runner's transpiler helpers into the page.)
    await page.evaluate('while (window.held.length) window.held.shift()({didTimeout: false, timeRemaining: () => 50})');
    await allProseDrawn(page, WAITING_PROSE.phone);
    const node = await axNode();
    assert.deepEqual([node.role?.value, node.ignored], ['listitem', false], 'once drawn, it is a list item in the accessibility tree');
    await context.close();
  });

  test('on a desktop, from the narrowest (997 px) to Lighthouse\'s, every page draws its first excerpt frame at once', async () => {
    const problems: string[] = [];
    for (const viewport of [{width: 997, height: 800}, WIDE]) {
      for (const path of pages.keys()) {
        const page = await openPage(path, viewport);
        const style = await page.$eval(FRAME, (frame) => getComputedStyle(frame).contentVisibility);
        if (style !== 'visible') problems.push(`${viewport.width}px ${path}: the first frame has content-visibility: ${style}`);
        await page.context().close();
      }
    }
    assert.deepEqual(problems, []);
  });

  // Lighthouse's phone, a small phone, a tablet, and the widest screen of each class with the height
  // deferred-prose.ts keeps drawn there.
  const screens = [
    ['phone', PHONE], ['phone', {width: 360, height: 740}], ['phone', {width: 600, height: SCREENS.phone.firstScreenPx}],
    ['tablet', {width: 820, height: 1180}], ['tablet', {width: 996, height: SCREENS.tablet.firstScreenPx}],
  ] as const;
  for (const [screen, viewport] of screens) {
    test(`${viewport.width}×${viewport.height}: waiting paragraphs and lists start below the first screen and reserve about their drawn height, every page`, async () => {
      const problems: string[] = [];
      let waiting = 0;
      let firstFramesWaiting = 0;
      for (const path of guidePages()) {
        const {context} = await newContext(browser, {viewport, isMobile: true, hasTouch: true});
        const page = await context.newPage();
        await page.goto(server.origin + path, {waitUntil: 'load'});
        // The page's first excerpt frame is drawn at once unless the build counted it below the first screen.
        const first = await page.$eval('body', () => {
          const frame = document.querySelector('figure[data-cilium-excerpt]');
          return frame && {waits: getComputedStyle(frame).contentVisibility === 'auto', top: frame.getBoundingClientRect().top + scrollY};
        });
        if (first?.waits) {
          firstFramesWaiting++;
          if (first.top < viewport.height) problems.push(`${path}: the first excerpt frame waits but starts at ${Math.round(first.top)} px, in the first screen`);
        }
        await allProseDrawn(page, WAITING_PROSE[screen]);
        const blocks = await page.$$eval(WAITING_PROSE[screen], (els) =>
          els.map((el) => ({
            top: el.getBoundingClientRect().top + scrollY,
            estimate: parseFloat(getComputedStyle(el).containIntrinsicBlockSize.replace('auto', '')),
            real: el.getBoundingClientRect().height,
            text: el.textContent!.trim().slice(0, 24),
          })),
        );
        await context.close();
        waiting += blocks.length;
        if (blocks.length && blocks[0].top < viewport.height) problems.push(`${path}: "${blocks[0].text}" waits but starts at ${Math.round(blocks[0].top)} px, in the first screen`);
        for (const {estimate, real, text} of blocks) {
          // A one-line paragraph may wrap once more or less than counted: allow a line either way.
          if (!Number.isFinite(estimate) || Math.abs(estimate - real) > Math.max(0.3 * real, 27)) problems.push(`${path}: "${text}" reserves ${Math.round(estimate)} px, drawn ${Math.round(real)} px`);
        }
      }
      assert.ok(waiting > 150, `paragraphs and lists wait (${waiting})`);
      // Both datapath-load-flow pages open with a diagram of about 1,400 px, so their first frame waits everywhere.
      assert.ok(firstFramesWaiting >= 2, `first frames that wait (${firstFramesWaiting})`);
      assert.deepEqual(problems, []);
    });
  }

  test('a page the router renders after a click draws its waiting prose too', async () => {
    const {context} = await newContext(browser, {viewport: PHONE, isMobile: true, hasTouch: true});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/intro`, {waitUntil: 'load'});
    await allProseDrawn(page, WAITING_PROSE.phone);
    await page.evaluate(() => ((window as unknown as {marker: boolean}).marker = true));
    // The pagination link to the next page: a client-side move once the runtime has loaded.
    const next = page.locator('a.pagination-nav__link--next');
    const target = new URL((await next.getAttribute('href'))!, server.origin).pathname;
    await next.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL((url) => url.pathname === target), next.click()]);
    assert.equal(await page.evaluate(() => (window as unknown as {marker?: boolean}).marker), true, 'no reload');
    assert.ok((await page.locator(WAITING_PROSE.phone).count()) > 0, `${target} has prose that waits`);
    await allProseDrawn(page, WAITING_PROSE.phone);
    await context.close();
  });
});

