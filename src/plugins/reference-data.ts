/**
 * Shapes the generated facts (src/data/facts/*.json) into the rows the Reference pages show: a
 * stable anchor per item, its GitHub permalink, and a link to the guide's excerpt that explains it.
 * Pages import the result from `@generated/reference-data/default/reference.json`.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {type ExcerptData, loadExcerptData} from '../lib/excerpt-data';
import type {BpfMap, CellModule, Program, TailCall} from '../lib/facts';
import {GuideIndex} from '../lib/guide-index';
import {CILIUM_COMMIT, ciliumPermalink} from '../lib/cilium';
import {loadSymbolData} from '../lib/symbols';

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
    attach: Array<Program['attach'][number] & {permalink: string}>;
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
  /** How many rows Reference → Symbols lists. */
  symbols: number;
}

const readFacts = <T>(siteDir: string, name: string): T => {
  const data = JSON.parse(readFileSync(join(siteDir, 'src/data/facts', name), 'utf8')) as T & {commit: string};
  if (data.commit !== CILIUM_COMMIT) {
    throw new Error(`src/data/facts/${name} is for Cilium ${data.commit}, src/lib/cilium.ts pins ${CILIUM_COMMIT}; run npm run facts:extract.`);
  }
  return data;
};

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

export function buildReferenceData(siteDir: string, excerpts: ExcerptData = loadExcerptData()): ReferenceData {
  const guide = new GuideIndex(excerpts, siteDir);
  const locate = (anchor: string, file: string, line: number): Located => ({
    anchor,
    file,
    line,
    permalink: ciliumPermalink(file, line),
    guide: guide.link(file, line),
  });

  const programAnchor = anchorMaker();
  const programs = readFacts<{programs: Program[]}>(siteDir, 'programs.json')
    .programs.filter((p) => p.kind !== 'tail-call')
    .map((p) => ({
      ...locate(programAnchor(`prog-${p.name}`), p.file, p.line),
      name: p.name,
      kind: p.kind,
      section: p.section,
      objectSource: p.objectSource,
      conditions: p.conditions,
      attach: p.attach.map((a) => ({...a, permalink: ciliumPermalink(a.via.file, a.via.line)})),
    }));

  const tailAnchor = anchorMaker();
  const tailCalls = readFacts<{tailCalls: TailCall[]}>(siteDir, 'tailcalls.json').tailCalls.map((t) => ({
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
  const maps = readFacts<{maps: BpfMap[]}>(siteDir, 'maps.json').maps.map((m) => ({
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
  const cellsFacts = readFacts<{tree: CellModule; totals: Record<string, number>}>(siteDir, 'cells.json');
  const toRow = (m: CellModule): ModuleRow => ({
    ...locate(moduleAnchor(`module-${m.id}`), m.file, m.line),
    id: m.id,
    description: m.description,
    counts: m.counts as Record<string, number>,
    children: m.children.map(toRow),
  });

  const symbols = Object.keys(loadSymbolData().symbols).length;
  return {commit: CILIUM_COMMIT, programs, tailCalls, maps, cells: {root: toRow(cellsFacts.tree), totals: cellsFacts.totals}, symbols};
}

export default function referenceData(context: LoadContext): Plugin<ReferenceData> {
  return {
    name: 'reference-data',
    async loadContent() {
      return buildReferenceData(context.siteDir);
    },
    async contentLoaded({content, actions}) {
      await actions.createData('reference.json', JSON.stringify(content));
    },
  };
}
