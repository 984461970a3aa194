/**
 * The last rehype step of every page: each element that no component needs reaches React as one
 * HTML string (`<p dangerouslySetInnerHTML>`), so hydration walks one node per paragraph, list or
 * table instead of one per word, link and inline code, and the page's chunk carries HTML instead
 * of a tree of JSX calls. The element itself stays, with its attributes, so the DOM is exactly
 * what React rendered before (`.markdown > p` and the theme's CSS still match).
 *
 * What stays React ("islands"): components (<Excerpt>, <Diagram>, tables, …), headings (the
 * theme's Heading: anchor class and hash link), fenced code blocks, images, <details>, and any
 * element on the way to one of them. Everything else the theme would render as the plain element
 * is frozen, with one exception handled here: a Markdown link, which the theme renders through
 * <Link>, is written the way <Link> writes it (base URL and trailing slash on internal paths,
 * target/rel on external ones). In the browser, src/client/static-links.ts routes clicks on
 * internal links through the router and preloads them on hover or focus, as <Link> would.
 *
 * <Link> also reports internal links and anchors to Docusaurus' broken-link check during the
 * build; frozen HTML cannot, so the page gets one <StaticHtmlLinks links anchors /> that does.
 */
import type {Element, ElementContent, Properties, Root, RootContent} from 'hast';
import {toEstree} from 'hast-util-to-estree';
import {toHtml} from 'hast-util-to-html';
import type {MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast} from 'mdast-util-mdx-jsx';
import {find, html as htmlSchema} from 'property-information';
import {applyTrailingSlash} from '@docusaurus/utils-common';
import type {Expression, Program} from 'estree';

type Parent = Root | Element | MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Child = RootContent | ElementContent;
type MdxJsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/**
 * Markdown elements the theme maps to components (@docusaurus/theme-classic MDXComponents). An
 * element listed here is frozen only when `frozenAsIs` says the component would render it as the
 * plain element; tests/unit/static-prose.test.ts fails when the theme maps a tag not listed.
 */
export const THEME_MAPPED_TAGS = ['a', 'code', 'pre', 'ul', 'li', 'img', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/**
 * The HTML elements Markdown and GFM produce, and a few more a page may write as JSX. Any other
 * tag name in the tree is a component in disguise (Docusaurus' `admonition`, `mdxAdmonitionTitle`)
 * and stays React.
 */
export const PROSE_TAGS = new Set([
  'p', 'em', 'strong', 'del', 's', 'b', 'i', 'u', 'code', 'kbd', 'samp', 'var', 'abbr', 'cite', 'q', 'small', 'mark',
  'sub', 'sup', 'span', 'br', 'wbr', 'hr', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'div', 'section',
  'figure', 'figcaption', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'input',
  'time', 'ins', 'pre', 'img', 'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

function frozenAsIs(el: Element, parent: Parent | undefined): boolean {
  if (!PROSE_TAGS.has(el.tagName)) return false;
  const explicit = (el.data as {_mdxExplicitJsx?: boolean} | undefined)?._mdxExplicitJsx;
  if (explicit) return true;
  const props = el.properties ?? {};
  switch (el.tagName) {
    case 'pre':
    case 'img':
    case 'details':
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return false;
    // Inline code is the plain <code>; a block's <code> becomes the theme's CodeBlock.
    case 'code':
      return !(parent && parent.type === 'element' && parent.tagName === 'pre');
    // An id gets the theme's anchor-target class (footnotes); a task list a CSS module class.
    case 'a':
    case 'li':
      return props.id === undefined;
    case 'ul':
      return !String(props.className ?? '').includes('contains-task-list');
    default:
      return true;
  }
}

/** Lower-case JSX written in a page (<kbd>K</kbd>) with only literal attributes is plain HTML too. */
function isPlainJsx(node: MdxJsxElement): boolean {
  return !!node.name && PROSE_TAGS.has(node.name) && node.attributes.every((a) => a.type === 'mdxJsxAttribute' && (a.value === null || typeof a.value === 'string'));
}

export interface StaticProseOptions {
  /** The site's base URL in the locale being built; defaults to the locale's (see baseUrlNow). */
  baseUrl?: string;
  /** The configured `baseUrl` of the site (e.g. `/cilium-guide/`), before the locale's segment. */
  siteBaseUrl?: string;
  trailingSlash?: boolean;
  defaultLocale?: string;
}

/** Docusaurus builds one locale at a time and names it here (buildLocale.js, start.js). */
function baseUrlNow(defaultLocale: string, siteBaseUrl: string): string {
  const locale = process.env.DOCUSAURUS_CURRENT_LOCALE;
  return !locale || locale === defaultLocale ? siteBaseUrl : `${siteBaseUrl}${locale}/`;
}

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);
const hasProtocol = (url: string) => /^(?:[A-Za-z][A-Za-z\d+.-]*:|\/\/)/.test(url);

interface Collected {
  links: Set<string>;
  anchors: Set<string>;
}

export default function rehypeStaticProse(options: StaticProseOptions = {}) {
  const {trailingSlash, defaultLocale = 'en', siteBaseUrl = '/'} = options;
  return (tree: Root) => {
    const baseUrl = options.baseUrl ?? baseUrlNow(defaultLocale, siteBaseUrl);
    const collected: Collected = {links: new Set(), anchors: new Set()};
    const memo = new WeakMap<object, boolean>();

    const isStatic = (node: Child, parent: Parent | undefined): boolean => {
      if (node.type === 'text' || node.type === 'comment' || isEmptyExpression(node)) return true;
      let result = memo.get(node);
      if (result !== undefined) return result;
      if (node.type === 'element') {
        result = frozenAsIs(node, parent) && node.children.every((c) => isStatic(c, node));
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        result = isPlainJsx(node) && (node.children as Child[]).every((c) => isStatic(c, node));
      } else {
        result = false;
      }
      memo.set(node, result);
      return result;
    };

    /** Writes a Markdown link as <Link> would render it, and notes what <Link> would report. */
    const asLink = (el: Element): void => {
      const props = el.properties;
      if (typeof props.href !== 'string') return;
      const href = props.href;
      if (hasProtocol(href)) {
        if (props.target === undefined) Object.assign(props, {target: '_blank', rel: ['noopener', 'noreferrer']});
        return;
      }
      let target = href.startsWith('/') && !href.startsWith(baseUrl) && href !== baseUrl.replace(/\/$/, '') ? baseUrl + href.slice(1) : href;
      if (trailingSlash !== undefined) target = applyTrailingSlash(target, {trailingSlash, baseUrl});
      props.href = target;
      if (props.target === undefined || props.target === '_self') collected.links.add(target);
    };

    /** The frozen element's contents as the hast to-html understands: JSX tags become elements. */
    const toPlain = (node: Child): ElementContent | undefined => {
      if (node.type === 'comment' || isEmptyExpression(node)) return undefined;
      if (node.type === 'text') return node;
      if (node.type === 'element') {
        let children = node.children.map(toPlain).filter(isDefined);
        // As MDX does for React: no whitespace text directly inside table parts.
        if (TABLE_PARTS.has(node.tagName)) children = children.filter((c) => !isWhitespace(c));
        const el: Element = {...node, properties: {...node.properties}, children};
        if (el.tagName === 'a' && !(node.data as {_mdxExplicitJsx?: boolean} | undefined)?._mdxExplicitJsx) asLink(el);
        if (typeof el.properties.id === 'string') collected.anchors.add(el.properties.id);
        return el;
      }
      const jsx = node as MdxJsxElement;
      const properties: Properties = {};
      // isPlainJsx let through literal attributes only.
      for (const attr of jsx.attributes as MdxJsxAttribute[]) properties[find(htmlSchema, attr.name).property] = (attr.value as string | null) ?? true;
      return toPlain({type: 'element', tagName: jsx.name!, properties, children: jsx.children as ElementContent[], data: {_mdxExplicitJsx: true}} as Element);
    };

    const freeze = (node: Element | MdxJsxElement): MdxJsxElement => {
      const plain = toPlain(node) as Element;
      const html = toHtml(plain.children, {allowDangerousHtml: false});
      const attributes = node.type === 'element' ? reactAttributes({...plain, children: []}) : [...node.attributes];
      attributes.push(expressionAttribute('dangerouslySetInnerHTML', {type: 'ObjectExpression', properties: [
        {type: 'Property', key: {type: 'Identifier', name: '__html'}, value: {type: 'Literal', value: html}, kind: 'init', method: false, shorthand: false, computed: false},
      ]}));
      const name = node.type === 'element' ? node.tagName : node.name;
      // Explicit JSX: MDX renders it as the plain element, not through the theme's components.
      const data = {_mdxExplicitJsx: true};
      return {type: node.type === 'mdxJsxTextElement' ? 'mdxJsxTextElement' : 'mdxJsxFlowElement', name, attributes, children: [], position: node.position, data} as MdxJsxElement;
    };

    const walk = (parent: Parent): void => {
      const children = parent.children as Child[];
      children.forEach((child, i) => {
        if ((child.type === 'element' || child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && isStatic(child, parent)) {
          // Text alone is already one DOM write for React; only nested elements are worth freezing.
          if ((child.children as Child[]).some((c) => c.type !== 'text')) children[i] = freeze(child) as Child;
        } else if (child.type === 'element' || child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
          walk(child);
        }
      });
    };
    walk(tree);

    if (collected.links.size || collected.anchors.size) {
      const list = (values: Set<string>): Expression => ({type: 'ArrayExpression', elements: [...values].map((value) => ({type: 'Literal', value}))});
      // After the last rendered child: a newline text behind it would otherwise stop being trailing and render.
      let last = tree.children.length - 1;
      while (last >= 0 && (tree.children[last].type === 'mdxjsEsm' || isWhitespace(tree.children[last]))) last--;
      tree.children.splice(last + 1, 0, {
        type: 'mdxJsxFlowElement',
        name: 'StaticHtmlLinks',
        attributes: [expressionAttribute('links', list(collected.links)), expressionAttribute('anchors', list(collected.anchors))],
        children: [],
      } as MdxJsxFlowElementHast);
    }
  };
}

/** `{/* a comment *\/}` in a page: an expression that renders nothing. */
function isEmptyExpression(node: Child): boolean {
  if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return false;
  const estree = (node.data as {estree?: Program} | undefined)?.estree;
  return !!estree && estree.body.length === 0;
}

const isWhitespace = (node: Child) => node.type === 'text' && !node.value.trim();

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

function expressionAttribute(name: string, expression: Expression): MdxJsxAttribute {
  const estree: Program = {type: 'Program', sourceType: 'module', body: [{type: 'ExpressionStatement', expression}]};
  return {type: 'mdxJsxAttribute', name, value: {type: 'mdxJsxAttributeValueExpression', value: '', data: {estree}}};
}

/** The element's attributes as MDX would pass them to React (className, style object, aria-*, …). */
function reactAttributes(el: Element): MdxJsxAttribute[] {
  const program = toEstree(el, {elementAttributeNameCase: 'react', stylePropertyNameCase: 'dom'});
  const statement = program.body[0];
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'JSXElement') {
    throw new Error(`static-prose: <${el.tagName}> did not convert to one JSX element`);
  }
  return statement.expression.openingElement.attributes.map((attr) => {
    if (attr.type !== 'JSXAttribute' || attr.name.type !== 'JSXIdentifier') {
      throw new Error(`static-prose: <${el.tagName}> has an attribute MDX cannot pass as a plain prop`);
    }
    const {value} = attr;
    if (value === null) return {type: 'mdxJsxAttribute', name: attr.name.name, value: null};
    if (value.type === 'Literal' && typeof value.value === 'string') return {type: 'mdxJsxAttribute', name: attr.name.name, value: value.value};
    if (value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') {
      return expressionAttribute(attr.name.name, value.expression as Expression);
    }
    throw new Error(`static-prose: <${el.tagName} ${attr.name.name}> has a value MDX cannot pass`);
  });
}
