/**
 * After each locale's build, writes the Markdown twin of every doc page beside its HTML
 * (`/docs/intro` → `/docs/intro.md`), then the locale's `llms.txt` and `llms-full.txt`.
 * Rendering lives in src/markdown/; this plugin only gathers the docs, in sidebar order, and writes.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {CILIUM_COMMIT, CILIUM_VERSION} from '../lib/cilium';
import {loadExcerptData} from '../lib/excerpt-data';
import {type LlmsPage, type LlmsSection, llmsFullTxt, llmsTxt} from '../markdown/llms-txt';
import {markdownPath} from '../markdown/path';
import {type Translate, type TwinDoc, TwinRenderer} from '../markdown/twin';
import {buildReferenceData} from './reference-data';
import type {Locale} from '../lib/mdx-scan';
import {buildSymbolIndex} from './symbol-index';

interface DocMetadata {
  id: string;
  title: string;
  description: string;
  permalink: string;
  source: string;
}
type SidebarItem =
  | {type: 'doc' | 'ref'; id: string}
  | {type: 'category'; label: string; items: SidebarItem[]; link?: {type: string; id?: string}}
  | {type: 'link' | 'html'};
interface DocsContent {
  loadedVersions: Array<{docs: DocMetadata[]; sidebars: Record<string, SidebarItem[]>}>;
}

/** `{name}` placeholders, as in Docusaurus' own translate(). */
export function translator(messages: Record<string, string>): Translate {
  return ({id, message}, values = {}) =>
    (messages[id] ?? message).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Every <img> on a built page, by its alt text (minified HTML: attributes may be unquoted). */
function imagesByAlt(html: string): Map<string, string> {
  const decode = (v: string) =>
    v.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|lt|gt|apos));/gi, (_, dec, hex, name) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({amp: '&', quot: '"', lt: '<', gt: '>', apos: "'"} as Record<string, string>)[name.toLowerCase()],
    );
  const images = new Map<string, string>();
  for (const [tag] of html.matchAll(/<img\b[^>]*>/g)) {
    const attrs: Record<string, string> = {};
    for (const m of tag.matchAll(/([a-zA-Z-]+)=("([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) attrs[m[1].toLowerCase()] = decode(m[3] ?? m[4] ?? m[5] ?? '');
    if (attrs.alt && attrs.src) images.set(attrs.alt, attrs.src);
  }
  return images;
}

export default function markdownTwins(context: LoadContext): Plugin {
  const {siteDir, siteConfig, i18n} = context;
  let docs: DocMetadata[] = [];
  let sidebar: SidebarItem[] = [];
  return {
    name: 'markdown-twins',
    allContentLoaded({allContent}) {
      const content = allContent['docusaurus-plugin-content-docs']?.default as DocsContent | undefined;
      const version = content?.loadedVersions[0];
      if (!version) throw new Error('markdown-twins: the docs plugin loaded no docs.');
      docs = version.docs;
      sidebar = Object.values(version.sidebars).flat();
    },
    async postBuild({outDir}) {
      const locale = i18n.currentLocale;
      const translate = translator(context.codeTranslations);
      const fileOf = (permalink: string) => join(outDir, permalink.slice(context.baseUrl.length));
      const twinDocs = new Map<string, TwinDoc>(
        docs.map((d) => [
          d.id,
          // An index doc's permalink may end in "/"; the site serves it without (trailingSlash: false).
          {source: d.source.replace(/^@site\//, `${siteDir}/`), permalink: d.permalink.replace(/(.)\/$/, '$1'), title: d.title, description: d.description},
        ]),
      );
      const renderer = new TwinRenderer({
        locale,
        url: siteConfig.url.replace(/\/$/, ''),
        localeBaseUrl: context.baseUrl,
        docs: [...twinDocs.values()],
        excerpts: loadExcerptData(),
        reference: buildReferenceData(siteDir),
        symbols: buildSymbolIndex(siteDir, locale as Locale),
        diagramSource: (name) => {
          const file = join(siteDir, 'src/diagrams', `${name}.${locale}.mmd`);
          if (!existsSync(file)) throw new Error(`markdown-twins: <Diagram name="${name}"> has no source ${relative(siteDir, file)}.`);
          return readFileSync(file, 'utf8').trimEnd();
        },
        figureSource: (doc, alt) => imagesByAlt(readFileSync(fileOf(markdownPath(doc.permalink)).replace(/\.md$/, '.html'), 'utf8')).get(alt),
        translate,
        relativePath: (path) => relative(siteDir, path),
      });

      const pages = new Map<string, LlmsPage>();
      for (const [id, doc] of twinDocs) {
        const markdown = renderer.render(doc, readFileSync(doc.source, 'utf8'));
        writeFileSync(fileOf(markdownPath(doc.permalink)), markdown);
        pages.set(id, {
          title: doc.title,
          description: doc.description,
          url: renderer.absoluteUrl(doc.permalink),
          markdownUrl: renderer.absoluteUrl(markdownPath(doc.permalink)),
          body: markdown.slice(renderer.frontMatter(doc).length).replace(/^\n/, ''),
        });
      }

      // Sections follow the sidebar: its top-level pages first, then one section per category.
      const ordered: LlmsPage[] = [];
      const loose: LlmsPage[] = [];
      const sections: LlmsSection[] = [];
      const collect = (items: SidebarItem[], into: LlmsPage[]) => {
        for (const item of items) {
          if (item.type === 'doc' || item.type === 'ref') {
            const page = pages.get(item.id);
            if (page && !ordered.includes(page)) ordered.push(page), into.push(page);
          } else if (item.type === 'category') {
            const section: LlmsSection = {title: item.label, pages: []};
            if (item.link?.type === 'doc' && item.link.id) collect([{type: 'doc', id: item.link.id}], section.pages);
            collect(item.items, section.pages);
            if (section.pages.length) sections.push(section);
          }
        }
      };
      collect(sidebar, loose);
      const unlisted = [...pages.values()].filter((p) => !ordered.includes(p));
      ordered.push(...unlisted);
      loose.push(...unlisted);
      sections.unshift({title: translate({id: 'markdown.llms.guide', message: 'Guide'}), pages: loose});

      const llms = {
        title: siteTitle(context),
        version: CILIUM_VERSION,
        commit: CILIUM_COMMIT,
        fullUrl: renderer.absoluteUrl(`${context.baseUrl}llms-full.txt`),
        pages: ordered,
        sections: sections.filter((s) => s.pages.length),
        translate,
      };
      writeFileSync(join(outDir, 'llms.txt'), llmsTxt(llms));
      writeFileSync(join(outDir, 'llms-full.txt'), llmsFullTxt(llms));
    },
  };
}

/** The site title as the navbar shows it in this locale. */
function siteTitle({localizationDir, siteConfig}: LoadContext): string {
  const navbar = join(localizationDir, 'docusaurus-theme-classic/navbar.json');
  if (!existsSync(navbar)) return siteConfig.title;
  const messages = JSON.parse(readFileSync(navbar, 'utf8')) as Record<string, {message: string}>;
  return messages.title?.message ?? siteConfig.title;
}
