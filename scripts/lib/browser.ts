/** Debian's Chromium driven by playwright-core, with every non-loopback request recorded and refused. */
import {existsSync} from 'node:fs';
import {type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium} from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`Chromium not found at ${CHROME_PATH}: apt-get install -y chromium, or set CHROME_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What a page did that a test may assert on. */
export interface PageRecord {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to any host but loopback (they are aborted). */
  externalRequests: string[];
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{context: BrowserContext; record: PageRecord}> {
  const context = await browser.newContext(options);
  const record: PageRecord = {consoleErrors: [], pageErrors: [], externalRequests: []};
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
    record.externalRequests.push(url.href);
    return route.abort();
  });
  context.on('page', (page) => watch(page, record));
  return {context, record};
}

function watch(page: Page, record: PageRecord): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => record.pageErrors.push(`${page.url()}: ${error.message}`));
}

/**
 * Brings the runtime in as a reader would (a key press loads it, src/client/before-runtime.ts; Shift
 * changes nothing on the page) and waits until React has hydrated the page. The server HTML already
 * carries `data-has-hydrated="false"`; Docusaurus sets it to "true" after hydration.
 */
export async function waitForHydration(page: Page, timeout = 30_000): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.dataset.hasHydrated)) !== 'true') await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, {timeout});
}

/** Waits until the page has rendered two frames (what waits to be laid out near the viewport is drawn by then). */
export const nextFrames = (page: Page): Promise<unknown> => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Whether the element's top edge is visible below the sticky navbar. */
export async function isBelowNavbarAndInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const navbar = document.querySelector('.navbar')?.getBoundingClientRect().bottom ?? 0;
    const {top} = el.getBoundingClientRect();
    return top >= navbar - 1 && top < window.innerHeight;
  }, selector);
}

/** Scrolls the page top to bottom, so lazy images and diagrams load, then waits for the network to settle. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  await page.waitForLoadState('networkidle');
}
