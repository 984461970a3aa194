/**
 * Go to definition in the built site: every symbol link in an excerpt names a definition the data
 * holds and leads to a line that shows it; following one marks the line; keyboard focus shows the
 * kind and place; Reference → Symbols rows are reachable by hash and by search, in both locales.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {excerptLine, loadSymbolData} from '../../src/lib/symbols';
import {isBelowNavbarAndInView, newContext} from '../../scripts/lib/browser';
import {BUILD_DIR, type RunningServer} from '../../scripts/lib/server';
import {excerptData, pagesWithExcerpts} from '../support/excerpts';
import {startSite} from '../support/start-site';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const symbols = loadSymbolData();

interface SymbolLink {
  page: string;
  name: string;
  path: string | null;
  line: number | null;
  href: string;
}

/** An attribute of a tag in minified HTML (quoted or not). */
function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&') : null;
}

/** Polls until the element is in view below the navbar (a long page may still be parsing at networkidle). */
async function cameIntoView(page: Page, selector: string): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    if (await isBelowNavbarAndInView(page, selector)) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

/** Every symbol link of every page with excerpts, read from the server HTML. */
function symbolLinks(): SymbolLink[] {
  const out: SymbolLink[] = [];
  for (const page of pagesWithExcerpts().keys()) {
    const html = readFileSync(htmlFile(page)!, 'utf8');
    for (const m of html.matchAll(/<a [^>]*data-symbol=[^>]*>([^<]*)<\/a>/g)) {
      const tag = m[0];
      const line = attr(tag, 'data-def-line');
      out.push({page, name: attr(tag, 'data-symbol')!, path: attr(tag, 'data-def-path'), line: line === null ? null : Number(line), href: attr(tag, 'href')!});
      assert.equal(m[1], out[out.length - 1].name, `${page}: a link's text is its data-symbol`);
    }
  }
  return out;
}

function htmlFile(route: string): string | null {
  const clean = route.replace(/^\//, '');
  return [join(BUILD_DIR, `${clean}.html`), join(BUILD_DIR, clean, 'index.html')].find((p) => existsSync(p)) ?? null;
}

describe('symbol links', () => {
  const links = symbolLinks();

  test('both locales link identifiers in excerpts; every data-def-path:data-def-line is a definition of its name', () => {
    for (const locale of ['', '/zh-Hans']) {
      const here = links.filter((l) => (locale ? l.page.startsWith(locale) : !l.page.startsWith('/zh-Hans')));
      const expected = Object.values(symbols.excerpts).reduce((n, e) => n + e.links.length, 0);
      assert.equal(here.length, expected, `${locale || 'en'}: every occurrence in the data is a link`);
    }
    const problems: string[] = [];
    for (const l of links) {
      const entries = Object.entries(symbols.symbols).filter(([, e]) => e.name === l.name);
      if (l.path === null) {
        const row = /#(sym-[A-Za-z0-9_-]+)$/.exec(l.href)?.[1];
        if (!row || symbols.symbols[row]?.name !== l.name || symbols.symbols[row].defs.length < 2) problems.push(`${l.page}: ambiguous ${l.name} -> ${l.href}`);
      } else if (!entries.some(([, e]) => e.defs.some((d) => d.path === l.path && d.line === l.line))) {
        problems.push(`${l.page}: ${l.name} -> ${l.path}:${l.line} is not a definition of ${l.name}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('on-site links lead to an excerpt of the same locale that shows the definition line', () => {
    const problems: string[] = [];
    let onSite = 0;
    for (const l of links.filter((x) => x.path !== null && !x.href.startsWith('https://'))) {
      onSite++;
      const [route, hash] = l.href.split('#');
      const target = route ? route : l.page;
      if (l.page.startsWith('/zh-Hans') !== target.startsWith('/zh-Hans')) problems.push(`${l.page}: ${l.href} changes locale`);
      const m = /^([a-z0-9-]+)-L(\d+)$/.exec(hash);
      const excerpt = m ? excerptData.excerpts[m[1]] : undefined;
      if (!m || !excerpt || excerpt.path !== l.path || Number(m[2]) !== l.line || excerptLine(excerptData, m[1], l.line!) === undefined) {
        problems.push(`${l.page}: ${l.name} -> ${l.href} does not show ${l.path}:${l.line}`);
        continue;
      }
      const file = htmlFile(target);
      if (!file || !new RegExp(`\\sid=["']?${hash}["'\\s>]`).test(readFileSync(file, 'utf8'))) problems.push(`${l.page}: ${l.href} has no such line on ${target}`);
    }
    assert.ok(onSite > 0, 'some definitions are quoted on this site');
    assert.deepEqual(problems, []);
  });

  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: following a link to another page opens the quoted definition with its line marked`, async () => {
      const link = links.find((l) => l.path !== null && l.href.startsWith(`${prefix}/docs/`) && (prefix || !l.page.startsWith('/zh-Hans')));
      assert.ok(link, 'a link to an excerpt on another page');
      const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 720}});
      const page = await context.newPage();
      await page.goto(server.origin + link.page, {waitUntil: 'networkidle'});
      const anchor = page.locator(`a[data-symbol="${link.name}"][href="${link.href}"]`).first();
      await anchor.scrollIntoViewIfNeeded();
      await Promise.all([page.waitForURL((url) => `${url.pathname}${url.hash}` === link.href), anchor.click()]);
      await page.waitForTimeout(400);
      const id = link.href.split('#')[1];
      const target = page.locator(`[id="${id}"]`);
      // A client-side navigation does not move :target; src/client/hash-target.ts marks the line instead.
      assert.ok(await target.evaluate((el) => el.matches(':target, [data-hash-target]')), 'the definition line is the target');
      assert.equal(await target.getAttribute('data-line'), String(link.line));
      assert.equal(await target.locator('xpath=ancestor::figure[@data-cilium-excerpt]').getAttribute('data-path'), link.path);
      assert.notEqual(await target.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)', 'the line is marked');
      assert.ok(await cameIntoView(page, `[id="${id}"]`), 'the line is in view');
      assert.ok(await target.innerText().then((t) => t.includes(link.name)), 'the line names the symbol');
      assert.deepEqual(record.externalRequests, []);
      await context.close();
    });
  }

  test('keyboard focus on a symbol link shows its kind and place', async () => {
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    const link = links.find((l) => l.path !== null && !l.page.startsWith('/zh-Hans'))!;
    await page.goto(server.origin + link.page, {waitUntil: 'networkidle'});
    const pre = page.locator(`pre:has(a[data-symbol][data-def-path])`).first();
    const unfocused = await pre.locator('a[data-symbol]').first().evaluate((el) => getComputedStyle(el, '::after').content);
    assert.equal(unfocused, 'none', 'no popover before focus');
    await pre.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement;
      const after = getComputedStyle(el, '::after');
      return {symbol: el.dataset.symbol, kind: el.dataset.kind, path: el.dataset.defPath, line: el.dataset.defLine, content: after.content, display: after.display, underline: getComputedStyle(el).textDecorationLine, decorationStyle: getComputedStyle(el).textDecorationStyle};
    });
    assert.ok(focused.symbol, 'Tab from the code moves to a symbol link');
    assert.match(focused.kind!, /^[a-z]+(?: \([^)]*\))?$/);
    // The popover reads kind · path:line from the link's own attributes.
    assert.match(focused.content, /attr\(data-kind\).*attr\(data-def-path\).*attr\(data-def-line\)|^".+ · .+:\d+"$/);
    assert.notEqual(focused.display, 'none');
    assert.equal(focused.underline, 'underline', 'focus underlines the link');
    assert.equal(focused.decorationStyle, 'solid', 'focus makes the underline solid');
    await context.close();
  });
});

describe('Symbols page', () => {
  const row = Object.keys(symbols.symbols).find((id) => /^sym-[a-z]+-[A-Z]/.test(id))!;
  const name = symbols.symbols[row].name;

  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: every symbol has a row, and #${row} scrolls to it`, async () => {
      const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/docs/reference/symbols#${row}`, {waitUntil: 'networkidle'});
      assert.ok(await cameIntoView(page, `[id="${row}"]`), `#${row} in view`);
      assert.match(await page.locator(`[id="${row}"] td`).first().innerText(), new RegExp(`^${name}\\b`));
      const ids = await page.locator('[data-fact-row]').evaluateAll((rows) => rows.map((r) => r.id));
      assert.deepEqual([...ids].sort(), Object.keys(symbols.symbols).sort());
      await context.close();
    });

    test(`${prefix || 'en'}: search finds a symbol's row on the Symbols page`, async () => {
      const query = 'tail_call_internal';
      assert.ok(symbols.symbols[`sym-${query}`], `${query} is a symbol`);
      const {context} = await newContext(browser, {viewport: {width: 1280, height: 800}});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/`, {waitUntil: 'networkidle'});
      await page.keyboard.press('Control+k');
      const input = page.locator('input.navbar__search-input');
      await input.waitFor({state: 'visible'});
      await input.pressSequentially(query, {delay: 30});
      // A result names its page: the Symbols page's row is found as well as the prose that uses the name.
      const hit = page.getByRole('option').filter({hasText: prefix ? '符号（参考）' : 'Symbols (reference)'}).first();
      await hit.waitFor({state: 'visible', timeout: 10_000});
      await Promise.all([page.waitForURL((url) => url.pathname === `${prefix}/docs/reference/symbols`, {timeout: 10_000}), hit.click()]);
      await page.waitForTimeout(400);
      assert.ok(await page.locator(`[id="sym-${query}"]`).isVisible(), 'the row is on the page');
      await context.close();
    });
  }
});
