/**
 * Excerpts outside the styled screen: without CSS (text browsers, translators), in a reader view
 * (Mozilla's Readability, the engine of Firefox's), and in print. Every page of both locales.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {Readability} from '@mozilla/readability';
import {JSDOM} from 'jsdom';
import type {Browser} from 'playwright-core';
import {CILIUM_COMMIT} from '../../src/lib/cilium';
import {newContext} from '../../scripts/lib/browser';
import {BUILD_DIR, type RunningServer} from '../../scripts/lib/server';
import {excerptTextLines, pagesWithExcerpts} from '../support/excerpts';
import {startSite} from '../support/start-site';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const pages = pagesWithExcerpts();
const htmlFile = (path: string) => join(BUILD_DIR, path === '/' ? 'index.html' : `${path}.html`);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

test('both locales have pages with excerpts', () => {
  const paths = [...pages.keys()];
  assert.ok(paths.some((p) => p.startsWith('/zh-Hans/')), 'a zh-Hans page shows excerpts');
  assert.ok(paths.some((p) => !p.startsWith('/zh-Hans/')), 'an English page shows excerpts');
});

describe('excerpts without CSS', () => {
  test('each <pre> reads as its source lines, one per line, with the page styled and unstyled', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const problems: string[] = [];
    const read = () =>
      page.$$eval('[data-cilium-excerpt] pre', (pres) =>
        pres.map((pre) => {
          // What selecting the lines and copying gives. (Not innerText: styled, a frame away from the
          // viewport is not laid out yet, and innerText is empty there; a selection draws it.)
          const range = document.createRange();
          range.selectNodeContents(pre);
          const selection = getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          const selected = selection.toString();
          selection.removeAllRanges();
          return {id: pre.closest('figure')!.id, selected, innerText: (pre as HTMLElement).innerText, textContent: pre.textContent};
        }),
      );
    for (const [path, ids] of pages) {
      await page.goto(server.origin + path);
      // Styled, the selected text must be the lines: no numbers, no doubled breaks.
      const styled = await read();
      await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"], style').forEach((el) => el.remove()));
      // Unstyled, it is what a text browser shows.
      const unstyled = await read();
      assert.deepEqual(styled.map((s) => s.id), ids, `${path}: excerpts in page order`);
      for (const [i, id] of ids.entries()) {
        const expected = excerptTextLines(id, path).join('\n');
        const found = {styled: styled[i].selected, unstyled: unstyled[i].innerText, textContent: unstyled[i].textContent};
        for (const [how, text] of Object.entries(found)) {
          if (text !== expected) problems.push(`${path} #${id} (${how}):\n${text}\n--- expected ---\n${expected}`);
        }
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});

describe('excerpts in reader view (Readability)', () => {
  test('the article keeps every excerpt line by line, in order, and its callout notes', () => {
    const problems: string[] = [];
    let noteCount = 0;
    for (const [path, ids] of pages) {
      const html = readFileSync(htmlFile(path), 'utf8');
      const dom = new JSDOM(html, {url: `http://127.0.0.1${path}`});
      const notes = ids.map((id) =>
        Array.from(dom.window.document.querySelectorAll(`[id="${id}"] .excerpt-note-body`), (el) => squash(el.textContent ?? '')),
      );
      const article = new Readability(dom.window.document).parse();
      if (!article?.content) {
        problems.push(`${path}: Readability found no article`);
        continue;
      }
      const content = new JSDOM(article.content).window.document;
      const pres = Array.from(content.querySelectorAll('pre'), (pre) => pre.textContent ?? '');
      const text = squash(content.body.textContent ?? '');
      let pre = -1;
      let at = -1;
      for (const [i, id] of ids.entries()) {
        const expected = excerptTextLines(id, path).join('\n');
        const found = pres.findIndex((t, j) => j > pre && t === expected);
        if (found === -1) problems.push(`${path} #${id}: no <pre> after the previous excerpt's reads as its lines`);
        else pre = found;
        noteCount += notes[i].length;
        for (const note of notes[i]) {
          const where = text.indexOf(note, at + 1);
          if (where === -1) problems.push(`${path} #${id}: note missing or out of order: ${note.slice(0, 60)}…`);
          else at = where;
        }
      }
    }
    assert.ok(noteCount > 0, 'the pages have callout notes to look for');
    assert.deepEqual(problems, []);
  });
});

describe('excerpts in print', () => {
  // About the printable width of A4 or Letter paper with the browser's default margins.
  const PAPER = {width: 700, height: 1000};

  test('each excerpt prints its permalink as text, wraps its lines, and the chrome is left out', async () => {
    const {context} = await newContext(browser, {viewport: PAPER});
    const page = await context.newPage();
    await page.emulateMedia({media: 'print'});
    const problems: string[] = [];
    for (const [path, ids] of pages) {
      // 'load': the whole document is parsed (under load, 'networkidle' came early once).
      await page.goto(server.origin + path, {waitUntil: 'load'});
      // Widths are final only once every font in use has loaded (a fallback font measures differently).
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const report = await page.evaluate((commit) => {
        const figures = Array.from(document.querySelectorAll<HTMLElement>('[data-cilium-excerpt]'), (figure) => ({
          id: figure.id,
          // The pinned permalink (the header also links the drift target's commit).
          link: figure.querySelector<HTMLAnchorElement>(`figcaption a[href*="/blob/${commit}/"]`)?.href,
          // innerText holds only what is rendered, so this is the permalink as printed.
          caption: figure.querySelector('figcaption')!.innerText,
          // On screen a far frame waits to be drawn (content-visibility: auto); paper gets them all.
          // (Asked of a line: the frame itself reads as visible even while its content waits.)
          drawn: figure.querySelector('pre')!.firstElementChild!.checkVisibility({contentVisibilityAuto: true}),
        }));
        const chrome = ['.navbar', '.theme-doc-sidebar-container', '.table-of-contents', '.theme-doc-toc-mobile', '.footer', '.pagination-nav', '.theme-doc-breadcrumbs']
          .filter((selector) => Array.from(document.querySelectorAll(selector)).some((el) => el.checkVisibility()));
        const wide = Array.from(document.querySelectorAll('body *'))
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > document.documentElement.clientWidth + 0.5;
          })
          .map((el) => `<${el.localName} class="${el.getAttribute('class') ?? ''}"> "${(el.textContent ?? '').slice(0, 40)}" right edge at ${Math.round(el.getBoundingClientRect().right)}px`);
        const scrolls = document.documentElement.scrollWidth > document.documentElement.clientWidth;
        return {figures, chrome, wide, scrolls, width: document.documentElement.clientWidth};
      }, CILIUM_COMMIT);
      assert.deepEqual(report.figures.map((f) => f.id), ids, `${path}: excerpts in page order`);
      for (const {id, link, caption, drawn} of report.figures) {
        if (!link || !caption.includes(link)) problems.push(`${path} #${id}: the printed header does not show ${link}`);
        if (!drawn) problems.push(`${path} #${id}: its lines are not drawn on paper`);
      }
      if (report.chrome.length) problems.push(`${path}: chrome printed: ${report.chrome.join(', ')}`);
      if (report.scrolls) problems.push(`${path}: the page is wider than the paper`);
      problems.push(...report.wide.slice(0, 5).map((w) => `${path}: wider than the paper (${report.width}px): ${w}`));
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});
