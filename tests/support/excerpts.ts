/** Where the built site shows each excerpt, and what the data says it must show. */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {type ExcerptData, loadExcerptData} from '../../src/lib/excerpt-data';
import {BUILD_DIR} from '../../scripts/lib/server';

export const excerptData: ExcerptData = loadExcerptData();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'assets' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** URL path → ids of the excerpts that page shows. */
export function pagesWithExcerpts(): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const file of htmlFiles(BUILD_DIR)) {
    const html = readFileSync(file, 'utf8');
    const ids = [...html.matchAll(/<figure id=["']?([a-z0-9-]+)["']?[^>]*data-cilium-excerpt/g)].map((m) => m[1]);
    if (ids.length) pages.set(`/${relative(BUILD_DIR, file)}`.replace(/(\/index)?\.html$/, '') || '/', ids);
  }
  return pages;
}

/** The upstream text of `line` in excerpt `id`. */
export function storedLine(id: string, line: number): string | undefined {
  for (const range of excerptData.excerpts[id]?.ranges ?? []) {
    const text = range.lines[line - range.from];
    if (line >= range.from && text !== undefined) return text;
  }
  return undefined;
}

/**
 * What the excerpt's <pre> must read as without CSS: each shown source line on a line of its own, and
 * each gap between ranges as one line naming how many lines it folds and which.
 */
export function excerptTextLines(id: string, pagePath: string): string[] {
  const {ranges} = excerptData.excerpts[id];
  return ranges.flatMap((range, i) => {
    const gap: string[] = [];
    if (i > 0) {
      const from = ranges[i - 1].from + ranges[i - 1].lines.length;
      const to = range.from - 1;
      const count = to - from + 1;
      // In the page's language: the gap line is the guide's own words.
      gap.push(pagePath.startsWith('/zh-Hans/') ? `⋯ 省略 ${count} 行（${from}–${to}）` : `⋯ ${count} line${count === 1 ? '' : 's'} (${from}–${to})`);
    }
    return [...gap, ...range.lines];
  });
}
