/** The generated Reference pages: complete tables, a working filter, deep links to rows and modules. */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {isBelowNavbarAndInView, newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

const facts = (name: string) => JSON.parse(readFileSync(join(SITE_ROOT, 'src/data/facts', name), 'utf8'));
const programs = facts('programs.json').programs.filter((p: {kind: string}) => p.kind !== 'tail-call').length;
const tailCalls = facts('tailcalls.json').tailCalls.length;
const maps = facts('maps.json').maps.length;
const countModules = (m: {children: unknown[]}): number => 1 + m.children.reduce((n: number, c) => n + countModules(c as {children: unknown[]}), 0);
const modules = countModules(facts('cells.json').tree);

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

describe('reference pages', () => {
  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: the pages list exactly as many items as the facts hold, without JavaScript`, async () => {
      const {context} = await newContext(browser, {javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/docs/reference/entry-points`);
      const tables = page.locator('table:has([data-fact-row])');
      assert.equal(await tables.nth(0).locator('[data-fact-row]').count(), programs);
      assert.equal(await tables.nth(1).locator('[data-fact-row]').count(), tailCalls);
      await page.goto(`${server.origin}${prefix}/docs/reference/maps`);
      assert.equal(await page.locator('[data-fact-row]').count(), maps);
      await page.goto(`${server.origin}${prefix}/docs/reference/cell-tree`);
      assert.equal(await page.locator('details[data-module]').count(), modules);
      await context.close();
    });
  }

  test('the filter narrows the maps table and says how many rows it shows', async () => {
    const {context} = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps`, {waitUntil: 'networkidle'});
    const filter = page.locator('input[type="search"]:not(.navbar__search-input)');
    await filter.fill('lxc');
    const names = await page.locator('[data-fact-row] td:first-child').allInnerTexts();
    assert.ok(names.length > 0 && names.length < maps, `filtered to ${names.length}`);
    const rows = await page.locator('[data-fact-row]').allInnerTexts();
    assert.ok(rows.every((r) => r.toLowerCase().includes('lxc')), 'every remaining row mentions lxc');
    assert.ok(names.includes('cilium_lxc'));
    assert.match(await page.locator('output').first().innerText(), new RegExp(`${names.length}\\D+${maps}`));
    await filter.fill('no-such-map-anywhere');
    assert.equal(await page.locator('[data-fact-row]').count(), 0);
    await context.close();
  });

  test('a column header sorts the table', async () => {
    const {context} = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps`, {waitUntil: 'networkidle'});
    await page.locator('th button').first().click();
    const names = await page.locator('[data-fact-row] td:first-child').allInnerTexts();
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    await page.locator('th button').first().click();
    const reversed = await page.locator('[data-fact-row] td:first-child').allInnerTexts();
    assert.deepEqual(reversed, [...names].reverse());
    await context.close();
  });

  test('a deep link to a map row scrolls it into view', async () => {
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/maps#map-cilium_lxc`, {waitUntil: 'networkidle'});
    await page.waitForTimeout(300);
    assert.ok(await isBelowNavbarAndInView(page, '#map-cilium_lxc'));
    await context.close();
  });

  test('a deep link to a nested module opens its ancestors; expand all opens every module', async () => {
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(`${server.origin}/docs/reference/cell-tree#module-loader`, {waitUntil: 'networkidle'});
    await page.waitForTimeout(300);
    assert.ok(await page.locator('#module-loader').isVisible());
    assert.ok(await isBelowNavbarAndInView(page, '#module-loader'));
    const closed = () => page.locator('details[data-module]:not([open])').count();
    assert.ok((await closed()) > 0);
    await page.getByRole('button', {name: 'Expand all'}).click();
    assert.equal(await closed(), 0);
    await page.getByRole('button', {name: 'Collapse all'}).click();
    assert.equal(await closed(), modules);
    await context.close();
  });
});
