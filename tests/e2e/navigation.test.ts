/** Deep links, the language switch, the localized 404 page and reading without JavaScript. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {isBelowNavbarAndInView, newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

/** The last heading of a page: the one most likely to be out of view without the deep link. */
async function lastHeadingId(path: string): Promise<string> {
  const {context} = await newContext(browser, {javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto(server.origin + path);
  const ids = await page.$$eval('.markdown h2[id]', (els) => els.map((el) => el.id));
  await context.close();
  assert.ok(ids.length > 0, `${path} has h2 headings`);
  return ids[ids.length - 1];
}

describe('navigation', () => {
  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || '/'}: a #id on first load shows that heading below the navbar`, async () => {
      const path = `${prefix}/docs/source-layout`;
      const id = await lastHeadingId(path);
      const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}#${id}`, {waitUntil: 'networkidle'});
      await page.waitForTimeout(300);
      assert.ok(await isBelowNavbarAndInView(page, `[id="${id}"]`), `#${id} is in view below the navbar`);
      await context.close();
    });
  }

  test('switching language keeps the page and the #hash, both ways', async () => {
    const id = await lastHeadingId('/docs/source-layout');
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/source-layout#${id}`, {waitUntil: 'networkidle'});
    // The click is carried out once the runtime runs (src/client/before-runtime.ts): wait for the new page.
    const switchTo = async (label: string, pathname: string) => {
      await page.locator('.navbar .dropdown > .navbar__link').first().hover();
      await Promise.all([page.waitForURL((url) => url.pathname === pathname), page.getByRole('link', {name: label, exact: true}).first().click()]);
      await page.waitForLoadState('networkidle');
    };
    await switchTo('简体中文', '/zh-Hans/docs/source-layout');
    assert.equal(new URL(page.url()).pathname, '/zh-Hans/docs/source-layout');
    assert.equal(new URL(page.url()).hash, `#${id}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    await switchTo('English', '/docs/source-layout');
    assert.equal(new URL(page.url()).pathname, '/docs/source-layout');
    assert.equal(new URL(page.url()).hash, `#${id}`);
    await context.close();
  });

  for (const [prefix, expected] of [['', 'Page Not Found'], ['/zh-Hans', '找不到页面']] as const) {
    test(`an unknown URL under ${prefix || '/'} shows the localized 404 page`, async () => {
      const {context} = await newContext(browser);
      const page = await context.newPage();
      const response = await page.goto(`${server.origin}${prefix}/docs/no-such-page`, {waitUntil: 'networkidle'});
      assert.equal(response?.status(), 404);
      assert.match(await page.locator('main h1').innerText(), new RegExp(expected));
      await context.close();
    });
  }

  test('without JavaScript a page still shows its text and the sidebar', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false, viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/source-layout`);
    assert.ok((await page.locator('.markdown').innerText()).length > 500, 'article text is rendered');
    assert.ok(await page.locator('nav.menu a.menu__link[href="/docs/intro"]').isVisible(), 'sidebar links are visible');
    await context.close();
  });
});
