/**
 * What became of the guide's excerpts and reference rows in a newer Cilium (src/data/drift.json):
 * the data's shape, the keys that identify a reference row across commits, the integrity rules the
 * build enforces without a Cilium checkout, and the line diff the excerpt panels show.
 */
import {join} from 'node:path';
import {readPinnedData} from './pinned-data';
import {type ExcerptData, type LineRange, MAX_EXCERPT_LINES, type StoredRange} from './excerpt-data';
import type {BpfMap, CellModule, FactFile, Program, TailCall} from './facts';
import {SITE_ROOT} from './mdx-scan';

export const DRIFT_DATA_PATH = join(SITE_ROOT, 'src/data/drift.json');
export const DRIFT_COMMAND = 'npm run drift -- --cilium <git-dir> --to <commit> [--label <name>]';

export const DRIFT_STATUSES = ['unchanged', 'moved', 'changed', 'deleted'] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export interface ExcerptDrift {
  /** sha256 of the quoted lines at the pinned commit (as in excerpts.json), so a re-synced excerpt is noticed. */
  sha256: string;
  status: DriftStatus;
  /** The file at the target: the quoted path, or the path git's rename detection says it became. */
  path: string;
  /** moved and changed: the region at the target of each quoted range, in the same order. */
  ranges?: LineRange[];
  /** changed: the target's lines of each region, exact, for the diff panel (at most 40 in all). */
  target?: StoredRange[];
}

export const REFERENCE_TABLES = ['programs', 'tailCalls', 'maps', 'cells'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];
export const TABLE_FACT_FILE: Record<ReferenceTable, FactFile> = {
  programs: 'programs.json',
  tailCalls: 'tailcalls.json',
  maps: 'maps.json',
  cells: 'cells.json',
};

/** One reference row, by the key that identifies it across commits, and where it is. */
export interface RowRef {
  key: string;
  /** What the row is called in its table (program, function, map or module id). */
  name: string;
  file: string;
  line: number;
}

export type TableDrift =
  | {status: 'compared'; present: number; removed: RowRef[]; added: RowRef[]}
  /** The facts extractor could not read this table at the target; nothing is claimed about its rows. */
  | {status: 'failed'; error: string};

export interface DriftData {
  $comment: string;
  /** The command that wrote the file, with the git dir left as a placeholder. */
  command: string;
  from: string;
  to: string;
  /** The target's name for readers, e.g. a release tag. */
  label: string;
  excerpts: Record<string, ExcerptDrift>;
  reference: Record<ReferenceTable, TableDrift>;
}

/** The items each reference table shows, with their key; a repeated key gets ` #2`, ` #3`… in order. */
export function referenceRows(table: ReferenceTable, facts: unknown): RowRef[] {
  const f = facts as {programs: Program[]; tailCalls: TailCall[]; maps: BpfMap[]; tree: CellModule};
  let rows: RowRef[];
  if (table === 'programs') {
    rows = f.programs.filter((p) => p.kind !== 'tail-call').map((p) => ({key: `${p.objectSource} ${p.name}`, name: p.name, file: p.file, line: p.line}));
  } else if (table === 'tailCalls') {
    rows = f.tailCalls.map((t) => ({key: `${t.objectSource} ${t.function}`, name: t.function, file: t.file, line: t.line}));
  } else if (table === 'maps') {
    // A map is pinned by its name, so one whose definition moved to another header is still there.
    rows = f.maps.map((m) => ({key: m.name, name: m.name, file: m.file, line: m.line}));
  } else {
    const flat = (m: CellModule, prefix: string): RowRef[] => {
      const key = prefix ? `${prefix}/${m.id}` : m.id;
      return [{key, name: m.id, file: m.file, line: m.line}, ...m.children.flatMap((c) => flat(c, key))];
    };
    rows = flat(f.tree, '');
  }
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const n = (seen.get(row.key) ?? 0) + 1;
    seen.set(row.key, n);
    return n === 1 ? row : {...row, key: `${row.key} #${n}`};
  });
}

/** Rows of `before` missing from `after` (removed) and rows of `after` new there (added). */
export function compareRows(before: RowRef[], after: RowRef[]): Extract<TableDrift, {status: 'compared'}> {
  const afterKeys = new Set(after.map((r) => r.key));
  const beforeKeys = new Set(before.map((r) => r.key));
  const removed = before.filter((r) => !afterKeys.has(r.key));
  return {status: 'compared', present: before.length - removed.length, removed, added: after.filter((r) => !beforeKeys.has(r.key))};
}

export function loadDriftData(path = DRIFT_DATA_PATH): DriftData {
  return readPinnedData<DriftData>(path, DRIFT_COMMAND, (data) => data.from);
}

/** Every excerpt has exactly one drift entry made from its current text, and quoted target text stays short. */
export function checkDriftData(drift: DriftData, excerpts: ExcerptData, where = 'src/data/drift.json'): string[] {
  const problems: string[] = [];
  const rerun = `run ${DRIFT_COMMAND}`;
  for (const [id, excerpt] of Object.entries(excerpts.excerpts)) {
    const entry = drift.excerpts[id];
    if (!entry) problems.push(`${where}: no entry for excerpt "${id}" (${excerpt.path}); ${rerun}.`);
    else if (entry.sha256 !== excerpt.sha256) problems.push(`${where}: excerpt "${id}" changed since its drift was computed; ${rerun}.`);
  }
  for (const [id, entry] of Object.entries(drift.excerpts)) {
    if (!excerpts.excerpts[id]) problems.push(`${where}: entry "${id}" names no excerpt of the guide; ${rerun}.`);
    const quoted = (entry.target ?? []).reduce((n, r) => n + r.lines.length, 0);
    if (quoted > MAX_EXCERPT_LINES) problems.push(`${where}: entry "${id}" quotes ${quoted} target lines, more than ${MAX_EXCERPT_LINES}.`);
    const needsRanges = entry.status === 'moved' || entry.status === 'changed';
    if (needsRanges !== Boolean(entry.ranges)) problems.push(`${where}: entry "${id}" (${entry.status}) ${needsRanges ? 'lacks' : 'must not have'} ranges.`);
    if ((entry.status === 'changed') !== Boolean(entry.target)) problems.push(`${where}: entry "${id}" (${entry.status}) target text is ${entry.target ? 'unexpected' : 'missing'}.`);
  }
  return problems;
}

/** `10-20,31-40`, the form of data-drift-lines. */
export function rangesSpec(ranges: LineRange[]): string {
  return ranges.map((r) => `${r.from}-${r.to}`).join(',');
}

export type DiffOp = {op: 'same'; a: number; b: number} | {op: 'del'; a: number} | {op: 'add'; b: number};

/** A line diff (longest common subsequence) of two short line lists; indexes are 0-based. */
export function lineDiff(a: string[], b: string[]): DiffOp[] {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: DiffOp[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({op: 'same', a: i++, b: j++});
    // Removed lines before added ones, as diffs are read.
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({op: 'del', a: i++});
    else ops.push({op: 'add', b: j++});
  }
  return ops;
}
