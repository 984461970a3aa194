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

    test(`${prefix || 'en'}: the overview figure is a responsive, lazy image with alt text`, async () => {
      const {context} = await newContext(browser, {javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/docs/source-layout`);
      const img = page.locator('img[src*="source-overview"]');
      assert.equal(await img.count(), 1);
      assert.match((await img.getAttribute('srcset')) ?? '', /source-overview\.[0-9a-f]+\.\d+\.png \d+w/);
      assert.equal(await img.getAttribute('loading'), 'lazy');
      assert.ok(Number(await img.getAttribute('width')) > 0 && Number(await img.getAttribute('height')) > 0);
      const alt = (await img.getAttribute('alt')) ?? '';
      assert.ok(alt.length > 20);
      if (prefix) assert.match(alt, /\p{Script=Han}/u);
      await context.close();
    });
  }
});
