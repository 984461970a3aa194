/**
 * Shapes src/data/symbols.json into the rows of Reference → Symbols (one per symbol, A–Z): its
 * definitions with pinned links, the excerpts that use it, and the guide sections whose prose
 * names it, in the locale being built. After the build it prints how the identifiers of the
 * excerpts were linked. Pages import `@generated/symbol-index/default/symbols.json`.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {ciliumPermalink} from '../lib/cilium';
import {type ExcerptData, loadExcerptData} from '../lib/excerpt-data';
import {SYMBOL_KIND_TEXT} from '../lib/generated-text';
import {GuideIndex} from '../lib/guide-index';
import type {Locale} from '../lib/mdx-scan';
import {proseSections} from '../lib/prose-names';
import {definitionPlace, loadSymbolData, type SymbolData, type SymbolDefinition, type SymbolEntry, type SymbolLang} from '../lib/symbols';

export interface SymbolDefRow extends SymbolDefinition {
  /** The kind in the locale's words (`function`, `函数`). */
  kindText: string;
  permalink: string;
  /** `/docs/...#<excerpt>-L<line>` when a guide excerpt shows the definition line. */
  guide: string | null;
}
export interface SymbolRow {
  anchor: string;
  name: string;
  lang: SymbolLang;
  /** Go: the package directory. */
  package: string | null;
  /** The kinds of its definitions, in the locale's words. */
  kinds: string[];
  defs: SymbolDefRow[];
  /** Excerpts that use the name: a link to the first line that does. */
  excerpts: Array<{id: string; link: string}>;
  /** Guide sections whose prose names it. */
  sections: Array<{link: string; title: string}>;
}
export interface SymbolCounts {
  site: number;
  github: number;
  ambiguous: number;
  /** Names at their own definition line (not linked to themselves). */
  definitions: number;
  unlinked: number;
}
export interface SymbolIndex {
  rows: SymbolRow[];
  counts: SymbolCounts;
}

export function buildSymbolIndex(siteDir: string, locale: Locale, symbols: SymbolData = loadSymbolData(), excerpts: ExcerptData = loadExcerptData()): SymbolIndex {
  const guide = new GuideIndex(excerpts, siteDir);
  const sections = proseSections(locale, siteDir);
  const rowsByName = new Map<string, Array<[string, SymbolEntry]>>();
  for (const [id, entry] of Object.entries(symbols.symbols)) rowsByName.set(entry.name, [...(rowsByName.get(entry.name) ?? []), [id, entry]]);

  // The excerpts that show a symbol: those quoting a definition line, then those using the name.
  const uses = new Map<string, Array<{id: string; link: string}>>();
  const use = (symbol: string, id: string, line: number) => {
    const route = guide.routeOf(id);
    const list = uses.get(symbol) ?? [];
    if (route && !list.some((u) => u.id === id)) list.push({id, link: `${route}#${id}-L${line}`});
    uses.set(symbol, list);
  };
  for (const [symbol, entry] of Object.entries(symbols.symbols)) for (const d of entry.defs) for (const p of guide.showing(d.path, d.line)) use(symbol, p.id, d.line);
  for (const [id, excerpt] of Object.entries(symbols.excerpts)) for (const [line, , symbol] of excerpt.links) use(symbol, id, line);

  const rows = Object.entries(symbols.symbols).map(([anchor, entry]): SymbolRow => ({
    anchor,
    name: entry.name,
    lang: entry.lang,
    package: entry.package?.dir ?? null,
    kinds: [...new Set(entry.defs.map((d) => SYMBOL_KIND_TEXT[locale][d.kind]))],
    defs: entry.defs.map((d) => ({...d, kindText: SYMBOL_KIND_TEXT[locale][d.kind], permalink: ciliumPermalink(d.path, d.line), guide: guide.link(d.path, d.line)})),
    excerpts: uses.get(anchor) ?? [],
    sections: sections.filter((s) => names(s, entry, rowsByName.get(entry.name)!)).map(({link, title}) => ({link, title})),
  }));
  rows.sort((a, b) => a.name.localeCompare(b.name, 'en', {sensitivity: 'base'}) || a.name.localeCompare(b.name) || a.anchor.localeCompare(b.anchor));
  return {rows, counts: countLinks(symbols, guide)};
}

/** Whether a section's prose names this symbol: `pkg.Name` must name its package when other rows share the name. */
function names(section: ReturnType<typeof proseSections>[number], entry: SymbolEntry, sameName: Array<[string, SymbolEntry]>): boolean {
  if (section.words.has(entry.name)) return true;
  const packages = new Set(sameName.map(([, e]) => e.package?.name));
  return section.code.some((c) => c.name === entry.name && (c.qualifier === null || !packages.has(c.qualifier) || c.qualifier === entry.package?.name));
}

/** How the identifiers of the excerpts shown on guide pages are linked (what every locale renders). */
export function countLinks(symbols: SymbolData, guide: GuideIndex): SymbolCounts {
  const counts: SymbolCounts = {site: 0, github: 0, ambiguous: 0, definitions: 0, unlinked: 0};
  for (const [id, excerpt] of Object.entries(symbols.excerpts)) {
    const route = guide.routeOf(id);
    if (!route) continue;
    counts.unlinked += excerpt.unlinked;
    counts.definitions += excerpt.definitions;
    for (const [, , symbol, index] of excerpt.links) {
      const def = symbols.symbols[symbol].defs[index];
      if (!def) counts.ambiguous++;
      else if (definitionPlace(guide, def, {excerpt: id, route})) counts.site++;
      else counts.github++;
    }
  }
  return counts;
}

export default function symbolIndex(context: LoadContext): Plugin<SymbolIndex> {
  const locale = context.i18n.currentLocale as Locale;
  return {
    name: 'symbol-index',
    async loadContent() {
      return buildSymbolIndex(context.siteDir, locale);
    },
    async contentLoaded({content, actions}) {
      await actions.createData('symbols.json', JSON.stringify(content));
    },
    async postBuild({content}) {
      const {site, github, ambiguous, definitions, unlinked} = content.counts;
      console.log(
        `[symbols] ${locale}: identifier occurrences in excerpts: ${site} linked to this site, ${github} to GitHub, ` +
          `${ambiguous} ambiguous (to their Symbols row), ${definitions} at their own definition, ${unlinked} unlinked; ${content.rows.length} symbols`,
      );
    },
  };
}
