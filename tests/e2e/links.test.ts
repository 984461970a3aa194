/**
 * Outbound links. Every link to github.com/cilium/cilium is a permalink at the pinned commit to a
 * file the data knows, within its line count; every link off the site opens with
 * rel="noopener noreferrer"; and no built file names an off-site resource to load. (What pages
 * actually request at runtime is checked in pages.test.ts.)
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {before, describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {CILIUM_COMMIT, CILIUM_REPO_URL} from '../../src/lib/cilium';
import {newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {BUILD_DIR, type RunningServer} from '../../scripts/lib/server';
import {sitemapPaths} from '../../scripts/lib/site';
import {excerptData} from '../support/excerpts';
import {type DriftData, loadDriftData} from '../../src/lib/drift';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {SYMBOL_DATA_PATH} from '../../src/lib/symbols';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const PAGES = [...sitemapPaths('en'), ...sitemapPaths('zh-Hans'), '/docs/no-such-page', '/zh-Hans/docs/no-such-page'];

/** What the committed data says about Cilium's files: line counts, and where facts point. */
interface KnownFiles {
  lineCount: Map<string, number>;
  /** path → [line, endLine] spans that a fact records (for files the excerpt data does not hold). */
  factSpans: Map<string, Array<[number, number]>>;
  /** The comparison with a newer Cilium, whose links point at that commit. */
  drift: DriftData;
}

function knownFiles(): KnownFiles {
  const lineCount = new Map(Object.entries(excerptData.files).map(([path, f]) => [path, f.lineCount]));
  const factSpans = new Map<string, Array<[number, number]>>();
  const factsDir = join(SITE_ROOT, 'src/data/facts');
  let names: string[] = [];
  try {
    names = readdirSync(factsDir).filter((n) => n.endsWith('.json'));
  } catch {
    /* no facts yet */
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    for (const key of ['file', 'path', 'objectSource']) {
      const path = record[key];
      if (typeof path !== 'string' || !/^[\w.-]+(\/[\w.-]+)*$/.test(path)) continue;
      const spans = factSpans.get(path) ?? [];
      if ((key === 'file' || key === 'path') && typeof record.line === 'number') {
        spans.push([record.line, typeof record.endLine === 'number' ? record.endLine : record.line]);
      }
      factSpans.set(path, spans);
    }
    if (record.files && typeof record.files === 'object' && !Array.isArray(record.files)) {
      for (const [path, f] of Object.entries(record.files as Record<string, {lineCount?: unknown}>)) {
        if (typeof f?.lineCount === 'number' && !lineCount.has(path)) lineCount.set(path, f.lineCount);
      }
    }
    Object.values(record).forEach(walk);
  };
  for (const name of names) walk(JSON.parse(readFileSync(join(factsDir, name), 'utf8')));
  // Symbol definitions (src/data/symbols.json) are linked from excerpts and the Symbols page.
  walk(JSON.parse(readFileSync(SYMBOL_DATA_PATH, 'utf8')));
  return {lineCount, factSpans, drift: loadDriftData()};
}

/**
 * A link to the commit the drift data compares with (badges, diff panels, new reference rows) must
 * name the target tree, or a file or folder that src/data/drift.json says is there.
 */
function driftLinkProblem(kind: string, path: string, known: KnownFiles): string | null {
  if (kind === 'tree' && path === '') return null;
  const {drift} = known;
  const files = new Set([
    ...Object.values(drift.excerpts).map((e) => e.path),
    ...Object.values(drift.reference).flatMap((t) => (t.status === 'compared' ? t.added.map((r) => r.file) : [])),
  ]);
  const folders = new Set(Object.values(drift.excerpts).filter((e) => e.status === 'deleted').map((e) => dirname(e.path)));
  if (kind === 'blob' && files.has(path)) return null;
  if (kind === 'tree' && folders.has(path)) return null;
  return `${kind} ${path} at the drift target ${drift.to} is not named by src/data/drift.json`;
}

/** Why a github.com/cilium/cilium link is not acceptable, or null when it is. */
function ciliumLinkProblem(href: string, known: KnownFiles): string | null {
  const url = new URL(href);
  const rest = url.pathname.replace(/^\/cilium\/cilium\/?/i, '');
  const m = /^(blob|tree|commit|raw)\/([^/]+)(?:\/(.*))?$/.exec(rest);
  if (!m) return `not pinned to a commit (use ${CILIUM_REPO_URL}/blob/${CILIUM_COMMIT}/<path>)`;
  const [, kind, ref, rawPath = ''] = m;
  const path = decodeURIComponent(rawPath).replace(/\/$/, '');
  if (ref === known.drift.to) return driftLinkProblem(kind, path, known);
  if (ref !== CILIUM_COMMIT) return `pinned to "${ref}", not ${CILIUM_COMMIT}`;
  if (kind === 'commit') return path ? `commit link with a path` : null;
  if (!path) return kind === 'tree' ? null : 'names no file';
  const isFile = known.lineCount.has(path) || known.factSpans.has(path);
  const isDir = [...known.lineCount.keys(), ...known.factSpans.keys()].some((p) => p.startsWith(`${path}/`));
  if (kind === 'tree') return isFile || isDir ? null : `directory ${path} holds no file listed in src/data/excerpts.json or src/data/facts`;
  if (!isFile) return `${path} is not listed in src/data/excerpts.json files nor in src/data/facts (run npm run excerpts:sync)`;
  if (!url.hash) return null;
  const lines = /^#L(\d+)(?:-L(\d+))?$/.exec(url.hash);
  if (!lines) return `fragment ${url.hash} is not #L<n> or #L<n>-L<m>`;
  const from = Number(lines[1]);
  const to = lines[2] ? Number(lines[2]) : from;
  if (from < 1 || to < from) return `line range ${url.hash} is not ascending`;
  const count = known.lineCount.get(path);
  if (count !== undefined) return to <= count ? null : `line range ${url.hash} ends past line ${count}, the last of ${path}`;
  const spans = known.factSpans.get(path) ?? [];
  return spans.some(([a, b]) => from >= a && to <= Math.max(a, b))
    ? null
    : `line range ${url.hash} of ${path}: no line count in src/data/excerpts.json and no fact or symbol records those lines`;
}

interface Anchor {
  href: string;
  rel: string;
  text: string;
}

async function anchors(page: Page): Promise<Anchor[]> {
  return page.$$eval('a[href], area[href]', (els) =>
    els.map((el) => ({
      href: (el as HTMLAnchorElement).href,
      rel: el.getAttribute('rel') ?? '',
      text: (el.textContent ?? '').trim().slice(0, 60),
    })),
  );
}

/** Every page's links as the server renders them (JavaScript off: fast, and what every reader gets). */
async function linksByPage(): Promise<Map<string, Anchor[]>> {
  const {context} = await newContext(browser, {javaScriptEnabled: false});
  const page = await context.newPage();
  const result = new Map<string, Anchor[]>();
  for (const path of PAGES) {
    await page.goto(server.origin + path, {waitUntil: 'domcontentloaded'});
    result.set(path, await anchors(page));
  }
  await context.close();
  return result;
}

describe('links', () => {
  let pages: Map<string, Anchor[]>;
  before(async () => {
    pages = await linksByPage();
  });

  test('every link to github.com/cilium/cilium is pinned to the commit, names a known file and lines inside it', () => {
    const known = knownFiles();
    const problems: string[] = [];
    let checked = 0;
    for (const [path, links] of pages) {
      for (const a of links) {
        const url = new URL(a.href);
        if (url.hostname !== 'github.com' || !/^\/cilium\/cilium(\/|$)/i.test(url.pathname)) continue;
        checked++;
        const problem = ciliumLinkProblem(a.href, known);
        if (problem) problems.push(`${path}: "${a.text}" ${a.href}: ${problem}`);
      }
    }
    assert.ok(checked > 0, 'the site links to the Cilium source');
    assert.deepEqual([...new Set(problems)], []);
  });

  test('every link to another host carries rel="noopener noreferrer"', () => {
    const problems: string[] = [];
    for (const [path, links] of pages) {
      for (const a of links) {
        const url = new URL(a.href);
        if (!/^https?:$/.test(url.protocol) || url.origin === server.origin) continue;
        const rel = new Set(a.rel.toLowerCase().split(/\s+/));
        if (!rel.has('noopener') || !rel.has('noreferrer')) problems.push(`${path}: "${a.text}" ${a.href} has rel="${a.rel}"`);
      }
    }
    assert.deepEqual([...new Set(problems)], []);
  });
});

/** Built files that name an off-site resource: a stylesheet, script, font, image or preconnect. */
function offSiteReferences(): string[] {
  const hits: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(html|css)$/.test(name)) {
        const text = readFileSync(full, 'utf8');
        const patterns = [
          /<(?:script|img|source|iframe|video|audio|embed)\b[^>]*\ssrc=["']?(https?:)?\/\/[^"'\s>]+/gi,
          /<link\b[^>]*\bhref=["']?(https?:)?\/\/[^"'\s>]+/gi,
          /\bsrcset=["'][^"']*(https?:)?\/\/[^"'\s>]+/gi,
          /url\(\s*["']?(https?:)?\/\/[^)"']+/gi,
          /@import\s+["'](https?:)?\/\/[^"']+/gi,
        ];
        for (const p of patterns) {
          for (const m of text.matchAll(p)) {
            // The canonical and hreflang alternates name the public site; they are not requests.
            if (/<link\b[^>]*\brel=["']?(canonical|alternate)\b/i.test(m[0])) continue;
            hits.push(`${relative(BUILD_DIR, full)}: ${m[0].slice(0, 160)}`);
          }
        }
      }
    }
  };
  walk(BUILD_DIR);
  return hits;
}

describe('self-contained', () => {
  test('no built page or stylesheet loads a script, style, font or image from another host', () => {
    assert.deepEqual(offSiteReferences(), []);
  });
});
