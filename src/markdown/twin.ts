/**
 * The Markdown twin of a guide page: the page's MDX read again and its components rendered to plain
 * Markdown (mdast → remark-stringify), so a tool reads what a person sees, with no `import` line and
 * no JSX left over. Excerpts become fenced blocks holding the exact committed lines (one block per
 * shown range), diagrams their mermaid source, reference components Markdown tables.
 *
 * Anchors use the `{#id}` attribute form (Docusaurus, pandoc): after a heading, after an excerpt's
 * caption, after a reference row's name. A link to an excerpt line or note (`#x-L12`, `#x-note-2`)
 * points at the excerpt (`#x`), since Markdown has no per-line anchors.
 */
import {dirname, resolve} from 'node:path';
import type {
  BlockContent,
  Blockquote,
  Code,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
} from 'mdast';
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {toString} from 'mdast-util-to-string';
import {CILIUM_COMMIT, CILIUM_VERSION, ciliumPermalink, ciliumTreeAt} from '../lib/cilium';
import {DRIFT_STATUSES, type DriftStatus, REFERENCE_TABLES} from '../lib/drift';
import {REFERENCE_TABLE_PAGE} from '../lib/reference-pages';
import type {ExcerptData} from '../lib/excerpt-data';
import {parseLinkTarget} from '../lib/excerpt-data';
import {CILIUM_LINK_PREFIX, blankFrontMatter, jsxAttributes} from '../lib/mdx-scan';
import type {Located, ModuleRow, ReferenceData} from '../plugins/reference-data';
import type {SymbolIndex} from '../plugins/symbol-index';
import {languageOf} from '../rehype/excerpts';
import {FACT_COUNTS, type FactCountName, factCount, loadFacts} from '../remark/fact-counts';
import {markdownPath} from './path';

/** A UI string: `id` is looked up in the locale's code translations, `message` is the English text. */
export type Translate = (descriptor: {id: string; message: string}, values?: Record<string, string | number>) => string;

export interface TwinDoc {
  /** Absolute path of the MDX source. */
  source: string;
  /** The HTML page's path, with baseUrl and locale prefix, e.g. `/zh-Hans/docs/intro`. */
  permalink: string;
  title: string;
  description: string;
}

export interface TwinSite {
  locale: string;
  /** The site's origin and root path, e.g. `https://example.org` (no trailing slash). */
  url: string;
  /** The locale's baseUrl, e.g. `/` or `/cilium-guide/zh-Hans/`. */
  localeBaseUrl: string;
  docs: TwinDoc[];
  excerpts: ExcerptData;
  reference: ReferenceData;
  /** Reference → Symbols, in this locale. */
  symbols: SymbolIndex;
  /** The mermaid source of a diagram in this locale. */
  diagramSource: (name: string) => string;
  /** The built URL of a <Figure> image, found by its alt text on the built page. */
  figureSource: (doc: TwinDoc, alt: string) => string | undefined;
  translate: Translate;
  /** Makes paths in error messages short. */
  relativePath: (absolute: string) => string;
}


const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);
const stringifier = unified()
  .use(remarkGfm, {tablePipeAlign: false})
  .use(remarkStringify, {bullet: '-', fence: '`', fences: true, emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one'});

const text = (value: string): PhrasingContent => ({type: 'text', value});
const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});
const strong = (...children: PhrasingContent[]): PhrasingContent => ({type: 'strong', children});
const link = (url: string, ...children: PhrasingContent[]): PhrasingContent => ({type: 'link', url, children});
const paragraph = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children});
const anchorMark = (id: string) => text(` {#${id}}`);

const COMMENT_ONLY = /^\s*\/\*[\s\S]*\*\/\s*$/;
const HEADING_ID = /^\s*\/\*\s*#([a-z0-9][a-z0-9-]*)\s*\*\/\s*$/;
const EXCERPT_SUB_ANCHOR = /^(.+)-(?:L\d+|note-\d+)$/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

type Converted = RootContent[];

export class TwinRenderer {
  private readonly byFile = new Map<string, TwinDoc>();
  private readonly byPermalink = new Map<string, TwinDoc>();
  private readonly excerptIds: Set<string>;

  constructor(private readonly site: TwinSite) {
    for (const doc of site.docs) {
      this.byFile.set(doc.source, doc);
      this.byPermalink.set(doc.permalink.replace(/(.)\/$/, '$1'), doc);
    }
    this.excerptIds = new Set(Object.keys(site.excerpts.excerpts));
  }

  /** The complete `.md` file: YAML front matter, the title, the page. */
  render(doc: TwinDoc, mdx: string): string {
    const file = this.site.relativePath(doc.source);
    const tree = parser.parse(blankFrontMatter(mdx)) as Root;
    const page = new PageConverter(this, this.site, doc, file, blankFrontMatter(mdx));
    const body: Root = {type: 'root', children: page.convert(tree.children)};
    return `${this.frontMatter(doc)}\n# ${doc.title}\n\n${stringifier.stringify(body)}`;
  }

  frontMatter(doc: TwinDoc): string {
    const fields: Record<string, string> = {
      title: doc.title,
      description: doc.description,
      url: this.absoluteUrl(doc.permalink),
      markdown: this.absoluteUrl(markdownPath(doc.permalink)),
      locale: this.site.locale,
      cilium_version: CILIUM_VERSION,
      cilium_commit: CILIUM_COMMIT,
    };
    // JSON strings are valid YAML double-quoted scalars, so any title or description is safe.
    const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    return `---\n${lines.join('\n')}\n---\n`;
  }

  absoluteUrl(path: string): string {
    return `${this.site.url}${path}`;
  }

  /** `x-L12` and `x-note-2` name parts of excerpt `x`; the Markdown anchors only the excerpt. */
  anchor(fragment: string): string {
    const match = EXCERPT_SUB_ANCHOR.exec(fragment);
    return match && this.excerptIds.has(match[1]) ? match[1] : fragment;
  }

  /**
   * A link as the Markdown twin writes it: `cilium:` → pinned permalink; a guide page (by relative
   * file or by route) → its `.md` twin; an anchor → the twin's anchor; anything else unchanged.
   * Returns null when a relative file link names no page.
   */
  resolveLink(url: string, fromFile: string): string | null {
    if (url.startsWith(CILIUM_LINK_PREFIX)) {
      const {path, from, to} = parseLinkTarget(url.slice(CILIUM_LINK_PREFIX.length));
      return ciliumPermalink(path, from, to);
    }
    if (URL_SCHEME.test(url) || url.startsWith('//')) return url;
    const hashAt = url.indexOf('#');
    const path = hashAt === -1 ? url : url.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : `#${this.anchor(decodeURIComponent(url.slice(hashAt + 1)))}`;
    if (path === '') return fragment;
    let doc: TwinDoc | undefined;
    if (path.startsWith('/')) {
      const route = `${this.site.localeBaseUrl}${path.slice(1)}`.replace(/(.)\/$/, '$1');
      doc = this.byPermalink.get(route);
      if (!doc) return `${this.site.localeBaseUrl}${path.slice(1)}${fragment}`;
    } else {
      doc = this.byFile.get(resolve(dirname(fromFile), decodeURIComponent(path)));
      if (!doc) return null;
    }
    return `${markdownPath(doc.permalink)}${fragment}`;
  }
}

/** Converts one page's tree; knows the page, so errors name its file and line. */
class PageConverter {
  constructor(
    private readonly renderer: TwinRenderer,
    private readonly site: TwinSite,
    private readonly doc: TwinDoc,
    private readonly file: string,
    private readonly source: string,
  ) {}

  private fail(node: {position?: {start: {line: number}}}, message: string): never {
    throw new Error(`${this.file}:${node.position?.start.line ?? 0}: Markdown twin: ${message}`);
  }

  convert(nodes: RootContent[]): Converted {
    return nodes.flatMap((node) => this.convertNode(node));
  }

  private convertPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
    return this.convert(nodes) as PhrasingContent[];
  }

  private convertNode(node: RootContent): Converted {
    switch (node.type) {
      case 'mdxjsEsm':
        return [];
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (COMMENT_ONLY.test(node.value)) return [];
        return this.fail(node, `the expression {${node.value}} has no Markdown form; write it as text.`);
      case 'heading':
        return [this.heading(node)];
      case 'link':
        return [{...node, url: this.link(node.url, node), children: this.convertPhrasing(node.children)}];
      case 'definition':
        return [{...node, url: this.link(node.url, node)}];
      case 'containerDirective':
        return [this.admonition(node)];
      case 'leafDirective':
      case 'textDirective':
        return [this.directiveAsText(node)];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return this.component(node);
      default:
        if ('children' in node) {
          return [{...node, children: this.convert(node.children as RootContent[])} as RootContent];
        }
        return [node];
    }
  }

  private link(url: string, node: RootContent): string {
    try {
      const resolved = this.renderer.resolveLink(url, this.doc.source);
      if (resolved === null) this.fail(node, `the link "${url}" names no guide page.`);
      return resolved;
    } catch (error) {
      if ((error as Error).message.startsWith(this.file)) throw error;
      return this.fail(node, (error as Error).message);
    }
  }

  /** `## Title {/* #id *\/}` → `## Title {#id}`. */
  private heading(node: Heading): Heading {
    const children = [...node.children];
    const last = children[children.length - 1];
    let id: string | null = null;
    if (last?.type === 'mdxTextExpression') {
      id = HEADING_ID.exec(last.value)?.[1] ?? null;
      if (id) children.pop();
    }
    const converted = this.convertPhrasing(children);
    const tail = converted[converted.length - 1];
    if (tail?.type === 'text') tail.value = tail.value.replace(/\s+$/, '');
    return {...node, children: id ? [...converted, anchorMark(id)] : converted};
  }

  /** `:::note[Title]` → a blockquote led by the title in bold. */
  private admonition(node: ContainerDirective): Blockquote {
    const [first, ...rest] = node.children;
    const hasLabel = first?.type === 'paragraph' && (first.data as {directiveLabel?: boolean} | undefined)?.directiveLabel;
    const title = hasLabel
      ? this.convertPhrasing((first as Paragraph).children)
      : [text(this.site.translate(this.admonitionTitle(node.name)))];
    const body = this.convert(hasLabel ? rest : node.children) as BlockContent[];
    return {type: 'blockquote', children: [paragraph(strong(...title)), ...body]};
  }

  /** Docusaurus' own title for an admonition without one (its theme translates it). */
  private admonitionTitle(name: string) {
    return {id: ['theme', 'admonition', name].join('.'), message: name};
  }

  /** `a:b` in prose parses as a text directive; put back what the author wrote. */
  private directiveAsText(node: LeafDirective | TextDirective): RootContent {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return this.fail(node, `cannot restore ":${node.name}".`);
    const value = text(this.source.slice(start, end));
    return node.type === 'leafDirective' ? paragraph(value) : value;
  }

  private component(node: MdxJsxFlowElement | MdxJsxTextElement): Converted {
    const problems: string[] = [];
    const attrs = jsxAttributes(node as MdxJsxFlowElement, {where: `${this.file}:${node.position?.start.line ?? 0}`, problems});
    switch (node.name) {
      case 'Excerpt':
        return this.excerpt(node, attrs);
      case 'Diagram':
        return [{type: 'code', lang: 'mermaid', value: this.site.diagramSource(attrs.name ?? '')}];
      case 'Figure': {
        const src = this.site.figureSource(this.doc, attrs.alt ?? '');
        if (!src) return this.fail(node, `no <img> with the alt text of this <Figure> on the built page.`);
        return [paragraph({type: 'image', url: src, alt: attrs.alt})];
      }
      case 'kbd':
        return [code(toString(node))];
      case 'ProgramsTable':
        return this.programsTable();
      case 'TailCallsTable':
        return this.tailCallsTable();
      case 'MapsTable':
        return this.mapsTable();
      case 'CellTree':
        return this.cellTable();
      case 'SymbolsTable':
        return this.symbolsTable();
      case 'FactCount': {
        // The same number src/remark/fact-counts.ts writes into the HTML page.
        const of = attrs.of ?? '';
        if (!Object.hasOwn(FACT_COUNTS, of)) return this.fail(node, `<FactCount of="${of}"> names no count (known: ${Object.keys(FACT_COUNTS).join(', ')}).`);
        return [text(String(factCount(of as FactCountName, loadFacts())))];
      }
      case 'DriftTarget': {
        const {label, to} = this.site.reference.drift;
        return [link(ciliumTreeAt(to), text(`${label} (`), code(to.slice(0, 12)), text(')'))];
      }
      case 'DriftCommand':
        return [code(this.site.reference.drift.command)];
      case 'ExcerptDriftTable':
        return this.excerptDriftTable();
      case 'ReferenceDriftList':
        return this.referenceDriftList();
      default:
        return this.fail(node, `<${node.name}> has no Markdown form; add one in src/markdown/twin.ts.`);
    }
  }

  private excerpt(node: MdxJsxFlowElement | MdxJsxTextElement, attrs: Record<string, string>): Converted {
    const stored = this.site.excerpts.excerpts[attrs.id];
    if (!stored) return this.fail(node, `excerpt "${attrs.id}" is not in src/data/excerpts.json.`);
    const ranges = stored.ranges.map((r) => ({from: r.from, to: r.from + r.lines.length - 1, lines: r.lines}));
    const first = ranges[0].from;
    const last = ranges[ranges.length - 1].to;
    const shown = ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');
    const lang = languageOf(stored.path);

    const caption: PhrasingContent[] = [];
    if (attrs.title) caption.push(strong(text(attrs.title)), anchorMark(attrs.id), {type: 'break'});
    caption.push(
      code(`${stored.path}:${shown}`),
      text(` · Cilium v${CILIUM_VERSION} · `),
      link(ciliumPermalink(stored.path, first, last), text(this.site.translate({id: 'excerpt.permalink', message: 'View on GitHub'}))),
    );
    if (!attrs.title) caption.push(anchorMark(attrs.id));

    const out: Converted = [paragraph(...caption)];
    for (const range of ranges) {
      // With several ranges, each block says which lines it holds, so no block invents a gap marker.
      if (ranges.length > 1) {
        const label = this.site.translate({id: 'markdown.excerpt.range', message: 'Lines {from}–{to}:'}, {from: range.from, to: range.to});
        out.push(paragraph(link(ciliumPermalink(stored.path, range.from, range.to), text(label))));
      }
      out.push({type: 'code', lang, value: range.lines.join('\n')} satisfies Code);
    }

    const callouts = this.callouts(node).sort((a, b) => a.line - b.line);
    if (callouts.length) {
      const items: ListItem[] = callouts.map(({line, blocks}) => {
        const [lead, ...rest] = blocks;
        const marker = text(`L${line}: `);
        const head = lead?.type === 'paragraph' ? paragraph(marker, ...lead.children) : paragraph(marker);
        return {type: 'listItem', spread: false, children: [head, ...(lead?.type === 'paragraph' ? rest : blocks)] as BlockContent[]};
      });
      out.push({type: 'list', ordered: true, start: 1, spread: false, children: items} satisfies List);
    }
    return out;
  }

  /** The <Callout> notes of an excerpt, each as Markdown blocks. */
  private callouts(excerpt: MdxJsxFlowElement | MdxJsxTextElement): Array<{line: number; blocks: BlockContent[]}> {
    const found: Array<{line: number; blocks: BlockContent[]}> = [];
    const walk = (nodes: RootContent[]) => {
      for (const child of nodes) {
        if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'Callout') {
          const attrs = jsxAttributes(child as MdxJsxFlowElement);
          const content = this.convert(child.children as RootContent[]);
          // A one-line callout holds phrasing content; a multi-line one holds paragraphs.
          const blocks = child.type === 'mdxJsxTextElement' ? [paragraph(...(content as PhrasingContent[]))] : (content as BlockContent[]);
          found.push({line: Number(attrs.line), blocks});
        } else if ('children' in child) {
          walk(child.children as RootContent[]);
        }
      }
    };
    walk(excerpt.children as RootContent[]);
    return found;
  }

  // Reference tables: the same columns, labels and anchors as src/components/ReferenceTables.

  private table<Row>(caption: string, columns: Array<{label: string; cell: (row: Row) => PhrasingContent[]}>, rows: Row[]): Converted {
    const cell = (children: PhrasingContent[]): TableCell => ({type: 'tableCell', children});
    const table: Table = {
      type: 'table',
      align: columns.map(() => null),
      children: [
        {type: 'tableRow', children: columns.map((c) => cell([text(c.label)]))},
        ...rows.map((row) => ({type: 'tableRow' as const, children: columns.map((c) => cell(c.cell(row)))})),
      ],
    };
    return [paragraph(strong(text(caption))), table];
  }

  private translate(descriptor: {id: string; message: string}): string {
    return this.site.translate(descriptor);
  }

  /** The anchored name cell: `` `name` {#anchor} ``. */
  private named(name: string, row: Pick<Located, 'anchor'> & {drift?: 'removed'}): PhrasingContent[] {
    const out = [code(name), anchorMark(row.anchor)];
    if (row.drift === 'removed') {
      const label = this.site.reference.drift.label;
      out.push(text(` (${this.site.translate({id: 'reference.drift.removed', message: 'removed in {label}'}, {label})})`));
    }
    return out;
  }

  private definedAt(row: Located): PhrasingContent[] {
    const out = [link(row.permalink, code(`${row.file}:${row.line}`))];
    if (row.guide) {
      const target = this.renderer.resolveLink(row.guide, this.doc.source) ?? row.guide;
      out.push(text(' · '), link(target, text(this.translate({id: 'reference.explained', message: 'explained in the guide'}))));
    }
    return out;
  }

  private conditions(conditions: string[]): PhrasingContent[] {
    return conditions.length ? [code(conditions.join(' && '))] : [text(this.translate({id: 'reference.always', message: 'always'}))];
  }

  private programsTable(): Converted {
    return this.table(
      this.translate({id: 'reference.programs.caption', message: 'Entry programs of the datapath objects'}),
      [
        {label: this.translate({id: 'reference.col.name', message: 'Name'}), cell: (r) => this.named(r.name, r)},
        {label: this.translate({id: 'reference.col.section', message: 'ELF section'}), cell: (r) => [code(r.section)]},
        {label: this.translate({id: 'reference.col.object', message: 'Object'}), cell: (r) => [code(r.objectSource)]},
        {
          label: this.translate({id: 'reference.col.attach', message: 'Where the agent attaches it'}),
          cell: (r) =>
            r.attach.flatMap((a, i) => [
              ...(i > 0 ? [text('; ')] : []),
              code(a.hook),
              ...(a.detail ? [text(' '), code(a.detail)] : []),
              text(` — ${a.target} (`),
              link(a.permalink, code(a.via.function ?? a.via.file)),
              text(')'),
            ]),
        },
        {label: this.translate({id: 'reference.col.source', message: 'Defined at'}), cell: (r) => this.definedAt(r)},
      ],
      this.site.reference.programs,
    );
  }

  private tailCallsTable(): Converted {
    return this.table(
      this.translate({id: 'reference.tailcalls.caption', message: 'Tail calls, one row per object that compiles them'}),
      [
        {label: this.translate({id: 'reference.col.name', message: 'Name'}), cell: (r) => this.named(r.function, r)},
        {label: this.translate({id: 'reference.col.index', message: 'Slot'}), cell: (r) => [code(r.index), text(` = ${r.value}`)]},
        {label: this.translate({id: 'reference.col.object', message: 'Object'}), cell: (r) => [code(r.objectSource)]},
        {label: this.translate({id: 'reference.col.condition', message: 'Compiled when'}), cell: (r) => this.conditions(r.conditions)},
        {
          label: this.translate({id: 'reference.col.source', message: 'Defined at'}),
          cell: (r) => [...this.definedAt(r), ...(r.macro ? [text(' · '), code(r.macro)] : [])],
        },
      ],
      this.site.reference.tailCalls,
    );
  }

  private mapsTable(): Converted {
    const orDash = (value: string | null) => (value ? code(value) : text('—'));
    return this.table(
      this.translate({id: 'reference.maps.caption', message: 'Maps defined with __section_maps_btf'}),
      [
        {label: this.translate({id: 'reference.col.name', message: 'Name'}), cell: (r) => this.named(r.name, r)},
        {label: this.translate({id: 'reference.col.type', message: 'Type'}), cell: (r) => [orDash(r.type?.replace('BPF_MAP_TYPE_', '') ?? null)]},
        {label: this.translate({id: 'reference.col.keyvalue', message: 'Key → value'}), cell: (r) => [orDash(r.key), text(' → '), orDash(r.value)]},
        {label: this.translate({id: 'reference.col.max', message: 'Max entries'}), cell: (r) => [orDash(r.maxEntries)]},
        {label: this.translate({id: 'reference.col.pinning', message: 'Pinning'}), cell: (r) => [orDash(r.pinning)]},
        {label: this.translate({id: 'reference.col.condition', message: 'Compiled when'}), cell: (r) => this.conditions(r.conditions)},
        {label: this.translate({id: 'reference.col.go', message: 'Go package'}), cell: (r) => [r.go ? link(r.go.permalink, code(r.go.package)) : text('—')]},
        {label: this.translate({id: 'reference.col.source', message: 'Defined at'}), cell: (r) => this.definedAt(r)},
      ],
      this.site.reference.maps,
    );
  }

  /** Reference → Symbols: the same columns as src/components/SymbolsTable. */
  private symbolsTable(): Converted {
    const guideLink = (to: string, label: PhrasingContent) => link(this.renderer.resolveLink(to, this.doc.source) ?? to, label);
    const joined = <T>(items: T[], each: (item: T) => PhrasingContent[]): PhrasingContent[] =>
      items.length ? items.flatMap((item, i) => [...(i > 0 ? [text('; ')] : []), ...each(item)]) : [text('—')];
    return this.table(
      this.translate({id: 'symbols.caption', message: 'Symbols the excerpts link to, A–Z'}),
      [
        {label: this.translate({id: 'reference.col.name', message: 'Name'}), cell: (r) => [...this.named(r.name, r), ...(r.package ? [text(' '), code(r.package)] : [])]},
        {label: this.translate({id: 'symbols.col.kind', message: 'Kind'}), cell: (r) => [text(r.kinds.join(', '))]},
        {label: this.translate({id: 'symbols.col.lang', message: 'Language'}), cell: (r) => [text(r.lang === 'c' ? 'C' : 'Go')]},
        {
          label: this.translate({id: 'symbols.col.definitions', message: 'Definition'}),
          cell: (r) =>
            joined(r.defs, (d) => [
              d.receiver ? code(`(${d.receiver})`) : text(d.kindText),
              text(' '),
              link(d.permalink, code(`${d.path}:${d.line}`)),
              ...(d.via ? [text(' · '), code(`${d.via}(…)`)] : []),
              ...(d.condition ? [text(' · '), code(`#if ${d.condition}`)] : []),
            ]),
        },
        {label: this.translate({id: 'symbols.col.excerpts', message: 'Used in excerpts'}), cell: (r) => joined(r.excerpts, (e) => [guideLink(e.link, code(e.id))])},
        {label: this.translate({id: 'symbols.col.sections', message: 'Named in the guide'}), cell: (r) => joined(r.sections, (sec) => [guideLink(sec.link, text(sec.title))])},
      ],
      this.site.symbols.rows,
    );
  }

  // "Since v1.18.2": the same rows and words as src/components/DriftSummary.

  private driftStatusLabel(status: DriftStatus): string {
    const labels: Record<DriftStatus, {id: string; message: string}> = {
      unchanged: {id: 'drift.status.unchanged', message: 'Unchanged'},
      moved: {id: 'drift.status.moved', message: 'Moved'},
      changed: {id: 'drift.status.changed', message: 'Changed'},
      deleted: {id: 'drift.status.deleted', message: 'File removed'},
    };
    return this.translate(labels[status]);
  }

  private excerptDriftTable(): Converted {
    const {pages, label} = this.site.reference.drift;
    const pageLink = (route: string, fragment = '') => this.renderer.resolveLink(`${route}${fragment}`, this.doc.source) ?? route;
    type Row = {name: PhrasingContent[]; counts: Record<DriftStatus, number>; reread: PhrasingContent[]};
    const rows: Row[] = pages.map((page) => ({
      name: [link(pageLink(page.route), text(page.title))],
      counts: page.counts,
      reread: page.excerpts.length
        ? page.excerpts.flatMap((e, i) => [...(i > 0 ? [text(', ')] : []), link(pageLink(page.route, `#${e.id}`), code(e.id))])
        : [text('—')],
    }));
    const totals = Object.fromEntries(DRIFT_STATUSES.map((s) => [s, pages.reduce((n, p) => n + p.counts[s], 0)])) as Record<DriftStatus, number>;
    rows.push({name: [strong(text(this.translate({id: 'drift.total', message: 'All pages'})))], counts: totals, reread: [text('—')]});
    return this.table(
      this.site.translate({id: 'drift.excerpts.caption', message: 'Excerpts per guide page, compared with {label}'}, {label}),
      [
        {label: this.translate({id: 'drift.col.page', message: 'Page'}), cell: (r: Row) => r.name},
        ...DRIFT_STATUSES.map((s) => ({label: this.driftStatusLabel(s), cell: (r: Row) => [text(String(r.counts[s]))]})),
        {label: this.translate({id: 'drift.col.reread', message: 'To re-read'}), cell: (r: Row) => r.reread},
      ],
      rows,
    );
  }

  private referenceDriftList(): Converted {
    const names = {
      programs: {id: 'drift.table.programs', message: 'Entry programs'},
      tailCalls: {id: 'drift.table.tailCalls', message: 'Tail calls'},
      maps: {id: 'drift.table.maps', message: 'Maps'},
      cells: {id: 'drift.table.cells', message: 'Hive modules'},
    };
    const items: ListItem[] = REFERENCE_TABLES.map((table) => {
      const t = this.site.reference.drift.tables[table];
      const page = this.renderer.resolveLink(REFERENCE_TABLE_PAGE[table], this.doc.source) ?? REFERENCE_TABLE_PAGE[table];
      const out: PhrasingContent[] = [link(page, text(this.translate(names[table]))), text(': ')];
      if (t.status === 'failed') {
        const message = this.translate({id: 'drift.table.failed', message: 'not compared; the facts extractor could not read it at the newer commit ({error}).'});
        const [before, after = ''] = message.split('{error}');
        out.push(text(before), code(t.error.split('\n')[0]), text(after));
      } else {
        out.push(text(this.site.translate({id: 'drift.table.counts', message: '{present} still there, {removed} removed, {added} added.'}, {present: t.present, removed: t.removed.length, added: t.added.length})));
        const listed = (labelId: string, message: string, parts: PhrasingContent[][]) => {
          if (!parts.length) return;
          out.push(text(` ${this.translate({id: labelId, message})} `));
          parts.forEach((part, i) => out.push(...(i > 0 ? [text(', ')] : []), ...part));
          out.push(text('.'));
        };
        listed('drift.table.removed', 'Removed:', t.removed.map((r) => [link(`${page}#${r.anchor}`, code(r.name))]));
        listed('drift.table.added', 'Added:', t.added.map((r) => [link(r.permalink, code(r.name))]));
      }
      return {type: 'listItem', spread: false, children: [paragraph(...out)]};
    });
    return [{type: 'list', ordered: false, spread: false, children: items} satisfies List];
  }

  /** The module tree as a table in tree order; the full id (`agent.infra.pprof`) carries the nesting. */
  private cellTable(): Converted {
    const rows: Array<{fullId: string; row: ModuleRow}> = [];
    const walk = (row: ModuleRow, parent: string) => {
      const fullId = parent ? `${parent}.${row.id}` : row.id;
      rows.push({fullId, row});
      row.children.forEach((child) => walk(child, fullId));
    };
    walk(this.site.reference.cells.root, '');
    return this.table(
      this.translate({id: 'celltree.label', message: 'Hive modules of cilium-agent'}),
      [
        {label: this.translate({id: 'markdown.celltree.module', message: 'Module'}), cell: ({fullId, row}) => this.named(fullId, row)},
        {label: this.translate({id: 'markdown.celltree.description', message: 'Description'}), cell: ({row}) => [text(row.description)]},
        {
          label: this.translate({id: 'markdown.celltree.cells', message: 'Cells inside'}),
          cell: ({row}) => {
            const counts = Object.entries(row.counts).map(([kind, n]) => `${kind} ×${n}`);
            return counts.length ? [code(counts.join(', '))] : [text('—')];
          },
        },
        {label: this.translate({id: 'reference.col.source', message: 'Defined at'}), cell: ({row}) => this.definedAt(row)},
      ],
      rows,
    );
  }
}

