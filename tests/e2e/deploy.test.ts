/**
 * The build served by Debian's nginx with the shipped server block (deploy/nginx.conf): the headers of
 * build/_headers on every kind of response, and every page working under the Content-Security-Policy.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext, scrollThrough} from '../../scripts/lib/browser';
import {BUILD_DIR} from '../../scripts/lib/server';
import {sitemapPaths} from '../../scripts/lib/site';
import {CACHE_IMMUTABLE, CACHE_REVALIDATE, HEADERS_FILE, NGINX_LOCATIONS_FILE, inlineScriptHashes} from '../../src/lib/deploy-headers';
import {excerptData} from '../support/excerpts';
import {type ParsedRule, cspViolations, headersFor, parseHeadersFile, watchCsp} from '../support/deploy';
import {startNginx} from '../support/nginx';

let nginx: Awaited<ReturnType<typeof startNginx>>;
let browser: Browser;
before(async () => {
  nginx = await startNginx(BUILD_DIR);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await nginx?.close();
});

const rules: ParsedRule[] = parseHeadersFile(readFileSync(join(BUILD_DIR, HEADERS_FILE), 'utf8'));
const allPaths = [...sitemapPaths('en'), ...sitemapPaths('zh-Hans')];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
const builtFiles = filesUnder(BUILD_DIR).map((f) => `/${relative(BUILD_DIR, f)}`);
const firstFile = (pattern: RegExp) => {
  const found = builtFiles.find((f) => pattern.test(f));
  assert.ok(found, `a built file matches ${pattern}`);
  return found;
};

describe('headers', () => {
  test('the CSP forbids inline script except the build\'s own, hashed, and keeps the rest tight', () => {
    const csp = headersFor(rules, '/docs/intro').headers['Content-Security-Policy'];
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('base-uri'), ["'self'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    const script = directives.get('script-src')!;
    assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"), script.join(' '));
    const hashes = new Set(builtFiles.filter((f) => f.endsWith('.html')).flatMap((f) => inlineScriptHashes(readFileSync(join(BUILD_DIR, f), 'utf8'))));
    assert.ok(hashes.size > 0, 'the build writes inline scripts');
    assert.deepEqual(script.filter((s) => s.startsWith("'sha256-")).sort(), [...hashes].sort());
  });

  test('every built file gets exactly one Cache-Control, immutable only for content-hashed assets', () => {
    const problems: string[] = [];
    for (const file of builtFiles) {
      if ([HEADERS_FILE, NGINX_LOCATIONS_FILE].some((f) => file.endsWith(`/${f}`))) continue;
      const {headers, conflicts} = headersFor(rules, file);
      problems.push(...conflicts);
      const cache = headers['Cache-Control'];
      if (!cache) problems.push(`${file}: no Cache-Control`);
      if (cache === CACHE_IMMUTABLE && !/\/assets\/.*[.-][0-9a-f]{7,}[.-]/.test(file)) problems.push(`${file}: immutable but its name has no content hash`);
      if (/^(\/zh-Hans)?\/assets\//.test(file) && cache !== CACHE_IMMUTABLE) problems.push(`${file}: an asset not cached as immutable`);
      if (file.endsWith('.html')) {
        const clean = file.replace(/(index)?\.html$/, '');
        if (headersFor(rules, clean).headers['Cache-Control'] !== CACHE_REVALIDATE) problems.push(`${clean}: HTML not revalidated`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('nginx sends build/_headers\' headers on HTML, Markdown, text, images, assets and 404s', async () => {
    const samples = [
      '/',
      '/docs/intro',
      '/zh-Hans/',
      '/zh-Hans/docs/agent/startup',
      '/docs/intro.md',
      '/llms.txt',
      '/zh-Hans/llms-full.txt',
      '/sitemap.xml',
      '/img/logo.svg',
      firstFile(/^\/assets\/js\/main\.[0-9a-f]+\.js$/),
      firstFile(/^\/assets\/css\/.*\.css$/),
      firstFile(/^\/assets\/ideal-img\//),
      firstFile(/^\/zh-Hans\/assets\/js\//),
      '/docs/no-such-page',
    ];
    for (const path of samples) {
      const response = await fetch(nginx.origin + path);
      assert.equal(response.status, path.includes('no-such-page') ? 404 : 200, path);
      const {headers: expected} = headersFor(rules, path);
      assert.ok(expected['Cache-Control'] && expected['Content-Security-Policy'], `${path}: _headers covers it`);
      for (const [name, value] of Object.entries(expected)) assert.equal(response.headers.get(name), value, `${path}: ${name}`);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    }
    const md = await fetch(`${nginx.origin}/zh-Hans/docs/intro.md`);
    assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
    const hidden = await fetch(`${nginx.origin}/${HEADERS_FILE}`);
    assert.equal(hidden.status, 404, 'the deploy files are not served');
  });
});

describe('under the policy', () => {
  test('every page of both locales loads with no CSP violation and no console error', async () => {
    const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
    await watchCsp(context);
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of allPaths) {
      const response = await page.goto(nginx.origin + path, {waitUntil: 'networkidle'});
      assert.equal(response?.status(), 200, path);
      await scrollThrough(page);
      violations.push(...(await cspViolations(page)).map((v) => `${path}: ${v}`));
    }
    await context.close();
    assert.ok(allPaths.length >= 26, `${allPaths.length} pages`);
    assert.deepEqual(violations, []);
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.externalRequests, []);
  });

  test('search, the theme toggle, the language switch and both copy buttons work', async () => {
    const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: nginx.origin});
    await watchCsp(context);
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (step: string) => violations.push(...(await cspViolations(page)).map((v) => `${step}: ${v}`));

    // Search: the index is fetched and queried in a worker.
    await page.goto(`${nginx.origin}/docs/intro`, {waitUntil: 'networkidle'});
    await page.locator('input.navbar__search-input').click();
    await page.keyboard.type('tail call', {delay: 20});
    const option = page.getByRole('option').first();
    await option.waitFor({state: 'visible', timeout: 10_000});
    await Promise.all([page.waitForURL((url) => url.pathname !== '/docs/intro'), option.click()]);
    await check('search');

    // Theme: the toggle switches it, and the inline script (allowed by its hash) restores it on the next load.
    const theme = () => page.getAttribute('html', 'data-theme');
    const before = await theme();
    // The toggle cycles system → light → dark; "light" after "system" may look the same.
    for (let i = 0; i < 3 && (await theme()) === before; i++) await page.locator('.navbar button[class*="toggleButton"]').first().click();
    const chosen = await theme();
    assert.notEqual(chosen, before, 'the toggle changes the theme');
    await page.reload({waitUntil: 'networkidle'});
    assert.equal(await theme(), chosen, 'the hashed inline theme script ran');
    await check('theme');

    // Language switch.
    await page.goto(`${nginx.origin}/docs/agent/startup`, {waitUntil: 'networkidle'});
    await page.locator('.navbar .dropdown > .navbar__link').first().hover();
    await Promise.all([page.waitForURL(/\/zh-Hans\/docs\/agent\/startup/), page.getByRole('link', {name: '简体中文', exact: true}).first().click()]);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    await check('language');

    // The excerpt's copy button, then the page's.
    const figure = page.locator('figure[data-cilium-excerpt]').first();
    const id = (await figure.getAttribute('id'))!;
    await figure.locator('figcaption button').click();
    await figure.locator('figcaption button[data-copied]').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), excerptData.excerpts[id].ranges.flatMap((r) => r.lines).join('\n'));
    // Both buttons read 已复制 once they have copied; wait on the page's own, not the excerpt's.
    await page.getByRole('button', {name: '复制页面'}).click();
    await page.locator('button[data-copy-page][data-copy-state="copied"]').waitFor();
    const twin = await (await fetch(`${nginx.origin}/zh-Hans/docs/agent/startup.md`)).text();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), twin);
    await check('copy');

    await context.close();
    assert.deepEqual(violations, []);
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.pageErrors, []);
  });
});
