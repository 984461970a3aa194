/**
 * Runs Debian's nginx with the shipped server block (deploy/nginx.conf) on a free loopback port, in the
 * foreground, with its pid, logs and temp files in a fresh directory. Only the lines a host must set
 * anyway are changed: listen, root and the path of the build's generated locations.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {SITE_ROOT} from '../../src/lib/mdx-scan';
import {NGINX_LOCATIONS_FILE} from '../../src/lib/deploy-headers';
import type {RunningServer} from '../../scripts/lib/server';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const SHIPPED_CONFIG = join(SITE_ROOT, 'deploy/nginx.conf');

/** The directives of deploy/nginx.conf a test replaces; each must occur exactly once. */
export const HOST_LINES = {
  listen: 'listen 80;',
  root: 'root /var/www/cilium-source-guide;',
  include: `include /var/www/cilium-source-guide/${NGINX_LOCATIONS_FILE};`,
};

export function serverBlockFor(port: number, servedRoot: string, buildDir: string): string {
  let config = readFileSync(SHIPPED_CONFIG, 'utf8');
  const replacements: Array<[string, string]> = [
    [HOST_LINES.listen, `listen 127.0.0.1:${port};`],
    [HOST_LINES.root, `root ${servedRoot};`],
    [HOST_LINES.include, `include ${join(buildDir, NGINX_LOCATIONS_FILE)};`],
  ];
  for (const [line, replacement] of replacements) {
    const count = config.split(line).length - 1;
    if (count !== 1) throw new Error(`${SHIPPED_CONFIG}: expected "${line}" exactly once, found it ${count} times.`);
    config = config.replace(line, replacement);
  }
  return config;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilServing(origin: string, child: ChildProcess, errorLog: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited with ${child.exitCode}: ${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '(no error log)'}`);
    }
    try {
      await fetch(origin, {method: 'HEAD'});
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not answer on ${origin} within 15 s.`);
}

/**
 * Serves `servedRoot` at "/" with the shipped config; `buildDir` holds the generated locations (the
 * same directory, or for a sub-path build the build inside servedRoot).
 */
export async function startNginx(servedRoot: string, buildDir = servedRoot): Promise<RunningServer & {errorLog: () => string}> {
  if (!existsSync(NGINX_PATH)) throw new Error(`nginx not found at ${NGINX_PATH}: apt-get install -y nginx, or set NGINX_PATH.`);
  if (!existsSync(join(buildDir, NGINX_LOCATIONS_FILE))) {
    throw new Error(`${join(buildDir, NGINX_LOCATIONS_FILE)} is missing: build the site first.`);
  }
  const prefix = mkdtempSync(join(tmpdir(), 'guide-nginx-'));
  const errorLog = join(prefix, 'error.log');
  // A port found free can be taken before nginx binds it; try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(join(prefix, 'site.conf'), serverBlockFor(port, servedRoot, buildDir));
    writeFileSync(
      join(prefix, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(prefix, 'nginx.pid')};`,
        `error_log ${errorLog} warn;`,
        'events { worker_connections 256; }',
        'http {',
        '    access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(prefix, t)};`),
        `    include ${join(prefix, 'site.conf')};`,
        '}',
        '',
      ].join('\n'),
    );
    const child = spawn(NGINX_PATH, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', errorLog], {stdio: 'ignore'});
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitUntilServing(origin, child, errorLog);
    } catch (error) {
      child.kill('SIGKILL');
      if (attempt < 3 && /Address already in use/.test(String(error))) continue;
      rmSync(prefix, {recursive: true, force: true});
      throw error;
    }
    return {
      origin,
      errorLog: () => readFileSync(errorLog, 'utf8'),
      close: async () => {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGQUIT');
          await exited;
        }
        rmSync(prefix, {recursive: true, force: true});
      },
    };
  }
}
