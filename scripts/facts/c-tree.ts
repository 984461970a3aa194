/**
 * The bpf/ tree as the datapath compiler sees it: which .c files are objects, how #include
 * paths resolve, and a walk through one object's translation unit in preprocessor order.
 */
import {posix} from 'node:path';
import {and, evalDirective, MacroEnv, not, or, parseCFile, DATAPATH_ASSUMPTIONS} from './cpp';
import type {CFile, Tri} from './cpp';
import type {Parsers} from './parsers';
import type {FileReader} from './source';

/** Include search path of bpf/Makefile.bpf (`-I bpf -I bpf/include`). */
const INCLUDE_DIRS = ['bpf', 'bpf/include'];

/**
 * Headers the agent renders per node/endpoint/device at runtime (pkg/datapath/loader writes them
 * into its state dir, which comes first on the include path). The copies in bpf/ are only stand-ins
 * for compile tests, so they are not read: every macro they define counts as unknown.
 */
export const RUNTIME_HEADERS = ['bpf/node_config.h', 'bpf/ep_config.h', 'bpf/netdev_config.h', 'bpf/filter_config.h'];

/**
 * Top-level bpf/*.c files that are not loaded into the kernel, with the reason. (bpf/custom,
 * below the top level, is a sample the user builds and inserts into cilium_calls_custom; the
 * agent neither builds nor loads it.)
 */
export const NOT_LOADED: Record<string, string> = {
  'bpf/bpf_alignchecker.c': 'compiled only for its BTF: pkg/alignchecker compares its struct layouts with the Go types; never loaded',
};

/** The datapath objects: bpf/*.c at the top level of bpf/, minus NOT_LOADED. */
export function datapathObjects(files: string[]): string[] {
  return files.filter((f) => /^bpf\/[^/]+\.c$/.test(f) && !(f in NOT_LOADED)).sort();
}

/** The object file name the loader opens for a datapath source, e.g. bpf/bpf_lxc.c -> bpf_lxc.o. */
export function objectName(source: string): string {
  return posix.basename(source).replace(/\.c$/, '.o');
}

/** Every C source or header under bpf/, except the unit tests in bpf/tests. */
export function datapathCFiles(files: string[]): string[] {
  return files.filter((f) => f.startsWith('bpf/') && !f.startsWith('bpf/tests/') && /\.[ch]$/.test(f)).sort();
}

/** Parses C files of one tree on demand, once each. */
export class CTree {
  private readonly parsed = new Map<string, CFile>();
  private readonly paths: Set<string>;

  constructor(
    private readonly reader: FileReader,
    private readonly parsers: Parsers,
    files: string[],
  ) {
    this.paths = new Set(files);
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  file(path: string): CFile {
    let f = this.parsed.get(path);
    if (!f) {
      f = parseCFile(this.parsers, path, this.reader.read(path));
      this.parsed.set(path, f);
    }
    return f;
  }

  /** Resolves an #include the way clang does with the Makefile's -I flags. */
  resolveInclude(from: string, path: string, system: boolean): string | null {
    const candidates = system ? [] : [posix.join(posix.dirname(from), path)];
    candidates.push(...INCLUDE_DIRS.map((dir) => posix.join(dir, path)));
    return candidates.map((c) => posix.normalize(c)).find((c) => this.paths.has(c)) ?? null;
  }
}

/** A point of interest in a file: called during the walk with the macro state and reachability there. */
export interface Probe {
  line: number;
  visit(env: MacroEnv, reachable: Tri): void;
}

export interface WalkResult {
  /** Includes that resolve to no file of the tree (or are computed), as file:line: text. */
  unresolved: string[];
}

interface Frame {
  parent: Tri;
  taken: Tri;
}

/**
 * Walks one object's translation unit in preprocessor order: follows #includes (each file
 * once, as every header is #pragma once or guarded), tracks #define/#undef, evaluates #if arms,
 * and calls each file's probes with the state at their line.
 */
export function walkObject(tree: CTree, object: string, probesOf: (file: string) => Probe[]): WalkResult {
  const env = new MacroEnv(DATAPATH_ASSUMPTIONS);
  const seen = new Set<string>();
  const result: WalkResult = {unresolved: []};

  const walkFile = (path: string, reachable: Tri): void => {
    seen.add(path);
    const file = tree.file(path);
    const probes = [...probesOf(path)].sort((a, b) => a.line - b.line);
    let next = 0;
    const flush = (line: number, at: Tri): void => {
      while (next < probes.length && probes[next].line < line) probes[next++].visit(env, at);
    };
    const frames: Frame[] = [];
    let here = reachable;
    for (const d of file.directives) {
      flush(d.line, here);
      switch (d.kind) {
        case 'if':
        case 'ifdef':
        case 'ifndef': {
          const guard = file.arms.find((a) => a.startLine === d.line && a.index === 0)?.guard;
          if (guard && !env.get(guard)) env.set(guard, {state: 'undefined'});
          const c = evalDirective(d, env);
          frames.push({parent: here, taken: c});
          here = and(here, c);
          break;
        }
        case 'elif': {
          const f = frames[frames.length - 1];
          const c = evalDirective(d, env);
          here = and(f.parent, and(not(f.taken), c));
          f.taken = or(f.taken, c);
          break;
        }
        case 'else': {
          const f = frames[frames.length - 1];
          here = and(f.parent, not(f.taken));
          f.taken = true;
          break;
        }
        case 'endif':
          here = frames.pop()!.parent;
          break;
        case 'define':
          if (here === true) env.set(d.name, {state: 'defined', value: d.value, params: d.params, file: path, line: d.line});
          else if (here === null) env.set(d.name, {state: 'maybe'});
          break;
        case 'undef':
          if (here === true) env.set(d.name, {state: 'undefined'});
          else if (here === null) env.set(d.name, {state: 'maybe'});
          break;
        case 'include': {
          if (here === false) break;
          const target = d.path === null ? null : tree.resolveInclude(path, d.path, d.system);
          if (target === null) result.unresolved.push(`${path}:${d.line}: #include ${d.text}`);
          else if (!RUNTIME_HEADERS.includes(target) && !seen.has(target)) walkFile(target, here);
          break;
        }
      }
    }
    flush(Infinity, here);
  };

  walkFile(object, true);
  return result;
}
