/**
 * Shapes the generated facts (src/data/facts/*.json) into the rows the Reference pages show: a
 * stable anchor per item, its GitHub permalink, and a link to the guide's excerpt that explains it.
 * Pages import the result from `@generated/reference-data/default/reference.json`.
 */
import {join} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {type ExcerptData, loadExcerptData} from '../lib/excerpt-data';
import {type BpfMap, type CellModule, type Program, type TailCall, readFactFile} from '../lib/facts';
import {attachTargetText} from '../lib/generated-text';
import type {Locale} from '../lib/mdx-scan';
import {CILIUM_COMMIT, ciliumPermalink} from '../lib/cilium';
import {GuideIndex} from '../lib/guide-index';
import {type ReferenceTable, type TableDrift, loadDriftData, referenceRows} from '../lib/drift';
import {type DriftView, buildDriftView} from './drift-view';

export interface Located {
  anchor: string;
  file: string;
  line: number;
  permalink: string;
  /** `/docs/...#<excerpt>-L<line>` when a guide excerpt shows this line. */
  guide: string | null;
  /** Set when the row is gone at the drift target (src/data/drift.json). */
  drift?: 'removed';
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
  drift: DriftView;
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

/** Marks the rows of one table that are removed at the drift target, and remembers each key's anchor. */
function driftMarker(table: ReferenceTable, facts: unknown, drift: TableDrift, anchors: Map<string, string>) {
  const keys = referenceRows(table, facts).map((r) => r.key);
  const removed = new Set(drift.status === 'compared' ? drift.removed.map((r) => r.key) : []);
  let i = 0;
  return <Row extends Located>(row: Row): Row => {
    const key = keys[i++];
    anchors.set(`${table} ${key}`, row.anchor);
    return removed.has(key) ? {...row, drift: 'removed'} : row;
  };
}

export function buildReferenceData(siteDir: string, locale: Locale = 'en', excerpts: ExcerptData = loadExcerptData()): ReferenceData {
  const guide = new GuideIndex(excerpts, siteDir);
  const drift = loadDriftData(join(siteDir, 'src/data/drift.json'));
  const anchors = new Map<string, string>();
  const locate = (anchor: string, file: string, line: number): Located => ({
    anchor,
    file,
    line,
    permalink: ciliumPermalink(file, line),
    guide: guide.link(file, line),
  });

  const programAnchor = anchorMaker();
  const programFacts = readFactFile<{programs: Program[]}>('programs.json', siteDir);
  const programs = programFacts.programs
    .filter((p) => p.kind !== 'tail-call')
    .map((p) => ({
      ...locate(programAnchor(`prog-${p.name}`), p.file, p.line),
      name: p.name,
      kind: p.kind,
      section: p.section,
      objectSource: p.objectSource,
      conditions: p.conditions,
      attach: p.attach.map((a) => ({...a, permalink: ciliumPermalink(a.via.file, a.via.line), targetText: attachTargetText(a.target, locale)})),
    }))
    .map(driftMarker('programs', programFacts, drift.reference.programs, anchors));

  const tailAnchor = anchorMaker();
  const tailFacts = readFactFile<{tailCalls: TailCall[]}>('tailcalls.json', siteDir);
  const tailCalls = tailFacts.tailCalls.map((t) => ({
    ...locate(tailAnchor(`tail-${t.objectSource.replace(/^bpf\/|\.c$/g, '')}-${t.function}`), t.file, t.line),
    function: t.function,
    index: t.index,
    value: t.value,
    array: t.array,
    objectSource: t.objectSource,
    conditions: t.conditions,
    macro: t.viaMacro?.name ?? null,
  })).map(driftMarker('tailCalls', tailFacts, drift.reference.tailCalls, anchors));

  const mapAnchor = anchorMaker();
  const mapFacts = readFactFile<{maps: BpfMap[]}>('maps.json', siteDir);
  const maps = mapFacts.maps.map((m) => ({
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
  })).map(driftMarker('maps', mapFacts, drift.reference.maps, anchors));

  const moduleAnchor = anchorMaker();
  const cellsFacts = readFactFile<{tree: CellModule; totals: Record<string, number>}>('cells.json', siteDir);
  const markModule = driftMarker('cells', cellsFacts, drift.reference.cells, anchors);
  // Pre-order, as referenceRows lists modules: the module is marked before its children.
  const toRow = (m: CellModule): ModuleRow => {
    const row = markModule({
      ...locate(moduleAnchor(`module-${m.id}`), m.file, m.line),
      id: m.id,
      description: m.description,
      counts: m.counts as Record<string, number>,
      children: [] as ModuleRow[],
    });
    row.children = m.children.map(toRow);
    return row;
  };
  const root = toRow(cellsFacts.tree);

  const driftView = buildDriftView(siteDir, locale, drift, (table, key) => anchors.get(`${table} ${key}`));
  return {commit: CILIUM_COMMIT, programs, tailCalls, maps, cells: {root, totals: cellsFacts.totals}, drift: driftView};
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
