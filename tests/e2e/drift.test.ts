/**
 * Drift in the built site (src/data/drift.json): the data-drift contract on every excerpt of both
 * locales, the badge and the closed diff panel, the reference rows removed and added at the
 * target, the "Since v1.18.2" page in both locales, and axe on them in both themes.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {loadSettled, themedContext, violationsInEachTheme} from '../../scripts/bench/lib/axe';
import {newContext} from '../../scripts/lib/browser';
import {type RunningServer} from '../../scripts/lib/server';
import {ciliumPermalinkAt} from '../../src/lib/cilium';
import {DRIFT_STATUSES, loadDriftData, rangesSpec} from '../../src/lib/drift';
import {excerptData, pagesWithExcerpts} from '../support/excerpts';
import {startSite} from '../support/start-site';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const drift = loadDriftData();
const pages = pagesWithExcerpts();
const excerptsWith = (status: string) => Object.keys(drift.excerpts).filter((id) => drift.excerpts[id].status === status);
/** The English page that shows excerpt `id`. */
const pageOf = (id: string) => [...pages].find(([path, ids]) => !path.startsWith('/zh-Hans') && ids.includes(id))![0];

describe('drift', () => {
  test('every excerpt of both locales carries its status, the target commit and its new lines', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const seen = {en: new Set<string>(), zh: new Set<string>()};
    for (const [path, ids] of pages) {
      await page.goto(server.origin + path);
      for (const id of ids) {
        const entry = drift.excerpts[id];
        const figure = page.locator(`figure[id="${id}"][data-cilium-excerpt]`);
        assert.equal(await figure.getAttribute('data-drift'), entry.status, `${path} #${id}`);
        assert.equal(await figure.getAttribute('data-drift-commit'), drift.to, `${path} #${id}`);
        const lines = entry.ranges ? rangesSpec(entry.ranges.filter((r) => r.to >= r.from)) : null;
        assert.equal(await figure.getAttribute('data-drift-lines'), lines, `${path} #${id} lines`);
        assert.match(await figure.getAttribute('data-drift-lines').then((v) => v ?? ''), /^(\d+-\d+(,\d+-\d+)*)?$/);
        assert.equal(await figure.locator('[data-drift-badge]').getAttribute('data-drift-badge'), entry.status);
        assert.equal(await figure.locator('details[data-drift-panel]').count(), entry.status === 'changed' ? 1 : 0, `${path} #${id} panel`);
        seen[path.startsWith('/zh-Hans') ? 'zh' : 'en'].add(id);
      }
    }
    const all = Object.keys(excerptData.excerpts).sort();
    assert.deepEqual([...seen.en].sort(), all);
    assert.deepEqual([...seen.zh].sort(), all);
    await context.close();
  });

  test('badges name the status and link to the same place at the target commit, in both locales', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const moved = excerptsWith('moved').find((id) => drift.excerpts[id].path === excerptData.excerpts[id].path)!;
    const unchanged = excerptsWith('unchanged')[0];
    const deleted = excerptsWith('deleted')[0];
    const expect = [
      {id: unchanged, en: `unchanged in ${drift.label}`, zh: `在 ${drift.label} 中未变`},
      {id: moved, en: `moved to lines ${drift.excerpts[moved].ranges!.map((r) => `${r.from}–${r.to}`).join(', ')} in ${drift.label}`, zh: `在 ${drift.label} 中移至第`},
      {id: deleted, en: `file removed in ${drift.label}`, zh: `在 ${drift.label} 中文件已删除`},
    ];
    for (const {id, en, zh} of expect) {
      for (const [prefix, text] of [['', en], ['/zh-Hans', zh]]) {
        await page.goto(`${server.origin}${prefix}${pageOf(id)}`);
        const badge = page.locator(`figure[id="${id}"] [data-drift-badge]`);
        // As a reader meets it: a frame away from the viewport is not laid out yet, and innerText is only what is.
        await badge.scrollIntoViewIfNeeded();
        let shown = '';
        for (let tries = 0; tries < 20 && !shown; tries++) shown = (await badge.innerText()) || (await page.waitForTimeout(50), '');
        assert.ok(shown.startsWith(text), `${prefix} #${id}: "${shown}"`);
        const href = (await badge.getAttribute('href'))!;
        assert.ok(href.startsWith(`https://github.com/cilium/cilium/`) && href.includes(`/${drift.to}/`), href);
      }
    }
    const r = drift.excerpts[moved].ranges!;
    await page.goto(server.origin + pageOf(moved));
    assert.equal(await page.locator(`figure[id="${moved}"] [data-drift-badge]`).getAttribute('href'), ciliumPermalinkAt(drift.to, drift.excerpts[moved].path, r[0].from, r[r.length - 1].to));
    await context.close();
  });

  test('a changed excerpt has a closed diff panel with both line numbers; it opens without JavaScript', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    const id = excerptsWith('changed').find((x) => drift.excerpts[x].target!.length > 0 && excerptData.excerpts[x].ranges.length === 1)!;
    const entry = drift.excerpts[id];
    const quoted = excerptData.excerpts[id].ranges[0];
    await page.goto(server.origin + pageOf(id));
    const panel = page.locator(`figure[id="${id}"] details[data-drift-panel]`);
    assert.equal(await panel.getAttribute('open'), null, 'closed at first');
    const table = panel.locator('table.drift-diff');
    assert.equal(await table.isVisible(), false);
    await panel.locator('summary').click();
    assert.equal(await table.isVisible(), true);
    const rows = await table.locator('tr[data-diff]').evaluateAll((trs) =>
      trs.map((tr) => ({op: (tr as HTMLElement).dataset.diff, old: tr.children[0].textContent, now: tr.children[1].textContent, code: tr.children[2].textContent!})),
    );
    // The old side is the quoted text, line for line with its numbers, except runs far from any
    // change, which fold into one row pointing at those lines of the excerpt above.
    const folded = await table.locator('tr[data-unchanged]').evaluateAll((trs) =>
      trs.map((tr) => ({range: (tr as HTMLElement).dataset.unchanged!, href: tr.querySelector('a')!.getAttribute('href')})),
    );
    const oldSide = new Map(rows.filter((r) => r.op !== 'add').map((r) => [Number(r.old), r.code]));
    for (const {range, href} of folded) {
      const [from, last] = range.split('-').map(Number);
      assert.equal(href, `#${id}-L${from}`);
      for (let n = from; n <= last; n++) oldSide.set(n, quoted.lines[n - quoted.from]);
    }
    assert.deepEqual(
      [...oldSide].sort((a, b) => a[0] - b[0]),
      quoted.lines.map((text, i) => [quoted.from + i, text]),
    );
    const target = new Map(entry.target!.flatMap((t) => t.lines.map((text, i) => [t.from + i, text] as const)));
    for (const r of rows.filter((x) => x.op !== 'del')) assert.equal(r.code, target.get(Number(r.now)), `new line ${r.now}`);
    assert.ok(rows.some((r) => r.op === 'del') || rows.some((r) => r.op === 'add'), 'a changed excerpt shows a change');
    await context.close();
  });

  test('reference pages mark rows removed at the target and list the new ones with permalinks there', async () => {
    const {context} = await newContext(browser, {javaScriptEnabled: false});
    const page = await context.newPage();
    // Spelled out here, not read from src/lib/reference-pages.ts: a wrong entry there must fail this test.
    const where = {programs: '/docs/reference/entry-points', tailCalls: '/docs/reference/entry-points', maps: '/docs/reference/maps', cells: '/docs/reference/cell-tree'} as const;
    let compared = 0;
    for (const prefix of ['', '/zh-Hans']) {
      for (const [table, path] of Object.entries(where) as Array<[keyof typeof where, string]>) {
        await page.goto(`${server.origin}${prefix}${path}`);
        const t = drift.reference[table];
        const note = page.locator(`[data-drift-table="${table}"]`);
        if (t.status === 'failed') {
          assert.equal(await note.getAttribute('data-drift-failed'), '', `${table} says it was not compared`);
          assert.ok((await note.innerText()).includes(t.error.split('\n')[0]));
          continue;
        }
        compared++;
        const added = note.locator('[data-drift="added"] a');
        assert.equal(await added.count(), t.added.length, `${prefix} ${table} added`);
        for (let i = 0; i < t.added.length; i++) {
          assert.equal(await added.nth(i).getAttribute('href'), ciliumPermalinkAt(drift.to, t.added[i].file, t.added[i].line));
          assert.equal(await added.nth(i).innerText(), t.added[i].name);
        }
        // Programs and tail calls share a page; their rows' ids tell the tables apart.
        const rowSelector = {programs: '[data-fact-row][id^="prog-"]', tailCalls: '[data-fact-row][id^="tail-"]', maps: '[data-fact-row][id^="map-"]', cells: 'details[data-module]'}[table];
        const removedRows = page.locator(`${rowSelector}[data-drift="removed"]`);
        assert.equal(await removedRows.count(), t.removed.length, `${prefix} ${table} removed`);
        // A row's name is its first <code> (textContent: the <wbr> break points add no text).
        const markedNames = await removedRows.evaluateAll((rows) => rows.map((row) => row.querySelector('code')?.textContent ?? ''));
        for (const r of t.removed) assert.ok(markedNames.includes(r.name), `${table}: ${r.name} is marked`);
        assert.equal(await page.locator(`${rowSelector}[data-drift="removed"] [data-drift-mark="removed"]`).count() >= t.removed.length, true);
      }
    }
    assert.ok(compared > 0, 'at least one reference table was compared');
    await context.close();
  });

  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: the "Since v1.18.2" page sums up the excerpts per page and the reference tables`, async () => {
      const {context} = await newContext(browser, {javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/docs/reference/drift`);
      assert.equal(await page.locator(`nav.menu a[href="${prefix}/docs/reference/drift"]`).count(), 1, 'in the sidebar');
      for (const status of DRIFT_STATUSES) {
        const expected = Object.values(drift.excerpts).filter((e) => e.status === status).length;
        assert.equal(await page.locator(`[data-drift-total="${status}"]`).innerText(), String(expected), status);
      }
      // Each page's row counts its own excerpts and links to those that are no longer identical.
      const rows = page.locator('tr[data-drift-page]');
      assert.ok((await rows.count()) > 3);
      for (const [path, ids] of pages) {
        if (path.startsWith('/zh-Hans') !== Boolean(prefix) || path.startsWith(`${prefix}/docs/reference/`)) continue;
        const route = path.slice(prefix.length);
        const row = page.locator(`tr[data-drift-page="${route}"]`);
        for (const status of DRIFT_STATUSES) {
          assert.equal(await row.locator(`[data-drift-count="${status}"]`).innerText(), String(ids.filter((id) => drift.excerpts[id].status === status).length), `${route} ${status}`);
        }
        assert.equal(await row.locator('a[data-drift]').count(), ids.filter((id) => drift.excerpts[id].status !== 'unchanged').length);
        assert.equal(await row.locator('th a').getAttribute('href'), path);
      }
      for (const [table, t] of Object.entries(drift.reference)) {
        const item = page.locator(`li[data-drift-table="${table}"]`);
        if (t.status === 'failed') assert.ok((await item.innerText()).includes(t.error.split('\n')[0]));
        else {
          assert.equal(await item.locator('a[data-drift="added"]').count(), t.added.length);
          assert.equal(await item.locator('a[data-drift="removed"]').count(), t.removed.length);
        }
      }
      await context.close();
    });
  }

  test('axe: the summary page and an open diff panel, light and dark, both locales', async () => {
    const id = excerptsWith('changed')[0];
    const problems: string[] = [];
    const {context} = await themedContext(browser, 'light', {viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    for (const path of ['/docs/reference/drift', '/zh-Hans/docs/reference/drift', '/docs/reference/cell-tree', pageOf(id), `/zh-Hans${pageOf(id)}`]) {
      await loadSettled(page, server.origin + path);
      await page.evaluate(() => document.querySelectorAll('details[data-drift-panel]').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      problems.push(...(await violationsInEachTheme(page, path)));
    }
    await context.close();
    assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
  });
});
