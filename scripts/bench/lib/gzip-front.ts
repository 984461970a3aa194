/**
 * A gzip front for scripts/lib/server.ts: every static host this site would be deployed to
 * (GitHub Pages, Netlify, nginx, a CDN) compresses text, while the test server sends raw bytes.
 * Measuring raw bytes would charge the simulated 4G link 3-4x the real transfer, so Lighthouse
 * talks to this front, which forwards to serveDir() and gzips compressible responses.
 */
import {request as httpRequest} from 'node:http';
import {createServer, type Server} from 'node:http';
import {gzipSync} from 'node:zlib';
import {listenOnLoopback, type RunningServer} from '../../lib/server';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

export async function gzipFront(upstream: RunningServer): Promise<RunningServer> {
  const cache = new Map<string, Buffer>();
  const target = new URL(upstream.origin);
  const server: Server = createServer((req, res) => {
    const forward = httpRequest(
      {host: target.hostname, port: target.port, path: req.url, method: req.method, agent: false, headers: {...req.headers, host: target.host, 'accept-encoding': 'identity'}},
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          const type = String(up.headers['content-type'] ?? '');
          const headers: Record<string, string | number> = {'content-type': type, 'cache-control': cacheControl(req.url ?? '/')};
          const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          if (wantsGzip && COMPRESSIBLE.test(type) && body.length > 256) {
            const key = `${req.url}|${body.length}`;
            let gz = cache.get(key);
            if (!gz) cache.set(key, (gz = gzipSync(body, {level: 9})));
            headers['content-encoding'] = 'gzip';
            headers['content-length'] = gz.length;
            headers.vary = 'Accept-Encoding';
            res.writeHead(up.statusCode ?? 200, headers);
            res.end(req.method === 'HEAD' ? undefined : gz);
          } else {
            headers['content-length'] = body.length;
            res.writeHead(up.statusCode ?? 200, headers);
            res.end(req.method === 'HEAD' ? undefined : body);
          }
        });
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, {'content-type': 'text/plain'});
      res.end(String(error));
    });
    req.pipe(forward);
  });
  return listenOnLoopback(server);
}

/** Hashed assets are immutable; pages and the search index revalidate (as Docusaurus recommends). */
function cacheControl(url: string): string {
  return /^\/assets\//.test(url) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}
