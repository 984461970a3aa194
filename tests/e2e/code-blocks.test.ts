/**
 * Fenced code blocks (src/theme/CodeBlock): highlighted in the server HTML with both themes'
 * colours, left static until a reader reaches for one, then hydrated by a Prism chunk;
 * highlighted after client-side navigation too.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import type {Browser, BrowserContextOptions, Page} from 'playwright-core';
import {newContext, waitForHydration} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {BUILD_DIR, type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const WITH_CODE = '/docs/ebpf/editor-setup';
const WITHOUT_CODE = '/docs/reference/maps';
const PRISM = /tokenizePlaceholders|insertBefore:function/;

/** The file names of the chunks that carry Prism. */
function prismChunks(): string[] {
  const dir = join(BUILD_DIR, 'assets/js');
  return readdirSync(dir).filter((f) => f.endsWith('.js') && PRISM.test(readFileSync(join(dir, f), 'utf8')));
}

async function open(path: string, options: BrowserContextOptions = {}) {
  const {context, record} = await newContext(browser, options);
  const page = await context.newPage();
  const chunks = prismChunks();
  const prismRequests: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop()!;
    if (chunks.includes(file)) prismRequests.push(file);
  });
  await page.goto(server.origin + path, {waitUntil: 'networkidle'});
  return {context, record, page, prismRequests};
}

const tokens = (page: Page) => page.locator('.theme-code-block .token').count();
/** The theme renders a block's copy button only in the browser, and it works only once React runs. */
async function copies(page: Page): Promise<boolean> {
  const block = page.locator('.theme-code-block').first();
  assert.equal(await block.getByRole('button', {name: /copy/i}).count(), 0, 'a static block has no copy button');
  await block.hover();
  const button = await block.getByRole('button', {name: /copy code/i}).elementHandle({timeout: 20_000});
  await button!.click();
  // The label reads "Copied" for a second after a successful copy.
  return page
    .waitForFunction((el) => /copied/i.test(el.getAttribute('aria-label') ?? ''), button!, {timeout: 1000, polling: 50})
    .then(() => true, () => false);
}

describe('fenced code blocks', () => {
  test('are highlighted without JavaScript', async () => {
    const {context, page} = await open(WITH_CODE, {javaScriptEnabled: false});
    assert.ok((await tokens(page)) > 10);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`stay static server HTML on first load in the ${colorScheme} theme: no Prism, no errors`, async () => {
      assert.ok(prismChunks().length > 0, 'some chunk carries Prism');
      for (const path of [WITHOUT_CODE, WITH_CODE]) {
        const {context, record, page, prismRequests} = await open(path, {colorScheme});
        await page.waitForTimeout(500);
        assert.deepEqual(prismRequests, [], `${path} loads no Prism chunk before a reader needs it`);
        if (path === WITH_CODE) assert.ok((await tokens(page)) > 10, 'the static blocks keep their highlighting');
        assert.deepEqual(record.consoleErrors, []);
        assert.deepEqual(record.pageErrors, []);
        await context.close();
      }
    });
  }

  test('come alive when a reader reaches for one: Prism loads and the copy button works', async () => {
    const {context, record, page, prismRequests} = await open(WITH_CODE, {colorScheme: 'light', permissions: ['clipboard-read', 'clipboard-write']});
    assert.ok(await copies(page), 'the copy button confirms the copy');
    assert.ok(prismRequests.length > 0, 'the Prism chunk loaded');
    assert.ok((await tokens(page)) > 10);
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  });

  test('come alive for a reader whose pointer was on a block before React hydrated it', async () => {
    const {context, record} = await newContext(browser, {colorScheme: 'light'});
    const page = await context.newPage();
    // Hold the scripts back until the pointer rests on the block, as on a slow phone.
    let releaseScripts!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route('**/assets/js/**', async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    // Deferred scripts hold DOMContentLoaded back too: wait only for the server's HTML to be there.
    await page.goto(server.origin + WITH_CODE, {waitUntil: 'commit'});
    const block = page.locator('.theme-code-block').first();
    await block.hover();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.hasHydrated), 'false', 'React has not hydrated yet');
    releaseScripts();
    await waitForHydration(page);
    await block.getByRole('button', {name: /copy code/i}).waitFor({timeout: 20_000});
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  });

  test('show the dark theme colours in the dark theme without Prism, the same colours Prism gives them', async () => {
    const {context, record, page, prismRequests} = await open(WITH_CODE, {colorScheme: 'dark'});
    await page.waitForTimeout(500);
    assert.deepEqual(prismRequests, [], 'no Prism chunk on first load in the dark theme');
    const background = await page.$eval('.theme-code-block pre', (el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    assert.ok(r + g + b < 3 * 128, `dark background (${background})`);
    const staticColours = await page.$$eval('.theme-code-block', ([block]) =>
      Array.from(block.querySelectorAll('.token')).map((el) => `${getComputedStyle(el).color} ${getComputedStyle(el).fontStyle}`),
    );
    // Live, Prism writes the dark theme inline; with the CSS switched off, that is what shows.
    await page.locator('.theme-code-block').first().hover();
    await page.locator('.theme-code-block').first().getByRole('button', {name: /copy/i}).waitFor({timeout: 20_000});
    assert.ok(prismRequests.length > 0, 'Prism loaded once the reader reached for the block');
    const liveColours = await page.$$eval('.theme-code-block', ([block]) => {
      document.querySelector('style[data-code-block-dark]')!.remove();
      return Array.from(block.querySelectorAll('.token')).map((el) => `${getComputedStyle(el).color} ${getComputedStyle(el).fontStyle}`);
    });
    assert.ok(staticColours.length > 10);
    assert.deepEqual(staticColours, liveColours);
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  });

  test('are highlighted after client-side navigation', async () => {
    const {context, record, page} = await open(WITHOUT_CODE);
    await page.locator(`a[href="${WITH_CODE}"]`).first().click();
    await page.waitForURL(`**${WITH_CODE}`);
    await page.waitForFunction(() => document.querySelectorAll('.theme-code-block .token').length > 10).catch(async (error: Error) => {
      const block = await page.locator('[data-code-block]').first().innerHTML().catch(() => 'no [data-code-block]');
      throw new Error(`${error.message}\npage errors: ${record.pageErrors.join('; ') || 'none'}\nfirst block: ${block.slice(0, 300)}`);
    });
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  });
});
