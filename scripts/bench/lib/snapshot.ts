/**
 * A frozen copy of build/ for the length of a benchmark. Other engineers rebuild and replace
 * build/ while a full run (about an hour) is under way; serving build/ directly then measures a
 * mix of builds or fails on a vanished file. The copy is served exactly the way
 * tests/support/server.ts serves build/ (clean URLs, localized 404s, same content types).
 */
import {cpSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {extname, join, normalize} from 'node:path';
import {BUILD_DIR, type RunningServer} from '../../../tests/support/server';

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

export interface Snapshot {
  dir: string;
  remove(): void;
}

export function snapshotBuild(): Snapshot {
  const dir = join(mkdtempSync(join(tmpdir(), 'cilium-guide-bench-')), 'build');
  cpSync(BUILD_DIR, dir, {recursive: true});
  return {dir, remove: () => rmSync(join(dir, '..'), {recursive: true, force: true})};
}

export async function serveSnapshot(root: string): Promise<RunningServer> {
  const resolveFile = (urlPath: string): string | null => {
    const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
    const candidates = [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')];
    return candidates.find((p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile()) ?? null;
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let file = resolveFile(path);
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, path.startsWith('/zh-Hans/') || path === '/zh-Hans' ? 'zh-Hans/404.html' : '404.html');
    }
    res.writeHead(status, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
    createReadStream(file)
      .on('error', () => res.end())
      .pipe(res);
  });
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
