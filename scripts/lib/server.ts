/** Serves the production build on 127.0.0.1 the way a static host would (clean URLs, localized 404s). */
import {createReadStream, existsSync, readFileSync, statSync} from 'node:fs';
import {createServer, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, normalize} from 'node:path';
import {SITE_ROOT} from '../../src/lib/mdx-scan';

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
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

function resolveFile(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')];
  return candidates.find((p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile()) ?? null;
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** Listens on a free loopback port; close() also drops kept-alive connections. */
export async function listenOnLoopback(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** How a slow network delivers HTML: in pieces of `bytes`, `gapMs` apart, so the browser may paint between them. */
export interface HtmlTrickle {
  bytes: number;
  gapMs: number;
}

/** Serves a built site from `root` (build/, or a copy of it); with `trickle`, HTML arrives piece by piece. */
export async function serveDir(root: string, trickle?: HtmlTrickle): Promise<RunningServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No production build in ${root}: run \`npm run build\` first.`);
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let file = resolveFile(root, path);
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, path.startsWith('/zh-Hans/') || path === '/zh-Hans' ? 'zh-Hans/404.html' : '404.html');
    }
    res.writeHead(status, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
    if (trickle && extname(file) === '.html') {
      void sendInPieces(res, readFileSync(file), trickle);
      return;
    }
    createReadStream(file)
      .on('error', () => res.end())
      .pipe(res);
  });
  return listenOnLoopback(server);
}

async function sendInPieces(res: ServerResponse, body: Buffer, {bytes, gapMs}: HtmlTrickle): Promise<void> {
  for (let start = 0; start < body.length && !res.destroyed; start += bytes) {
    if (start) await new Promise((resolve) => setTimeout(resolve, gapMs));
    res.write(body.subarray(start, start + bytes));
  }
  if (!res.destroyed) res.end();
}

export const serveBuild = (): Promise<RunningServer> => serveDir(BUILD_DIR);
