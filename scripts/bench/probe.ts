/**
 * What a first visit costs: the scripts and stylesheets a page requests until the network is idle
 * (gzipped here with zlib, as a host would send them), whether it shows a diagram, and its LCP element.
 */
import {gzipSync} from 'node:zlib';
import type {Browser} from 'playwright-core';
import {newContext} from '../lib/browser';
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
}

const gzipCache = new Map<string, number>();

export async function probePage(browser: Browser, url: string): Promise<PageProbe> {
  const {context} = await newContext(browser, {viewport: {width: 1350, height: 940}});
  const page = await context.newPage();
  const pending: Array<Promise<Resource | null>> = [];
  page.on('response', (response) => {
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
  });
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
  await context.close();
  const seen = new Set<string>();
  const resources = settled.filter((r): r is Resource => !!r && !seen.has(r.path) && !!seen.add(r.path));
  const sum = (t: Resource['type'], k: 'bytes' | 'gzipBytes') => resources.filter((r) => r.type === t).reduce((s, r) => s + r[k], 0);
  return {
    jsBytes: sum('script', 'bytes'),
    jsGzipBytes: sum('script', 'gzipBytes'),
    cssBytes: sum('stylesheet', 'bytes'),
    cssGzipBytes: sum('stylesheet', 'gzipBytes'),
    resources: resources.sort((a, b) => b.gzipBytes - a.gzipBytes),
    hasDiagram: facts.diagram,
    lcpElement: facts.lcp,
  };
}
