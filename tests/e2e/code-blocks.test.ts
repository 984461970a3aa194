/**
 * Fenced code blocks: highlighted in the server HTML, hydrated by a Prism chunk that only pages
 * with a code block load (src/theme/CodeBlock), and highlighted after client-side navigation too.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {newContext} from '../support/browser';
import {BUILD_DIR, type RunningServer, startSite} from '../support/server';

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

async function open(path: string, options: {javaScriptEnabled?: boolean} = {}) {
  const {context, record} = await newContext(browser, options);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto(server.origin + path, {waitUntil: 'networkidle'});
  return {context, record, page, scripts};
}

const tokenCount = (page: Page) => page.locator('.theme-code-block .token').count();

describe('fenced code blocks', () => {
  test('are highlighted without JavaScript', async () => {
    const {context, page} = await open(WITH_CODE, {javaScriptEnabled: false});
    assert.ok((await tokenCount(page)) > 10);
    await context.close();
  });

  test('load Prism only on pages that have one, and hydrate without errors', async () => {
    const chunks = prismChunks();
    assert.ok(chunks.length > 0, 'some chunk carries Prism');
    const without = await open(WITHOUT_CODE);
    assert.equal(await without.page.locator('.theme-code-block').count(), 0);
    assert.deepEqual(without.scripts.filter((s) => chunks.includes(s)), [], `${WITHOUT_CODE} loads no Prism chunk`);
    await without.context.close();

    const withCode = await open(WITH_CODE);
    assert.ok(withCode.scripts.some((s) => chunks.includes(s)), `${WITH_CODE} loads the Prism chunk`);
    await withCode.page.waitForSelector('.theme-code-block button', {state: 'attached'});
    assert.ok((await tokenCount(withCode.page)) > 10);
    assert.deepEqual(withCode.record.consoleErrors, []);
    assert.deepEqual(withCode.record.pageErrors, []);
    await withCode.context.close();
  });

  test('are highlighted after client-side navigation', async () => {
    const {context, record, page} = await open(WITHOUT_CODE);
    await page.locator(`a[href="${WITH_CODE}"]`).first().click();
    await page.waitForURL(`**${WITH_CODE}`);
    await page.waitForFunction(() => document.querySelectorAll('.theme-code-block .token').length > 10);
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  });
});
