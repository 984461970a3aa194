/** axe-core finds no violation on any page of either locale, in the light or the dark theme. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {formatViolations, loadSettled, runAxe, THEMES, themedContext, violationsInEachTheme} from '../../scripts/bench/lib/axe';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';
import {LOCALE_PREFIX, sitemapPaths} from '../../scripts/lib/site';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

describe('accessibility (axe-core)', () => {
  for (const locale of Object.keys(LOCALE_PREFIX) as Array<keyof typeof LOCALE_PREFIX>) {
    test(`${locale}: every page has 0 axe violations in the light and the dark theme`, async () => {
      const {context} = await themedContext(browser, 'light', {viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of sitemapPaths(locale)) {
        await loadSettled(page, server.origin + path);
        problems.push(...(await violationsInEachTheme(page, path)));
      }
      await context.close();
      assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
    });
  }

  // On a phone far excerpt frames and reference cards wait to be laid out (content-visibility), which
  // moves their boxes while axe measures tap targets: the heaviest pages of each kind are checked here.
  test('mobile viewport, both themes: the home page, guide and reference pages have 0 axe violations', async () => {
    const problems: string[] = [];
    for (const theme of THEMES) {
      const {context} = await themedContext(browser, theme, {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
      const page = await context.newPage();
      for (const path of ['/', '/docs/intro', '/zh-Hans/docs/intro', '/docs/agent/datapath-load-flow', '/docs/reference/maps', '/zh-Hans/docs/reference/symbols']) {
        await loadSettled(page, server.origin + path, {scroll: false});
        problems.push(...formatViolations(`${path} (mobile)`, theme, await runAxe(page)));
      }
      await context.close();
    }
    assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
  });
});
