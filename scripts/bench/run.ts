/**
 * npm run bench: a cold build of both locales, then every page of both locales measured in
 * /usr/bin/chromium — Lighthouse (mobile + desktop, median of BENCH_RUNS), axe-core (light + dark),
 * first-load JS/CSS gzip, search index size and search latency. Writes bench/report.json and
 * bench/REPORT.md and prints each budget as PASS/FAIL. Never part of `npm test`.
 *
 * Environment:
 *   BENCH_RUNS=3          Lighthouse runs per page and preset (median taken)
 *   BENCH_PAGES=/docs/intro,/docs/faq   only these pages (and their twins in the other locale)
 *   BENCH_SEARCH_REPS=3   repetitions per search query
 *   BENCH_SKIP_BUILD=1    measure the build/ that is there instead of building cold
 *   BENCH_OUT_DIR=bench   where report.json and REPORT.md go
 *   BENCH_SERVE_BUILD_DIR=1  serve build/ live (scripts/lib/server.ts) instead of a frozen copy
 *   BENCH_BASELINE_DIR=/tmp/template/build  also measure this build (the stock Docusaurus template,
 *                        made by `npm run bench:baseline`) with the same Lighthouse runs, so the report
 *                        shows what this machine gives the site we started from
 *   BENCH_BASELINE_PAGES=/,/docs/intro  its pages (default)
 *   BENCH_REPORT_ONLY=1   measure nothing: judge BENCH_OUT_DIR/report.json by the current budgets and
 *                        write its REPORT.md again (after a budget changes)
 *   CHROME_PATH           Chromium (default /usr/bin/chromium)
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, totalmem} from 'node:os';
import {join, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';
import {launchBrowser} from '../lib/browser';
import {BUILD_DIR, serveDir} from '../lib/server';
import {LOCALE_PREFIX, twinPath} from '../lib/site';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {type BuildResult, coldBuild, dirBytes} from './build';
import {launchChrome, lighthouseOnce, type LighthouseRun, type LighthouseSummary, PRESETS, summarise} from './lighthouse';
import {loadSettled, runAxe, THEMES, themedContext} from './lib/axe';
import {gzipFront} from './lib/gzip-front';
import {snapshotBuild} from './lib/snapshot';
import {max, median} from './lib/stats';
import {probePage} from './probe';
import {type BaselinePage, budgetText, BUDGET, evaluateBudgets, markdown, type PageKind, type PageResult, type Report} from './report';
import {measureSearch} from './search';

const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const SEARCH_REPS = Math.max(1, Number(process.env.BENCH_SEARCH_REPS ?? 3) || 3);
const OUT_DIR = resolve(SITE_ROOT, process.env.BENCH_OUT_DIR ?? 'bench');
const t0 = Date.now();
const log = (s: string) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${s}`);

/** Like scripts/lib/site.ts sitemapPaths, but read from `root` (the snapshot). */
function sitemapIn(root: string, locale: keyof typeof LOCALE_PREFIX): string[] {
  const xml = readFileSync(join(root, LOCALE_PREFIX[locale], 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname).sort();
}

function selectedPages(root: string): string[] {
  const all = [...sitemapIn(root, 'en'), ...sitemapIn(root, 'zh-Hans')];
  const wanted = (process.env.BENCH_PAGES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted.length) return all;
  const norm = (p: string) => (p.length > 1 ? p.replace(/\/$/, '') : p);
  const set = new Set(wanted.flatMap((p) => [norm(p), norm(twinPath(p))]));
  const picked = all.filter((p) => set.has(norm(p)));
  if (!picked.length) throw new Error(`BENCH_PAGES=${process.env.BENCH_PAGES} matches no page in the sitemaps`);
  return picked;
}

function kindOf(path: string, hasDiagram: boolean): PageKind {
  const p = path.replace(/^\/zh-Hans/, '') || '/';
  if (p === '/') return 'home';
  if (p.startsWith('/search')) return 'search';
  if (p.startsWith('/docs/reference')) return 'reference';
  return hasDiagram ? 'diagram' : 'guide';
}

function indexSize(root: string, locale: keyof typeof LOCALE_PREFIX) {
  const dir = join(root, LOCALE_PREFIX[locale]);
  const files = readdirSync(dir).filter((f) => /^search-index.*\.json$/.test(f));
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return {files: files.map((f) => join(LOCALE_PREFIX[locale], f).replace(/^\//, '')), bytes, gzipBytes};
}

function tryExec(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {encoding: 'utf8', cwd: SITE_ROOT}).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const machine: Record<string, string | number> = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((l) => l.toFixed(2)).join(' '),
    node: process.version,
  };
  log(`${RUNS} Lighthouse run(s) per page and preset; pages: ${process.env.BENCH_PAGES || 'all'}; machine ${machine.cpus} CPUs, load ${machine.loadAverageAtStart}`);

  let build: BuildResult | {skipped: true; reason: string};
  if (process.env.BENCH_SKIP_BUILD === '1') {
    build = {skipped: true, reason: 'BENCH_SKIP_BUILD=1: measured the existing build/'};
    log('build skipped (BENCH_SKIP_BUILD=1)');
  } else {
    build = await coldBuild(log);
  }
  const base = {
    generatedAt: new Date().toISOString(),
    siteCommit: tryExec('git', ['rev-parse', 'HEAD']),
    machine,
    config: {
      runs: RUNS,
      pages: process.env.BENCH_PAGES || 'all pages of both sitemaps',
      searchReps: SEARCH_REPS,
      lighthouse: JSON.parse(readFileSync(join(SITE_ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version,
      axe: JSON.parse(readFileSync(join(SITE_ROOT, 'node_modules/axe-core/package.json'), 'utf8')).version,
      chromium: tryExec(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version']).split('\n').pop() ?? 'unknown',
      server:
        process.env.BENCH_SERVE_BUILD_DIR === '1'
          ? 'build/ via scripts/lib/server.ts on 127.0.0.1; Lighthouse through a gzip front (scripts/bench/lib/gzip-front.ts), as a static host would serve it'
          : 'a frozen copy of build/ served like scripts/lib/server.ts (scripts/bench/lib/snapshot.ts) on 127.0.0.1; Lighthouse through a gzip front (scripts/bench/lib/gzip-front.ts), as a static host would serve it',
    },
    build,
  };
  if ('ok' in build && !build.ok) {
    return finish({...base, buildBytes: {total: 0, en: 0, 'zh-Hans': 0}, searchIndex: {en: {files: [], bytes: 0, gzipBytes: 0}, 'zh-Hans': {files: [], bytes: 0, gzipBytes: 0}}, search: {queries: [], medianMs: null, worstMs: null}, pages: []});
  }
  if (!existsSync(join(BUILD_DIR, 'zh-Hans', 'index.html'))) throw new Error(`${BUILD_DIR} lacks the zh-Hans locale: build both locales first`);

  // Freeze build/ first: others may replace it during the hour this takes (see lib/snapshot.ts).
  // BENCH_SERVE_BUILD_DIR=1 serves build/ itself through scripts/lib/server.ts instead.
  const useBuildDir = process.env.BENCH_SERVE_BUILD_DIR === '1';
  const snapshot = useBuildDir ? null : snapshotBuild();
  const root = snapshot?.dir ?? BUILD_DIR;
  if (snapshot) log(`serving a snapshot of build/ from ${snapshot.dir}`);
  const buildBytes = {total: dirBytes(root), en: dirBytes(root, 'zh-Hans'), 'zh-Hans': dirBytes(join(root, 'zh-Hans'))};
  const searchIndex = {en: indexSize(root, 'en'), 'zh-Hans': indexSize(root, 'zh-Hans')};
  const paths = selectedPages(root);
  const server = await serveDir(root);
  const front = await gzipFront(server);
  try {
    // 1. Browser checks (Playwright): first-load bytes, axe in both themes, search latency.
    const browser = await launchBrowser();
    const pages: PageResult[] = [];
    for (const path of paths) {
      const probe = await probePage(browser, server.origin + path);
      const axe = {} as PageResult['axe'];
      for (const theme of THEMES) {
        const {context} = await themedContext(browser, theme, {viewport: {width: 1350, height: 940}});
        const page = await context.newPage();
        await loadSettled(page, server.origin + path);
        axe[theme] = await runAxe(page);
        await context.close();
      }
      const kind = kindOf(path, probe.hasDiagram);
      const jsBudget = kind === 'reference' || kind === 'diagram' ? BUDGET.heavyJsGzip : BUDGET.guideJsGzip;
      pages.push({path, locale: path.startsWith('/zh-Hans') ? 'zh-Hans' : 'en', kind, jsBudget, probe, axe, lighthouse: {}});
      log(`${path}: JS ${(probe.jsGzipBytes / 1024).toFixed(1)} KB gzip, CSS ${(probe.cssGzipBytes / 1024).toFixed(1)} KB, axe ${axe.light.length}/${axe.dark.length} rules`);
    }
    const queries = await measureSearch(browser, server.origin, SEARCH_REPS, log);
    await browser.close();
    const qm = queries.map((q) => q.medianMs).filter((x): x is number => x !== null);
    const search = {queries, medianMs: qm.length ? median(qm) : null, worstMs: qm.length ? max(qm) : null};

    // 2. Lighthouse, one fresh Chromium per page, presets interleaved so load noise hits both.
    const baselinePaths = BASELINE_DIR ? (process.env.BENCH_BASELINE_PAGES ?? '/,/docs/intro').split(',') : [];
    const total = (pages.length + baselinePaths.length) * PRESETS.length * RUNS;
    const progress = {done: 0, total, started: Date.now()};
    for (const page of pages) {
      page.lighthouse = await lighthouseAll(front.origin + page.path, progress);
      log(`${page.path}: Lighthouse mobile ${scoreLine(page.lighthouse.mobile!)}, desktop ${scoreLine(page.lighthouse.desktop!)} (${eta(progress)})`);
    }
    const baseline = BASELINE_DIR ? await measureBaseline(BASELINE_DIR, baselinePaths, progress) : undefined;
    return finish({...base, buildBytes, searchIndex, search, pages, baseline});
  } finally {
    await front.close();
    await server.close();
    snapshot?.remove();
  }
}

const scoreLine = (lh: LighthouseSummary) => Object.values(lh.scores).join('/');
interface Progress {
  done: number;
  total: number;
  started: number;
}
const eta = (p: Progress) => `${p.done}/${p.total}, ~${Math.round((((Date.now() - p.started) / p.done) * (p.total - p.done)) / 60000)} min left`;

/** Median of RUNS Lighthouse runs per preset, in one fresh Chromium. */
async function lighthouseAll(url: string, progress: Progress): Promise<PageResult['lighthouse']> {
  const runs: Record<string, LighthouseRun[]> = {mobile: [], desktop: []};
  const chrome = await launchChrome();
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const preset of PRESETS) {
        runs[preset].push(await lighthouseOnce(url, preset, chrome.port));
        progress.done++;
      }
    }
  } finally {
    await chrome.kill();
  }
  return Object.fromEntries(PRESETS.map((preset) => [preset, summarise(runs[preset])]));
}

/** The same measurements for another build (the stock template), served the same way. */
async function measureBaseline(dir: string, paths: string[], progress: Progress): Promise<Report['baseline']> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`BENCH_BASELINE_DIR=${dir} has no index.html: run npm run bench:baseline first`);
  const server = await serveDir(resolve(dir));
  const front = await gzipFront(server);
  try {
    const browser = await launchBrowser();
    const pages: BaselinePage[] = [];
    for (const path of paths) pages.push({path, probe: await probePage(browser, server.origin + path), lighthouse: {}});
    await browser.close();
    for (const page of pages) {
      page.lighthouse = await lighthouseAll(front.origin + page.path, progress);
      log(`baseline ${page.path}: Lighthouse mobile ${scoreLine(page.lighthouse.mobile!)}, desktop ${scoreLine(page.lighthouse.desktop!)} (${eta(progress)})`);
    }
    const pkg = join(dir, '..', 'package.json');
    const version = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')).dependencies?.['@docusaurus/core'] ?? '?') : '?';
    return {dir, description: `the stock classic template (create-docusaurus, @docusaurus/core ${version}), built unchanged`, pages};
  } finally {
    await front.close();
    await server.close();
  }
}

function finish(partial: Omit<Report, 'budgets'>): number {
  partial.machine.loadAverageAtEnd = loadavg().map((l) => l.toFixed(2)).join(' ');
  partial.machine.minutes = Math.round((Date.now() - t0) / 60000);
  return judge(partial);
}

/** BENCH_REPORT_ONLY: the measurements of the last run, judged by today's budgets. */
function rejudge(): number {
  const {budgets: _old, ...partial} = JSON.parse(readFileSync(join(OUT_DIR, 'report.json'), 'utf8')) as Report;
  return judge(partial);
}

/** Judges the measurements by the budgets, writes report.json and REPORT.md; 1 when a budget fails. */
function judge(partial: Omit<Report, 'budgets'>): number {
  const report: Report = {...partial, budgets: evaluateBudgets(partial)};
  mkdirSync(OUT_DIR, {recursive: true});
  writeFileSync(join(OUT_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'REPORT.md'), markdown(report));
  console.log(`\n${budgetText(report.budgets)}\n`);
  log(`wrote ${join(OUT_DIR, 'report.json')} and ${join(OUT_DIR, 'REPORT.md')}`);
  return report.budgets.some((b) => b.pass === false) ? 1 : 0;
}

(process.env.BENCH_REPORT_ONLY ? Promise.resolve(rejudge()) : main()).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
