/**
 * Which Go code names each BPF map: string constants and literals (tree-sitter-go) whose value is
 * the map's name, or the map's name plus "_" (per-endpoint maps, pinned as prefix + endpoint id,
 * e.g. callsmap.MapName = "cilium_calls_" for cilium_calls).
 */
import type {GoMapRef} from '../../src/lib/facts';
import {posix} from 'node:path';
import type {GoFile, GoIndex} from './go-index';
import {goConstString} from './go-index';
import {descendants, lineOf} from './parsers';

/** Directories searched for map names: the agent's packages and its entry points. */
export const GO_MAP_DIRS = ['pkg', 'daemon'];

interface NamedString {
  value: string;
  identifier: string | null;
  file: string;
  line: number;
}

/** Every map name -> the Go references to it, sorted with pkg/maps first. */
export function goMapReferences(index: GoIndex, mapNames: string[]): Map<string, GoMapRef[]> {
  const wanted = new Set(mapNames);
  const strings = GO_MAP_DIRS.flatMap((dir) => index.filesBelow(dir)).flatMap((f) => namedStrings(index, f));
  const out = new Map<string, GoMapRef[]>();
  for (const s of strings) {
    const exact = wanted.has(s.value);
    const prefixOf = s.value.endsWith('_') ? s.value.slice(0, -1) : null;
    const name = exact ? s.value : prefixOf !== null && wanted.has(prefixOf) ? prefixOf : null;
    if (name === null) continue;
    const ref: GoMapRef = {package: posix.dirname(s.file), file: s.file, line: s.line, identifier: s.identifier, value: s.value, match: exact ? 'exact' : 'prefix'};
    out.set(name, [...(out.get(name) ?? []), ref]);
  }
  for (const refs of out.values()) refs.sort(byPreference);
  return out;
}

function byPreference(a: GoMapRef, b: GoMapRef): number {
  const rank = (r: GoMapRef): number => (r.package.startsWith('pkg/maps/') ? 0 : 1) + (r.identifier ? 0 : 2);
  return rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line;
}

/**
 * String constants of a file (evaluated, so `MapNamePrefix + "6_global"` counts), constant
 * concatenations and string literals elsewhere in it; each literal is reported once, as part of
 * the largest of these it belongs to.
 */
function namedStrings(index: GoIndex, file: GoFile): NamedString[] {
  const pkg = index.package(posix.dirname(file.path));
  const out: NamedString[] = [];
  const covered = new Set<number>();
  for (const spec of descendants(file.root, ['const_spec', 'var_spec'])) {
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    spec.childrenForFieldName('name').forEach((name, i) => {
      const expr = values[i];
      const value = expr ? goConstString(index, pkg, file, expr) : null;
      if (value === null || !expr) return;
      out.push({value, identifier: name.text, file: file.path, line: lineOf(spec)});
      for (const lit of descendants(expr, STRING_LITERALS)) covered.add(lit.startIndex);
    });
  }
  // Concatenations of constants elsewhere, e.g. bpf.MapPath(cidrmap.MapName + "v4_dyn").
  for (const sum of descendants(file.root, 'binary_expression').filter((b) => b.parent?.type !== 'binary_expression')) {
    const value = descendants(sum, STRING_LITERALS).some((l) => covered.has(l.startIndex)) ? null : goConstString(index, pkg, file, sum);
    if (value === null) continue;
    out.push({value, identifier: null, file: file.path, line: lineOf(sum)});
    for (const lit of descendants(sum, STRING_LITERALS)) covered.add(lit.startIndex);
  }
  for (const lit of descendants(file.root, STRING_LITERALS)) {
    if (covered.has(lit.startIndex)) continue;
    out.push({value: goConstString(index, pkg, file, lit)!, identifier: null, file: file.path, line: lineOf(lit)});
  }
  return out;
}

const STRING_LITERALS = ['interpreted_string_literal', 'raw_string_literal'];
