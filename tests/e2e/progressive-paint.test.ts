/**
 * On a slow network the HTML arrives in pieces and the browser may paint between them. A paint of a
 * half-parsed page lays out a navbar without its search box, a table without its widest rows or a
 * footer without its last lines, and each then moves (a layout shift). The first paint waits for
 * the whole page (`rel=expect` in src/plugins/deferred-runtime.ts): with HTML trickled in small
 * pieces, these pages load with CLS 0 on a phone and a desktop.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext, nextFrames} from '../../scripts/lib/browser';
import {BUILD_DIR, type RunningServer, serveDir} from '../../scripts/lib/server';
import {layoutShifts, recordLayoutShifts} from '../support/layout-shifts';

// Each moved when painted half-parsed: the navbar (every page), a table, excerpt code, a footer.
const PAGES = ['/', '/docs/reference', '/docs/faq', '/docs/reference/cell-tree', '/zh-Hans/docs/reference/maps', '/zh-Hans/search'];
const SCREENS = [
  {name: 'phone', viewport: {width: 412, height: 823}},
  {name: 'desktop', viewport: {width: 1350, height: 940}},
];

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await serveDir(BUILD_DIR, {bytes: 2048, gapMs: 40});
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const screen of SCREENS) {
  test(`HTML trickled in 2 KB pieces, on a ${screen.name}: nothing painted early moves (CLS 0)`, async () => {
    const shifts: string[] = [];
    for (const path of PAGES) {
      const {context, record} = await newContext(browser, {viewport: screen.viewport});
      const page = await context.newPage();
      await recordLayoutShifts(page);
      await page.goto(server.origin + path, {waitUntil: 'load'});
      await nextFrames(page);
      assert.ok(await page.locator('footer').isVisible(), `${path} painted to its footer`);
      const {cls, moved} = await layoutShifts(page);
      if (cls > 0) shifts.push(`${path}: ${cls} (${moved.join('; ')})`);
      assert.deepEqual([...record.consoleErrors, ...record.pageErrors], [], path);
      await context.close();
    }
    assert.deepEqual(shifts, []);
  });
}
