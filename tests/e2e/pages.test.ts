/** Every page of both locales loads cleanly, stays on loopback, and mirrors its twin's heading ids. */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext} from '../support/browser';
import {type RunningServer, serveBuild} from '../support/server';
import {sitemapPaths, twinPath} from '../support/site';

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await serveBuild();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const allPaths = [...sitemapPaths('en'), ...sitemapPaths('zh-Hans')];

describe('every page', () => {
  test('loads with 200, no console error, no exception and no request off loopback', async () => {
    const {context, record} = await newContext(browser);
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of allPaths) {
      const response = await page.goto(server.origin + path, {waitUntil: 'networkidle'});
      if (response?.status() !== 200) failures.push(`${path}: HTTP ${response?.status()}`);
    }
    await context.close();
    assert.deepEqual(failures, []);
    assert.deepEqual(record.consoleErrors, [], 'console errors');
    assert.deepEqual(record.pageErrors, [], 'uncaught exceptions');
    assert.deepEqual(record.externalRequests, [], 'requests to non-loopback hosts');
  });

  test('both locales list the same pages', () => {
    const en = sitemapPaths('en');
    const zh = sitemapPaths('zh-Hans').map(twinPath);
    assert.deepEqual(zh.sort(), en.sort());
  });

  test('every heading id of a page exists on its twin in the other locale, and vice versa', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const headingIds = async (path: string) => {
      await page.goto(server.origin + path);
      return page.$$eval('.markdown :is(h2,h3,h4)[id]', (els) => els.map((el) => el.id));
    };
    for (const path of sitemapPaths('en').filter((p) => p.startsWith('/docs/'))) {
      const en = await headingIds(path);
      const zh = await headingIds(twinPath(path));
      assert.ok(en.length > 0, `${path} has headings`);
      assert.deepEqual(zh, en, `heading ids of ${twinPath(path)} vs ${path}`);
    }
    await context.close();
  });

  test('zh-Hans pages are written in Chinese, not English left in place', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    for (const path of sitemapPaths('zh-Hans').filter((p) => p.includes('/docs/'))) {
      await page.goto(server.origin + path);
      const share = await page.$eval('.markdown', (el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        // Code, tables of source facts and text marked as another language (Cilium's own strings) don't count.
        clone.querySelectorAll('pre, code, figure, table, [lang]:not([lang^="zh"])').forEach((n) => n.remove());
        const text = clone.textContent ?? '';
        const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
        const latin = (text.match(/[A-Za-z]/g) ?? []).length;
        return cjk / Math.max(1, cjk + latin);
      });
      assert.ok(share > 0.4, `${path}: only ${(share * 100).toFixed(0)}% of its prose letters are Chinese`);
    }
    await context.close();
  });
});
