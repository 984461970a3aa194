/** Excerpts in the built site: the HTML contract, line links, copy, callouts, themes, and no JavaScript. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {CILIUM_COMMIT, ciliumPermalink} from '../../src/lib/cilium';
import {getHighlighter} from '../../src/rehype/excerpts';
import {tokenPalette} from '../../src/rehype/token-classes';
import {isBelowNavbarAndInView, newContext} from '../../scripts/lib/browser';
import {excerptData, pagesWithExcerpts, storedLine} from '../support/excerpts';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const pages = pagesWithExcerpts();
/** An English page showing an excerpt with callouts and, if any page has one, an elision. */
function samplePage(): {path: string; id: string} {
  const candidates = [...pages].filter(([path]) => !path.startsWith('/zh-Hans')).flatMap(([path, ids]) => ids.map((id) => ({path, id})));
  const score = ({id}: {id: string}) => excerptData.excerpts[id].ranges.length;
  const withNotes = candidates.filter(({path, id}) => path && id);
  assert.ok(withNotes.length > 0, 'the built site shows excerpts');
  return withNotes.sort((a, b) => score(b) - score(a))[0];
}

async function shownLines(page: Page, id: string) {
  return page.$$eval(`[id="${id}"] [data-line]`, (els) =>
    els.map((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-verify-ignore]').forEach((n) => n.remove());
      return {line: Number((el as HTMLElement).dataset.line), text: clone.textContent ?? ''};
    }),
  );
}

describe('excerpts', () => {
  test('every excerpt on every page shows its lines byte for byte, with commit, path and permalink', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const seen = new Set<string>();
    for (const [path, ids] of pages) {
      await page.goto(server.origin + path);
      for (const id of ids) {
        seen.add(id);
        const stored = excerptData.excerpts[id];
        const root = page.locator(`[id="${id}"][data-cilium-excerpt]`);
        assert.equal(await root.getAttribute('data-commit'), CILIUM_COMMIT, `${path} #${id} commit`);
        assert.equal(await root.getAttribute('data-path'), stored.path, `${path} #${id} path`);
        const lines = await shownLines(page, id);
        const expected = stored.ranges.flatMap((r) => r.lines.map((text, i) => ({line: r.from + i, text})));
        assert.deepEqual(lines, expected, `${path} #${id} text`);
        const last = expected[expected.length - 1].line;
        const permalink = ciliumPermalink(stored.path, expected[0].line, last);
        assert.equal(await root.locator(`a[href="${permalink}"]`).count(), 1, `${path} #${id} links ${permalink}`);
        // The number is drawn from data-n, so it is not part of the line's text.
        const gutter = root.locator(`[data-line="${expected[0].line}"] .excerpt-gutter`);
        assert.equal(await gutter.getAttribute('href'), `#${id}-L${expected[0].line}`, `${path} #${id} gutter links its line`);
        assert.equal(await gutter.evaluate((el) => getComputedStyle(el, '::before').content), `"${expected[0].line}"`, `${path} #${id} gutter shows the number`);
      }
    }
    assert.deepEqual([...seen].sort(), Object.keys(excerptData.excerpts).sort(), 'every excerpt in the data is shown');
    await context.close();
  });

  test('a #<id>-L<line> link on first load scrolls to that line and highlights it', async () => {
    const {path, id} = samplePage();
    const line = excerptData.excerpts[id].ranges[0].from + 1;
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}#${id}-L${line}`, {waitUntil: 'networkidle'});
    await page.waitForTimeout(300);
    const target = `[id="${id}-L${line}"]`;
    assert.ok(await isBelowNavbarAndInView(page, target), 'line in view');
    assert.ok(await page.$eval(target, (el) => el.matches(':target')), 'line is the :target');
    const background = await page.$eval(target, (el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the targeted line is highlighted');
    await context.close();
  });

  test('clicking a line number highlights that line and puts its anchor in the address', async () => {
    const {path, id} = samplePage();
    const line = excerptData.excerpts[id].ranges[0].from + 2;
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(server.origin + path, {waitUntil: 'networkidle'});
    await page.locator(`[id="${id}-L${line}"] .excerpt-gutter`).click();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).hash, `#${id}-L${line}`);
    const target = `[id="${id}-L${line}"]`;
    assert.ok(await page.$eval(target, (el) => el.matches(':target')), 'line is the :target');
    assert.ok(await isBelowNavbarAndInView(page, target), 'line in view');
    await context.close();
  });

  test('clicking a note\'s line link moves the highlight to that line', async () => {
    const entry = [...pages].find(([p, ids]) => !p.startsWith('/zh-Hans') && ids.length);
    assert.ok(entry);
    const {context} = await newContext(browser, {viewport: {width: 1280, height: 720}});
    const page = await context.newPage();
    await page.goto(server.origin + entry[0], {waitUntil: 'networkidle'});
    const link = page.locator('.excerpt-note-line').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).hash, href);
    assert.ok(await page.$eval(`[id="${href.slice(1)}"]`, (el) => el.matches(':target')));
    await context.close();
  });

  test('the copy button copies exactly the shown code', async () => {
    const {path, id} = samplePage();
    const {context} = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.origin});
    const page = await context.newPage();
    await page.goto(server.origin + path, {waitUntil: 'networkidle'});
    await page.locator(`[id="${id}"] figcaption button`).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, excerptData.excerpts[id].ranges.flatMap((r) => r.lines).join('\n'));
    await context.close();
  });

  test('hovering or focusing a marker relates it to its note, and back', async () => {
    const entry = [...pages].find(([p]) => !p.startsWith('/zh-Hans'));
    assert.ok(entry);
    const {context} = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.origin + entry[0], {waitUntil: 'networkidle'});
    const marker = page.locator('.excerpt-marker').first();
    const n = await marker.getAttribute('data-callout');
    const figure = marker.locator('xpath=ancestor::figure[1]');
    // React applies the class on its next render, not within the event: wait for it (or time out).
    await marker.hover();
    await figure.locator(`li[data-callout="${n}"].is-related`).waitFor({timeout: 5000});
    await page.mouse.move(0, 0);
    await figure.locator(`li[data-callout="${n}"]:not(.is-related)`).waitFor({timeout: 5000});
    await figure.locator(`li[data-callout="${n}"] a`).focus();
    await marker.and(page.locator('.is-related')).waitFor({timeout: 5000});
    await context.close();
  });

  test('token colours follow the site theme', async () => {
    const {path, id} = samplePage();
    const {context} = await newContext(browser, {colorScheme: 'light'});
    const page = await context.newPage();
    await page.goto(server.origin + path, {waitUntil: 'networkidle'});
    const palette = tokenPalette(await getHighlighter());
    const span = `[id="${id}"] .excerpt-code span[class^="tl"]`;
    // The class names index the theme palettes (src/rehype/token-classes.ts).
    const colours = () =>
      page.$eval(span, (el) => {
        const [, light, dark] = el.className.match(/tl(\d+) td(\d+)/)!.map(Number);
        return {computed: getComputedStyle(el).color, light, dark};
      });
    const toRgb = (css: string) =>
      page.evaluate((c) => {
        const probe = document.createElement('span');
        probe.style.color = c;
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return rgb;
      }, css);
    const light = await colours();
    assert.equal(light.computed, await toRgb(palette.light[light.light]));
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const dark = await colours();
    assert.equal(dark.computed, await toRgb(palette.dark[dark.dark]));
    assert.notEqual(dark.computed, light.computed);
    await context.close();
  });

  test('without JavaScript the code is there and the copy button is hidden', async () => {
    const {path, id} = samplePage();
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(server.origin + path);
    const first = excerptData.excerpts[id].ranges[0];
    assert.equal((await shownLines(page, id))[0].text, storedLine(id, first.from));
    assert.ok(await page.locator(`[id="${id}"] pre`).isVisible());
    assert.equal(await page.locator(`[id="${id}"] figcaption button`).isVisible(), false);
    await context.close();
  });
});
