/**
 * Go to definition inside excerpts: the identifiers src/data/symbols.json resolved become links in
 * the excerpt's one HTML string (no React node per link). A link goes to the guide excerpt that
 * shows the definition line (same locale), else to the pinned GitHub line; an ambiguous name goes
 * to its row on the Symbols page. Each link carries its kind (`data-kind`); CSS shows kind and place
 * in a popover on hover and keyboard focus (a `title` on every link would cost the page budget).
 */
import type {Properties} from 'hast';
import {ciliumPermalink} from '../lib/cilium';
import type {ExcerptData} from '../lib/excerpt-data';
import {EXCERPT_WORDS} from '../lib/generated-text';
import {GuideIndex} from '../lib/guide-index';
import type {PageContext} from '../lib/mdx-scan';
import {checkSymbolData, definitionKind, definitionPlace, symbolRowLink, type SymbolData} from '../lib/symbols';

/** The link attributes for the identifiers of one excerpt line, by column; `take` hands each out once. */
export class LineSymbols {
  private readonly taken = new Set<number>();
  constructor(private readonly at: Map<number, {name: string; props: Properties}>) {}

  /** The link starting at `column`, if one does and it fits in `length` characters. */
  take(column: number, length: number): {name: string; props: Properties} | undefined {
    const link = this.at.get(column);
    if (!link || link.name.length > length) return undefined;
    this.taken.add(column);
    return link;
  }

  /** Throws when an identifier the data links was not placed on a single token of the line. */
  finish(): void {
    const missed = [...this.at.entries()].filter(([col]) => !this.taken.has(col));
    if (missed.length) throw new Error(`symbol ${missed.map(([col, l]) => `"${l.name}" at column ${col}`).join(', ')} does not start a highlighted token`);
  }
}

/** A line without links (code the symbol data does not cover, such as the drift panel's newer lines). */
export const NO_SYMBOLS = new LineSymbols(new Map());

export class SymbolLinker {
  private readonly guide: GuideIndex;

  constructor(
    private readonly symbols: SymbolData,
    excerpts: ExcerptData,
    private readonly baseUrl: string,
  ) {
    const problems = checkSymbolData(symbols, excerpts);
    if (problems.length) throw new Error(problems.join('\n'));
    this.guide = new GuideIndex(excerpts);
  }

  /** The links of one line of excerpt `id`, as rendered on `page`. */
  line(id: string, line: number, page: PageContext): LineSymbols {
    const links = this.symbols.excerpts[id]?.links.filter((l) => l[0] === line) ?? [];
    if (links.length === 0) return NO_SYMBOLS;
    const site = (route: string, hash: string) =>
      route === page.route ? `#${hash}` : `${this.baseUrl.replace(/\/$/, '')}${page.localePrefix}${route}#${hash}`;
    const at = new Map<number, {name: string; props: Properties}>();
    for (const [, column, symbol, index] of links) {
      const entry = this.symbols.symbols[symbol];
      const def = entry.defs[index];
      if (!def) {
        const [route, hash] = symbolRowLink(symbol).split('#');
        const kind = EXCERPT_WORDS[page.locale].ambiguous(entry.defs.length);
        at.set(column, {name: entry.name, props: {dataSymbol: entry.name, href: site(route, hash), dataKind: kind}});
        continue;
      }
      const place = definitionPlace(this.guide, def, {excerpt: id, route: page.route ?? undefined});
      const target = place
        ? {href: site(place.route, `${place.id}-L${def.line}`)}
        : // Same tab, like following a name in any code browser (and 15 bytes less per link).
          {href: ciliumPermalink(def.path, def.line), rel: ['noopener', 'noreferrer']};
      at.set(column, {
        name: entry.name,
        props: {dataSymbol: entry.name, dataDefPath: def.path, dataDefLine: String(def.line), ...target, dataKind: definitionKind(def, page.locale)},
      });
    }
    return new LineSymbols(at);
  }
}

/**
 * A token's text cut at the identifiers linked in it: plain pieces and linked pieces, in order.
 * `column` is where the token starts on its line.
 */
export function splitAtSymbols(content: string, column: number, line: LineSymbols): Array<{text: string; link?: Properties}> {
  const pieces: Array<{text: string; link?: Properties}> = [];
  let from = 0;
  for (let i = 0; i < content.length; i++) {
    // Only where an identifier can start: not in the middle of a word.
    if (i > 0 && /\w/.test(content[i - 1])) continue;
    const link = line.take(column + i, content.length - i);
    if (!link) continue;
    if (i > from) pieces.push({text: content.slice(from, i)});
    pieces.push({text: link.name, link: link.props});
    from = i + link.name.length;
    i = from - 1;
  }
  if (from < content.length) pieces.push({text: content.slice(from)});
  return pieces;
}
