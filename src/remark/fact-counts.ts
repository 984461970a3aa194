/** Replaces `<FactCount of="name" />` with the number the committed data gives, at build time; an unknown name fails the build. */
import type {Node, Parent, Root, Text} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import {SKIP, visit} from 'unist-util-visit';
import {type BpfMap, type CellModule, type Program, type TailCall, readFactFile} from '../lib/facts';
import {loadSymbolData} from '../lib/symbols';

export interface Facts {
  programs: Program[];
  tailCalls: TailCall[];
  maps: BpfMap[];
  agent: CellModule;
  /** Symbols in src/data/symbols.json: the rows of Reference → Symbols. */
  symbols: number;
}

export function loadFacts(): Facts {
  return {
    programs: readFactFile<{programs: Program[]}>('programs.json').programs,
    tailCalls: readFactFile<{tailCalls: TailCall[]}>('tailcalls.json').tailCalls,
    maps: readFactFile<{maps: BpfMap[]}>('maps.json').maps,
    agent: readFactFile<{tree: CellModule}>('cells.json').tree,
    symbols: Object.keys(loadSymbolData().symbols).length,
  };
}

function moduleAt(root: CellModule, path: string[]): CellModule {
  let module = root;
  for (const id of path) {
    const child = module.children.find((c) => c.id === id);
    if (!child) throw new Error(`The agent cell tree has no module ${[root.id, ...path].join('.')}.`);
    module = child;
  }
  return module;
}

const countModules = (module: CellModule): number => module.children.reduce((n, c) => n + countModules(c), 1);

/** Every count a page may render, by the name pages use in `<FactCount of="…" />`. */
export const FACT_COUNTS = {
  /** Programs marked `__section_entry`, in all datapath objects. */
  entryPrograms: (f: Facts) => f.programs.filter((p) => p.kind === 'entry').length,
  /** The cgroup programs of `bpf_sock.c`, which name their section by hand. */
  socketLbPrograms: (f: Facts) => f.programs.filter((p) => p.objectSource === 'bpf/bpf_sock.c').length,
  /** Functions with a section annotation that are not tail calls: the `cil_*` programs. */
  sectionAnnotatedPrograms: (f: Facts) => f.programs.filter((p) => p.kind !== 'tail-call').length,
  /** Entry programs the agent only writes into a program array, never attaches to a hook. */
  unattachedEntryPrograms: (f: Facts) =>
    f.programs.filter((p) => p.kind === 'entry' && p.attach.every((a) => a.hook === 'prog-array')).length,
  /** Tail programs, counted once per object that compiles them. */
  tailCallPrograms: (f: Facts) => f.tailCalls.length,
  /** Tail programs defined by the `TAIL_CT_LOOKUP4`/`6` macros. */
  tailCtLookupPrograms: (f: Facts) => f.programs.filter((p) => p.viaMacro?.name.startsWith('TAIL_CT_LOOKUP')).length,
  /** Maps defined with `__section_maps_btf` under `bpf/`. */
  maps: (f: Facts) => f.maps.length,
  /** Objects that hold the global `cilium_call_policy` program array. */
  callPolicyObjects: (f: Facts) => f.maps.find((m) => m.name === 'cilium_call_policy')?.objects.length ?? 0,
  /** Modules in the agent's cell tree, `agent` itself included. */
  agentModules: (f: Facts) => countModules(f.agent),
  /** Modules directly inside `agent.datapath.maps`. */
  mapsModuleChildren: (f: Facts) => moduleAt(f.agent, ['datapath', 'maps']).children.length,
  /** C and Go symbols the excerpts link to (Reference → Symbols). */
  symbols: (f: Facts) => f.symbols,
} satisfies Record<string, (facts: Facts) => number>;

export type FactCountName = keyof typeof FACT_COUNTS;

const isFactCountName = (name: string): name is FactCountName => Object.hasOwn(FACT_COUNTS, name);

export function factCount(name: FactCountName, facts: Facts): number {
  const value = FACT_COUNTS[name](facts);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`FactCount "${name}" is ${value}: the facts data no longer holds what it counts.`);
  }
  return value;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isFactCount = (node: Node): node is JsxElement =>
  (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node as JsxElement).name === 'FactCount';

function ofAttribute(node: JsxElement): string | null {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'of');
  return attr && typeof attr.value === 'string' ? attr.value : null;
}

export default function remarkFactCounts(options: {facts?: Facts} = {}) {
  let facts = options.facts;
  return (tree: Root, file: VFile) => {
    visit(tree, isFactCount, (node: JsxElement, index, parent: Parent | undefined) => {
      const where = `${file.path}:${node.position?.start.line ?? 0}`;
      const name = ofAttribute(node);
      if (name === null || !isFactCountName(name)) {
        file.fail(
          `${where}: <FactCount of=${JSON.stringify(name ?? '')} /> names no count. ` +
            `Known: ${Object.keys(FACT_COUNTS).join(', ')} (defined in src/remark/fact-counts.ts).`,
          node,
        );
      }
      if (parent === undefined || index === undefined) return;
      let value: number;
      try {
        facts ??= loadFacts();
        value = factCount(name, facts);
      } catch (error) {
        file.fail(`${where}: ${(error as Error).message}`, node);
      }
      const text: Text = {type: 'text', value: String(value), position: node.position};
      // Alone on a line, MDX parses the element as a block; keep the number inside a paragraph.
      parent.children.splice(index, 1, (node.type === 'mdxJsxFlowElement' ? {type: 'paragraph', children: [text]} : text) as never);
      return SKIP;
    });
  };
}
