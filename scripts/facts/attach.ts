/**
 * Where the agent attaches each datapath program, read from the Go loader with tree-sitter-go:
 * the `ebpf:"..."` struct tags that name programs and maps in a loaded collection, the calls
 * `attachSKBProgram(.., obj.Field, symbolConst, .., parent, ..)`, `attachXDPProgram(..)`,
 * `obj.MapField.Update(key, obj.ProgField, ..)`, and socketlb's program -> cgroup attach type map.
 * ATTACH_TABLE adds what code cannot say (which interface, which object).
 */
import type {AttachPoint, Hook} from '../../src/lib/facts';
import {ATTACH_TABLE, TC_PARENTS, type AttachMeaning} from './attach-table';
import type {GoFile, GoIndex, GoPackage} from './go-index';
import {goConstString} from './go-index';
import type {Node} from './parsers';
import {descendants, lineOf} from './parsers';

export interface Attachment {
  object: string;
  program: string;
  attach: AttachPoint;
}

interface Found {
  program: string;
  hook: Hook;
  detail: string | null;
  /** For prog-array: the array the program goes into (its ebpf tag). */
  array: string | null;
  file: string;
  line: number;
}

/** Derives every attachment of the table's functions and checks the table against the code. */
export function deriveAttachments(index: GoIndex, programsOf: (object: string) => Set<string>, table: AttachMeaning[] = ATTACH_TABLE): Attachment[] {
  const byFunction = new Map<string, Found[]>();
  for (const dir of new Set(table.map((e) => e.package))) {
    for (const [name, found] of attachmentsInPackage(index, index.package(dir))) byFunction.set(`${dir} ${name}`, found);
  }
  const out: Attachment[] = [];
  for (const entry of table) {
    const key = `${entry.package} ${entry.function}`;
    const found = byFunction.get(key);
    byFunction.delete(key);
    checkEntry(entry, found, programsOf(entry.object));
    for (const f of found!) out.push(toAttachment(entry, f));
  }
  const unexplained = [...byFunction.keys()];
  if (unexplained.length > 0) throw new Error(`Go functions attach programs but have no entry in scripts/facts/attach-table.ts: ${unexplained.join(', ')}`);
  return out;
}

function checkEntry(entry: AttachMeaning, found: Found[] | undefined, inObject: Set<string>): void {
  const where = `attach table entry ${entry.package} ${entry.function}`;
  if (!found || found.length === 0) throw new Error(`${where}: the function does not exist or attaches no program`);
  const derived = [...new Set(found.map((f) => f.program))].sort();
  const expected = [...entry.programs].sort();
  if (derived.join() !== expected.join()) throw new Error(`${where}: lists ${expected.join(', ')} but the code attaches ${derived.join(', ')}`);
  const missing = expected.filter((p) => !inObject.has(p));
  if (missing.length > 0) throw new Error(`${where}: ${missing.join(', ')} no longer exist in ${entry.object}`);
}

function toAttachment(entry: AttachMeaning, f: Found): Attachment {
  const target = f.hook === 'prog-array' ? f.array! : entry.target;
  return {
    object: entry.object,
    program: f.program,
    attach: {hook: f.hook, detail: f.detail, target, via: {file: f.file, line: f.line, function: entry.function}},
  };
}

/** Field -> ebpf tag of every struct in the package, with whether the field holds a program or a map. */
interface TaggedField {
  tag: string;
  kind: 'program' | 'map';
}

function taggedStructs(pkg: GoPackage): Map<string, Map<string, TaggedField>> {
  const out = new Map<string, Map<string, TaggedField>>();
  for (const decl of pkg.decls.values()) {
    const struct = decl.kind === 'type' ? decl.node.childForFieldName('type') : null;
    if (struct?.type !== 'struct_type') continue;
    const fields = new Map<string, TaggedField>();
    for (const field of descendants(struct, 'field_declaration')) {
      const tag = /ebpf:"([^"]+)"/.exec(field.childForFieldName('tag')?.text ?? '')?.[1];
      const type = field.childForFieldName('type')?.text ?? '';
      const kind = type.endsWith('ebpf.Program') ? 'program' : type.endsWith('ebpf.Map') ? 'map' : null;
      if (!tag || !kind) continue;
      for (const name of field.childrenForFieldName('name')) fields.set(name.text, {tag, kind});
    }
    if (fields.size > 0) out.set(decl.name, fields);
  }
  return out;
}

/** Function name -> attachments found in its body, for every function and method of the package. */
function attachmentsInPackage(index: GoIndex, pkg: GoPackage): Map<string, Found[]> {
  const structs = taggedStructs(pkg);
  const out = new Map<string, Found[]>();
  for (const file of pkg.files) {
    for (const fn of file.root.namedChildren.filter((n) => n.type === 'function_declaration' || n.type === 'method_declaration')) {
      const body = fn.childForFieldName('body');
      if (!body) continue;
      const ctx: FnContext = {index, pkg, file, structs, locals: localTypes(body), name: functionName(fn)};
      const found = descendants(body, ['call_expression', 'index_expression']).flatMap((n) => attachmentAt(ctx, n));
      // One attach point per program and hook: fallbacks (bpf_link, then PROG_ATTACH) repeat the same one.
      const unique = [...new Map(found.map((f) => [JSON.stringify(f), f])).values()];
      if (unique.length > 0) out.set(ctx.name, unique);
    }
  }
  return out;
}

interface FnContext {
  index: GoIndex;
  pkg: GoPackage;
  file: GoFile;
  structs: Map<string, Map<string, TaggedField>>;
  locals: Map<string, string>;
  name: string;
}

function functionName(fn: Node): string {
  const name = fn.childForFieldName('name')!.text;
  if (fn.type !== 'method_declaration') return name;
  const receiver = fn.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text ?? '?';
  return `(${receiver}).${name}`;
}

/** `var obj lxcObjects` declarations inside a function body: variable -> struct type name. */
function localTypes(body: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of descendants(body, 'var_spec')) {
    const type = spec.childForFieldName('type')?.text;
    if (type) for (const name of spec.childrenForFieldName('name')) out.set(name.text, type.replace(/^\*/, ''));
  }
  return out;
}

function attachmentAt(ctx: FnContext, n: Node): Found[] {
  if (n.type === 'index_expression') return cgroupAttachments(ctx, n);
  const fn = n.childForFieldName('function')!;
  const args = n.childForFieldName('arguments')?.namedChildren ?? [];
  if (fn.type === 'identifier' && fn.text === 'attachSKBProgram') return [tcAttachment(ctx, n, args)];
  if (fn.type === 'identifier' && fn.text === 'attachXDPProgram') return [hookAttachment(ctx, n, args, 'xdp', null)];
  if (fn.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Update') return progArrayInsert(ctx, n, fn, args);
  return [];
}

function tcAttachment(ctx: FnContext, call: Node, args: Node[]): Found {
  const parent = args[5]?.text ?? '';
  const hook = TC_PARENTS[parent];
  if (!hook) throw new Error(`${ctx.file.path}:${lineOf(call)}: attachSKBProgram with unknown parent "${parent}" (add it to TC_PARENTS)`);
  return hookAttachment(ctx, call, args, hook, null);
}

/** attachXXX(logger, device, obj.Field, symbolConst, ...): the program is the field's tag, checked against the constant. */
function hookAttachment(ctx: FnContext, call: Node, args: Node[], hook: Hook, detail: string | null): Found {
  const where = `${ctx.file.path}:${lineOf(call)}`;
  const field = taggedField(ctx, args[2], 'program');
  const symbol = args[3] ? goConstString(ctx.index, ctx.pkg, ctx.file, args[3]) : null;
  if (!field) throw new Error(`${where}: cannot tell which program "${args[2]?.text}" is`);
  if (symbol !== field.tag) throw new Error(`${where}: program ${field.tag} attached under the name ${symbol ?? args[3]?.text}`);
  return {program: field.tag, hook, detail, array: null, file: ctx.file.path, line: lineOf(call)};
}

/** obj.PolicyMap.Update(key, obj.PolicyProg, flags): a program inserted into a program array. */
function progArrayInsert(ctx: FnContext, call: Node, fn: Node, args: Node[]): Found[] {
  const map = taggedField(ctx, fn.childForFieldName('operand'), 'map');
  const prog = taggedField(ctx, args[1], 'program');
  if (!map || !prog) return [];
  return [{program: prog.tag, hook: 'prog-array', detail: args[0]?.text ?? null, array: map.tag, file: ctx.file.path, line: lineOf(call)}];
}

function taggedField(ctx: FnContext, expr: Node | undefined | null, kind: TaggedField['kind']): TaggedField | null {
  if (expr?.type !== 'selector_expression') return null;
  const operand = expr.childForFieldName('operand')!;
  const type = operand.type === 'identifier' ? ctx.locals.get(operand.text) : undefined;
  const field = type ? ctx.structs.get(type)?.get(expr.childForFieldName('field')!.text) : undefined;
  return field?.kind === kind ? field : null;
}

/**
 * `{Program: prog, Attach: attachTypes[name]}` (link.CgroupOptions, RawAttachProgramOptions)
 * where attachTypes is a package-level map literal from program-name constants to ebpf.Attach*
 * values: every program in it is attached to a cgroup with that type.
 */
function cgroupAttachments(ctx: FnContext, n: Node): Found[] {
  if (!isAttachOption(n)) return [];
  const operand = n.childForFieldName('operand');
  const decl = operand?.type === 'identifier' ? ctx.pkg.decls.get(operand.text) : undefined;
  if (decl?.kind !== 'var' || decl.node.type !== 'composite_literal') return [];
  const elements = descendants(decl.node, 'keyed_element');
  return elements.flatMap((el) => {
    const [key, value] = el.namedChildren.map((c) => (c.type === 'literal_element' ? c.namedChildren[0] : c));
    const program = key ? goConstString(ctx.index, ctx.pkg, decl.file, key) : null;
    if (!program || !value?.text.startsWith('ebpf.Attach')) return [];
    return [{program, hook: 'cgroup' as const, detail: value.text.slice('ebpf.'.length), array: null, file: decl.file.path, line: lineOf(el)}];
  });
}

/** Whether the expression is the `Attach:` value of a literal that also sets `Program:`. */
function isAttachOption(n: Node): boolean {
  const element = n.parent?.type === 'literal_element' ? n.parent.parent : n.parent;
  if (element?.type !== 'keyed_element' || element.namedChildren[0]?.text !== 'Attach') return false;
  const keys = element.parent?.namedChildren.filter((e) => e.type === 'keyed_element').map((e) => e.namedChildren[0]?.text);
  return keys?.includes('Program') ?? false;
}
