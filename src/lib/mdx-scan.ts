/**
 * Reads the guide's MDX sources the way the build does (remark + remark-mdx) and lists what
 * the checks need: pages per locale, heading ids, code excerpts with their callouts, and
 * `cilium:` source links — each with the file and line it came from. The build's own MDX steps
 * share two readers from here: a JSX element's attributes, and the locale and route of a file.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import type {Heading, Link, Root} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

export const SITE_ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const LOCALES = ['en', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where each locale keeps its docs and pages. */
export function contentDirs(locale: Locale, root = SITE_ROOT): string[] {
  if (locale === 'en') return [join(root, 'docs'), join(root, 'src/pages')];
  return [
    join(root, 'i18n', locale, 'docusaurus-plugin-content-docs/current'),
    join(root, 'i18n', locale, 'docusaurus-plugin-content-pages'),
  ];
}

/** Markdown/MDX files below `dir`, as paths relative to `dir`. */
export function listMdx(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.mdx?$/.test(name)) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

const HEADING_ID = /^\s*\/\*\s*#([^\s*]+)\s*\*\/\s*$/;
export const ASCII_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The id written as a trailing `{/* #id *\/}`, or null when the heading has none. */
export function explicitHeadingId(node: Heading): string | null {
  const last = node.children[node.children.length - 1];
  if (!last || last.type !== 'mdxTextExpression') return null;
  const match = HEADING_ID.exec(last.value);
  return match && ASCII_ID.test(match[1]) ? match[1] : null;
}

export function headingText(node: Heading): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text.trim();
}

export interface HeadingRef {
  id: string | null;
  depth: number;
  text: string;
  line: number;
}

export interface CalloutRef {
  line: string | null;
  at: number;
}

export interface ExcerptRef {
  /** Attributes as written; every one must be a plain string. */
  attrs: Record<string, string>;
  callouts: CalloutRef[];
  at: number;
}

export interface LinkRef {
  target: string;
  at: number;
}

export interface ScannedPage {
  file: string;
  headings: HeadingRef[];
  excerpts: ExcerptRef[];
  ciliumLinks: LinkRef[];
  /** The front matter's `keywords: [a, b]`: what a reader would type to find the page (null when absent). */
  keywords: string[] | null;
  /** Problems the scan itself found, already phrased for the author. */
  problems: string[];
}

const parser = unified().use(remarkParse).use(remarkMdx);

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?=\r?\n|$)/;

/** Blanks out YAML front matter, keeping line numbers, so it is not read as Markdown. */
export function blankFrontMatter(source: string): string {
  const match = FRONT_MATTER.exec(source);
  return match ? match[0].replace(/[^\n]/g, '') + source.slice(match[0].length) : source;
}

/**
 * The front matter's `keywords`, written as one flow list on one line (`keywords: [a, b c, d]`), the
 * form the search dictionary and the checks read; any other form is reported (and reads as []).
 */
export function frontMatterKeywords(source: string, file: string, problems: string[]): string[] | null {
  const lines = (FRONT_MATTER.exec(source)?.[1] ?? '').split(/\r?\n/);
  const index = lines.findIndex((line) => /^keywords\s*:/.test(line));
  if (index < 0) return null;
  const list = /^keywords\s*:\s*\[([^\]]*)\]\s*$/.exec(lines[index]);
  const terms = list?.[1].split(',').map((term) => term.trim()).filter(Boolean) ?? [];
  if (!list || terms.length === 0 || terms.some((term) => /["'{}[\]]/.test(term))) {
    problems.push(`${file}:${index + 2}: write keywords as one unquoted list on one line, e.g. keywords: [tail call, cilium_calls].`);
    return [];
  }
  return terms;
}

export function parseMdx(source: string): Root {
  return parser.parse(blankFrontMatter(source)) as Root;
}

/**
 * String attributes of a JSX element (in the Markdown or the HTML tree), a bare one as "true"; with
 * `report`, a spread or expression attribute is reported there, else it is left out.
 */
export function jsxAttributes(node: Pick<MdxJsxFlowElement, 'name' | 'attributes'>, report?: {where: string; problems: string[]}): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') {
      report?.problems.push(`${report.where}: <${node.name}> takes no spread attributes.`);
      continue;
    }
    const {name, value} = attr as MdxJsxAttribute;
    if (typeof value === 'string') attrs[name] = value;
    else if (value === null || value === undefined) attrs[name] = 'true';
    else report?.problems.push(`${report.where}: <${node.name} ${name}=…> must be a quoted string, e.g. ${name}="…".`);
  }
  return attrs;
}

/** Where the page being rendered lives: its locale's URL prefix and its route (`/docs/...`). */
export interface PageContext {
  locale: Locale;
  localePrefix: string;
  route: string | null;
}

const DOCS_IN_LOCALE = /^i18n\/([^/]+)\/docusaurus-plugin-content-docs\/current\/(.+)\.mdx?$/;

/** The locale prefix and docs route of an MDX file of the site. */
export function pageContext(path: string | undefined): PageContext {
  const rel = path ? relative(SITE_ROOT, path).split('\\').join('/') : '';
  const route = (doc: string) => `/docs/${doc.replace(/(^|\/)index$/, '')}`.replace(/\/$/, '');
  const localized = DOCS_IN_LOCALE.exec(rel);
  if (localized) return {locale: localized[1] as Locale, localePrefix: `/${localized[1]}`, route: route(localized[2])};
  const doc = /^docs\/(.+)\.mdx?$/.exec(rel);
  return {locale: 'en', localePrefix: '', route: doc ? route(doc[1]) : null};
}

export const CILIUM_LINK_PREFIX = 'cilium:';

export function scanMdxSource(source: string, file: string): ScannedPage {
  const page: ScannedPage = {file, headings: [], excerpts: [], ciliumLinks: [], keywords: null, problems: []};
  page.keywords = frontMatterKeywords(source, file, page.problems);
  let tree: Root;
  try {
    tree = parseMdx(source);
  } catch (error) {
    page.problems.push(`${file}: cannot parse MDX: ${(error as Error).message}`);
    return page;
  }
  visit(tree, (node) => {
    const at = node.position?.start.line ?? 0;
    if (node.type === 'heading') {
      page.headings.push({id: explicitHeadingId(node), depth: node.depth, text: headingText(node), line: at});
    } else if (node.type === 'link' && (node as Link).url.startsWith(CILIUM_LINK_PREFIX)) {
      page.ciliumLinks.push({target: (node as Link).url.slice(CILIUM_LINK_PREFIX.length), at});
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'Excerpt') {
      const where = `${file}:${at}`;
      const callouts: CalloutRef[] = [];
      // A one-line <Callout>…</Callout> parses as text inside a paragraph; MDX unwraps it later.
      visit(node, (child) => {
        if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'Callout') {
          const attrs = jsxAttributes(child as MdxJsxFlowElement, {where: `${file}:${child.position?.start.line ?? at}`, problems: page.problems});
          callouts.push({line: attrs.line ?? null, at: child.position?.start.line ?? at});
        }
      });
      page.excerpts.push({attrs: jsxAttributes(node, {where, problems: page.problems}), callouts, at});
    }
  });
  return page;
}

export function scanMdxFile(path: string, root = SITE_ROOT): ScannedPage {
  return scanMdxSource(readFileSync(path, 'utf8'), relative(root, path));
}

/** Every MDX page of every locale, keyed by locale then by its path inside the locale's content dir. */
export function scanSite(root = SITE_ROOT): Record<Locale, Map<string, ScannedPage>> {
  const result = {} as Record<Locale, Map<string, ScannedPage>>;
  for (const locale of LOCALES) {
    const pages = new Map<string, ScannedPage>();
    contentDirs(locale, root).forEach((dir, index) => {
      for (const rel of listMdx(dir)) {
        pages.set(`${index === 0 ? 'docs' : 'pages'}/${rel}`, scanMdxFile(join(dir, rel), root));
      }
    });
    result[locale] = pages;
  }
  return result;
}

/** How many entries the page's table of contents has (## and ### headings, as the site config shows them). */
export function tocEntryCount(source: string): number {
  return scanMdxSource(source, '').headings.filter((h) => h.depth === 2 || h.depth === 3).length;
}
