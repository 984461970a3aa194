/**
 * The shape of the committed fact files (src/data/facts/*.json): what the extractor in
 * scripts/facts/ writes and what the reference pages read.
 */

import {join} from 'node:path';
import {readPinnedData} from './pinned-data';
import {SITE_ROOT} from './mdx-scan';

export const FACT_FILES = ['programs.json', 'tailcalls.json', 'maps.json', 'cells.json'] as const;
export type FactFile = (typeof FACT_FILES)[number];

export type Hook = 'tc-ingress' | 'tc-egress' | 'xdp' | 'cgroup' | 'prog-array' | 'tail-call';

export interface AttachPoint {
  hook: Hook;
  /** The kernel attach type (cgroup hooks) or the program array key (prog-array, tail-call). */
  detail: string | null;
  /** Interface(s) or cgroup the program is attached to, or the program array it is inserted into. */
  target: string;
  /** The Go code (or, for tail calls, the C annotation) that does it. */
  via: {file: string; line: number; function: string | null};
}

export interface GoMapRef {
  package: string;
  file: string;
  line: number;
  /** The constant or variable holding the name, when it is one. */
  identifier: string | null;
  value: string;
  match: 'exact' | 'prefix';
}

export interface Program {
  name: string;
  kind: 'entry' | 'section' | 'tail-call';
  section: string;
  object: string;
  objectSource: string;
  file: string;
  line: number;
  annotation: string;
  compiled: 'always' | 'conditional';
  conditions: string[];
  viaMacro: {name: string; file: string; line: number} | null;
  attach: AttachPoint[];
}

export interface TailCall {
  function: string;
  index: string;
  value: number;
  array: string;
  indexDefinedAt: {file: string; line: number};
  object: string;
  objectSource: string;
  file: string;
  line: number;
  section: string;
  compiled: 'always' | 'conditional';
  conditions: string[];
  viaMacro: {name: string; file: string; line: number} | null;
}

export interface BpfMap {
  name: string;
  pinnedName: string | null;
  type: string | null;
  key: string | null;
  value: string | null;
  keySize: string | null;
  valueSize: string | null;
  maxEntries: {expression: string; value: number | null; macro: {name: string; file: string; line: number} | null; runtimeHeader: string | null} | null;
  flags: string | null;
  pinning: string | null;
  innerValues: string | null;
  attributes: Array<{macro: string; key: string; value: string}>;
  conditions: string[];
  file: string;
  line: number;
  endLine: number;
  objects: string[];
  goPackage: string | null;
  goRefs: GoMapRef[];
}

export interface CellModule {
  id: string;
  description: string;
  file: string;
  line: number;
  /** How the parent refers to this module, e.g. `loader.Cell` or `pprof.Cell(pprofConfig)`. */
  reference: string;
  /** Cells directly inside the module (through groups, vars and helper functions), by kind. */
  counts: Record<string, number>;
  children: CellModule[];
  /** Allowlisted references that were not followed, with the reason. */
  unresolved: Array<{reference: string; file: string; line: number; reason: string}>;
}

/** A committed fact file, refused when it was extracted from another commit than the pinned one. */
export function readFactFile<T>(name: FactFile, root = SITE_ROOT): T {
  return readPinnedData<T>(join(root, 'src/data/facts', name), 'npm run facts:extract -- --cilium <git-dir>');
}
