/**
 * Paragraphs and lists far down a page wait to be laid out on a phone, as excerpt frames do: each
 * gets the `prose-deferred` class and its lines as CSS over the column's width (--prose-lines;
 * src/css/custom.css turns them into the height it reserves). Measured with Lighthouse's phone: the
 * cost left on a long zh-Hans page was laying out its CJK text the first time, not script.
 *
 * Only what starts below the first screen of any phone or tablet waits: what is in view at load is
 * laid out at once, so nothing on the first screen moves when it is drawn. The same count decides
 * where the page's first excerpt frame is drawn at once (its `drawnAtOnceOn`): on every screen where
 * it may start in view, since a frame drawn late there would move the text below it. Later frames
 * always wait (src/components/Excerpt).
 */
import type {Element, ElementContent, Root, RootContent} from 'hast';
import type {MdxJsxFlowElementHast} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import diagramData from '../data/diagrams.json';
import {CJK_CHARACTER} from '../lib/cjk';
import {type DiagramSize, narrowMinHeightPx} from '../lib/diagram-size';
import {DESKTOP_MIN_PX, docsColumnPx} from '../lib/docs-column';
import {lineNumbers} from '../lib/excerpt-lines';
import {jsxAttributes, pageContext} from '../lib/mdx-scan';

const diagrams: Record<string, DiagramSize | undefined> = diagramData.diagrams;

/**
 * Where waiting starts, per screen class (custom.css and Excerpt's styles have the same
 * breakpoints): below the first screen of the tallest screen in the class, measured at its widest
 * column, where text takes the fewest lines. Phones (to 600 px wide, up to 960 px tall) and
 * tablets (to 996 px, 1,400 px tall); from 997 px, where the sidebar shows, nothing waits:
 * desktops lay out a page fast enough.
 */
export const SCREENS = {
  phone: {className: 'prose-deferred', columnPx: docsColumnPx(600, {toc: false}), firstScreenPx: 960},
  tablet: {className: 'prose-deferred-tablet', columnPx: docsColumnPx(DESKTOP_MIN_PX - 1, {toc: false}), firstScreenPx: 1400},
} as const;
const SCREEN_NAMES = Object.keys(SCREENS) as Array<keyof typeof SCREENS>;
const FONT_PX = 16;
const LINE_PX = FONT_PX * 1.65;
/** The smallest bottom margin of a paragraph, list, table, code block or frame (an <ol>'s, a table's: 1rem). */
const MARGIN_PX = 16;
/** The shortest heading line: an h6's (0.85rem × 1.25). */
const HEADING_LINE_PX = 17;

/** Em per character of running text and of inline code (a monospace 0.6em at 92 %), and code's padding and border. */
const TEXT_EM = 0.52;
const CODE_EM = 0.56;
const CODE_PADDING_EM = 0.4;

const DEFERRABLE = new Set(['p', 'ul', 'ol']);

/** The width of an element's text laid out on one line, in em of the body font. */
export function textEm(node: ElementContent | RootContent, inCode = false): number {
  if (node.type === 'text') {
    let em = 0;
    for (const c of node.value.replace(/\s+/g, ' ')) em += CJK_CHARACTER.test(c) ? 1 : inCode ? CODE_EM : TEXT_EM;
    return em;
  }
  if (node.type !== 'element' && node.type !== 'mdxJsxTextElement') return 0;
  const code = node.type === 'element' && node.tagName === 'code';
  const children = node.children as ElementContent[];
  return children.reduce((sum, c) => sum + textEm(c, inCode || code), code ? CODE_PADDING_EM : 0);
}

const plainText = (node: ElementContent | RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? (node.children as ElementContent[]).map(plainText).join('') : '';

const elementsIn = (node: Element, tagName: string): Element[] =>
  node.children.flatMap((c) => (c.type === 'element' ? [...(c.tagName === tagName ? [c] : []), ...elementsIn(c, tagName)] : []));

/** The first <Excerpt> in `node`, itself included, in document order. */
function firstExcerpt(node: ElementContent | RootContent): MdxJsxFlowElementHast | undefined {
  if (node.type === 'mdxJsxFlowElement' && node.name === 'Excerpt') return node as MdxJsxFlowElementHast;
  if (!('children' in node)) return undefined;
  for (const child of node.children as ElementContent[]) {
    const found = firstExcerpt(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * The lines a block breaks into, each of its runs rounded up to whole lines (a paragraph's runs are
 * split by <br>, a list's are its items' own text), as CSS over the column's width (custom.css
 * sets --prose-column): the space the block reserves while it waits.
 */
function linesCss(el: Element): string {
  const runs: number[] = [];
  if (el.tagName === 'p') {
    let run = 0;
    for (const c of el.children) {
      if (c.type === 'element' && c.tagName === 'br') runs.push(run), (run = 0);
      else run += textEm(c);
    }
    runs.push(run);
  } else {
    const items = (list: Element): void => {
      for (const li of list.children) {
        if (li.type !== 'element' || li.tagName !== 'li') continue;
        runs.push(li.children.reduce((sum, c) => sum + (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol') ? 0 : textEm(c)), 0));
        for (const c of li.children) if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) items(c);
      }
    };
    items(el);
  }
  return runs.map((em) => `round(up,${Math.ceil(em * 10) / 10}em/var(--prose-column),1)`).join(' + ');
}

/**
 * At least how tall a top-level block is in a column `columnPx` wide, its bottom margin included,
 * so that what waits starts no higher than counted: its text in fewer em than estimated (a
 * narrower font than this machine's), wrapped without waste.
 */
function lowerBoundPx(node: RootContent, columnPx: number, locale: string): number {
  const lines = (n: ElementContent | RootContent) => Math.max(1, Math.ceil((0.85 * textEm(n) * FONT_PX) / columnPx));
  if (node.type === 'element') {
    // A heading: lines no shorter than an h6's, its margins not counted.
    if (/^h[1-6]$/.test(node.tagName)) return lines(node) * HEADING_LINE_PX;
    if (DEFERRABLE.has(node.tagName)) return lines(node) * LINE_PX + MARGIN_PX;
    if (node.tagName === 'table') return elementsIn(node, 'tr').length * LINE_PX + MARGIN_PX;
    // A fenced code block: at least 18 px per line of code.
    if (node.tagName === 'pre') return plainText(node).split('\n').length * 18 + MARGIN_PX;
    return 0;
  }
  if (node.type === 'mdxJsxFlowElement') {
    // An excerpt frame: one code row (1.55 × 13 px) per line shown and its header (2.5rem); a
    // diagram, its image; an admonition, its blocks; any other component (it may hide its children), nothing.
    const attrs = jsxAttributes(node);
    const shown = attrs.shownLines;
    if (shown !== undefined) {
      const rows = [...lineNumbers(shown)].length;
      // Its notes: text of 0.8rem on lines of at least 1.5 times that.
      const notes = elementsIn(node as unknown as Element, 'li').reduce((sum, li) => sum + Math.ceil((0.85 * textEm(li) * 0.8 * FONT_PX) / columnPx) * 0.8 * FONT_PX * 1.5, 0);
      return rows * 20 + 40 + notes + MARGIN_PX;
    }
    // A diagram: never drawn narrower than its labels' legible width (src/components/Diagram).
    const diagram = node.name === 'Diagram' && diagrams[`${attrs.name}.${locale}`];
    if (diagram) return narrowMinHeightPx(diagram) + MARGIN_PX;
    if (node.name !== 'admonition') return 0;
    return (node.children as ElementContent[]).reduce((sum, c) => sum + (c.type === 'element' ? lowerBoundPx(c, columnPx, locale) : 0), 0);
  }
  return 0;
}

export default function rehypeDeferredProse() {
  return (tree: Root, file: VFile) => {
    const {locale} = pageContext(file.path);
    const above = {phone: 0, tablet: 0};
    let firstFrameSeen = false;
    for (const node of tree.children) {
      const waitsOn = SCREEN_NAMES.filter((s) => above[s] > SCREENS[s].firstScreenPx);
      for (const s of SCREEN_NAMES) above[s] += lowerBoundPx(node, SCREENS[s].columnPx, locale);
      if (waitsOn.length && node.type === 'element' && DEFERRABLE.has(node.tagName)) {
        const className = node.properties.className;
        node.properties.className = [...(Array.isArray(className) ? className : className ? [String(className)] : []), ...waitsOn.map((s) => SCREENS[s].className)];
        const items = node.tagName === 'p' ? 0 : elementsIn(node, 'li').length;
        const style = [`--prose-lines:${linesCss(node)}`, items > 1 && `--prose-gaps:${items - 1}`];
        node.properties.style = [node.properties.style, ...style].filter(Boolean).join(';');
      }
      const frame = firstFrameSeen ? undefined : firstExcerpt(node);
      if (frame) {
        firstFrameSeen = true;
        // Desktops count nothing: there the first frame is always drawn at once.
        const atOnce = [...SCREEN_NAMES.filter((s) => !waitsOn.includes(s)), 'desktop'];
        frame.attributes.push({type: 'mdxJsxAttribute', name: 'drawnAtOnceOn', value: atOnce.join(' ')});
      }
    }
  };
}
