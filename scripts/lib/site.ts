/** The built site's pages, read from the sitemaps Docusaurus writes for each locale. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {BUILD_DIR} from './server';

export const LOCALE_PREFIX = {en: '', 'zh-Hans': '/zh-Hans'} as const;

/** Paths (without origin) of every page in the locale's sitemap. */
export function sitemapPaths(locale: keyof typeof LOCALE_PREFIX): string[] {
  const file = join(BUILD_DIR, LOCALE_PREFIX[locale], 'sitemap.xml');
  const xml = readFileSync(file, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  if (paths.length === 0) throw new Error(`${file} lists no pages`);
  return paths.sort();
}

/** The English twin of a zh-Hans path and vice versa. */
export function twinPath(path: string): string {
  return path.startsWith('/zh-Hans') ? path.slice('/zh-Hans'.length) || '/' : `/zh-Hans${path === '/' ? '/' : path}`;
}
