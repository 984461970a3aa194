/**
 * Just enough of the C preprocessor to answer the questions the facts need, on top of
 * tree-sitter-c: which #if arm a line sits in, which arms are dead for a given set of macros,
 * and what a macro such as PROG_TYPE expands to at a given point of one object file.
 *
 * Conditions are three-valued. A macro is only "known" when the static sources define or
 * #undef it; anything else (ENABLE_IPV4, ...) comes from headers the agent renders at runtime
 * or from -D flags, so it is unknown and the code under it is kept, with its condition recorded.
 */
import type {Node, Parsers, Tok} from './parsers';
import {cTokens, descendants} from './parsers';

export type Tri = boolean | null;

export type Macro =
  | {state: 'defined'; value: string; params: string[] | null; file: string; line: number}
  | {state: 'undefined'}
  | {state: 'maybe'};

/** Macro states at one point of a translation unit; names never mentioned are unknown. */
export class MacroEnv {
  private readonly macros = new Map<string, Macro>();

  constructor(initial: Record<string, Macro> = {}) {
    for (const [name, macro] of Object.entries(initial)) this.macros.set(name, macro);
  }

  get(name: string): Macro | undefined {
    return this.macros.get(name);
  }

  set(name: string, macro: Macro): void {
    this.macros.set(name, macro);
  }

  /** The macro if it is certainly defined here. */
  defined(name: string): Extract<Macro, {state: 'defined'}> | null {
    const m = this.macros.get(name);
    return m?.state === 'defined' ? m : null;
  }
}

/**
 * Macros assumed undefined in every datapath object: BPF_TEST is only set by the bpf/tests
 * harness, and several headers switch whole declarations on it (see lib/conntrack_map.h).
 */
export const DATAPATH_ASSUMPTIONS: Record<string, Macro> = {BPF_TEST: {state: 'undefined'}};

type CondKind = 'if' | 'ifdef' | 'ifndef' | 'elif' | 'else' | 'endif';

export type Directive =
  | {kind: CondKind; line: number; start: number; end: number; cond: Node | null; name: string | null}
  | {kind: 'define'; line: number; start: number; end: number; name: string; params: string[] | null; value: string}
  | {kind: 'undef'; line: number; start: number; end: number; name: string}
  | {kind: 'include'; line: number; start: number; end: number; path: string | null; system: boolean; text: string};

/** One arm (#if / #elif / #else branch) of a conditional group, with the lines it spans. */
export interface Arm {
  group: number;
  index: number;
  /** Line of the directive opening the arm and of the one closing it. */
  startLine: number;
  endLine: number;
  parent: Arm | null;
  /** The directives of this arm and the earlier arms of its group (their conditions). */
  directives: Extract<Directive, {kind: CondKind}>[];
  /** `#ifndef G` / `#if !defined(G)` directly followed by `#define G`: an include guard. */
  guard: string | null;
}

/**
 * The directives of a C file, in order. A directive is a line whose first token is `#` (outside
 * comments, which tree-sitter finds), continued by backslash-newlines. Each directive is then
 * parsed on its own by tree-sitter-c: inside a full parse, a directive in the middle of an
 * initializer list or an expression can get lost in error recovery.
 */
export function directivesOf(parse: Parsers['c'], text: string): Directive[] {
  const comments = descendants(parse(text), 'comment').map((c) => [c.startIndex, c.endIndex] as const);
  const inComment = (at: number): boolean => comments.some(([from, to]) => from <= at && at < to);
  const out: Directive[] = [];
  let line = 1;
  for (let start = 0; start < text.length; ) {
    const hash = firstNonBlank(text, start);
    let end = lineEnd(text, start);
    const first = line;
    while (text[end - 1] === '\\' && end < text.length) {
      end = lineEnd(text, end + 1);
      line++;
    }
    if (text[hash] === '#' && !inComment(hash)) {
      // Comments become spaces (translation phase 3): tree-sitter's preproc_arg stops at them.
      const inside = comments.filter(([from, to]) => from < end && to > hash).map(([from, to]) => [from - hash, to - hash] as const);
      const source = blankRanges(text.slice(hash, end), inside);
      const d = parseDirective(parse, source, first, hash, end);
      if (d) out.push(d);
    }
    start = end + 1;
    line++;
  }
  return out;
}

function blankRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges.reduce((t, [from, to]) => t.slice(0, from) + ' '.repeat(Math.min(to, t.length) - from) + t.slice(to), text);
}

function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

const CONDITIONALS = new Set<string>(['if', 'ifdef', 'ifndef', 'elif', 'else', 'endif']);

function parseDirective(parse: Parsers['c'], source: string, line: number, start: number, end: number): Directive | null {
  const name = /^#\s*(\w*)/.exec(source)?.[1] ?? '';
  const rest = source.slice(source.indexOf(name) + name.length);
  if (CONDITIONALS.has(name)) return conditional(parse, name as CondKind, rest, line, start, end);
  if (name === 'undef') return {kind: 'undef', line, start, end, name: rest.trim().split(/\s/)[0]};
  if (name !== 'define' && name !== 'include') return null;
  const node = parse(`${source}\n`).namedChildren[0];
  if (node?.type === 'preproc_def' || node?.type === 'preproc_function_def') {
    const params = node.childForFieldName('parameters');
    return {
      kind: 'define',
      line,
      start,
      end,
      name: node.childForFieldName('name')!.text,
      params: params ? params.namedChildren.map((p) => p.text) : null,
      value: node.childForFieldName('value')?.text ?? '',
    };
  }
  if (node?.type === 'preproc_include') {
    const path = node.childForFieldName('path')!;
    const literal = path.type === 'string_literal' || path.type === 'system_lib_string';
    return {kind: 'include', line, start, end, path: literal ? path.text.slice(1, -1) : null, system: path.type === 'system_lib_string', text: path.text};
  }
  throw new Error(`line ${line}: cannot parse directive "${source}"`);
}

/** Parses the test of #if/#elif (as `#if <test>`) or the name of #ifdef/#ifndef. */
function conditional(parse: Parsers['c'], kind: CondKind, rest: string, line: number, start: number, end: number): Directive {
  if (kind === 'else' || kind === 'endif') return {kind, line, start, end, cond: null, name: null};
  const opener = kind === 'elif' ? 'if' : kind;
  const node = parse(`#${opener} ${rest}\n#endif\n`).namedChildren[0];
  const cond = node?.childForFieldName(kind === 'if' || kind === 'elif' ? 'condition' : 'name') ?? null;
  if (!cond) throw new Error(`line ${line}: cannot parse #${kind}${rest}`);
  return {kind, line, start, end, cond, name: kind === 'ifdef' || kind === 'ifndef' ? cond.text : null};
}

/** Rebuilds the #if nesting from the directive order (tree-sitter's recovered nesting can be off). */
export function armsOf(directives: Directive[], file: string): Arm[] {
  const arms: Arm[] = [];
  const stack: Arm[] = [];
  let groups = 0;
  directives.forEach((d, i) => {
    if (d.kind === 'if' || d.kind === 'ifdef' || d.kind === 'ifndef') {
      const arm: Arm = {
        group: groups++,
        index: 0,
        startLine: d.line,
        endLine: Infinity,
        parent: stack[stack.length - 1] ?? null,
        directives: [d],
        guard: guardName(d, directives[i + 1]),
      };
      arms.push(arm);
      stack.push(arm);
    } else if (d.kind === 'elif' || d.kind === 'else') {
      const prev = stack.pop();
      if (!prev) throw new Error(`${file}:${d.line}: #${d.kind} without #if`);
      prev.endLine = d.line;
      const arm: Arm = {...prev, index: prev.index + 1, startLine: d.line, endLine: Infinity, directives: [...prev.directives, d], guard: null};
      arms.push(arm);
      stack.push(arm);
    } else if (d.kind === 'endif') {
      const prev = stack.pop();
      if (!prev) throw new Error(`${file}:${d.line}: #endif without #if`);
      prev.endLine = d.line;
    }
  });
  if (stack.length > 0) throw new Error(`${file}:${stack[0].startLine}: unterminated #if`);
  return arms;
}

function guardName(d: Extract<Directive, {kind: CondKind}>, next: Directive | undefined): string | null {
  if (next?.kind !== 'define') return null;
  if (d.kind === 'ifndef') return d.name === next.name ? next.name : null;
  if (d.kind !== 'if' || !d.cond) return null;
  const negated = leftmostTerm(d.cond);
  return negated === next.name ? next.name : null;
}

/** For `!defined(G) && ...`, the name G; null for any other shape. */
function leftmostTerm(cond: Node): string | null {
  let n: Node = cond;
  while (n.type === 'binary_expression' && n.childForFieldName('operator')?.type === '&&') n = n.childForFieldName('left')!;
  if (n.type !== 'unary_expression' || n.childForFieldName('operator')?.type !== '!') return null;
  const arg = n.childForFieldName('argument');
  return arg?.type === 'preproc_defined' ? (arg.namedChildren[0]?.text ?? null) : null;
}

/** The arms enclosing `line`, outermost first. */
export function armsAt(arms: Arm[], line: number): Arm[] {
  const inner = arms.filter((a) => a.startLine < line && line < a.endLine);
  return inner.sort((a, b) => a.startLine - b.startLine);
}

/** The conditions of the arms enclosing a line as C expressions, outermost first, include guards left out. */
export function conditionChain(arms: Arm[], line: number): string[] {
  return armsAt(arms, line)
    .filter((a) => !(a.guard && a.directives.length === 1 && a.directives[0].kind === 'ifndef'))
    .map(armCondition);
}

/** An arm as one C condition: its own test, after the negations of the arms before it. */
export function armCondition(arm: Arm): string {
  const texts = arm.directives.map(directiveCondition);
  const last = arm.directives[arm.directives.length - 1];
  const earlier = texts.slice(0, -1).map((t) => `!(${t})`);
  const own = last.kind === 'else' ? [] : [texts[texts.length - 1]];
  const parts = [...earlier, ...own];
  return parts.length === 1 ? parts[0] : parts.map((p) => (p.startsWith('!(') || isSimple(p) ? p : `(${p})`)).join(' && ');
}

function isSimple(expr: string): boolean {
  return !/[&|?]/.test(expr);
}

function directiveCondition(d: Extract<Directive, {kind: CondKind}>): string {
  if (d.kind === 'ifdef') return `defined(${d.name})`;
  if (d.kind === 'ifndef') return `!defined(${d.name})`;
  return (d.cond?.text ?? '').replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Kleene logic: false wins for and, true wins for or. */
export function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

export function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

export function not(a: Tri): Tri {
  return a === null ? null : !a;
}

/** Evaluates a directive's test (not including earlier arms) in `env`. */
export function evalDirective(d: Extract<Directive, {kind: CondKind}>, env: MacroEnv): Tri {
  if (d.kind === 'else') return true;
  if (d.kind === 'ifdef' || d.kind === 'ifndef') {
    const t = definedness(d.name ?? '', env);
    return d.kind === 'ifdef' ? t : not(t);
  }
  if (!d.cond) return null;
  const v = evalExpr(d.cond, env, 0);
  return v === null ? null : v !== 0;
}

function definedness(name: string, env: MacroEnv): Tri {
  const m = env.get(name);
  if (!m || m.state === 'maybe') return null;
  return m.state === 'defined';
}

/** Numeric value of a preprocessor expression, or null when it depends on unknown macros. */
function evalExpr(n: Node, env: MacroEnv, depth: number): number | null {
  switch (n.type) {
    case 'number_literal':
      return parseCInteger(n.text);
    case 'parenthesized_expression':
      return n.namedChildren[0] ? evalExpr(n.namedChildren[0], env, depth) : null;
    case 'preproc_defined': {
      const t = definedness(n.namedChildren[0]?.text ?? '', env);
      return t === null ? null : Number(t);
    }
    case 'identifier':
      return macroNumber(n.text, env, depth);
    case 'unary_expression':
      return evalUnary(n, env, depth);
    case 'binary_expression':
      return evalBinary(n, env, depth);
    default:
      return null;
  }
}

function evalUnary(n: Node, env: MacroEnv, depth: number): number | null {
  const v = evalExpr(n.childForFieldName('argument')!, env, depth);
  const op = n.childForFieldName('operator')!.type;
  if (v === null) return null;
  if (op === '!') return Number(v === 0);
  if (op === '-') return -v;
  if (op === '~') return ~v;
  return v;
}

function evalBinary(n: Node, env: MacroEnv, depth: number): number | null {
  const op = n.childForFieldName('operator')!.type;
  const left = evalExpr(n.childForFieldName('left')!, env, depth);
  const right = evalExpr(n.childForFieldName('right')!, env, depth);
  const asTri = (v: number | null): Tri => (v === null ? null : v !== 0);
  if (op === '&&') return triNumber(and(asTri(left), asTri(right)));
  if (op === '||') return triNumber(or(asTri(left), asTri(right)));
  if (left === null || right === null) return null;
  const ops: Record<string, (a: number, b: number) => number> = {
    '==': (a, b) => Number(a === b),
    '!=': (a, b) => Number(a !== b),
    '<': (a, b) => Number(a < b),
    '>': (a, b) => Number(a > b),
    '<=': (a, b) => Number(a <= b),
    '>=': (a, b) => Number(a >= b),
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '<<': (a, b) => a << b,
    '>>': (a, b) => a >> b,
    '&': (a, b) => a & b,
    '|': (a, b) => a | b,
  };
  return ops[op] ? ops[op](left, right) : null;
}

function triNumber(t: Tri): number | null {
  return t === null ? null : Number(t);
}

/** The integer a macro stands for: a literal, another macro, or (inside #if) 0 when undefined. */
function macroNumber(name: string, env: MacroEnv, depth: number): number | null {
  const m = env.get(name);
  if (!m || m.state === 'maybe') return null;
  if (m.state === 'undefined') return 0;
  if (depth > 16 || m.params) return null;
  const value = m.value.trim();
  const literal = parseCInteger(value);
  if (literal !== null) return literal;
  return /^[A-Za-z_]\w*$/.test(value) ? macroNumber(value, env, depth + 1) : null;
}

/** The integer value of a macro at this point (following macro-to-macro aliases), or null. */
export function macroInteger(name: string, env: MacroEnv): number | null {
  const m = env.get(name);
  return m?.state === 'defined' ? macroNumber(name, env, 0) : null;
}

/** Decimal, hex or octal integer literal with optional U/L suffixes (optionally parenthesised). */
export function parseCInteger(text: string): number | null {
  const m = /^\(?\s*(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\s*\)?$/.exec(text.trim());
  if (!m) return null;
  const digits = m[1];
  if (/^0[xX]/.test(digits)) return parseInt(digits, 16);
  if (digits.length > 1 && digits.startsWith('0')) return parseInt(digits, 8);
  return parseInt(digits, 10);
}

/** A parsed C file: its directives, #if arms, and a "code view" parse with directives and dead arms blanked. */
export interface CFile {
  path: string;
  text: string;
  directives: Directive[];
  arms: Arm[];
  /** The text with every directive line and every arm dead under DATAPATH_ASSUMPTIONS blanked to spaces. */
  code: string;
  /** Tokens of the code view, see cTokens. */
  tokens: Tok[];
  root: Node;
}

/**
 * Parses a C file twice: once whole to read its directives, then with directives and dead arms
 * blanked (offsets and line numbers kept), so that declarations split across #if/#else arms
 * such as `#ifndef BPF_TEST } x __section_maps_btf; #else ... #endif` parse as plain C.
 */
export function parseCFile(parsers: Parsers, path: string, text: string): CFile {
  const directives = directivesOf(parsers.c, text);
  const arms = armsOf(directives, path);
  const code = blank(text, [...directives.map((d) => directiveSpan(text, d)), ...deadSpans(text, arms), ...emptyMacroLines(text, directives)]);
  const root = parsers.c(code);
  return {path, text, directives, arms, code, tokens: cTokens(root), root};
}

/**
 * Lines that hold nothing but a macro this file defines as empty, such as `DROP_EXTENSION` as the
 * last member of `struct drop_notify` (bpf/lib/drop.h after v1.18): the preprocessor drops them,
 * while tree-sitter would read the name as a declaration missing its `;` and lose what follows.
 */
export function emptyMacroLines(text: string, directives: Directive[]): Array<[number, number]> {
  const empty = new Set(directives.flatMap((d) => (d.kind === 'define' && d.params === null && d.value.trim() === '' ? [d.name] : [])));
  if (empty.size === 0) return [];
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*$/gm)) {
    if (empty.has(match[1])) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/** A directive's span, extended to the end of its (possibly continued) line. */
export function directiveSpan(text: string, d: Directive): [number, number] {
  let end = d.end;
  while (end < text.length && text[end] !== '\n') end++;
  return [d.start, end];
}

function deadSpans(text: string, arms: Arm[]): Array<[number, number]> {
  const env = new MacroEnv(DATAPATH_ASSUMPTIONS);
  const lineStarts = lineOffsets(text);
  return arms
    .filter((arm) => staticArmValue(arm, env) === false)
    .map((arm) => [lineStarts[arm.startLine] ?? text.length, lineStarts[arm.endLine] ?? text.length]);
}

/** Whether an arm is taken, judging only its own group's tests under `env`. */
export function staticArmValue(arm: Arm, env: MacroEnv): Tri {
  let taken: Tri = false;
  for (const d of arm.directives.slice(0, -1)) taken = or(taken, evalDirective(d, env));
  return and(not(taken), evalDirective(arm.directives[arm.directives.length - 1], env));
}

/** Offsets of the start of each 1-based line (index 1 is line 1). */
export function lineOffsets(text: string): number[] {
  const starts = [0, 0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function blank(text: string, spans: Array<[number, number]>): string {
  const chars = text.split('');
  for (const [from, to] of spans) {
    for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
  }
  return chars.join('');
}
