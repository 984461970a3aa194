/**
 * On a slow network the HTML arrives in pieces and the browser may paint between them. A paint of a
 * half-parsed page lays out a navbar without its search box, a table without its widest rows or a
 * footer without its last lines, and each then moves (a layout shift). The first paint waits for
 * the whole page (`rel=expect` in src/plugins/deferred-runtime.ts): every built page carries the
 * link and its marker, and with HTML trickled in small pieces the first paint comes after the
 * marker and these pages load with CLS 0 on a phone and a desktop.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext, nextFrames} from '../../scripts/lib/browser';
import {BUILD_DIR, type RunningServer, serveDir} from '../../scripts/lib/server';
import {PARSED_MARKER_ID} from '../../src/plugins/deferred-runtime';
import {layoutShiftProblems, recordLayoutShifts} from '../support/layout-shifts';

// Each moved when painted half-parsed: the navbar (every page), a table, excerpt code, a footer.
const PAGES = ['/', '/docs/reference', '/docs/faq', '/docs/reference/cell-tree', '/zh-Hans/docs/reference/maps', '/zh-Hans/search'];
const SCREENS = [
  {name: 'phone', options: {viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true}},
  {name: 'desktop', options: {viewport: {width: 1350, height: 940}}},
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

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

test('every built page holds its first paint until the marker after the root', () => {
  const files = htmlFiles(BUILD_DIR);
  assert.ok(files.length > 30, `built pages (${files.length})`);
  const problems: string[] = [];
  // Minified HTML drops the quotes around attribute values.
  const link = new RegExp(`<link rel="?expect"? href="?#${PARSED_MARKER_ID}"? blocking="?render"?\\s*/?>`, 'g');
  const marker = new RegExp(`<template id="?${PARSED_MARKER_ID}"?>`, 'g');
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const headEnd = html.indexOf('</head>');
    const links = [...html.matchAll(link)];
    if (links.length !== 1 || links[0].index > headEnd) problems.push(`${file}: not one render-blocking rel=expect on #${PARSED_MARKER_ID} in <head>`);
    // The marker follows all of the page's content, its footer included.
    const markers = [...html.matchAll(marker)];
    const footerEnd = html.lastIndexOf('</footer>');
    if (markers.length !== 1 || footerEnd < 0 || markers[0].index < footerEnd) problems.push(`${file}: ${markers.length} markers, the first at ${markers[0]?.index}, the footer ending at ${footerEnd}`);
  }
  assert.deepEqual(problems, []);
});

for (const screen of SCREENS) {
  test(`HTML trickled in 2 KB pieces, on a ${screen.name}: the first paint comes after the whole page, and nothing moves (CLS 0)`, async () => {
    const shifts: string[] = [];
    const early: string[] = [];
    const errors: string[] = [];
    for (const path of PAGES) {
      const {context, record} = await newContext(browser, screen.options);
      const page = await context.newPage();
      await recordLayoutShifts(page);
      await page.addInitScript((id) => {
        // When the parser inserted the marker: a mutation callback runs before the next paint.
        new MutationObserver((_, observer) => {
          if (!document.getElementById(id)) return;
          (window as unknown as {markerAt: number}).markerAt = performance.now();
          observer.disconnect();
        }).observe(document, {childList: true, subtree: true});
      }, PARSED_MARKER_ID);
      await page.goto(server.origin + path, {waitUntil: 'load'});
      await nextFrames(page);
      const markerAt = await page.evaluate(() => (window as unknown as {markerAt?: number}).markerAt);
      // The paint entry is reported once the frame is presented, which may be after load.
      const firstPaint = await page.evaluate(
        () =>
          new Promise<number | undefined>((resolve) => {
            new PerformanceObserver((list) => {
              const paint = list.getEntries().find((e) => e.name === 'first-paint');
              if (paint) resolve(paint.startTime);
            }).observe({type: 'paint', buffered: true});
            setTimeout(() => resolve(undefined), 5000);
          }),
      );
      if (markerAt === undefined || firstPaint === undefined || firstPaint < markerAt) {
        early.push(`${path}: first paint at ${firstPaint} ms, marker parsed at ${markerAt} ms`);
      }
      shifts.push(...(await layoutShiftProblems(page, path)));
      errors.push(...record.consoleErrors, ...record.pageErrors);
      await context.close();
    }
    assert.deepEqual(early, [], 'painted before the page was parsed whole');
    assert.deepEqual(shifts, [], 'layout shifts');
    assert.deepEqual(errors, [], 'console and page errors');
  });
}
