/**
 * What a first visit costs: the scripts and stylesheets a page requests until the network is idle
 * (gzipped here with zlib, as a host would send them), whether it shows a diagram, and its LCP
 * element; then what the reader's first action costs: the scripts once a key press has brought the
 * runtime in (src/client/before-runtime.ts), and how long a first click on a page link takes to
 * answer (Event Timing: from the input to the next paint) and to show the new page.
 */
import {gzipSync} from 'node:zlib';
import type {Browser, Response} from 'playwright-core';
import {newContext, waitForHydration} from '../lib/browser';
import {gotoQuiet} from './lib/quiet';

export interface Resource {
  path: string;
  type: 'script' | 'stylesheet';
  bytes: number;
  gzipBytes: number;
}

export interface PageProbe {
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  resources: Resource[];
  hasDiagram: boolean;
  lcpElement: string | null;
  /** Scripts (gzip) once the reader's first action has brought the runtime in, first-load ones included. */
  afterFirstActionJsGzipBytes: number;
  /** The first click on a link to another page, before the runtime: input to next paint, and to the new page's <h1>. */
  firstClick: {href: string; answerMs: number; newPageMs: number} | null;
}

const gzipCache = new Map<string, number>();

export async function probePage(browser: Browser, url: string): Promise<PageProbe> {
  const {context} = await newContext(browser, {viewport: {width: 1350, height: 940}});
  const page = await context.newPage();
  const pending: Array<Promise<Resource | null>> = [];
  const onResponse = (response: Response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      response
        .body()
        .then((body) => {
          const path = new URL(response.url()).pathname;
          let gz = gzipCache.get(path);
          if (gz === undefined) gzipCache.set(path, (gz = gzipSync(body).length));
          return {path, type, bytes: body.length, gzipBytes: gz} as Resource;
        })
        .catch((error) => {
          throw new Error(`could not read ${response.url()}: ${(error as Error).message}`);
        }),
    );
  };
  page.on('response', onResponse);
  await gotoQuiet(page, url);
  const facts = await page.evaluate(`new Promise((resolve) => {
    let last = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        last = el ? el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"' : (e.url || null);
      }
    }).observe({type: 'largest-contentful-paint', buffered: true});
    setTimeout(() => resolve({
      lcp: last,
      diagram: !!document.querySelector('[data-diagram], img[src*="/diagrams/"], picture source[srcset*="/diagrams/"]'),
    }), 100);
  })`) as {lcp: string | null; diagram: boolean};
  // Bodies must be read while the page is open.
  const settled = await Promise.all(pending);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  // A script may still arrive (an idle prefetch): stop listening first, so no body is read after the
  // page has closed, and every read already started is awaited.
  page.off('response', onResponse);
  const afterFirstAction = await Promise.all(pending);
  await context.close();
  const unique = (list: Array<Resource | null>) => {
    const seen = new Set<string>();
    return list.filter((r): r is Resource => !!r && !seen.has(r.path) && !!seen.add(r.path));
  };
  const resources = unique(settled);
  const afterFirstActionJsGzipBytes = unique(afterFirstAction)
    .filter((r) => r.type === 'script')
    .reduce((sum, r) => sum + r.gzipBytes, 0);
  const sum = (t: Resource['type'], k: 'bytes' | 'gzipBytes') => resources.filter((r) => r.type === t).reduce((s, r) => s + r[k], 0);
  return {
    jsBytes: sum('script', 'bytes'),
    jsGzipBytes: sum('script', 'gzipBytes'),
    cssBytes: sum('stylesheet', 'bytes'),
    cssGzipBytes: sum('stylesheet', 'gzipBytes'),
    resources: resources.sort((a, b) => b.gzipBytes - a.gzipBytes),
    hasDiagram: facts.diagram,
    lcpElement: facts.lcp,
    afterFirstActionJsGzipBytes,
    firstClick: await probeFirstClick(browser, url),
  };
}

/** The first thing a reader does: click a link to another page (the sidebar's first, else any). Desktop, no throttling. */
async function probeFirstClick(browser: Browser, url: string): Promise<PageProbe['firstClick']> {
  const {context} = await newContext(browser, {viewport: {width: 1350, height: 940}});
  const page = await context.newPage();
  await gotoQuiet(page, url);
  const href = await page.evaluate(() => {
    const here = location.pathname;
    const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.menu a.menu__link[href], main a[href], .navbar a[href]')];
    const link = links.find((a) => a.origin === location.origin && a.pathname !== here && !a.hash && !a.target && !/\.\w+$/.test(a.pathname));
    if (!link) return null;
    link.setAttribute('data-bench-first-click', '');
    return link.getAttribute('href');
  });
  if (!href) {
    await context.close();
    return null;
  }
  await page.evaluate(`(() => {
    window.__benchEvents = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchEvents.push({name: e.name, duration: e.duration, id: e.interactionId}); })
      .observe({type: 'event', durationThreshold: 16, buffered: true});
  })()`);
  const before = await page.evaluate(() => document.querySelector('article h1, main h1, h1')?.textContent ?? '');
  const started = Date.now();
  await page.click('[data-bench-first-click]');
  await page.waitForFunction((old) => (document.querySelector('article h1, main h1, h1')?.textContent ?? old) !== old, before, {timeout: 30_000});
  const newPageMs = Date.now() - started;
  await page.waitForTimeout(200);
  const events = (await page.evaluate('window.__benchEvents')) as Array<{name: string; duration: number; id: number}>;
  await context.close();
  // Event Timing reports only inputs of 16 ms or more; none reported means the click answered within 16 ms.
  const answerMs = Math.max(16, ...events.filter((e) => /^(pointer|mouse)(down|up)$|^click$/.test(e.name)).map((e) => e.duration));
  return {href, answerMs, newPageMs};
}
