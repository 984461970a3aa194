/**
 * The agent's hive tree, read with tree-sitter-go: starting at `Agent` in daemon/cmd/cells.go,
 * every argument of `cell.Module(id, description, ...)` is followed to its definition (package
 * vars, functions returning cells, slices of cells, vendored hive/statedb packages) until it
 * becomes a hive primitive (Provide, Invoke, Config, ...) or another module.
 * Anything that cannot be followed fails the run, unless the allowlist (cells-allowlist.ts) explains it.
 */
import type {CellModule} from '../../src/lib/facts';
import type {GoFile, GoIndex, GoPackage} from './go-index';
import {goConstString, importedDecl} from './go-index';
import type {Node} from './parsers';
import {descendants, lineOf} from './parsers';

export const HIVE_CELL = 'github.com/cilium/hive/cell';

/** Hive constructors whose arguments are not cells: each use counts as one cell of that kind. */
/** References followed from Agent before giving up on a (function-recursion) cycle. */
const MAX_DEPTH = 64;

const PRIMITIVES = new Set(['Provide', 'ProvidePrivate', 'Invoke', 'Config', 'DecorateAll']);

interface Contents {
  modules: CellModule[];
  counts: Record<string, number>;
  unresolved: CellModule['unresolved'];
}

/** Where an expression is evaluated: its package and file, and bindings of function parameters and locals. */
interface Scope {
  pkg: GoPackage;
  file: GoFile;
  bindings: Map<string, Binding>;
}

type Binding = {exprs: Node[]; scope: Scope};

class Resolver {
  /** Expressions being resolved (file:offset:scope), to report cycles instead of recursing forever. */
  private readonly active = new Set<string>();
  private readonly scopeIds = new WeakMap<Map<string, Binding>, number>();
  private nextScopeId = 0;
  private readonly usedAllowlist = new Set<string>();

  constructor(
    private readonly index: GoIndex,
    private readonly allowlist: Record<string, string>,
  ) {}

  /** The cells an expression stands for. `path` names the references followed so far, for errors. */
  contents(expr: Node, scope: Scope, path: string[]): Contents {
    const key = `${scope.file.path}:${expr.startIndex}:${expr.type}:${this.scopeId(scope)}`;
    if (this.active.has(key) || path.length > MAX_DEPTH) throw new Error(`cycle through ${expr.text} at ${where(scope, expr)}`);
    this.active.add(key);
    try {
      return this.resolve(expr, scope, path);
    } finally {
      this.active.delete(key);
    }
  }

  /** Each function invocation has its own bindings, so the same expression may be active once per invocation. */
  private scopeId(scope: Scope): number {
    let id = this.scopeIds.get(scope.bindings);
    if (id === undefined) {
      id = this.nextScopeId++;
      this.scopeIds.set(scope.bindings, id);
    }
    return id;
  }

  private resolve(expr: Node, scope: Scope, path: string[]): Contents {
    switch (expr.type) {
      case 'call_expression':
        return this.call(expr, expr.childForFieldName('function')!, (expr.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment'), scope, path);
      // `cell.Config[T](x)` with one argument parses like a conversion to the generic type `cell.Config[T]`.
      case 'type_conversion_expression':
        return this.call(expr, expr.childForFieldName('type')!, [expr.childForFieldName('operand')!], scope, path);
      case 'identifier':
        return this.identifier(expr, scope, path);
      case 'selector_expression':
        return this.selector(expr, scope, path);
      case 'composite_literal':
        return merge(literalElements(expr).map((e) => this.contents(e, scope, path)));
      case 'variadic_argument':
      case 'parenthesized_expression':
        return this.contents(expr.namedChildren[0]!, scope, path);
      default:
        return this.unresolvable(expr, scope, path, `unsupported expression (${expr.type})`);
    }
  }

  private call(call: Node, callee: Node, args: Node[], scope: Scope, path: string[]): Contents {
    const fn = unwrapGeneric(callee);
    const hiveName = this.hiveCellFunction(fn, scope);
    if (hiveName) return this.hiveCall(hiveName, call, args, scope, path);
    const target = this.functionDecl(fn, scope);
    if (!target) return this.unresolvable(call, scope, path, 'call of something that is not a package-level function');
    return this.functionResult(target.decl, target.scope, args, scope, [...path, call.text.split('(')[0]]);
  }

  /** `cell.X` (or a bare X inside the hive cell package itself): the name X, else null. */
  private hiveCellFunction(fn: Node, scope: Scope): string | null {
    if (fn.type === 'selector_expression') {
      const operand = fn.childForFieldName('operand')!;
      if (operand.type === 'identifier' && this.index.importPath(scope.file, operand.text) === HIVE_CELL) return fn.childForFieldName('field')!.text;
    }
    // In a conversion-shaped call (`cell.Config[T](x)`) the callee is the type `cell.Config`.
    if (fn.type === 'qualified_type' && this.index.importPath(scope.file, fn.childForFieldName('package')!.text) === HIVE_CELL) {
      return fn.childForFieldName('name')!.text;
    }
    if (fn.type === 'identifier' && scope.pkg.dir === `vendor/${HIVE_CELL}` && !scope.bindings.has(fn.text)) return fn.text;
    return null;
  }

  private hiveCall(name: string, call: Node, args: Node[], scope: Scope, path: string[]): Contents {
    if (name === 'Module') return {modules: [this.module(call, args, scope, path)], counts: {}, unresolved: []};
    if (name === 'Group') return merge([count('Group'), ...args.map((a) => this.contents(a, scope, path))]);
    // Decorate(fn, cells...) scopes a decorator over the cells that follow it.
    if (name === 'Decorate') return merge([count('Decorate'), ...args.slice(1).map((a) => this.contents(a, scope, path))]);
    if (PRIMITIVES.has(name)) return count(name);
    return this.unresolvable(call, scope, path, `unknown hive constructor cell.${name}`);
  }

  private module(call: Node, args: Node[], scope: Scope, path: string[]): CellModule {
    const [idExpr, descExpr, ...cells] = args;
    const id = idExpr ? this.constString(idExpr, scope) : null;
    const description = descExpr ? this.constString(descExpr, scope) : null;
    if (id === null || description === null) throw new Error(`${where(scope, call)}: module id or description is not a constant (${path.join(' > ')})`);
    const inner = merge(cells.map((c) => this.contents(c, scope, [...path, id])));
    return {
      id,
      description,
      file: scope.file.path,
      line: lineOf(call),
      reference: path[path.length - 1] ?? id,
      counts: inner.counts,
      children: inner.modules,
      unresolved: inner.unresolved,
    };
  }

  /** A string constant, possibly a parameter bound to a constant at the call site. */
  private constString(expr: Node, scope: Scope): string | null {
    const bound = expr.type === 'identifier' ? scope.bindings.get(expr.text) : undefined;
    if (bound?.exprs.length === 1) return this.constString(bound.exprs[0], bound.scope);
    return goConstString(this.index, scope.pkg, scope.file, expr);
  }

  private identifier(id: Node, scope: Scope, path: string[]): Contents {
    const bound = scope.bindings.get(id.text);
    if (bound) return merge(bound.exprs.map((e) => this.contents(e, bound.scope, path)));
    const decl = scope.pkg.decls.get(id.text);
    if (decl?.kind === 'var') return this.contents(decl.node, {pkg: scope.pkg, file: decl.file, bindings: new Map()}, [...path, id.text]);
    return this.unresolvable(id, scope, path, decl ? `${id.text} is a ${decl.kind}, not a cell` : `${id.text} is not declared in ${scope.pkg.dir}`);
  }

  private selector(sel: Node, scope: Scope, path: string[]): Contents {
    const target = importedDecl(this.index, scope.file, sel);
    if (target?.decl.kind === 'var') return this.contents(target.decl.node, {pkg: target.pkg, file: target.decl.file, bindings: new Map()}, [...path, sel.text]);
    return this.unresolvable(sel, scope, path, target ? `${sel.text} is a ${target.decl.kind}, not a cell` : `${sel.text} is not a package-level declaration of a known package`);
  }

  private functionDecl(fn: Node, scope: Scope): {decl: Node; scope: Scope} | null {
    if (fn.type === 'identifier') {
      const decl = scope.pkg.decls.get(fn.text);
      return decl?.kind === 'func' ? {decl: decl.node, scope: {pkg: scope.pkg, file: decl.file, bindings: new Map()}} : null;
    }
    if (fn.type === 'selector_expression') {
      const target = importedDecl(this.index, scope.file, fn);
      return target?.decl.kind === 'func' ? {decl: target.decl.node, scope: {pkg: target.pkg, file: target.decl.file, bindings: new Map()}} : null;
    }
    return null;
  }

  /**
   * The cells a function returns: every `return` expression, with parameters bound to the call's
   * arguments and local variables to what is assigned or appended to them.
   */
  private functionResult(fn: Node, fnScope: Scope, args: Node[], caller: Scope, path: string[]): Contents {
    const bindings = new Map<string, Binding>();
    bindParameters(fn, args, caller, bindings);
    const scope: Scope = {...fnScope, bindings};
    const body = fn.childForFieldName('body');
    if (!body) return this.unresolvable(fn, fnScope, path, 'function without body');
    bindLocals(body, scope);
    const returns = descendants(body, 'return_statement').filter((n) => enclosingFunction(n)?.startIndex === fn.startIndex);
    const exprs = returns.flatMap((r) => (r.namedChildren[0]?.type === 'expression_list' ? r.namedChildren[0].namedChildren : r.namedChildren.slice(0, 1)));
    if (exprs.length === 0) return this.unresolvable(fn, fnScope, path, 'function returns nothing');
    return merge(exprs.map((e) => this.contents(e, scope, path)));
  }

  private unresolvable(expr: Node, scope: Scope, path: string[], why: string): Contents {
    const key = `${scope.file.path}: ${expr.text}`;
    const reason = this.allowlist[key];
    if (reason === undefined) throw new Error(`cannot resolve cell "${expr.text}" at ${where(scope, expr)}: ${why}\n  reached through ${path.join(' > ')}`);
    this.usedAllowlist.add(key);
    return {modules: [], counts: {}, unresolved: [{reference: expr.text, file: scope.file.path, line: lineOf(expr), reason}]};
  }

  /** Allowlist entries that matched nothing: stale, so they fail the run too. */
  staleAllowlist(): string[] {
    return Object.keys(this.allowlist).filter((k) => !this.usedAllowlist.has(k));
  }
}

function where(scope: Scope, node: Node): string {
  return `${scope.file.path}:${lineOf(node)}`;
}

function count(kind: string): Contents {
  return {modules: [], counts: {[kind]: 1}, unresolved: []};
}

function merge(parts: Contents[]): Contents {
  const out: Contents = {modules: [], counts: {}, unresolved: []};
  for (const p of parts) {
    out.modules.push(...p.modules);
    out.unresolved.push(...p.unresolved);
    for (const [k, v] of Object.entries(p.counts)) out.counts[k] = (out.counts[k] ?? 0) + v;
  }
  return out;
}

/** `cell.Config[T]` parses as an index or generic expression around the function. */
function unwrapGeneric(fn: Node): Node {
  if (fn.type === 'index_expression' || fn.type === 'generic_type') return fn.namedChildren[0]!;
  return fn;
}

function literalElements(lit: Node): Node[] {
  const body = lit.childForFieldName('body');
  return (body?.namedChildren ?? []).filter((e) => e.type !== 'comment').map((e) => (e.type === 'literal_element' ? e.namedChildren[0]! : e));
}

function enclosingFunction(n: Node): Node | null {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_declaration' || p.type === 'method_declaration' || p.type === 'func_literal') return p;
  return null;
}

function bindParameters(fn: Node, args: Node[], caller: Scope, bindings: Map<string, Binding>): void {
  let i = 0;
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const names = param.childrenForFieldName('name');
    for (const name of names) {
      const rest = param.type === 'variadic_parameter_declaration';
      bindings.set(name.text, {exprs: rest ? args.slice(i) : args.slice(i, i + 1), scope: caller});
      i++;
    }
  }
}

/** `x := e`, `var x = e`, `x = append(x, e...)`: what a local may hold, for slices of cells built up in a function. */
function bindLocals(body: Node, scope: Scope): void {
  const add = (name: string, expr: Node): void => {
    const prev = scope.bindings.get(name);
    scope.bindings.set(name, {exprs: [...(prev && prev.scope === scope ? prev.exprs : []), expr], scope});
  };
  for (const n of descendants(body, ['short_var_declaration', 'assignment_statement', 'var_spec'])) {
    const left = n.type === 'var_spec' ? n.childrenForFieldName('name') : (n.childForFieldName('left')?.namedChildren ?? []);
    const right = n.type === 'var_spec' ? (n.childForFieldName('value')?.namedChildren ?? []) : (n.childForFieldName('right')?.namedChildren ?? []);
    left.forEach((l, i) => {
      const r = right[i];
      if (l.type !== 'identifier' || !r) return;
      const appended = appendArgs(r, l.text);
      if (appended) for (const a of appended) add(l.text, a);
      else add(l.text, r);
    });
  }
}

/** For `append(name, a, b...)`, the appended arguments. */
function appendArgs(expr: Node, name: string): Node[] | null {
  if (expr.type !== 'call_expression' || expr.childForFieldName('function')?.text !== 'append') return null;
  const [first, ...rest] = expr.childForFieldName('arguments')?.namedChildren ?? [];
  return first?.text === name ? rest : null;
}

/** Totals over the whole tree: modules and each cell kind. */
export function cellTotals(root: CellModule): Record<string, number> {
  const totals: Record<string, number> = {modules: 0};
  const visit = (m: CellModule): void => {
    totals.modules++;
    for (const [k, v] of Object.entries(m.counts)) totals[k] = (totals[k] ?? 0) + v;
    m.children.forEach(visit);
  };
  visit(root);
  return totals;
}

/**
 * The module tree below package-level var `rootVar` of `rootDir`. Fails on anything it cannot
 * follow that `allowlist` (keys `file: expression`) does not explain, and on unused allowlist entries.
 */
export function extractCellTree(index: GoIndex, rootDir: string, rootVar: string, allowlist: Record<string, string>): CellModule {
  const pkg = index.package(rootDir);
  const decl = pkg.decls.get(rootVar);
  if (decl?.kind !== 'var') throw new Error(`${rootDir}: no package-level var ${rootVar}`);
  const resolver = new Resolver(index, allowlist);
  const found = resolver.contents(decl.node, {pkg, file: decl.file, bindings: new Map()}, [rootVar]);
  if (found.modules.length !== 1) throw new Error(`${rootVar} is not a single cell.Module`);
  const stale = resolver.staleAllowlist();
  if (stale.length > 0) throw new Error(`stale cell allowlist entries (they match nothing): ${stale.join('; ')}`);
  return found.modules[0];
}
