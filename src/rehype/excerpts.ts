/**
 * Renders every <Excerpt> at build time: the exact Cilium lines from src/data/excerpts.json,
 * highlighted by shiki with upstream line numbers and callout markers. The code travels to the
 * component as one HTML string (`code` prop), so React neither ships nor hydrates an element per
 * token; the notes stay MDX. No highlighter ever reaches the browser.
 */
import {statSync} from 'node:fs';
import type {Element, ElementContent, Root, RootContent} from 'hast';
import {toHtml} from 'hast-util-to-html';
import type {MdxJsxAttribute, MdxJsxFlowElementHast} from 'mdast-util-mdx-jsx';
import {type Highlighter, type ThemedToken, createHighlighter} from 'shiki';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {checkExcerptRef} from '../lib/content-checks';
import {EXCERPT_WORDS, type ExcerptWords} from '../lib/generated-text';
import {EXCERPT_DATA_PATH, type ExcerptData, loadExcerptData, parseLineSpec} from '../lib/excerpt-data';
import {CILIUM_COMMIT, CILIUM_VERSION, ciliumPermalink} from '../lib/cilium';
import {CJK_CHARACTER} from '../lib/cjk';
import {loadSymbolData, SYMBOL_DATA_PATH} from '../lib/symbols';
import {jsxAttributes, type PageContext, pageContext} from '../lib/mdx-scan';
import {type LineSymbols, NO_SYMBOLS, splitAtSymbols, SymbolLinker} from './symbol-links';
import {CSS_VARIABLE_PREFIX, SHIKI_THEMES, type TokenPalette, tokenClasses, tokenPalette} from './token-classes';
import {driftData, excerptDriftProps} from './excerpt-drift';
import {DRIFT_DATA_PATH, type DriftData} from '../lib/drift';

const LANGS = ['c', 'go', 'makefile', 'yaml', 'json', 'bash', 'dockerfile'] as const;

/** The shiki language for a repository path; plain text when we quote something else. */
export function languageOf(path: string): string {
  const name = path.split('/').pop() ?? path;
  if (/\.[ch]$/.test(name)) return 'c';
  if (name.endsWith('.go')) return 'go';
  if (/^Makefile/.test(name) || name.endsWith('.mk')) return 'makefile';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.sh')) return 'bash';
  if (/^Dockerfile/.test(name)) return 'dockerfile';
  return 'text';
}

let highlighter: Promise<Highlighter> | undefined;
export const getHighlighter = () =>
  (highlighter ??= createHighlighter({themes: Object.values(SHIKI_THEMES), langs: [...LANGS]}));

// Re-read the data only when sync rewrote it (matters for `docusaurus start`).
let cached: {key: string; data: ExcerptData; linker: SymbolLinker} | undefined;
function excerptData(path: string, symbolsPath: string, baseUrl: string): {data: ExcerptData; linker: SymbolLinker} {
  const key = [path, statSync(path).mtimeMs, symbolsPath, statSync(symbolsPath).mtimeMs, baseUrl].join('\0');
  if (cached?.key !== key) {
    const data = loadExcerptData(path);
    cached = {key, data, linker: new SymbolLinker(loadSymbolData(symbolsPath), data, baseUrl)};
  }
  return cached;
}

/** Elements we generate are plain HTML: tell MDX not to swap them for theme components. */
function h(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children, data: {_mdxExplicitJsx: true} as Element['data']};
}
const text = (value: string): ElementContent => ({type: 'text', value});
/** Links to GitHub open like every other outbound link of the site. */
const EXTERNAL = {target: '_blank', rel: ['noopener', 'noreferrer']};

interface Callout {
  n: number;
  line: number;
  node: MdxJsxFlowElementHast;
}

/** A token's text, coloured; identifiers in it that the symbol data resolves become links (src/rehype/symbol-links.ts). */
function tokenSpan(token: ThemedToken, palette: TokenPalette, symbols: LineSymbols = NO_SYMBOLS, column = 0): ElementContent[] {
  const classes = tokenClasses(token, palette);
  return splitAtSymbols(token.content, column, symbols).map(({text: value, link}) => {
    if (link) return h('a', {...(classes.length ? {className: classes} : {}), ...link}, [text(value)]);
    return classes.length ? h('span', {className: classes}, [text(value)]) : text(value);
  });
}

/**
 * One shown line. Its text is the source line and nothing else: the gutter number and the callout
 * markers are drawn by CSS from data attributes, so a reader view, a text browser, a translator or
 * `textContent` sees only code. The gutter links to the line on this page, where it is highlighted.
 */
function renderLine(id: string, line: number, tokens: ThemedToken[], callouts: Callout[], highlighted: boolean, palette: TokenPalette, symbols: LineSymbols, words: ExcerptWords): Element {
  const markers = callouts
    .filter((c) => c.line === line)
    .map((c) =>
      h('a', {className: ['excerpt-marker'], href: `#${id}-note-${c.n}`, dataCallout: String(c.n), dataVerifyIgnore: '', ariaLabel: words.note(c.n)}),
    );
  // The id and the gutter link are added where the HTML is shown (src/lib/excerpt-lines.ts).
  return h('span', {className: ['excerpt-line'], dataLine: String(line), ...(highlighted ? {dataHighlighted: ''} : {})}, [
    h('span', {className: ['excerpt-code']}, tokenSpans(tokens, palette, symbols)),
    ...markers,
  ]);
}

function tokenSpans(tokens: ThemedToken[], palette: TokenPalette, symbols: LineSymbols): ElementContent[] {
  let column = 0;
  const out = tokens.flatMap((t) => {
    const spans = tokenSpan(t, palette, symbols, column);
    column += t.content.length;
    return spans;
  });
  symbols.finish();
  return out;
}

/** An elided gap, on a line of its own, linking to the lines left out. */
function renderElision(path: string, from: number, to: number, words: ExcerptWords): Element {
  return h('span', {className: ['excerpt-elision'], dataVerifyIgnore: '', dataElision: `${from}-${to}`}, [
    h('a', {href: ciliumPermalink(path, from, to), ...EXTERNAL, tabIndex: -1}, [text(words.elision(to - from + 1, from, to))]),
  ]);
}

/** Tokens per line of `lines`, coloured as every excerpt is. */
function tokenLines(highlighter: Highlighter, lang: string, lines: string[]): ThemedToken[][] {
  return highlighter.codeToTokens(lines.join('\n'), {
    lang: lang as never,
    themes: SHIKI_THEMES,
    defaultColor: 'light',
    // The dark colour comes back as a `--excerpt-dark` style, which tokenClasses turns into a class.
    cssVariablePrefix: CSS_VARIABLE_PREFIX,
    // No per-line time limit (shiki's default is 500 ms): on a loaded machine a line could stop
    // half-tokenized and come back with other scopes, making the build fail or differ by chance.
    tokenizeTimeLimit: 0,
  }).tokens;
}

function renderExcerpt(node: MdxJsxFlowElementHast, data: ExcerptData, drift: DriftData, linker: SymbolLinker, page: PageContext, highlighter: Highlighter, palette: TokenPalette, file: VFile): void {
  const at = node.position?.start.line ?? 0;
  const where = `${file.path}:${at}`;
  const attrs = jsxAttributes(node);
  const calloutNodes = node.children.filter(
    (c): c is MdxJsxFlowElementHast => c.type === 'mdxJsxFlowElement' && c.name === 'Callout',
  );
  const stray = node.children.find(
    (c) => !(c.type === 'text' && !c.value.trim()) && !(c.type === 'mdxJsxFlowElement' && c.name === 'Callout'),
  );
  if (stray) file.fail(`${where}: <Excerpt> may contain only <Callout line="N"> notes.`, node);

  const refCallouts = calloutNodes.map((c) => ({line: jsxAttributes(c).line ?? null, at: c.position?.start.line ?? at}));
  const problems = checkExcerptRef({attrs, callouts: refCallouts, at}, where, data);
  if (problems.length) file.fail(problems.join('\n'), node);

  const id = attrs.id;
  const stored = data.excerpts[id];
  const highlightRanges = attrs.highlight ? parseLineSpec(attrs.highlight.replace(/,\s*/g, ',')) : [];
  const isHighlighted = (line: number) => highlightRanges.some((r) => line >= r.from && line <= r.to);
  const callouts: Callout[] = calloutNodes
    .map((c) => ({line: Number(jsxAttributes(c).line), node: c, n: 0}))
    .sort((a, b) => a.line - b.line)
    .map((c, i) => ({...c, n: i + 1}));

  const lang = languageOf(stored.path);
  const words = EXCERPT_WORDS[page.locale];
  const codeChildren: ElementContent[] = [];
  stored.ranges.forEach((range, i) => {
    if (i > 0) {
      const prev = stored.ranges[i - 1];
      codeChildren.push(renderElision(stored.path, prev.from + prev.lines.length, range.from - 1, words));
    }
    const tokens = tokenLines(highlighter, lang, range.lines);
    if (tokens.length !== range.lines.length) {
      file.fail(`${where}: highlighting "${id}" produced ${tokens.length} lines for ${range.lines.length}.`, node);
    }
    range.lines.forEach((_, j) => {
      const line = range.from + j;
      let element: Element;
      try {
        element = renderLine(id, line, tokens[j], callouts, isHighlighted(line), palette, linker.line(id, line, page), words);
      } catch (error) {
        file.fail(`${where}: excerpt "${id}", ${stored.path}:${line}: ${(error as Error).message}`, node);
      }
      codeChildren.push(element);
    });
  });

  const notes = callouts.map((c) =>
    h('li', {id: `${id}-note-${c.n}`, className: ['excerpt-note'], dataCallout: String(c.n), value: String(c.n)}, [
      h('a', {className: ['excerpt-note-line'], href: `#${id}-L${c.line}`}, [text(`L${c.line}`)]),
      h('div', {className: ['excerpt-note-body']}, c.node.children as ElementContent[]),
    ]),
  );

  const first = stored.ranges[0].from;
  const lastRange = stored.ranges[stored.ranges.length - 1];
  const last = lastRange.from + lastRange.lines.length - 1;
  const extra: Record<string, string> = {
    commit: CILIUM_COMMIT,
    version: CILIUM_VERSION,
    permalink: ciliumPermalink(stored.path, first, last),
    lang,
    shownLines: stored.ranges.map((r) => `${r.from}-${r.from + r.lines.length - 1}`).join(','),
    noteCount: String(callouts.length),
    noteTextWidth: String(callouts.reduce((sum, c) => sum + textWidth(c.node.children as ElementContent[]), 0)),
    // Real newlines between the lines: the <pre> reads line by line with or without CSS.
    code: toHtml(codeChildren.flatMap((child, i) => (i ? [text('\n'), child] : [child]))),
    ...excerptDriftProps(id, stored, drift, (lines) => tokenLines(highlighter, lang, lines).map((line) => line.flatMap((t) => tokenSpan(t, palette))), page.locale),
  };
  node.attributes.push(
    ...Object.entries(extra).map(([name, value]): MdxJsxAttribute => ({type: 'mdxJsxAttribute', name, value})),
  );
  const children: RootContent[] = notes.length ? [h('ol', {className: ['excerpt-notes']}, notes)] : [];
  node.children = children as MdxJsxFlowElementHast['children'];
}

/** How wide `nodes`' text sets, in Latin characters: a CJK character takes two (it sizes a frame before it is drawn). */
function textWidth(nodes: readonly ElementContent[]): number {
  let width = 0;
  for (const node of nodes) {
    if (node.type === 'text') for (const ch of node.value) width += CJK_CHARACTER.test(ch) ? 2 : 1;
    else if ('children' in node) width += textWidth(node.children as ElementContent[]);
  }
  return width;
}

export interface RehypeExcerptsOptions {
  /** Where the synced excerpt data lives (tests point it at fixtures). */
  dataPath?: string;
  /** Where the drift data (what each excerpt became in a newer Cilium) lives. */
  driftPath?: string;
  /** Where the extracted symbol data lives. */
  symbolsPath?: string;
  /** The site's baseUrl, which links inside the HTML string must carry themselves. */
  baseUrl?: string;
}

export default function rehypeExcerpts({dataPath = EXCERPT_DATA_PATH, driftPath = DRIFT_DATA_PATH, symbolsPath = SYMBOL_DATA_PATH, baseUrl = '/'}: RehypeExcerptsOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const nodes: MdxJsxFlowElementHast[] = [];
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' && (node as MdxJsxFlowElementHast).name === 'Excerpt') {
        nodes.push(node as MdxJsxFlowElementHast);
      }
    });
    if (nodes.length === 0) return;
    const [{data, linker}, hl] = [excerptData(dataPath, symbolsPath, baseUrl), await getHighlighter()];
    let drift: DriftData;
    try {
      drift = driftData(data, driftPath);
    } catch (error) {
      file.fail(`${file.path}: ${(error as Error).message}`);
    }
    const palette = tokenPalette(hl);
    const page = pageContext(file.path);
    for (const node of nodes) renderExcerpt(node, data, drift, linker, page, hl, palette, file);
  };
}
