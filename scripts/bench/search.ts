/**
 * Search latency: from the last keystroke (its `input` event) to the first frame that shows a
 * result for the whole query, measured in the page with desktop emulation and a warm index.
 */
import type {Browser} from 'playwright-core';
import {newContext} from '../lib/browser';
import {median} from './lib/stats';

export const SEARCH_QUERIES = [
  {locale: 'en', query: 'clangd'},
  {locale: 'en', query: 'tail call'},
  {locale: 'en', query: 'hive'},
  {locale: 'en', query: 'ReloadDatapath'},
  {locale: 'en', query: 'cilium_lxc'},
  {locale: 'zh-Hans', query: '尾调用'},
  {locale: 'zh-Hans', query: '加载器'},
  {locale: 'zh-Hans', query: '启动'},
  {locale: 'zh-Hans', query: '编排器'},
  {locale: 'zh-Hans', query: '映射'},
] as const;

export interface QueryLatency {
  locale: string;
  query: string;
  samplesMs: Array<number | null>;
  medianMs: number | null;
  /** Result rows shown for the whole query (0: the "No results" line was timed instead). */
  results: number;
}

// Installed in the page: times the next `input` event to the first animation frame after the
// result list gains freshly rendered options. autocomplete.js's classes are CSS-module names here,
// so the list is found by its ARIA roles.
const ARM = `(() => {
  window.__searchLatency = new Promise((resolve) => {
    const input = document.querySelector('input.navbar__search-input');
    let t0 = 0;
    const onInput = () => { t0 = performance.now(); };
    input.addEventListener('input', onInput, {capture: true, once: true});
    // A result row, or the "No results" line the plugin renders for an empty answer.
    const RENDERED = '[role="option"], [class*="noResults"]';
    const isRendered = (n) => n.nodeType === 1 && (n.matches(RENDERED) || n.querySelector(RENDERED));
    const observer = new MutationObserver((records) => {
      if (!t0) return;
      // Only rows added after the keystroke count: the prefix's results are still on screen.
      const added = records.some((r) => Array.from(r.addedNodes).some(isRendered));
      const shown = document.querySelector('[role="listbox"] :is(' + RENDERED + ')');
      if (!added || !shown || shown.getBoundingClientRect().height === 0) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ms: performance.now() - t0, options: document.querySelectorAll('[role="listbox"] [role="option"]').length}));
    });
    observer.observe(document.body, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve({ms: null, options: 0}); }, 5000);
  });
})()`;

export async function measureSearch(browser: Browser, origin: string, reps: number, log: (s: string) => void): Promise<QueryLatency[]> {
  const out: QueryLatency[] = [];
  for (const {locale, query} of SEARCH_QUERIES) {
    const {context} = await newContext(browser, {viewport: {width: 1350, height: 940}, deviceScaleFactor: 1});
    const page = await context.newPage();
    await page.goto(`${origin}${locale === 'en' ? '' : `/${locale}`}/docs/intro`, {waitUntil: 'networkidle'});
    const input = page.locator('input.navbar__search-input');
    await input.click();
    await page.waitForLoadState('networkidle'); // the index and the worker are loaded on focus
    const samples: Array<number | null> = [];
    let results = 0;
    for (let i = 0; i < reps; i++) {
      await input.fill('');
      await page.waitForTimeout(150);
      const chars = [...query];
      await input.fill(chars.slice(0, -1).join(''));
      await page.waitForTimeout(600); // let the prefix's results settle
      await page.evaluate(ARM);
      await page.keyboard.insertText(chars[chars.length - 1]);
      const r = (await page.evaluate('window.__searchLatency')) as {ms: number | null; options: number};
      samples.push(r.ms === null ? null : Math.round(r.ms * 10) / 10);
      results = r.options;
    }
    await context.close();
    const ok = samples.filter((s): s is number => s !== null);
    const entry = {locale, query, samplesMs: samples, medianMs: ok.length === samples.length ? median(ok) : null, results};
    log(`search ${locale} "${query}": ${samples.map((s) => (s === null ? 'none' : `${s} ms`)).join(', ')}`);
    out.push(entry);
  }
  return out;
}
