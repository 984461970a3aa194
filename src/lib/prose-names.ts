/**
 * The names the guide's prose mentions, section by section: inline code anywhere in a page
 * (callout notes included, fenced code blocks left out), and code-looking words in plain text.
 * The Symbols page lists, for each symbol, the sections whose prose names it.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import {contentDirs, explicitHeadingId, headingText, listMdx, type Locale, parseMdx, SITE_ROOT} from './mdx-scan';

export interface ProseSection {
  /** `/docs/...` (no locale prefix), with `#heading-id` when the section has one. */
  link: string;
  title: string;
  /** Identifiers in inline code, each with the qualifier written before it (`loader.Cell` → loader). */
  code: Array<{qualifier: string | null; name: string}>;
  /** Words of plain text that look like code (an underscore or an inner capital): `ReloadDatapath`, `ep_tail_call`. */
  words: Set<string>;
}

const QUALIFIED = /(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)/g;
const CODE_LIKE = /^(?:\w*_\w*|[a-z]+[A-Z]\w*|[A-Z]+[a-z]+[A-Z]\w*)$/;

/** Sections of the guide's pages in one locale; the generated Reference pages are left out. */
export function proseSections(locale: Locale, root = SITE_ROOT): ProseSection[] {
  const docs = contentDirs(locale, root)[0];
  return listMdx(docs)
    .filter((rel) => !rel.startsWith('reference/'))
    .flatMap((rel) => pageSections(readFileSync(join(docs, rel), 'utf8'), `/docs/${rel.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}`.replace(/\/$/, '')));
}

function pageSections(source: string, route: string): ProseSection[] {
  const title = /^---[\s\S]*?^title:\s*["']?(.*?)["']?\s*$/m.exec(source)?.[1] ?? route;
  const sections: ProseSection[] = [{link: route, title, code: [], words: new Set()}];
  for (const node of parseMdx(source).children as RootContent[]) {
    if (node.type === 'heading') {
      const id = explicitHeadingId(node);
      sections.push({link: id ? `${route}#${id}` : route, title: headingText(node), code: [], words: new Set()});
      continue;
    }
    const section = sections[sections.length - 1];
    visit(node, (child) => {
      if (child.type === 'code') return 'skip';
      if (child.type === 'inlineCode') for (const m of child.value.matchAll(QUALIFIED)) section.code.push({qualifier: m[1] ?? null, name: m[2]});
      if (child.type === 'text') for (const w of child.value.match(/[A-Za-z_]\w*/g) ?? []) if (CODE_LIKE.test(w)) section.words.add(w);
      return undefined;
    });
  }
  return sections.filter((s) => s.code.length || s.words.size);
}
