/**
 * axe-core in a built page, in the light or the dark theme. Shared by `npm run bench` and
 * tests/e2e/a11y.test.ts so both count the same violations.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Browser, BrowserContext, BrowserContextOptions, Page} from 'playwright-core';
import {newContext, type PageRecord} from '../../lib/browser';
import {gotoQuiet} from './quiet';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  /** One entry per failing node: its CSS selector path (iframes and shadow roots joined by " >>> "). */
  targets: string[];
  /** axe's explanation for the first failing node, e.g. the measured contrast ratio. */
  summary: string;
}

/**
 * A browser context that shows the site in `theme` from the first paint: Docusaurus reads
 * localStorage 'theme' in its inline head script, and prefers-color-scheme agrees with it.
 */
export async function themedContext(
  browser: Browser,
  theme: Theme,
  options: BrowserContextOptions = {},
): Promise<{context: BrowserContext; record: PageRecord}> {
  const made = await newContext(browser, {colorScheme: theme, reducedMotion: 'reduce', ...options});
  await made.context.addInitScript((t) => {
    try {
      window.localStorage.setItem('theme', t);
    } catch {
      /* storage may be disabled; prefers-color-scheme still applies */
    }
  }, theme);
  return made;
}

/**
 * Loads `url`, lets lazy content arrive (scrolls to the end and back) and settles fonts. With
 * `scroll: false` the page stays as loaded, as Lighthouse audits it: far excerpt frames and cards
 * not yet laid out (content-visibility).
 */
export async function loadSettled(page: Page, url: string, {scroll = true} = {}): Promise<void> {
  await gotoQuiet(page, url, 600);
  await page.evaluate(async (scrollThrough) => {
    if (scrollThrough) {
      const step = Math.max(200, window.innerHeight);
      for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
    }
    await document.fonts.ready;
    if (scrollThrough) window.scrollTo(0, 0);
  }, scroll);
  await page.waitForLoadState('networkidle');
  // Theme colours use CSS transitions; let any in flight finish before contrast is measured.
  await page.waitForTimeout(150);
}

/** Runs every non-experimental axe rule on the page as it stands, and target-size, which Lighthouse adds. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as {axe?: unknown}).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({content: AXE_SOURCE});
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate(IN_PAGE_AXE) as Promise<AxeViolation[]>;
}

const IN_PAGE_AXE = `(async () => {
  const {violations} = await window.axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}});
  const flat = (t) => (Array.isArray(t) ? t.map(flat).join(' >>> ') : String(t));
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(flat).join(' >>> ')),
    summary: (v.nodes[0] && v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ').trim(),
  }));
})()`;

/** One line per violation: "path [theme] rule (impact): help — target, target …". */
export function formatViolations(path: string, theme: Theme, violations: AxeViolation[]): string[] {
  return violations.map((v) => {
    const shown = v.targets.slice(0, 8).join(' | ');
    const more = v.targets.length > 8 ? ` (+${v.targets.length - 8} more)` : '';
    return `${path} [${theme}] ${v.rule} (${v.impact ?? 'n/a'}): ${v.help} — ${shown}${more} — ${v.summary}`;
  });
}

/** The violations of the loaded page in each theme, switched as the navbar toggle does (one load, both themes). */
export async function violationsInEachTheme(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  for (const theme of THEMES) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    // Let colour transitions settle before contrast is measured.
    await page.waitForTimeout(150);
    problems.push(...formatViolations(path, theme, await runAxe(page)));
  }
  return problems;
}
