/**
 * Builds the four fact files (programs, tail calls, maps, hive cells) from a source tree.
 * Both extract.ts (writes them) and check.ts (compares them) call `generateFacts`.
 */
import type {AttachPoint, BpfMap, CellModule, FactFile, Program, TailCall} from '../../src/lib/facts';
import {deriveAttachments} from './attach';
import {ATTACH_TABLE, type AttachMeaning} from './attach-table';
import {CELLS_ALLOWLIST} from './cells-allowlist';
import {objectName} from './c-tree';
import type {MacroLookup} from './c-items';
import {cellTotals, extractCellTree} from './cells';
import {parseCInteger} from './cpp';
import {scanDatapath, type CompiledFunction, type DatapathScan} from './datapath';
import {GoIndex} from './go-index';
import {goMapReferences} from './go-maps';
import {loadParsers, type Node, type Parsers, type Tok} from './parsers';
import type {FileReader} from './source';

export const GENERATED_BY = {
  command: 'npm run facts:extract -- --cilium <git-dir>',
  script: 'scripts/facts/extract.ts',
};

/** Where the hive tree starts. */
const AGENT_ROOT = {dir: 'daemon/cmd', variable: 'Agent'};

/** The hand-written tables, replaceable so tests can run on a fixture tree. */
export interface FactTables {
  /** null: list the programs without their attach points (see ROW_PRESENCE_TABLES). */
  attachTable: AttachMeaning[] | null;
  cellsAllowlist: Record<string, string>;
}

const CILIUM_TABLES: FactTables = {attachTable: ATTACH_TABLE, cellsAllowlist: CELLS_ALLOWLIST};

/**
 * For asking which rows exist at another commit (npm run drift): the attach table describes the
 * pinned commit's loader functions, so elsewhere programs are listed by object and name only.
 */
export const ROW_PRESENCE_TABLES: FactTables = {attachTable: null, cellsAllowlist: CELLS_ALLOWLIST};

/** Every fact file's content for the tree `reader` serves, at `commit`; throws on the first failure. */
export async function generateFacts(reader: FileReader, commit: string, tables: FactTables = CILIUM_TABLES): Promise<Record<FactFile, unknown>> {
  const outcomes = await generateEachFact(reader, commit, tables);
  const out = {} as Record<FactFile, unknown>;
  for (const [name, outcome] of Object.entries(outcomes) as Array<[FactFile, FactOutcome]>) {
    if (!outcome.ok) throw new Error(outcome.error);
    out[name] = outcome.facts;
  }
  return out;
}

export type FactOutcome = {ok: true; facts: unknown} | {ok: false; error: string};

/**
 * Each fact file on its own: when one part of the tree defeats the extractor (say the datapath C
 * at a newer commit), the files that do not depend on it are still produced and the others carry
 * the error. The datapath scan feeds programs, tail calls and maps; the Go index feeds programs,
 * maps and cells.
 */
export async function generateEachFact(reader: FileReader, commit: string, tables: FactTables = CILIUM_TABLES): Promise<Record<FactFile, FactOutcome>> {
  const parsers = await loadParsers();
  const files = reader.listFiles();
  const scan = attempt(() => scanDatapath(reader, parsers, files));
  const go = attempt(() => new GoIndex(reader, parsers, files));
  const header = {commit, generatedBy: GENERATED_BY};
  const programs = both(scan, go, (s, g) => buildPrograms(s, g, tables.attachTable));
  return {
    'programs.json': then(programs, (p) => ({...header, counts: countBy(p, (x) => x.kind), programs: p})),
    'tailcalls.json': then(scan, (s) => ({...header, count: s.functions.filter((f) => f.tail).length, tailCalls: buildTailCalls(s)})),
    'maps.json': both(scan, go, (s, g) => ({...header, count: s.maps.length, maps: buildMaps(s, g, parsers)})),
    'cells.json': then(go, (g) => {
      const root = extractCellTree(g, AGENT_ROOT.dir, AGENT_ROOT.variable, tables.cellsAllowlist);
      return {...header, root: AGENT_ROOT, totals: cellTotals(root), tree: root satisfies CellModule};
    }),
  };
}

type Outcome<T> = {ok: true; facts: T} | {ok: false; error: string};

function attempt<T>(make: () => T): Outcome<T> {
  try {
    return {ok: true, facts: make()};
  } catch (error) {
    return {ok: false, error: error instanceof Error ? error.message : String(error)};
  }
}

function then<T, U>(input: Outcome<T>, make: (value: T) => U): Outcome<U> {
  return input.ok ? attempt(() => make(input.facts)) : input;
}

function both<A, B, U>(a: Outcome<A>, b: Outcome<B>, make: (a: A, b: B) => U): Outcome<U> {
  if (!a.ok) return a;
  return then(b, (bv) => make(a.facts, bv));
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {total: items.length};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function buildPrograms(scan: DatapathScan, go: GoIndex, table: AttachMeaning[] | null): Program[] {
  const namesIn = (object: string): Set<string> => new Set(scan.functions.filter((f) => f.object === object && !f.tail).map((f) => f.item.name));
  const attachments = table ? deriveAttachments(go, namesIn, table) : [];
  const programs = scan.functions.map((f): Program => {
    const attach = f.tail ? [tailAttach(f)] : attachments.filter((a) => a.object === f.object && a.program === f.item.name).map((a) => a.attach);
    return {
      name: f.item.name,
      kind: f.tail ? 'tail-call' : f.item.annotation.macro === '__section' ? 'section' : 'entry',
      section: f.section,
      object: objectName(f.object),
      objectSource: f.object,
      file: f.item.file,
      line: f.item.line,
      annotation: f.item.annotation.macro,
      compiled: f.always ? 'always' : 'conditional',
      conditions: f.conditions,
      viaMacro: f.item.viaMacro,
      attach,
    };
  });
  const unattached = programs.filter((p) => p.attach.length === 0);
  if (table && unattached.length > 0) {
    throw new Error(`programs with no attach information (add their Go loader function to scripts/facts/attach-table.ts): ${unattached.map((p) => `${p.name} (${p.objectSource})`).join(', ')}`);
  }
  return programs.sort((a, b) => a.object.localeCompare(b.object) || a.line - b.line || a.name.localeCompare(b.name));
}

function tailAttach(f: CompiledFunction): AttachPoint {
  const tail = f.tail!;
  return {
    hook: 'tail-call',
    detail: `${tail.index} = ${tail.value}`,
    target: tail.array,
    via: {file: f.item.file, line: f.item.line, function: null},
  };
}

function buildTailCalls(scan: DatapathScan): TailCall[] {
  return scan.functions
    .filter((f) => f.tail)
    .map((f) => ({
      function: f.item.name,
      index: f.tail!.index,
      value: f.tail!.value,
      array: f.tail!.array,
      indexDefinedAt: f.tail!.definedAt,
      object: objectName(f.object),
      objectSource: f.object,
      file: f.item.file,
      line: f.item.line,
      section: f.section,
      compiled: f.always ? ('always' as const) : ('conditional' as const),
      conditions: f.conditions,
      viaMacro: f.item.viaMacro,
    }))
    .sort((a, b) => a.object.localeCompare(b.object) || a.value - b.value || a.function.localeCompare(b.function));
}

function buildMaps(scan: DatapathScan, go: GoIndex, parsers: Parsers): BpfMap[] {
  const pinned = (name: string): string => pinnedName(name, scan.lookup) ?? name;
  const refs = goMapReferences(go, scan.maps.map((m) => pinned(m.item.name)));
  return scan.maps
    .map(({item, conditions, objects}): BpfMap => {
      const attr = (key: string): string | null => item.attrs.find((a) => a.key === key)?.valueText ?? null;
      const maxEntries = item.attrs.find((a) => a.key === 'max_entries');
      const goRefs = refs.get(pinned(item.name)) ?? [];
      return {
        name: item.name,
        pinnedName: pinnedName(item.name, scan.lookup),
        type: attr('type'),
        key: attr('key'),
        value: attr('value'),
        keySize: attr('key_size'),
        valueSize: attr('value_size'),
        maxEntries: maxEntries ? resolveMaxEntries(maxEntries.value, maxEntries.valueText, scan, parsers) : null,
        flags: attr('map_flags'),
        pinning: attr('pinning'),
        innerValues: attr('values'),
        attributes: item.attrs.map((a) => ({macro: a.macro, key: a.key, value: a.valueText})),
        conditions,
        file: item.file,
        line: item.line,
        endLine: item.endLine,
        objects: objects.map(objectName),
        goPackage: goRefs[0]?.package ?? null,
        goRefs,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** A map variable written as a macro (`#define FOO_MAP cilium_foo`) is pinned under the macro's expansion. */
function pinnedName(name: string, lookup: MacroLookup): string | null {
  const def = lookup(name);
  return def && def.params === null && def.body.length === 1 ? def.body[0].text : null;
}

function resolveMaxEntries(value: Tok[], expression: string, scan: DatapathScan, parsers: Parsers): NonNullable<BpfMap['maxEntries']> {
  const single = value.length === 1 && /^[A-Za-z_]\w*$/.test(value[0].text) ? value[0].text : null;
  const def = single ? scan.lookup(single) : null;
  return {
    expression,
    value: integerOf(expression, scan.lookup, parsers, 0),
    macro: def ? {name: def.name, file: def.file, line: def.line} : null,
    runtimeHeader: single && !def ? (scan.runtimeMacros.get(single) ?? null) : null,
  };
}

/** Integer value of a constant C expression whose macros are defined the same everywhere, or null. */
function integerOf(text: string, lookup: MacroLookup, parsers: Parsers, depth: number): number | null {
  if (depth > 8) return null;
  const literal = parseCInteger(text);
  if (literal !== null) return literal;
  const expr = parsers.c(`#if ${text}\n#endif\n`).namedChildren[0]?.childForFieldName('condition');
  return expr ? evalNode(expr, lookup, parsers, depth) : null;
}

function evalNode(n: Node, lookup: MacroLookup, parsers: Parsers, depth: number): number | null {
  if (n.type === 'number_literal') return parseCInteger(n.text);
  if (n.type === 'parenthesized_expression') return n.namedChildren[0] ? evalNode(n.namedChildren[0], lookup, parsers, depth) : null;
  if (n.type === 'identifier') {
    const def = lookup(n.text);
    return def && def.params === null ? integerOf(def.body.map((t) => t.text).join(' '), lookup, parsers, depth + 1) : null;
  }
  if (n.type !== 'binary_expression') return null;
  const l = evalNode(n.childForFieldName('left')!, lookup, parsers, depth);
  const r = evalNode(n.childForFieldName('right')!, lookup, parsers, depth);
  if (l === null || r === null) return null;
  const op = n.childForFieldName('operator')!.type;
  const ops: Record<string, number> = {'+': l + r, '-': l - r, '*': l * r, '<<': l << r, '>>': l >> r, '/': r === 0 ? NaN : Math.trunc(l / r)};
  return op in ops && Number.isFinite(ops[op]) ? ops[op] : null;
}
