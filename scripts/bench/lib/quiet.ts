/**
 * Navigation that waits until the page has really finished loading. Playwright's networkidle
 * (500 ms without requests) can fire while a busy CPU is still evaluating main.js, before the
 * route's chunks are requested; this waits for a full quiet second after the load event, then
 * for an idle callback.
 */
import type {Page} from 'playwright-core';

export async function gotoQuiet(page: Page, url: string, quietMs = 1000, timeoutMs = 20_000): Promise<void> {
  let inflight = 0;
  let lastActivity = Date.now();
  const started = () => {
    inflight++;
    lastActivity = Date.now();
  };
  const finished = () => {
    inflight = Math.max(0, inflight - 1);
    lastActivity = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  try {
    await page.goto(url, {waitUntil: 'load'});
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (inflight > 0 || Date.now() - lastActivity < quietMs)) await page.waitForTimeout(100);
    await page.evaluate('new Promise((r) => requestIdleCallback(() => r(null), {timeout: 2000}))');
  } finally {
    page.off('request', started);
    page.off('requestfinished', finished);
    page.off('requestfailed', finished);
  }
}
