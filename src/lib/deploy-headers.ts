/**
 * The HTTP headers the guide is served with, in one place. The build (src/plugins/deploy-headers.ts)
 * writes them twice from here: `_headers` for Netlify and Cloudflare Pages, and `_nginx-locations.conf`,
 * which the shipped nginx server block (deploy/nginx.conf) includes. README, "Deploy", says why each
 * header and each CSP source is there.
 */
import {createHash} from 'node:crypto';

export const HEADERS_FILE = '_headers';
export const NGINX_LOCATIONS_FILE = '_nginx-locations.conf';
/** Build-time files that describe the deploy; never served. */
export const DEPLOY_FILES = [HEADERS_FILE, NGINX_LOCATIONS_FILE];

/** Docusaurus puts only content-hashed files under `assets/` (js, css, images, ideal-img). */
export const ASSETS_DIR = 'assets';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (HTML, sitemap, search index, .md, static images) is revalidated on every use. */
export const CACHE_REVALIDATE = 'no-cache';

/** The Content-Security-Policy; `scriptHashes` are the 'sha256-…' sources of the build's inline scripts. */
export function contentSecurityPolicy(scriptHashes: string[]): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...scriptHashes]],
    // React and Docusaurus render style="" attributes (diagram sizes, image placeholders); hashes cannot
    // allow attributes without 'unsafe-hashes', and CSS cannot run script.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // The figure's blurred placeholder is a data: URL.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    // The search index and the Markdown twins are fetched; the search runs in a same-origin worker.
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Headers on every response, HTML or not. */
export function securityHeaders(scriptHashes: string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(scriptHashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

const JS_TYPES = /^(|module|(text|application)\/(javascript|ecmascript))$/i;

/** 'sha256-…' of every script the browser would run inline (JSON-LD and other data blocks are not run). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = match[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (!JS_TYPES.test((type?.[2] ?? type?.[3] ?? type?.[4] ?? '').trim())) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * Files that other plugins write in their own postBuild, which may run after ours (Docusaurus starts
 * them together): the sitemap, the local search index, and our llms.txt files.
 */
export const LATE_FILES = ['sitemap.xml', 'search-index.json', 'llms.txt', 'llms-full.txt'];

/** What the header files are made from: the served tree as the build wrote it. */
export interface DeployTree {
  /** The site's baseUrl, e.g. `/` or `/cilium-guide/`. */
  baseUrl: string;
  /** Path prefixes of the non-default locales below baseUrl, e.g. `['zh-Hans/']`. */
  localePrefixes: string[];
  /** Names in the build root and in each locale folder, by prefix ('' for the root). */
  entries: Record<string, Array<{name: string; directory: boolean}>>;
  scriptHashes: string[];
}

export interface HeaderRule {
  /** A path pattern as `_headers` writes it (`*` at the end matches the rest). */
  path: string;
  headers: Record<string, string>;
}

/**
 * `_headers` rules. Netlify lets the later of two matching rules win a header, Cloudflare joins the
 * values, so no header appears in two rules that match the same path: the security headers sit in
 * one catch-all rule, Cache-Control in rules that never overlap.
 */
export function headerRules(tree: DeployTree): HeaderRule[] {
  const rules: HeaderRule[] = [{path: `${tree.baseUrl}*`, headers: securityHeaders(tree.scriptHashes)}];
  const cache = (path: string, value: string) => rules.push({path, headers: {'Cache-Control': value}});
  for (const prefix of ['', ...tree.localePrefixes]) {
    const base = `${tree.baseUrl}${prefix}`;
    if (prefix) cache(base.replace(/\/$/, ''), CACHE_REVALIDATE);
    const written = tree.entries[prefix] ?? [];
    const late = LATE_FILES.filter((name) => !written.some((e) => e.name === name)).map((name) => ({name, directory: false}));
    for (const {name, directory} of [...written, ...late]) {
      if (DEPLOY_FILES.includes(name) || (!prefix && tree.localePrefixes.includes(`${name}/`))) continue;
      if (directory) {
        cache(`${base}${name}/*`, name === ASSETS_DIR ? CACHE_IMMUTABLE : CACHE_REVALIDATE);
      } else if (name === 'index.html') {
        cache(base, CACHE_REVALIDATE);
        cache(`${base}${name}`, CACHE_REVALIDATE);
      } else {
        // `docs.html` is served as /docs too (clean URLs); a page may also be asked for by its file name.
        if (name.endsWith('.html')) cache(`${base}${name.slice(0, -'.html'.length)}`, CACHE_REVALIDATE);
        cache(`${base}${name}`, CACHE_REVALIDATE);
      }
    }
  }
  return rules;
}

export function netlifyHeadersFile(tree: DeployTree): string {
  const blocks = headerRules(tree).map(
    (rule) => `${rule.path}\n${Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}`,
  );
  return `# Generated by the build from src/lib/deploy-headers.ts (Netlify / Cloudflare Pages format).\n${blocks.join('\n')}\n`;
}

const nginxQuote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The `location` blocks deploy/nginx.conf includes. add_header in a location replaces every inherited
 * one, so each block repeats the security headers; `always` puts them on error pages too.
 */
export function nginxLocations(tree: DeployTree): string {
  const security = securityHeaders(tree.scriptHashes);
  const addHeaders = (cache: string) =>
    Object.entries({...security, 'Cache-Control': cache}).map(([name, value]) => `    add_header ${name} ${nginxQuote(value)} always;`);
  const block = (match: string, cache: string, body: string[]) => [`location ${match} {`, ...addHeaders(cache), ...body.map((l) => `    ${l}`), '}'];
  const lines = ['# Generated by the build from src/lib/deploy-headers.ts; deploy/nginx.conf includes it. Do not edit.'];
  const hidden = DEPLOY_FILES.map((f) => f.replace(/\./g, '\\.')).join('|');
  const base = tree.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  lines.push(...block(`~ ^${base}(${hidden})$`, CACHE_REVALIDATE, ['return 404;']));
  // Longest prefixes first only for reading; nginx picks the longest matching prefix anyway.
  for (const prefix of [...tree.localePrefixes, '']) {
    const base = `${tree.baseUrl}${prefix}`;
    lines.push(...block(`^~ ${base}${ASSETS_DIR}/`, CACHE_IMMUTABLE, ['try_files $uri =404;']));
    lines.push(
      ...block(base, CACHE_REVALIDATE, [
        // Clean URLs: /docs/intro is docs/intro.html, /zh-Hans is zh-Hans/index.html.
        'try_files $uri $uri.html $uri/index.html =404;',
        `error_page 404 ${base}404.html;`,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
