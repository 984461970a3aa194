/**
 * Hostile input in the search box and on the search page: nothing throws, nothing is rendered as
 * markup, no dialog opens, and nothing leaves loopback.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const HOSTILE: Array<[string, string]> = [
  ['5,000 characters', `${'loader tail call '.repeat(294)}hive`.slice(0, 5000)],
  ['regex metacharacters', '.*+?^${}()|[]\\'],
  ['regex metacharacters around a word', '(?<x>hive)* [a-z]+ \\d{2,} $^'],
  ['a script tag', '<script>alert(1)</script>'],
  ['an img with onerror', '<img src=x onerror=alert(1)>'],
  ['an attribute break-out', '"><svg onload=alert(1)>\'`'],
  ['emoji', '🐝🚀🔥 eBPF 👩🏽‍💻'],
  ['mixed CJK and Latin', '尾调用tail call映射map 加载器 loader'],
  ['lone surrogate and control characters', '\uD800 \u0000\u0007 \u202E abc'],
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Markup that only an injection could have put in the page. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    document.querySelectorAll('script').forEach((s) => {
      if (/alert\(1\)/.test(s.textContent ?? '')) found.push(`script: ${s.outerHTML.slice(0, 80)}`);
    });
    document.querySelectorAll('img[src="x"], [onerror], [onload]').forEach((el) => found.push(`element: ${el.outerHTML.slice(0, 80)}`));
    document.querySelectorAll('[role="listbox"] script, [role="listbox"] img, [role="listbox"] iframe').forEach((el) => {
      found.push(`in results: ${el.outerHTML.slice(0, 80)}`);
    });
    return found;
  });
}

describe('search with hostile input', () => {
  for (const start of ['/docs/intro', '/zh-Hans/docs/intro']) {
    test(`the navbar search on ${start} neither throws nor renders markup`, async () => {
      const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
      const dialogs: string[] = [];
      const page = await context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss().catch(() => undefined);
      });
      await page.goto(server.origin + start, {waitUntil: 'networkidle'});
      const input = page.locator('input.navbar__search-input');
      // A benign query first, so a harness that sees no results cannot pass by accident.
      await input.click();
      await input.pressSequentially('cilium', {delay: 20});
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({state: 'visible', timeout: 10_000});
      await page.keyboard.press('Escape');
      const problems: string[] = [];
      for (const [label, text] of HOSTILE) {
        await input.click();
        await input.fill('');
        // Typed key by key where a keyboard could type it; pasted (fill) when long or not typeable.
        if (text.length > 200 || /[\u0000-\u001f\u202e]/.test(text) || LONE_SURROGATE.test(text)) await input.fill(text);
        else await input.pressSequentially(text, {delay: 5});
        // Results, or the "no results" line, or nothing: give the worker time to answer either way.
        await page
          .locator('[role="listbox"] [role="option"], [role="listbox"] [class*="noResults"]')
          .first()
          .waitFor({state: 'visible', timeout: 3_000})
          .catch(() => undefined);
        await page.waitForTimeout(250);
        const value = await input.inputValue();
        if (value.length === 0) problems.push(`${label}: the input lost its value`);
        problems.push(...(await injected(page)).map((m) => `${label}: ${m}`));
        await page.keyboard.press('Escape');
      }
      await context.close();
      assert.deepEqual(problems, []);
      assert.deepEqual(dialogs, [], 'dialogs opened');
      assert.deepEqual(record.pageErrors, [], 'uncaught exceptions');
      assert.deepEqual(record.consoleErrors, [], 'console errors');
      assert.deepEqual(record.externalRequests, [], 'requests to non-loopback hosts');
    });
  }

  test('the search page with hostile ?q= neither throws nor renders markup', async () => {
    const {context, record} = await newContext(browser);
    const dialogs: string[] = [];
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    const problems: string[] = [];
    for (const prefix of ['', '/zh-Hans']) {
      for (const [label, text] of HOSTILE) {
        // A lone surrogate has no UTF-8 form, so it cannot travel in a URL; the navbar test covers it.
        if (LONE_SURROGATE.test(text)) continue;
        await page.goto(`${server.origin}${prefix}/search?q=${encodeURIComponent(text)}`, {waitUntil: 'networkidle'});
        await page.waitForTimeout(200);
        problems.push(...(await injected(page)).map((m) => `${prefix}/search ${label}: ${m}`));
        const heading = await page.locator('main h1, article h1, h1').first().innerText().catch(() => '');
        if (text.length < 200 && text.includes('<') && !heading.includes('<')) {
          problems.push(`${prefix}/search ${label}: the heading does not show the query as text (${heading.slice(0, 80)})`);
        }
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, [], 'dialogs opened');
    assert.deepEqual(record.pageErrors, [], 'uncaught exceptions');
    assert.deepEqual(record.consoleErrors, [], 'console errors');
    assert.deepEqual(record.externalRequests, [], 'requests to non-loopback hosts');
  });
});
