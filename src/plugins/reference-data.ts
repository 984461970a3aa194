/**
 * Shapes the generated facts (src/data/facts/*.json) into the rows the Reference pages show: a
 * stable anchor per item, its GitHub permalink, and a link to the guide's excerpt that explains it.
 * Pages import the result from `@generated/reference-data/default/reference.json`.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {type ExcerptData, loadExcerptData} from '../lib/excerpt-data';
import {type BpfMap, type CellModule, type Program, type TailCall, readFactFile} from '../lib/facts';
import {attachTargetText} from '../lib/generated-text';
import type {Locale} from '../lib/mdx-scan';
import {scanSite} from '../lib/mdx-scan';
import {CILIUM_COMMIT, ciliumPermalink} from '../lib/cilium';

export interface Located {
  anchor: string;
  file: string;
  line: number;
  permalink: string;
  /** `/docs/...#<excerpt>-L<line>` when a guide excerpt shows this line. */
  guide: string | null;
}
export type ProgramRow = Located &
  Pick<Program, 'name' | 'kind' | 'section' | 'objectSource' | 'conditions'> & {
    /** `target` as the page's locale says it; `identifiers` in backticks (src/lib/generated-text.ts). */
    attach: Array<Program['attach'][number] & {permalink: string; targetText: string}>;
  };
export type TailCallRow = Located & Pick<TailCall, 'function' | 'index' | 'value' | 'array' | 'objectSource' | 'conditions'> & {macro: string | null};
export type MapRow = Located &
  Pick<BpfMap, 'name' | 'type' | 'key' | 'value' | 'pinning' | 'conditions' | 'objects'> & {
    maxEntries: string | null;
    go: {package: string; permalink: string} | null;
  };
export interface ModuleRow extends Located {
  id: string;
  description: string;
  counts: Record<string, number>;
  children: ModuleRow[];
}
export interface ReferenceData {
  commit: string;
  programs: ProgramRow[];
  tailCalls: TailCallRow[];
  maps: MapRow[];
  cells: {root: ModuleRow; totals: Record<string, number>};
}

/** path → excerpts that show lines of it, with the doc page that holds each excerpt. */
function guideIndex(siteDir: string, excerpts: ExcerptData) {
  const pageOf = new Map<string, string>();
  for (const [key, page] of scanSite(siteDir).en) {
    if (!key.startsWith('docs/') || key.startsWith('docs/reference/')) continue;
    const route = `/${key.replace(/\.mdx?$/, '').replace(/\/index$/, '')}`;
    for (const ref of page.excerpts) pageOf.set(ref.attrs.id, route);
  }
  return (file: string, line: number): string | null => {
    for (const [id, excerpt] of Object.entries(excerpts.excerpts)) {
      if (excerpt.path !== file || !pageOf.has(id)) continue;
      const shown = excerpt.ranges.some((r) => line >= r.from && line < r.from + r.lines.length);
      if (shown) return `${pageOf.get(id)}#${id}-L${line}`;
    }
    return null;
  };
}

/** Anchors are stable and unique: a repeated base gets -2, -3… in source order. */
function anchorMaker() {
  const used = new Map<string, number>();
  return (base: string) => {
    const slug = base.replace(/[^A-Za-z0-9_-]+/g, '-');
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    return n === 1 ? slug : `${slug}-${n}`;
  };
}

export function buildReferenceData(siteDir: string, locale: Locale = 'en', excerpts: ExcerptData = loadExcerptData()): ReferenceData {
  const guide = guideIndex(siteDir, excerpts);
  const locate = (anchor: string, file: string, line: number): Located => ({
    anchor,
    file,
    line,
    permalink: ciliumPermalink(file, line),
    guide: guide(file, line),
  });

  const programAnchor = anchorMaker();
  const programs = readFactFile<{programs: Program[]}>('programs.json', siteDir)
    .programs.filter((p) => p.kind !== 'tail-call')
    .map((p) => ({
      ...locate(programAnchor(`prog-${p.name}`), p.file, p.line),
      name: p.name,
      kind: p.kind,
      section: p.section,
      objectSource: p.objectSource,
      conditions: p.conditions,
      attach: p.attach.map((a) => ({...a, permalink: ciliumPermalink(a.via.file, a.via.line), targetText: attachTargetText(a.target, locale)})),
    }));

  const tailAnchor = anchorMaker();
  const tailCalls = readFactFile<{tailCalls: TailCall[]}>('tailcalls.json', siteDir).tailCalls.map((t) => ({
    ...locate(tailAnchor(`tail-${t.objectSource.replace(/^bpf\/|\.c$/g, '')}-${t.function}`), t.file, t.line),
    function: t.function,
    index: t.index,
    value: t.value,
    array: t.array,
    objectSource: t.objectSource,
    conditions: t.conditions,
    macro: t.viaMacro?.name ?? null,
  }));

  const mapAnchor = anchorMaker();
  const maps = readFactFile<{maps: BpfMap[]}>('maps.json', siteDir).maps.map((m) => ({
    ...locate(mapAnchor(`map-${m.name}`), m.file, m.line),
    name: m.name,
    type: m.type,
    key: m.key,
    value: m.value,
    pinning: m.pinning,
    conditions: m.conditions,
    objects: m.objects,
    maxEntries: m.maxEntries ? String(m.maxEntries.value ?? m.maxEntries.expression) : null,
    go: m.goRefs[0] ? {package: m.goRefs[0].package, permalink: ciliumPermalink(m.goRefs[0].file, m.goRefs[0].line)} : null,
  }));

  const moduleAnchor = anchorMaker();
  const cellsFacts = readFactFile<{tree: CellModule; totals: Record<string, number>}>('cells.json', siteDir);
  const toRow = (m: CellModule): ModuleRow => ({
    ...locate(moduleAnchor(`module-${m.id}`), m.file, m.line),
    id: m.id,
    description: m.description,
    counts: m.counts as Record<string, number>,
    children: m.children.map(toRow),
  });

  return {commit: CILIUM_COMMIT, programs, tailCalls, maps, cells: {root: toRow(cellsFacts.tree), totals: cellsFacts.totals}};
}

export default function referenceData(context: LoadContext): Plugin<ReferenceData> {
  return {
    name: 'reference-data',
    async loadContent() {
      return buildReferenceData(context.siteDir, context.i18n.currentLocale as Locale);
    },
    async contentLoaded({content, actions}) {
      await actions.createData('reference.json', JSON.stringify(content));
    },
  };
}
