/** Diagrams (static SVG per theme and locale) and the raster overview figure, as a reader sees them. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const DIAGRAM_PAGES = ['/docs/agent/startup', '/docs/agent/datapath-load-flow'];
/** Screens the overview figure must fit: Lighthouse's phone, a 3x phone, a tablet, Lighthouse's desktop, a 2x laptop. */
const FIGURE_SCREENS = [
  {width: 412, height: 823, scale: 1.75},
  {width: 390, height: 844, scale: 3},
  {width: 800, height: 1000, scale: 1},
  {width: 1350, height: 940, scale: 1},
  {width: 1440, height: 900, scale: 2},
];
/** The smallest label a reader may get, in CSS px, per viewport width. */
const LEGIBLE = [
  {width: 390, height: 844, minLabelPx: 12},
  {width: 1440, height: 900, minLabelPx: 13},
];

/**
 * The rendered size of every label of the diagram the page shows: the SVG the <img> displays is
 * inlined off-screen at the <img>'s rendered size, and each text's font size is multiplied by the
 * scale from SVG units to CSS px at that size (what a reader's eye gets).
 */
async function labelSizes(page: import('playwright-core').Page): Promise<{src: string; smallest: number; labels: number; scrolls: boolean; hint: boolean}> {
  return page.evaluate(async () => {
    // Of the light and dark pair, the one the theme shows.
    const shown = Array.from(document.querySelectorAll<HTMLImageElement>('figure[data-diagram] img')).find((i) => i.getBoundingClientRect().width > 0)!;
    const box = shown.getBoundingClientRect();
    const markup = await (await fetch(shown.currentSrc)).text();
    const host = document.createElement('div');
    host.style.cssText = `position:absolute;left:-99999px;top:0;width:${box.width}px;height:${box.height}px`;
    host.innerHTML = markup.replace(/^<\?xml[^>]*>/, '');
    document.body.append(host);
    const svg = host.querySelector('svg')!;
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    svg.style.maxWidth = 'none';
    let smallest = Infinity;
    let labels = 0;
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent?.trim() || !el || el.closest('style, title, desc')) continue;
      // SVG text scales with its own transform; HTML labels with their foreignObject's.
      const graphic = el instanceof SVGGraphicsElement ? el : el.closest('foreignObject');
      const scale = (graphic as SVGGraphicsElement | null)?.getScreenCTM()?.a ?? 1;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * scale);
      labels++;
    }
    host.remove();
    const scroller = shown.closest('figure')!.querySelector<HTMLElement>('[role="group"]')!;
    const hint = shown.closest('figure')!.querySelector<HTMLElement>('p[class*="hint"]');
    return {
      src: shown.currentSrc,
      smallest,
      labels,
      scrolls: scroller.scrollWidth > scroller.clientWidth,
      hint: !!hint && hint.getBoundingClientRect().height > 0,
    };
  });
}

describe('diagrams and figures', () => {
  for (const prefix of ['', '/zh-Hans']) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${prefix || 'en'}, ${theme}: each diagram shows its ${theme} SVG, loaded, with alt text, without errors`, async () => {
        const {context, record} = await newContext(browser, {colorScheme: theme, viewport: {width: 1280, height: 900}});
        const page = await context.newPage();
        for (const path of DIAGRAM_PAGES) {
          await page.goto(server.origin + prefix + path, {waitUntil: 'networkidle'});
          assert.equal(await page.getAttribute('html', 'data-theme'), theme);
          const figure = page.locator('figure[data-diagram]');
          assert.equal(await figure.count(), 1, `${path} has one diagram`);
          await figure.scrollIntoViewIfNeeded();
          const visible = figure.locator('img:visible');
          assert.equal(await visible.count(), 1, 'exactly one theme variant is visible');
          await page.waitForFunction((img) => (img as HTMLImageElement).complete, await visible.elementHandle());
          const info = await visible.evaluate((img: HTMLImageElement) => ({src: img.currentSrc, width: img.naturalWidth, alt: img.alt}));
          assert.match(info.src, new RegExp(`\\.${prefix ? 'zh-Hans' : 'en'}\\.${theme}\\.svg$`));
          assert.ok(info.width > 0, `${info.src} decoded`);
          assert.ok(info.alt.length > 20, 'alt text describes the diagram');
          if (prefix) assert.match(info.alt, /\p{Script=Han}/u);
        }
        assert.deepEqual(record.consoleErrors, []);
        assert.deepEqual(record.pageErrors, []);
        await context.close();
      });
    }

    for (const {width, height, minLabelPx} of LEGIBLE) {
      test(`${prefix || 'en'} at ${width} px: every diagram label renders at least ${minLabelPx} CSS px tall; a wider diagram scrolls under a hint; the page does not`, async () => {
        const {context} = await newContext(browser, {viewport: {width, height}});
        const page = await context.newPage();
        for (const path of DIAGRAM_PAGES) {
          await page.goto(server.origin + prefix + path, {waitUntil: 'networkidle'});
          await page.locator('figure[data-diagram]').scrollIntoViewIfNeeded();
          await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('figure[data-diagram] img')).some((i) => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0));
          const sizes = await labelSizes(page);
          assert.ok(sizes.labels > 5, `${sizes.src}: labels found (${sizes.labels})`);
          assert.ok(sizes.smallest >= minLabelPx, `${sizes.src} at ${width} px: smallest label ${sizes.smallest.toFixed(1)} px, needs ${minLabelPx}`);
          assert.equal(sizes.hint, sizes.scrolls, `${sizes.src}: the scroll hint shows exactly when the diagram scrolls (scrolls: ${sizes.scrolls})`);
          const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(pageOverflow <= 0, `${path} scrolls sideways by ${pageOverflow} px at ${width} px`);
        }
        await context.close();
      });
    }

    test(`${prefix || 'en'}: the overview figure is a first-screen image with alt text, readable without JavaScript`, async () => {
      const {context} = await newContext(browser, {javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/docs/source-layout`);
      const img = page.locator('img[src*="source-overview"]');
      assert.equal(await img.count(), 1);
      assert.match((await img.getAttribute('srcset')) ?? '', /source-overview\.[0-9a-f]+\.\d+\.png \d+w/);
      // It is in the first screen even on a phone, and it is the page's largest paint there.
      assert.equal(await img.getAttribute('loading'), 'eager');
      assert.equal(await img.getAttribute('fetchpriority'), 'high');
      assert.ok(Number(await img.getAttribute('width')) > 0 && Number(await img.getAttribute('height')) > 0);
      const alt = (await img.getAttribute('alt')) ?? '';
      assert.ok(alt.length > 20);
      if (prefix) assert.match(alt, /\p{Script=Han}/u);
      await context.close();
    });

    for (const {width, height, scale} of FIGURE_SCREENS) {
      test(`${prefix || 'en'} at ${width} px, ${scale}x: the overview figure fetches the smallest variant that is as sharp as the screen`, async () => {
        const {context} = await newContext(browser, {viewport: {width, height}, deviceScaleFactor: scale});
        const page = await context.newPage();
        await page.goto(`${server.origin}${prefix}/docs/source-layout`);
        const img = page.locator('img[src*="source-overview"]');
        await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
        const {drawn, fetched, offered} = await img.evaluate((el: HTMLImageElement) => {
          const candidates = el.srcset.split(',').map((c) => c.trim().split(' '));
          // naturalWidth is in CSS px (divided by the candidate's density), so read the candidate.
          const chosen = candidates.find(([url]) => new URL(url, location.href).href === el.currentSrc);
          return {
            drawn: el.getBoundingClientRect().width * devicePixelRatio,
            fetched: chosen ? parseInt(chosen[1], 10) : NaN,
            offered: candidates.map(([, w]) => parseInt(w, 10)),
          };
        });
        const enough = offered.filter((w) => w >= drawn);
        const expected = enough.length ? Math.min(...enough) : Math.max(...offered);
        assert.equal(fetched, expected, `drawn ${Math.round(drawn)} device px; offered ${offered.join(', ')}; fetched ${fetched}`);
        await context.close();
      });
    }
  }
});
