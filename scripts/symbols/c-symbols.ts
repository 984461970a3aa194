/**
 * C definitions under bpf/ (macros, functions incl. those a macro invocation generates, structs,
 * unions, enums and their values, typedefs, BTF maps) and the resolution of identifiers in a C
 * excerpt: by name, among the definitions visible in a translation unit that includes the file.
 */
import {annotationMacros, BodyTokens, collectMacros, functionName, mapItems, uniqueLookup, type MacroDef} from '../facts/c-items';
import {CTree, datapathCFiles, RUNTIME_HEADERS} from '../facts/c-tree';
import {armsAt, conditionChain, DATAPATH_ASSUMPTIONS, directiveSpan, lineOffsets, MacroEnv, staticArmValue, type CFile, type Directive} from '../facts/cpp';
import {staticSection} from '../facts/datapath';
import {descendants, lineOf, type Node, type Parsers, type Tok} from '../facts/parsers';
import type {FileReader} from '../facts/source';
import type {Def, Occurrence} from './resolution';

export type CDef = Def & {lang: 'c'};

const TAG_KINDS = new Set(['struct', 'union', 'enum']);

/** Words of C (and the GNU/clang extensions bpf/ uses) that are never symbols. */
const C_KEYWORDS = new Set(
  (
    'auto break case char const continue default do double else enum extern float for goto if inline int long register ' +
    'restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Static_assert ' +
    '__attribute__ __inline __inline__ __volatile__ __asm__ asm typeof __typeof__ defined bool true false NULL'
  ).split(' '),
);

export class CSymbols {
  readonly tree: CTree;
  private readonly byName = new Map<string, CDef[]>();
  private readonly closures = new Map<string, Set<string>>();
  private readonly roots: string[];
  private readonly files: string[];

  constructor(reader: FileReader, private readonly parsers: Parsers, allFiles: string[]) {
    this.files = datapathCFiles(allFiles).filter((f) => !RUNTIME_HEADERS.includes(f));
    this.tree = new CTree(reader, parsers, this.files);
    this.roots = this.files.filter((f) => f.endsWith('.c'));
    for (const def of this.collect()) this.byName.set(def.name, [...(this.byName.get(def.name) ?? []), def]);
    for (const defs of this.byName.values()) defs.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.kind.localeCompare(b.kind));
  }

  /** Every definition of `name` under bpf/, in path and line order. */
  definitions(name: string): CDef[] {
    return this.byName.get(name) ?? [];
  }

  private collect(): CDef[] {
    const bodies = new BodyTokens(this.parsers);
    const macros = collectMacros(this.tree, this.files, bodies);
    const annotations = annotationMacros(macros);
    const lookup = uniqueLookup(macros);
    const mapAnnotations = new Set([...annotations].filter((a) => staticSection(a, lookup) === '.maps'));
    const generators = functionGenerators(macros, this.parsers);
    const out: CDef[] = [];
    for (const path of this.files) {
      const file = this.tree.file(path);
      const dead = deadLines(file);
      const def = (name: string, kind: CDef['kind'], line: number, via?: string): void => {
        if (dead(line)) return;
        const condition = conditionChain(file.arms, line).join(' && ');
        out.push({name, lang: 'c', kind, path, line, ...(condition ? {condition} : {}), ...(via ? {via} : {})});
      };
      for (const d of file.directives) {
        const guard = armsAt(file.arms, d.line + 1).some((a) => a.guard !== null && a.guard === (d.kind === 'define' ? d.name : null));
        if (d.kind === 'define' && !guard) def(d.name, 'macro', d.line);
      }
      for (const fn of descendants(file.root, 'function_definition')) {
        const name = functionName(fn);
        if (name) def(name.text, 'function', lineOf(name));
      }
      for (const spec of descendants(file.root, ['struct_specifier', 'union_specifier', 'enum_specifier'])) {
        const name = spec.childForFieldName('name');
        if (name && spec.childForFieldName('body')) def(name.text, spec.type.replace('_specifier', '') as CDef['kind'], lineOf(name));
      }
      for (const e of descendants(file.root, 'enumerator')) def(e.childForFieldName('name')!.text, 'enumerator', lineOf(e));
      for (const t of descendants(file.root, 'type_definition')) {
        for (const d of t.childrenForFieldName('declarator')) {
          const name = declaredName(d);
          if (name) def(name.text, 'typedef', lineOf(name));
        }
      }
      for (const m of mapItems(file, mapAnnotations)) def(m.name, 'map', m.line);
      for (const g of generators) for (const inv of invocations(file, g)) def(inv.name, 'function', inv.line, g.def.name);
    }
    return out;
  }

  /** Files in every translation unit (a .c file and all it may include) that contains `path`. */
  visibleFrom(path: string): Set<string> {
    const units = this.roots.map((r) => this.closure(r)).filter((c) => c.has(path));
    return units.length ? new Set(units.flatMap((u) => [...u])) : this.closure(path);
  }

  /** `path` and every file it includes, in any #if arm. */
  private closure(path: string): Set<string> {
    let seen = this.closures.get(path);
    if (seen) return seen;
    seen = new Set();
    const walk = (p: string): void => {
      if (seen!.has(p) || !this.tree.has(p)) return;
      seen!.add(p);
      for (const d of this.tree.file(p).directives) {
        if (d.kind !== 'include' || d.path === null) continue;
        const target = this.tree.resolveInclude(p, d.path, d.system);
        if (target) walk(target);
      }
    };
    walk(path);
    this.closures.set(path, seen);
    return seen;
  }

  /** Identifier occurrences on the given lines of a C file under bpf/, each resolved or not. */
  occurrences(path: string, lines: Set<number>): Occurrence[] {
    const file = this.tree.file(path);
    const lineStarts = lineOffsets(file.text);
    const treeTokens = new Map(file.tokens.map((t) => [t.start, t]));
    const visible = this.visibleFrom(path);
    const lexed = lexC(file.text);
    const out: Occurrence[] = [];
    const localsCache = new Map<number, Set<string>>();
    lexed.forEach((tok, i) => {
      if (tok.kind !== 'ident' || C_KEYWORDS.has(tok.text)) return;
      const line = lineAt(lineStarts, tok.start);
      if (!lines.has(line)) return;
      const prev = lexed[i - 1];
      const directive = file.directives.find((d) => d.start <= tok.start && tok.start < directiveSpan(file.text, d)[1]);
      if (directive && (prev?.text === '#' || (directive.kind === 'include'))) return;
      const occurrence = {line, column: tok.start - lineStarts[line], name: tok.text};
      const tag = prev !== undefined && TAG_KINDS.has(prev.text);
      const candidates = (macroOnly: boolean) =>
        this.definitions(tok.text).filter((d) => visible.has(d.path) && (macroOnly ? d.kind === 'macro' : TAG_KINDS.has(d.kind) === tag));
      let certain: boolean;
      let macroOnly = false;
      if (directive) {
        certain = directiveAllows(directive, lexed, i);
        macroOnly = directive.kind !== 'define';
      } else {
        certain = codeAllows(file, treeTokens.get(tok.start), prev, localsCache);
      }
      out.push({...occurrence, candidates: certain ? candidates(macroOnly) : []});
    });
    return out;
  }
}

/** In a directive: not a macro parameter, not pasted (##) or stringified (#), not a member. */
function directiveAllows(d: Directive, lexed: LexTok[], i: number): boolean {
  const [prev, next] = [lexed[i - 1], lexed[i + 1]];
  if (prev?.text === '#' || prev?.text === '##' || next?.text === '##' || prev?.text === '.' || prev?.text === '->') return false;
  if (d.kind === 'define') return !(d.params ?? []).includes(lexed[i].text);
  return d.kind !== 'include';
}

/** In code: a name used in the ordinary or tag namespace, not a member, label, parameter or local. */
function codeAllows(file: CFile, tok: Tok | undefined, prev: LexTok | undefined, cache: Map<number, Set<string>>): boolean {
  // Lines in arms that are dead for every object are blank in the code view: nothing to go on.
  if (!tok || (tok.type !== 'identifier' && tok.type !== 'type_identifier')) return false;
  if (prev?.text === '.' || prev?.text === '->') return false;
  const node = file.root.descendantForIndex(tok.start, tok.end);
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === 'parameter_declaration' && tok.type === 'identifier') return false;
    if (n.type === 'function_definition') {
      let locals = cache.get(n.id);
      if (!locals) cache.set(n.id, (locals = localNames(n)));
      return !locals.has(tok.text);
    }
  }
  return true;
}

/** Parameters and local variables of a function definition. */
function localNames(fn: Node): Set<string> {
  const names = new Set<string>();
  for (const p of descendants(fn, 'parameter_declaration')) {
    const n = p.childForFieldName('declarator');
    const id = n ? declaredName(n) : null;
    if (id) names.add(id.text);
  }
  for (const decl of descendants(fn, 'declaration')) {
    for (const d of decl.childrenForFieldName('declarator')) {
      const id = declaredName(d);
      if (id) names.add(id.text);
    }
  }
  return names;
}

/** The name a declarator introduces (through pointers, arrays, initialisers, function declarators). */
function declaredName(d: Node): Node | null {
  let n: Node | null = d;
  while (n && n.type !== 'identifier' && n.type !== 'type_identifier') n = n.childForFieldName('declarator');
  return n;
}

/** A function-like macro whose body defines a function named by one of its parameters. */
interface FunctionGenerator {
  def: MacroDef;
  nameParam: number;
}

function functionGenerators(macros: Map<string, MacroDef[]>, parsers: Parsers): FunctionGenerator[] {
  const out: FunctionGenerator[] = [];
  for (const defs of macros.values()) {
    for (const def of defs) {
      if (!def.params || !def.body.some((t) => t.type === '{')) continue;
      const root = parsers.c(def.body.map((t) => t.text).join(' '));
      for (const fn of descendants(root, 'function_definition')) {
        const nameParam = def.params.indexOf(functionName(fn)?.text ?? '');
        if (nameParam >= 0) out.push({def, nameParam});
      }
    }
  }
  return out;
}

/** Top-level invocations of a generator in a file: the function each one defines. */
function invocations(file: CFile, g: FunctionGenerator): Array<{name: string; line: number}> {
  const out: Array<{name: string; line: number}> = [];
  const toks = file.tokens;
  let depth = 0;
  toks.forEach((t, i) => {
    if (t.type === '{') depth++;
    if (t.type === '}') depth--;
    if (depth !== 0 || t.text !== g.def.name || toks[i + 1]?.type !== '(') return;
    const args: Tok[][] = [[]];
    let nesting = 0;
    for (let j = i + 2; j < toks.length; j++) {
      const x = toks[j].type;
      if (nesting === 0 && x === ')') break;
      if (x === '(' || x === '{' || x === '[') nesting++;
      if (x === ')' || x === '}' || x === ']') nesting--;
      if (x === ',' && nesting === 0) args.push([]);
      else args[args.length - 1].push(toks[j]);
    }
    const name = args[g.nameParam];
    if (name?.length === 1 && /^[A-Za-z_]\w*$/.test(name[0].text)) out.push({name: name[0].text, line: t.line});
  });
  return out;
}

/** Lines inside an arm that is false for every object (BPF_TEST only code): not compiled. */
function deadLines(file: CFile): (line: number) => boolean {
  const env = new MacroEnv(DATAPATH_ASSUMPTIONS);
  return (line) => armsAt(file.arms, line).some((a) => staticArmValue(a, env) === false);
}

interface LexTok {
  kind: 'ident' | 'other';
  text: string;
  start: number;
}

/** A C lexer for what the excerpt shows: identifiers outside comments, strings and numbers, and punctuation. */
export function lexC(text: string): LexTok[] {
  const re = /(\s+|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|\.?\d(?:[eEpP][+-]|[\w.])*)|([A-Za-z_]\w*)|(->|##|\.\.\.|[^\s])/gy;
  const out: LexTok[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) continue;
    out.push({kind: m[3] !== undefined ? 'ident' : 'other', text: m[0], start: m.index});
  }
  return out;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 1;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
