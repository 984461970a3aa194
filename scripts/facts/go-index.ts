/**
 * Go packages of the Cilium tree parsed with tree-sitter-go: files built for linux, their
 * imports, and the package-level declarations other extractors look identifiers up in.
 */
import {posix} from 'node:path';
import type {Node, Parsers} from './parsers';
import {descendants, stringLiteralValue} from './parsers';
import type {FileReader} from './source';

export const CILIUM_MODULE = 'github.com/cilium/cilium';

export interface GoFile {
  path: string;
  root: Node;
  imports: Array<{alias: string | null; path: string}>;
  /** The name in the package clause. */
  packageName: string;
}

export interface GoDecl {
  name: string;
  kind: 'var' | 'const' | 'func' | 'type';
  /** The value expression (var/const), the function_declaration, or the type_spec. */
  node: Node;
  file: GoFile;
}

export interface GoPackage {
  dir: string;
  files: GoFile[];
  decls: Map<string, GoDecl>;
}

/** GOOS names that, as a file name suffix, exclude the file from a linux build. */
const OTHER_GOOS = ['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows'];

/** Build tags that hold for the agent's build (linux, any arch, cgo off does not matter here). */
const BUILD_TAGS = new Set(['linux', 'unix', 'amd64', 'gc']);

export class GoIndex {
  private readonly packages = new Map<string, GoPackage>();
  private readonly packageNames = new Map<string, string>();
  private readonly dirs: Map<string, string[]>;

  constructor(
    private readonly reader: FileReader,
    private readonly parsers: Parsers,
    files: string[],
  ) {
    this.dirs = new Map();
    for (const f of files) {
      if (!f.endsWith('.go')) continue;
      const dir = posix.dirname(f);
      this.dirs.set(dir, [...(this.dirs.get(dir) ?? []), f]);
    }
  }

  /** The directory of an import path: this module's own, or its vendor/ copy; null when absent. */
  dirOf(importPath: string): string | null {
    const dir = importPath === CILIUM_MODULE ? '.' : importPath.startsWith(`${CILIUM_MODULE}/`) ? importPath.slice(CILIUM_MODULE.length + 1) : `vendor/${importPath}`;
    return this.dirs.has(dir) ? dir : null;
  }

  /** The package in `dir`, parsed once; files not built on linux and tests are left out. */
  package(dir: string): GoPackage {
    let pkg = this.packages.get(dir);
    if (pkg) return pkg;
    const files = (this.dirs.get(dir) ?? []).filter(builtOnLinux).map((p) => this.parseFile(p)).filter((f) => buildConstraintHolds(f.root));
    pkg = {dir, files, decls: new Map()};
    for (const file of files) for (const decl of topLevelDecls(file)) pkg.decls.set(decl.name, decl);
    this.packages.set(dir, pkg);
    return pkg;
  }

  /** Go files of the tree below `dir` built on linux, tests left out. */
  filesBelow(dir: string): GoFile[] {
    const dirs = [...this.dirs.keys()].filter((d) => d === dir || d.startsWith(`${dir}/`)).sort();
    return dirs.flatMap((d) => this.package(d).files);
  }

  /**
   * The import path that `name` refers to in `file`: an alias, or an unaliased import whose
   * package clause says `name` (imports whose last element is `name` are checked first).
   */
  importPath(file: GoFile, name: string): string | null {
    const aliased = file.imports.find((i) => i.alias === name);
    if (aliased) return aliased.path;
    const plain = file.imports.filter((i) => i.alias === null);
    const likely = [...plain.filter((i) => fallbackPackageName(i.path) === name), ...plain.filter((i) => fallbackPackageName(i.path) !== name)];
    return likely.find((i) => this.packageNameOf(i.path) === name)?.path ?? null;
  }

  /** The package clause of an import's directory (one file is enough), or the usual guess when it is not in the tree. */
  private packageNameOf(importPath: string): string {
    const cached = this.packageNames.get(importPath);
    if (cached !== undefined) return cached;
    const dir = this.dirOf(importPath);
    const first = dir ? (this.dirs.get(dir) ?? []).find(builtOnLinux) : undefined;
    const name = first ? this.parseFile(first).packageName : fallbackPackageName(importPath);
    this.packageNames.set(importPath, name);
    return name;
  }

  private parseFile(path: string): GoFile {
    const root = this.parsers.go(this.reader.read(path));
    const clause = root.namedChildren.find((n) => n.type === 'package_clause');
    return {path, root, imports: importsOf(root), packageName: clause?.namedChildren[0]?.text ?? ''};
  }
}

export function builtOnLinux(path: string): boolean {
  const base = posix.basename(path, '.go');
  if (base.endsWith('_test')) return false;
  return !OTHER_GOOS.some((os) => base.endsWith(`_${os}`) || base.includes(`_${os}_`));
}

/** Evaluates a `//go:build` line (before the package clause) for a linux build. */
export function buildConstraintHolds(root: Node): boolean {
  for (const child of root.namedChildren) {
    if (child.type === 'package_clause') break;
    if (child.type === 'comment' && child.text.startsWith('//go:build ')) return evalBuildExpr(child.text.slice('//go:build '.length));
  }
  return true;
}

function evalBuildExpr(expr: string): boolean {
  const tokens = expr.match(/!|&&|\|\||\(|\)|[\w.]+/g) ?? [];
  let i = 0;
  const orExpr = (): boolean => {
    let v = andExpr();
    while (tokens[i] === '||') {
      i++;
      v = andExpr() || v;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = unary();
    while (tokens[i] === '&&') {
      i++;
      v = unary() && v;
    }
    return v;
  };
  const unary = (): boolean => {
    const t = tokens[i++];
    if (t === '!') return !unary();
    if (t === '(') {
      const v = orExpr();
      i++;
      return v;
    }
    return BUILD_TAGS.has(t) || t.startsWith('go1.');
  };
  return orExpr();
}

export function importsOf(root: Node): GoFile['imports'] {
  return descendants(root, 'import_spec').map((spec) => ({
    alias: spec.childForFieldName('name')?.text ?? null,
    path: stringLiteralValue(spec.childForFieldName('path')!.text),
  }));
}

/** The usual package name of an import path outside the tree (last element, minus a /vN suffix). */
function fallbackPackageName(path: string): string {
  const parts = path.split('/');
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last.replace(/^go-/, '').replace(/[.-]/g, '_');
}

function topLevelDecls(file: GoFile): GoDecl[] {
  const out: GoDecl[] = [];
  for (const node of file.root.namedChildren) {
    if (node.type === 'function_declaration') out.push({name: node.childForFieldName('name')!.text, kind: 'func', node, file});
    if (node.type === 'var_declaration' || node.type === 'const_declaration') out.push(...valueSpecs(node, file));
    if (node.type === 'type_declaration') {
      for (const spec of node.namedChildren.filter((n) => n.type === 'type_spec')) out.push({name: spec.childForFieldName('name')!.text, kind: 'type', node: spec, file});
    }
  }
  return out;
}

/** `var a, b = x, y` / `const (...)` specs, one declaration per name, each with its own value expression. */
function valueSpecs(decl: Node, file: GoFile): GoDecl[] {
  const kind = decl.type === 'var_declaration' ? 'var' : 'const';
  const specs = descendants(decl, ['var_spec', 'const_spec']);
  return specs.flatMap((spec) => {
    const names = spec.childrenForFieldName('name');
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    return names.flatMap((n, i) => (values[i] ? [{name: n.text, kind, node: values[i], file} as GoDecl] : []));
  });
}

/** A string constant expression: literals, + concatenation, and constants of this or an imported package. */
export function goConstString(index: GoIndex, pkg: GoPackage, file: GoFile, expr: Node, depth = 0): string | null {
  if (depth > 16) return null;
  switch (expr.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return stringLiteralValue(expr.text);
    case 'parenthesized_expression':
      return expr.namedChildren[0] ? goConstString(index, pkg, file, expr.namedChildren[0], depth + 1) : null;
    case 'binary_expression': {
      if (expr.childForFieldName('operator')?.type !== '+') return null;
      const left = goConstString(index, pkg, file, expr.childForFieldName('left')!, depth + 1);
      const right = goConstString(index, pkg, file, expr.childForFieldName('right')!, depth + 1);
      return left === null || right === null ? null : left + right;
    }
    case 'identifier': {
      const decl = pkg.decls.get(expr.text);
      return decl?.kind === 'const' ? goConstString(index, pkg, decl.file, decl.node, depth + 1) : null;
    }
    case 'selector_expression': {
      const target = importedDecl(index, file, expr);
      return target?.decl.kind === 'const' ? goConstString(index, target.pkg, target.decl.file, target.decl.node, depth + 1) : null;
    }
    default:
      return null;
  }
}

/** For `pkg.Name` where pkg is an import of `file`, the package and its declaration of Name. */
export function importedDecl(index: GoIndex, file: GoFile, selector: Node): {pkg: GoPackage; decl: GoDecl; importPath: string} | null {
  const operand = selector.childForFieldName('operand');
  const field = selector.childForFieldName('field');
  if (operand?.type !== 'identifier' || !field) return null;
  const importPath = index.importPath(file, operand.text);
  const dir = importPath ? index.dirOf(importPath) : null;
  if (!importPath || !dir) return null;
  const pkg = index.package(dir);
  const decl = pkg.decls.get(field.text);
  return decl ? {pkg, decl, importPath} : null;
}
