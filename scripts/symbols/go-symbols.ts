/**
 * Go definitions of the packages the guide reads (funcs, methods with their receiver, types,
 * top-level vars and consts) and the resolution of identifiers in a Go excerpt: package-qualified
 * names through the file's imports, methods through a receiver whose type is declared, plain names
 * in the file's own package, and calls on values of unknown type only by a method name that is
 * unique and no field or interface method shares.
 */
import {posix} from 'node:path';
import {lineOffsets} from '../facts/cpp';
import {buildConstraintHolds, builtOnLinux, GoIndex, importsOf, type GoFile} from '../facts/go-index';
import {descendants, lineOf, type Node, type Parsers} from '../facts/parsers';
import type {FileReader} from '../facts/source';
import type {Def, Occurrence} from './resolution';

/** The Go trees whose definitions are indexed. */
export const GO_ROOTS = ['pkg', 'daemon', 'operator', 'plugins', 'vendor/github.com/cilium/ebpf', 'vendor/github.com/cilium/hive', 'vendor/github.com/cilium/statedb'];

/** Predeclared identifiers: the language's own, never a link and not counted. */
const PREDECLARED = new Set(
  (
    'any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 ' +
    'uint16 uint32 uint64 uintptr true false iota nil append cap clear close complex copy delete imag len make max min new ' +
    'panic print println real recover _'
  ).split(' '),
);

export type GoDef = Def & {lang: 'go'; package: {dir: string; name: string}};

interface GoPackageDefs {
  dir: string;
  name: string;
  /** Package-level funcs, types, vars and consts by name. */
  decls: Map<string, GoDef[]>;
  /** Methods by receiver type name, then by method name. */
  methods: Map<string, Map<string, GoDef>>;
}

export class GoSymbols {
  private readonly packages = new Map<string, GoPackageDefs>();
  private readonly methodsByName = new Map<string, GoDef[]>();
  /** Struct field names (incl. embedded types) and interface method names anywhere in the index. */
  private readonly memberNames = new Set<string>();
  readonly imports: GoIndex;

  constructor(private readonly reader: FileReader, private readonly parsers: Parsers, allFiles: string[]) {
    this.imports = new GoIndex(reader, parsers, allFiles);
    const byDir = new Map<string, string[]>();
    for (const f of allFiles) {
      if (!f.endsWith('.go') || !GO_ROOTS.some((r) => f.startsWith(`${r}/`)) || !builtOnLinux(f)) continue;
      const dir = posix.dirname(f);
      byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
    }
    for (const [dir, files] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) this.indexPackage(dir, files);
    for (const defs of this.methodsByName.values()) defs.sort(byPlace);
  }

  /** The package in `dir`, if indexed. */
  packageAt(dir: string): GoPackageDefs | undefined {
    return this.packages.get(dir);
  }

  /** Every definition named `name` in the package at `dir` (funcs, types, vars, consts and methods). */
  definitions(dir: string, name: string): GoDef[] {
    const pkg = this.packages.get(dir);
    if (!pkg) return [];
    const methods = [...pkg.methods.values()].flatMap((m) => (m.has(name) ? [m.get(name)!] : []));
    return [...(pkg.decls.get(name) ?? []), ...methods].sort(byPlace);
  }

  private indexPackage(dir: string, files: string[]): void {
    const pkg: GoPackageDefs = {dir, name: '', decls: new Map(), methods: new Map()};
    for (const path of files) {
      const root = this.parsers.go(this.reader.read(path));
      try {
        if (!buildConstraintHolds(root)) continue;
        const clause = root.namedChildren.find((n) => n.type === 'package_clause')?.namedChildren[0]?.text ?? '';
        if (clause.endsWith('_test')) continue;
        pkg.name ||= clause;
        this.indexFile(pkg, path, root);
      } finally {
        root.tree.delete();
      }
    }
    if (pkg.name) this.packages.set(dir, pkg);
  }

  private indexFile(pkg: GoPackageDefs, path: string, root: Node): void {
    const where = {dir: pkg.dir, name: pkg.name};
    const add = (name: Node, kind: GoDef['kind']): void => {
      const def: GoDef = {name: name.text, lang: 'go', kind, path, line: lineOf(name), package: where};
      pkg.decls.set(name.text, [...(pkg.decls.get(name.text) ?? []), def]);
    };
    for (const node of root.namedChildren) {
      if (node.type === 'function_declaration') add(node.childForFieldName('name')!, 'function');
      if (node.type === 'method_declaration') {
        const name = node.childForFieldName('name')!;
        const receiver = node.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type');
        const typeName = receiver ? goTypeName(receiver) : null;
        if (!receiver || !typeName) continue;
        const def: GoDef = {name: name.text, lang: 'go', kind: 'method', path, line: lineOf(name), receiver: receiver.text, package: where};
        const methods = pkg.methods.get(typeName) ?? new Map<string, GoDef>();
        methods.set(name.text, def);
        pkg.methods.set(typeName, methods);
        this.methodsByName.set(name.text, [...(this.methodsByName.get(name.text) ?? []), def]);
      }
      if (node.type === 'type_declaration') {
        for (const spec of node.namedChildren.filter((n) => n.type === 'type_spec' || n.type === 'type_alias')) add(spec.childForFieldName('name')!, 'type');
      }
      if (node.type === 'var_declaration' || node.type === 'const_declaration') {
        for (const spec of descendants(node, ['var_spec', 'const_spec'])) {
          for (const name of spec.childrenForFieldName('name')) if (name.text !== '_') add(name, node.type === 'var_declaration' ? 'var' : 'const');
        }
      }
    }
    for (const field of descendants(root, 'field_declaration')) {
      const names = field.childrenForFieldName('name');
      if (names.length) names.forEach((n) => this.memberNames.add(n.text));
      else {
        const type = field.childForFieldName('type');
        const embedded = type ? goTypeName(type) : null;
        if (embedded) this.memberNames.add(embedded);
      }
    }
    for (const m of descendants(root, ['method_elem', 'method_spec'])) {
      const name = m.childForFieldName('name');
      if (name) this.memberNames.add(name.text);
    }
  }

  /** Identifier occurrences on the given lines of a Go file, each with the definitions it refers to. */
  occurrences(path: string, lines: Set<number>): Occurrence[] {
    const root = this.parsers.go(this.reader.read(path));
    try {
      const file: GoFile = {path, root, imports: importsOf(root), packageName: ''};
      const scopes = new Map<number, Scope>();
      const out: Occurrence[] = [];
      const lineStarts = lineOffsets(this.reader.read(path));
      for (const node of descendants(root, ['identifier', 'type_identifier', 'field_identifier'])) {
        const line = lineOf(node);
        if (!lines.has(line) || inImport(node)) continue;
        const dir = posix.dirname(path);
        const scope = scopeOf(node, scopes);
        const candidates = this.resolve(node, file, dir, scope);
        if (candidates === null) continue;
        out.push({line, column: node.startIndex - lineStarts[line], name: node.text, candidates});
      }
      return out;
    } finally {
      root.tree.delete();
    }
  }

  /** The definitions an identifier refers to; [] when unknown or uncertain, null when it is not a symbol at all. */
  private resolve(node: Node, file: GoFile, dir: string, scope: Scope): GoDef[] | null {
    const parent = node.parent!;
    const name = node.text;
    if (node.type === 'field_identifier') {
      if (parent.type === 'method_declaration') {
        const receiver = parent.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type');
        const typeName = receiver ? goTypeName(receiver) : null;
        const def = typeName ? this.packages.get(dir)?.methods.get(typeName)?.get(name) : undefined;
        return def ? [def] : [];
      }
      if (parent.type === 'selector_expression' && parent.childForFieldName('field')?.id === node.id) return this.selector(parent, file, dir, scope);
      return [];
    }
    if (node.type === 'type_identifier' && parent.type === 'qualified_type') {
      const pkg = this.importedPackage(parent.childForFieldName('package')!.text, file, scope);
      return pkg ? declsOf(pkg, name) : [];
    }
    if (isLiteralKey(node) || isParameterName(node)) return [];
    if (scope.declared.has(name)) return [];
    // A package name (`cell` in cell.Module) is an import, not a definition: not counted.
    if (node.type === 'identifier' && this.imports.importPath(file, name)) return null;
    const own = this.packages.get(dir);
    const decls = own ? declsOf(own, name) : [];
    if (decls.length === 0 && PREDECLARED.has(name)) return null;
    return decls;
  }

  /** `x.Name`: through an import, through x's declared type, or by a unique method name in a call. */
  private selector(selector: Node, file: GoFile, dir: string, scope: Scope): GoDef[] {
    const operand = selector.childForFieldName('operand')!;
    const name = selector.childForFieldName('field')!.text;
    if (operand.type === 'identifier') {
      const pkg = this.importedPackage(operand.text, file, scope);
      if (pkg) return declsOf(pkg, name);
      if (scope.declared.has(operand.text)) {
        const type = scope.types.get(operand.text);
        if (type) {
          const target = this.typeTarget(type, file, dir, scope);
          // A type we know: its method or nothing (a field, a promoted method, a type outside the index).
          const def = target ? this.packages.get(target.dir)?.methods.get(target.name)?.get(name) : undefined;
          return def ? [def] : [];
        }
      }
      // A package the file imports but the index does not hold: nothing to link.
      if (!scope.declared.has(operand.text) && this.imports.importPath(file, operand.text)) return [];
    }
    const isCall = selector.parent?.type === 'call_expression' && selector.parent.childForFieldName('function')?.id === selector.id;
    if (!isCall || this.memberNames.has(name)) return [];
    const methods = this.methodsByName.get(name) ?? [];
    return new Set(methods.map((m) => m.package.dir)).size === 1 ? methods : [];
  }

  private importedPackage(name: string, file: GoFile, scope: Scope): GoPackageDefs | undefined {
    if (scope.declared.has(name)) return undefined;
    const path = this.imports.importPath(file, name);
    const dir = path ? this.imports.dirOf(path) : null;
    return dir ? this.packages.get(dir) : undefined;
  }

  /** The package and name of a declared type, when the index holds it. */
  private typeTarget(type: Node, file: GoFile, dir: string, scope: Scope): {dir: string; name: string} | null {
    const t = namedType(type);
    if (t?.type === 'type_identifier') return this.packages.get(dir)?.decls.get(t.text)?.some((d) => d.kind === 'type') ? {dir, name: t.text} : null;
    if (t?.type === 'qualified_type') {
      const pkg = this.importedPackage(t.childForFieldName('package')!.text, file, scope);
      const name = t.childForFieldName('name')!.text;
      return pkg?.decls.get(name)?.some((d) => d.kind === 'type') ? {dir: pkg.dir, name} : null;
    }
    return null;
  }
}

const byPlace = (a: Def, b: Def): number => a.path.localeCompare(b.path) || a.line - b.line;

function declsOf(pkg: GoPackageDefs, name: string): GoDef[] {
  return pkg.decls.get(name) ?? [];
}

/** The named type under pointers, type arguments and parentheses. */
function namedType(type: Node): Node | null {
  let t: Node | null = type;
  while (t && (t.type === 'pointer_type' || t.type === 'generic_type' || t.type === 'parenthesized_type')) t = t.type === 'generic_type' ? t.childForFieldName('type') : t.namedChildren[0];
  return t;
}

/** The type name a receiver or embedded field names: `*loader` → loader, `Map[K, V]` → Map. */
function goTypeName(type: Node): string | null {
  const t = namedType(type);
  if (t?.type === 'type_identifier') return t.text;
  if (t?.type === 'qualified_type') return t.childForFieldName('name')!.text;
  return null;
}

function inImport(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) if (n.type === 'import_declaration' || n.type === 'package_clause') return true;
  return false;
}

/** `Key: value` in a composite literal: the key names a field (or a map key), not a symbol we resolve. */
function isLiteralKey(node: Node): boolean {
  const element = node.parent;
  const keyed = element?.parent;
  return element?.type === 'literal_element' && keyed?.type === 'keyed_element' && keyed.namedChildren[0]?.id === element.id;
}

/** A parameter's own name (also in function types and interface methods, where no body declares it). */
function isParameterName(node: Node): boolean {
  const p = node.parent;
  return (p?.type === 'parameter_declaration' || p?.type === 'variadic_parameter_declaration') && p.childrenForFieldName('name').some((n) => n.id === node.id);
}

/** Names declared inside one top-level declaration, and the declared type of those declared exactly once with a type. */
interface Scope {
  declared: Set<string>;
  types: Map<string, Node>;
}

function scopeOf(node: Node, cache: Map<number, Scope>): Scope {
  let top: Node = node;
  while (top.parent && top.parent.type !== 'source_file') top = top.parent;
  let scope = cache.get(top.id);
  if (!scope) cache.set(top.id, (scope = collectScope(top)));
  return scope;
}

function collectScope(top: Node): Scope {
  const counts = new Map<string, number>();
  const types = new Map<string, Node>();
  const declare = (name: Node, type: Node | null): void => {
    if (name.text === '_') return;
    counts.set(name.text, (counts.get(name.text) ?? 0) + 1);
    if (type) types.set(name.text, type);
  };
  const isFunction = top.type === 'function_declaration' || top.type === 'method_declaration';
  // In a top-level var/const/type declaration only function literals have locals.
  const bodies = isFunction ? [top] : descendants(top, 'func_literal');
  for (const body of bodies) {
    for (const p of descendants(body, ['parameter_declaration', 'variadic_parameter_declaration'])) {
      for (const n of p.childrenForFieldName('name')) declare(n, p.childForFieldName('type'));
    }
    for (const s of descendants(body, ['var_spec', 'const_spec'])) {
      for (const n of s.childrenForFieldName('name')) declare(n, s.childForFieldName('type'));
    }
    for (const s of descendants(body, ['short_var_declaration', 'range_clause', 'receive_statement'])) {
      const left = s.childForFieldName('left');
      for (const n of left ? (left.type === 'expression_list' ? left.namedChildren : [left]) : []) if (n.type === 'identifier') declare(n, null);
    }
    for (const s of descendants(body, 'type_switch_statement')) {
      const alias = s.childForFieldName('alias');
      for (const n of alias ? (alias.type === 'expression_list' ? alias.namedChildren : [alias]) : []) declare(n, null);
    }
    for (const t of descendants(body, ['type_spec', 'type_alias', 'type_parameter_declaration'])) {
      for (const n of [...t.childrenForFieldName('name')]) declare(n, null);
    }
  }
  if (!isFunction) {
    for (const t of descendants(top, 'type_parameter_declaration')) for (const n of t.childrenForFieldName('name')) declare(n, null);
  }
  const declared = new Set(counts.keys());
  for (const [name, count] of counts) if (count !== 1) types.delete(name);
  return {declared, types};
}
