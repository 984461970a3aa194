/** Local search in both locales: typing a term and choosing the first result opens the right section. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {isBelowNavbarAndInView, newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const CASES = [
  {start: '/', query: 'gen_compile_commands', page: '/docs/ebpf/editor-setup'},
  {start: '/zh-Hans/', query: '尾调用', page: '/zh-Hans/docs/ebpf/entry-points'},
];

describe('search', () => {
  for (const {start, query, page: expected} of CASES) {
    test(`"${query}" from ${start} leads to ${expected} with the matching section in view`, async () => {
      const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
      const page = await context.newPage();
      await page.goto(server.origin + start, {waitUntil: 'networkidle'});
      await page.keyboard.press('Control+k');
      const input = page.locator('input.navbar__search-input');
      await input.waitFor({state: 'visible'});
      assert.ok(await input.evaluate((el) => el === document.activeElement), 'Ctrl-K focuses the search box');
      await input.pressSequentially(query, {delay: 30});
      const first = page.getByRole('option').first();
      await first.waitFor({state: 'visible', timeout: 10_000});
      await Promise.all([page.waitForURL((url) => url.pathname === expected, {timeout: 10_000}), first.click()]);
      await page.waitForTimeout(400);
      const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
      if (hash) assert.ok(await isBelowNavbarAndInView(page, `[id="${hash}"]`), `#${hash} is in view`);
      assert.deepEqual(record.externalRequests, []);
      await context.close();
    });
  }

  test('the search page renders results for a query', async () => {
    const {context} = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/search?q=clangd`, {waitUntil: 'networkidle'});
    await page.locator('article a[href*="/docs/"]').first().waitFor({timeout: 10_000});
    await context.close();
  });
});
