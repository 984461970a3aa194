/**
 * Scans the datapath C once: every annotated function and map of bpf/ (tests excluded), then
 * walks each datapath object to learn which of them it compiles and what their annotations
 * expand to there (sections depend on PROG_TYPE, i.e. on bpf/ctx/skb.h vs bpf/ctx/xdp.h).
 */
import type {CFile, MacroEnv, Tri} from './cpp';
import {conditionChain, macroInteger} from './cpp';
import {CTree, RUNTIME_HEADERS, datapathCFiles, datapathObjects, walkObject, type Probe} from './c-tree';
import {
  BodyTokens,
  annotationAt,
  annotationMacros,
  collectMacros,
  envLookup,
  expandAnnotation,
  functionItems,
  functionMacros,
  mapItems,
  uniqueLookup,
  type FunctionItem,
  type MacroDef,
  type MacroLookup,
  type MapItem,
} from './c-items';
import type {Parsers} from './parsers';
import type {FileReader} from './source';

/** A function compiled into one object, with its annotation expanded in that object. */
export interface CompiledFunction {
  object: string;
  item: FunctionItem;
  section: string;
  /** true when compiled whatever the configuration, null when it depends on runtime macros. */
  always: boolean;
  tail: {array: string; index: string; value: number; definedAt: {file: string; line: number}} | null;
  conditions: string[];
}

export interface DatapathScan {
  objects: string[];
  functions: CompiledFunction[];
  maps: Array<{item: MapItem; conditions: string[]; objects: string[]}>;
  /** Macros defined identically everywhere, for resolving map attributes. */
  lookup: MacroLookup;
  macros: Map<string, MacroDef[]>;
  runtimeMacros: Map<string, string>;
}

/**
 * Sections of annotated variables that are neither programs nor maps: the license string
 * (BPF_LICENSE) and ELF data sections, whose names start with a dot as program sections' never
 * do: load-time configuration (`.rodata.config`), per-CPU scratch (`.data.aux`, `.rodata.aux`)
 * and kernel function declarations (`.ksyms`). `.maps` is the one dotted section that holds maps.
 */
function isDataSection(section: string): boolean {
  return section === 'license' || (section.startsWith('.') && section !== '.maps');
}

export function scanDatapath(reader: FileReader, parsers: Parsers, allFiles: string[]): DatapathScan {
  const files = datapathCFiles(allFiles);
  const tree = new CTree(reader, parsers, files);
  const bodies = new BodyTokens(parsers);
  const staticFiles = files.filter((f) => !RUNTIME_HEADERS.includes(f));
  const macros = collectMacros(tree, staticFiles, bodies);
  const lookup = uniqueLookup(macros);
  const annotations = annotationMacros(macros);
  const mapAnnotations = new Set([...annotations].filter((a) => staticSection(a, lookup) === '.maps'));
  const generators = functionMacros(macros, annotations, parsers);

  const functionsByFile = new Map<string, FunctionItem[]>();
  const mapsByFile = new Map<string, MapItem[]>();
  for (const path of staticFiles) {
    const file = tree.file(path);
    const {items, used} = functionItems(file, annotations, generators);
    const maps = mapItems(file, mapAnnotations);
    checkAllAnnotationsUsed(file, annotations, mapAnnotations, used, lookup);
    functionsByFile.set(path, items);
    mapsByFile.set(path, maps);
  }

  const objects = datapathObjects(allFiles);
  const functions: CompiledFunction[] = [];
  const mapObjects = new Map<MapItem, string[]>();
  for (const object of objects) {
    const probesOf = (path: string): Probe[] => [
      ...(functionsByFile.get(path) ?? []).map((item) => functionProbe(tree.file(path), object, item, bodies, functions)),
      ...(mapsByFile.get(path) ?? []).map((item) => mapProbe(object, item, mapObjects)),
    ];
    const walked = walkObject(tree, object, probesOf);
    if (walked.unresolved.length > 0) throw new Error(`unresolved #include in ${object}:\n  ${walked.unresolved.join('\n  ')}`);
  }

  const maps = [...mapsByFile.entries()].flatMap(([path, items]) =>
    items.map((item) => ({item, conditions: conditionChain(tree.file(path).arms, item.line), objects: mapObjects.get(item) ?? []})),
  );
  return {objects, functions, maps, lookup, macros, runtimeMacros: runtimeMacroHomes(tree)};
}

export function staticSection(annotation: string, lookup: MacroLookup): string | null {
  return expandAnnotation({macro: annotation, args: null, line: 0}, lookup)?.section ?? null;
}

/** Every annotation token must belong to a function or a map (or be the license), never silently skipped. */
function checkAllAnnotationsUsed(file: CFile, annotations: Set<string>, mapAnnotations: Set<string>, used: Set<number>, lookup: MacroLookup): void {
  file.tokens.forEach((t, i) => {
    if (!annotations.has(t.text) || used.has(t.start) || mapAnnotations.has(t.text)) return;
    const section = expandAnnotation(annotationAt(file.tokens, i), lookup)?.section ?? null;
    if (section !== null && isDataSection(section)) return;
    throw new Error(`${file.path}:${t.line}: section annotation ${t.text} is on neither a function definition nor a map`);
  });
}

function functionProbe(file: CFile, object: string, item: FunctionItem, bodies: BodyTokens, out: CompiledFunction[]): Probe {
  return {
    line: item.line,
    visit(env: MacroEnv, reachable: Tri) {
      if (reachable === false) return;
      const where = `${item.file}:${item.line} (${item.name} in ${object})`;
      const expansion = expandAnnotation(item.annotation, envLookup(env, bodies));
      if (!expansion) throw new Error(`${where}: cannot expand ${item.annotation.macro} to a section name`);
      if (isDataSection(expansion.section)) return;
      out.push({
        object,
        item,
        section: expansion.section,
        always: reachable === true,
        tail: expansion.tail ? tailSlot(where, expansion.tail.index.map((t) => t.text).join(' '), expansion.tail.array, env) : null,
        conditions: conditionChain(file.arms, item.line),
      });
    },
  };
}

/** The numeric index of a tail call, from the macro state of the object where it is compiled. */
function tailSlot(where: string, index: string, array: string, env: MacroEnv): CompiledFunction['tail'] {
  const def = env.defined(index);
  const value = macroInteger(index, env);
  if (!def || value === null) throw new Error(`${where}: tail call index ${index} has no numeric #define here`);
  return {array, index, value, definedAt: {file: def.file, line: def.line}};
}

function mapProbe(object: string, item: MapItem, out: Map<MapItem, string[]>): Probe {
  return {
    line: item.line,
    visit(_env: MacroEnv, reachable: Tri) {
      if (reachable !== false) out.set(item, [...(out.get(item) ?? []), object]);
    },
  };
}

/** Macros the runtime-rendered headers define (their stand-ins in bpf/ show the names): name -> header. */
function runtimeMacroHomes(tree: CTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const header of RUNTIME_HEADERS.filter((h) => tree.has(h))) {
    for (const d of tree.file(header).directives) if (d.kind === 'define' && !out.has(d.name)) out.set(d.name, header);
  }
  return out;
}
