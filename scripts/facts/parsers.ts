/** Loads the tree-sitter C and Go grammars once and offers small helpers over their trees. */
import {createRequire} from 'node:module';
import {Language, Parser, type Node} from 'web-tree-sitter';

export type {Node};

const require = createRequire(import.meta.url);

export interface Parsers {
  c(text: string): Node;
  go(text: string): Node;
}

let loaded: Promise<Parsers> | null = null;

/** Initialises web-tree-sitter and both grammars; later calls reuse the same parsers. */
export function loadParsers(): Promise<Parsers> {
  loaded ??= init();
  return loaded;
}

async function init(): Promise<Parsers> {
  await Parser.init();
  const [c, go] = await Promise.all([
    Language.load(require.resolve('tree-sitter-c/tree-sitter-c.wasm')),
    Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm')),
  ]);
  return {c: parserFor(c), go: parserFor(go)};
}

function parserFor(language: Language): (text: string) => Node {
  const parser = new Parser();
  parser.setLanguage(language);
  return (text) => {
    const tree = parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree.rootNode;
  };
}

/** 1-based line of a node, as GitHub numbers lines. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** The descendants of `node` of the given types, in document order (found inside the wasm module, which is fast). */
export function descendants(node: Node, types: string | string[]): Node[] {
  return node.descendantsOfType(types);
}

/** C leaf types kept whole as one token (their inner pieces are not useful on their own). */
const C_ATOMS = new Set(['string_literal', 'char_literal', 'system_lib_string', 'number_literal']);

/** A C token, detached from its tree so tokens of different sources (macro bodies) can mix. */
export interface Tok {
  type: string;
  text: string;
  line: number;
  start: number;
  end: number;
}

/**
 * The C tokens under `node` in document order: leaves from tree-sitter's lexer, with string
 * and number literals kept whole and comments and error-recovery (missing) tokens left out.
 * Macro-heavy C does not always form a clean tree, but its tokens are always right.
 */
export function cTokens(node: Node): Tok[] {
  const out: Tok[] = [];
  // A cursor walk: materialising every Node object costs more than the parse itself.
  const cursor = node.walk();
  const leaf = (): void => {
    const type = cursor.nodeType;
    if (type === 'comment' || type === '\n' || cursor.nodeIsMissing || cursor.endIndex === cursor.startIndex) return;
    out.push({type, text: cursor.nodeText, line: cursor.startPosition.row + 1, start: cursor.startIndex, end: cursor.endIndex});
  };
  for (;;) {
    const atom = C_ATOMS.has(cursor.nodeType) || cursor.nodeType === 'comment';
    if (!atom && cursor.gotoFirstChild()) continue;
    leaf();
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || cursor.currentDepth === 0) {
        cursor.delete();
        return out;
      }
    }
  }
}

const OPENERS: Record<string, string> = {'(': ')', '{': '}', '[': ']'};

/** The index of the token closing the bracket opened at `open` (same kind), or -1. */
export function matchingClose(tokens: Tok[], open: number): number {
  const closer = OPENERS[tokens[open]?.type ?? ''];
  if (!closer) return -1;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i].type;
    if (t === tokens[open].type) depth++;
    else if (t === closer && --depth === 0) return i;
  }
  return -1;
}

/** Splits the tokens strictly inside the parentheses opened at `open` at top-level commas. */
export function macroArgs(tokens: Tok[], open: number): Tok[][] | null {
  const close = matchingClose(tokens, open);
  if (close < 0) return null;
  const args: Tok[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i].type;
    if (t in OPENERS) depth++;
    if (t === ')' || t === '}' || t === ']') depth--;
    if (t === ',' && depth === 0) args.push([]);
    else args[args.length - 1].push(tokens[i]);
  }
  return args.length === 1 && args[0].length === 0 ? [] : args;
}

/** The source text spanned by a run of tokens of `source`, whitespace collapsed. */
export function tokensText(source: string, tokens: Tok[]): string {
  if (tokens.length === 0) return '';
  return source.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/g, ' ').trim();
}

/** The value of a C or Go string literal token (simple escapes only, which is all these sources use). */
export function stringLiteralValue(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1);
  const body = text.replace(/^[LuU8]*"/, '').replace(/"$/, '');
  return body.replace(/\\(["\\nt])/g, (_, c: string) => ({n: '\n', t: '\t'})[c] ?? c);
}
