/** Every page of both locales loads cleanly, stays on loopback, and mirrors its twin's heading ids. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {newContext, scrollThrough} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';
import {sitemapPaths, twinPath} from '../../scripts/lib/site';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const allPaths = [...sitemapPaths('en'), ...sitemapPaths('zh-Hans')];

describe('every page', () => {
  test('loads with 200 and no error, and asks nothing of a non-loopback host: scrolled, both themes, search open', async () => {
    const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    const failures: string[] = [];
    const searched = new Set<string>();
    for (const path of [...allPaths, '/docs/no-such-page', '/zh-Hans/docs/no-such-page']) {
      const response = await page.goto(server.origin + path, {waitUntil: 'networkidle'});
      const expected = path.endsWith('no-such-page') ? 404 : 200;
      if (response?.status() !== expected) failures.push(`${path}: HTTP ${response?.status()}`);
      // Lazy images and diagrams load as they scroll into view.
      await scrollThrough(page);
      // The other theme swaps themed images (diagrams) for their twins.
      await page.evaluate(() => {
        const html = document.documentElement;
        html.dataset.theme = html.dataset.theme === 'dark' ? 'light' : 'dark';
      });
      await page.waitForLoadState('networkidle');
      // The search index is fetched per locale on first use.
      const locale = path.startsWith('/zh-Hans') ? 'zh-Hans' : 'en';
      if (!searched.has(locale)) {
        searched.add(locale);
        await page.locator('input.navbar__search-input').click();
        await page.keyboard.type('cilium', {delay: 20});
        await page.getByRole('option').first().waitFor({state: 'visible', timeout: 10_000});
        await page.keyboard.press('Escape');
      }
    }
    await context.close();
    assert.deepEqual(failures, []);
    assert.equal(searched.size, 2, 'search was opened in both locales');
    const expected404 = (e: string) => e.includes('no-such-page') && e.includes('404 (Not Found)');
    assert.deepEqual(record.consoleErrors.filter((e) => !expected404(e)), [], 'console errors');
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
        // Code and text marked as another language (Cilium's own strings) don't count; the reference
        // tables do: their words are the guide's, generated or not.
        clone.querySelectorAll('pre, code, figure, [lang]:not([lang^="zh"])').forEach((n) => n.remove());
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
