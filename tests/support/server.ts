/** Serves the production build on 127.0.0.1 the way a static host would (clean URLs, localized 404s). */
import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, normalize} from 'node:path';
import {after, before} from 'node:test';
import type {Browser} from 'playwright-core';
import {SITE_ROOT} from '../../scripts/lib/mdx-scan';
import {launchBrowser} from './browser';

/** The production build to serve; GUIDE_BUILD_DIR points elsewhere (e.g. a build made with --out-dir). */
export const BUILD_DIR = process.env.GUIDE_BUILD_DIR ?? join(SITE_ROOT, 'build');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

function resolveFile(urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [join(BUILD_DIR, clean), join(BUILD_DIR, `${clean}.html`), join(BUILD_DIR, clean, 'index.html')];
  return candidates.find((p) => p.startsWith(BUILD_DIR) && existsSync(p) && statSync(p).isFile()) ?? null;
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveBuild(): Promise<RunningServer> {
  if (!existsSync(join(BUILD_DIR, 'index.html'))) {
    throw new Error(`No production build in ${BUILD_DIR}: run \`npm run build\` first.`);
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let file = resolveFile(path);
    let status = 200;
    if (!file) {
      status = 404;
      file = join(BUILD_DIR, path.startsWith('/zh-Hans/') || path === '/zh-Hans' ? 'zh-Hans/404.html' : '404.html');
    }
    res.writeHead(status, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Starts the build server and Chromium before a test file's tests and stops both after them. */
export function startSite(ready: (site: {server: RunningServer; browser: Browser}) => void): void {
  let site: {server: RunningServer; browser: Browser} | undefined;
  before(async () => {
    site = {server: await serveBuild(), browser: await launchBrowser()};
    ready(site);
  });
  after(async () => {
    await site?.browser.close();
    await site?.server.close();
  });
}
