/**
 * The guide built under a sub-path (`npm run build:subpath`: GUIDE_BASE_URL=/cilium-guide/, the shape
 * of a GitHub Pages project site) and served by nginx with the shipped config: pages of both locales,
 * their assets, navigation, search and the Markdown twins all stay under the sub-path.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext, scrollThrough} from '../../scripts/lib/browser';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {cspViolations, watchCsp} from '../support/deploy';
import {startNginx} from '../support/nginx';

/** Holds the build in one folder named like the sub-path (build-subpath/cilium-guide/). */
const SERVED_ROOT = process.env.GUIDE_SUBPATH_ROOT ?? join(SITE_ROOT, 'build-subpath');
if (!existsSync(SERVED_ROOT)) throw new Error(`${SERVED_ROOT} is missing: run npm run build:subpath first.`);
const [folder, ...others] = readdirSync(SERVED_ROOT);
assert.equal(others.length, 0, `${SERVED_ROOT} holds one build folder`);
const BUILD = join(SERVED_ROOT, folder);
const BASE = `/${folder}/`;

let nginx: Awaited<ReturnType<typeof startNginx>>;
let browser: Browser;
before(async () => {
  nginx = await startNginx(SERVED_ROOT, BUILD);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await nginx?.close();
});

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'assets' ? [] : filesUnder(full, ext);
    return name.endsWith(ext) ? [full] : [];
  });
}

describe(`a build under a sub-path`, () => {
  test('every root-relative URL in its HTML, Markdown twins and llms.txt starts with the sub-path', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of filesUnder(BUILD, '.html')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:href|src|srcset|content)=["']?(\/[^"'\s>]*)/g)) {
        checked++;
        if (!m[1].startsWith(BASE)) problems.push(`${file}: ${m[1]}`);
      }
    }
    assert.ok(checked > 1000, `checked ${checked} URLs in the HTML`);
    for (const file of filesUnder(BUILD, '.md')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\]\((\/[^)\s]*)/g)) if (!m[1].startsWith(BASE)) problems.push(`${file}: ${m[1]}`);
    }
    for (const file of [join(BUILD, 'llms.txt'), join(BUILD, 'zh-Hans/llms.txt')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\]\((https?:\/\/[^)]+)\)/g)) {
        if (!new URL(m[1]).pathname.startsWith(BASE)) problems.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepEqual(problems.slice(0, 20), []);
  });

  test('pages of both locales load with their assets, no error and no CSP violation', async () => {
    const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
    await watchCsp(context);
    const failed: string[] = [];
    context.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of ['', 'docs/intro', 'docs/source-layout', 'docs/agent/startup', 'docs/reference/maps', 'zh-Hans/', 'zh-Hans/docs/agent/datapath-load-flow']) {
      const response = await page.goto(nginx.origin + BASE + path, {waitUntil: 'networkidle'});
      assert.equal(response?.status(), 200, path);
      await scrollThrough(page);
      const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => i.complete && i.naturalWidth === 0 && getComputedStyle(i).display !== 'none').map((i) => i.src));
      assert.deepEqual(broken, [], `${path}: images`);
      assert.ok(await page.locator('link[rel=stylesheet]').count(), `${path}: has its stylesheet`);
      violations.push(...(await cspViolations(page)).map((v) => `${path}: ${v}`));
    }
    await context.close();
    assert.deepEqual(failed, []);
    assert.deepEqual(violations, []);
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.pageErrors, []);
  });

  test('the sidebar, search and the Markdown link stay under the sub-path', async () => {
    const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    await page.goto(`${nginx.origin}${BASE}docs/intro`, {waitUntil: 'networkidle'});
    await Promise.all([page.waitForURL(`**${BASE}docs/source-layout`), page.locator('.menu a[href$="/docs/source-layout"]').first().click()]);
    // The URL changes first; the page follows once its chunk has loaded.
    await page.locator('article h1', {hasText: /Source layout/i}).waitFor({timeout: 10_000});

    const twin = page.locator('a[data-markdown-twin]');
    assert.equal(await twin.getAttribute('href'), `${BASE}docs/source-layout.md`);
    assert.equal((await fetch(nginx.origin + (await twin.getAttribute('href')))).status, 200);

    await page.locator('input.navbar__search-input').click();
    await page.keyboard.type('clangd', {delay: 20});
    const option = page.getByRole('option').first();
    await option.waitFor({state: 'visible', timeout: 10_000});
    await Promise.all([page.waitForURL(`**${BASE}docs/**`), option.click()]);

    await page.goto(`${nginx.origin}${BASE}zh-Hans/docs/intro`, {waitUntil: 'networkidle'});
    await page.locator('input.navbar__search-input').click();
    await page.keyboard.type('尾调用', {delay: 20});
    await page.getByRole('option').first().waitFor({state: 'visible', timeout: 10_000});
    await Promise.all([page.waitForURL(`**${BASE}zh-Hans/docs/**`), page.getByRole('option').first().click()]);
    await context.close();
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.externalRequests, []);
  });
});
