/**
 * Where quoted lines went between two versions of a file, from `git diff -U0` hunks, and the
 * status rules of issue 13, decided by exact text. Pure functions: derive.ts feeds them git output.
 */
import {type LineRange, MAX_EXCERPT_LINES, type StoredRange} from '../../src/lib/excerpt-data';
import {type DriftStatus, lineDiff} from '../../src/lib/drift';

/** `@@ -a,b +c,d @@`: old lines a..a+b-1 became new lines c..c+d-1 (b = 0: inserted after old line a; d = 0: deleted after new line c). */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** The hunks of a unified diff (any context; -U0 gives exact changed lines). */
export function parseHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const match of diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    hunks.push({
      oldStart: Number(match[1]),
      oldCount: match[2] === undefined ? 1 : Number(match[2]),
      newStart: Number(match[3]),
      newCount: match[4] === undefined ? 1 : Number(match[4]),
    });
  }
  return hunks;
}

/** Whether old line `line` comes after the hunk (so the hunk shifts it). */
const before = (h: Hunk, line: number): boolean => (h.oldCount === 0 ? h.oldStart < line : h.oldStart + h.oldCount - 1 < line);
const covers = (h: Hunk, line: number): boolean => h.oldCount > 0 && line >= h.oldStart && line < h.oldStart + h.oldCount;

/**
 * The new line where old line `line` is, or where the hunk that replaced it begins (`edge` "start")
 * or ends (`edge` "end"). Insertions next to a range's ends stay outside it; inside it they widen it.
 */
export function mapLine(line: number, hunks: Hunk[], edge: 'start' | 'end'): number {
  let delta = 0;
  for (const h of hunks) {
    if (covers(h, line)) {
      if (h.newCount === 0) return edge === 'start' ? h.newStart + 1 : h.newStart;
      return edge === 'start' ? h.newStart : h.newStart + h.newCount - 1;
    }
    if (before(h, line)) delta += h.newCount - h.oldCount;
  }
  return line + delta;
}

/**
 * The region of the new file that old lines `range` became. When every line of the range was
 * deleted the region is empty: `{from: n, to: n - 1}`, "nothing, just before line n".
 */
export function mapRange(range: LineRange, hunks: Hunk[]): LineRange {
  const from = mapLine(range.from, hunks, 'start');
  const to = mapLine(range.to, hunks, 'end');
  return to >= from ? {from, to} : {from, to: from - 1};
}

/**
 * The target lines a diff panel quotes: each region whole when they fit in `budget` lines in all,
 * else with the tails of the longest runs of added lines left out (first down to two lines per
 * run, then entirely) until they fit. Lines the quoted text shares with the target are always kept.
 */
export function quoteTarget(quoted: StoredRange[], regions: LineRange[], lines: string[], budget = MAX_EXCERPT_LINES): StoredRange[] {
  const kept = new Set<number>();
  const runs: Array<{start: number; length: number; kept: number}> = [];
  regions.forEach((region, i) => {
    const ops = lineDiff(quoted[i].lines, lines.slice(region.from - 1, region.to));
    for (const op of ops) {
      if (op.op === 'del') continue;
      const line = region.from + op.b;
      kept.add(line);
      if (op.op !== 'add') continue;
      const last = runs[runs.length - 1];
      if (last && last.start + last.length === line) last.length++;
      else runs.push({start: line, length: 1, kept: 0});
    }
  });
  let excess = kept.size - budget;
  const longestFirst = runs.map((r) => ({...r, kept: r.length})).sort((a, b) => b.length - a.length || a.start - b.start);
  for (const floor of [2, 0]) {
    for (const run of longestFirst) {
      const cut = Math.min(run.kept - floor, excess);
      if (cut <= 0) continue;
      for (let line = run.start + run.kept - cut; line < run.start + run.kept; line++) kept.delete(line);
      run.kept -= cut;
      excess -= cut;
    }
  }
  const out: StoredRange[] = [];
  for (const line of [...kept].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.from + last.lines.length === line) last.lines.push(lines[line - 1]);
    else out.push({from: line, lines: [lines[line - 1]]});
  }
  return out;
}

/** Every 1-based line where `quoted` occurs verbatim and contiguous in `lines`. */
export function occurrences(lines: string[], quoted: string[]): number[] {
  const out: number[] = [];
  if (quoted.length === 0) return out;
  for (let i = 0; i + quoted.length <= lines.length; i++) {
    if (lines[i] === quoted[0] && quoted.every((q, j) => lines[i + j] === q)) out.push(i + 1);
  }
  return out;
}

export interface Classified {
  status: Exclude<DriftStatus, 'deleted'>;
  /** Per quoted range: where its text is at the target (moved), or the region it became (changed). */
  ranges: LineRange[];
}

/**
 * The status of quoted ranges against the target file's lines (issue 13):
 * unchanged — same file, same lines at the same numbers; moved — every range verbatim and
 * contiguous somewhere in the (possibly renamed) file; changed — anything else.
 * A range found verbatim is placed where it was found (the occurrence nearest to where the hunks
 * map it); otherwise at the region the hunks map it to.
 */
export function classify(quoted: StoredRange[], target: string[], hunks: Hunk[], samePath: boolean): Classified {
  const regions = quoted.map((r) => mapRange({from: r.from, to: r.from + r.lines.length - 1}, hunks));
  const found = quoted.map((r, i) => {
    const at = occurrences(target, r.lines);
    if (at.length === 0) return null;
    const near = regions[i].from;
    return at.reduce((best, x) => (Math.abs(x - near) < Math.abs(best - near) ? x : best));
  });
  const sameNumbers = quoted.every((r) => r.lines.every((line, j) => target[r.from - 1 + j] === line));
  if (samePath && sameNumbers) return {status: 'unchanged', ranges: quoted.map((r) => ({from: r.from, to: r.from + r.lines.length - 1}))};
  const ranges = quoted.map((r, i) => {
    const at = found[i];
    return at === null ? regions[i] : {from: at, to: at + r.lines.length - 1};
  });
  return {status: found.every((at) => at !== null) ? 'moved' : 'changed', ranges};
}

/** `R087\told\tnew` lines of `git diff -M --name-status` → old path → new path. */
export function parseRenames(nameStatus: string): Map<string, string> {
  const renames = new Map<string, string>();
  for (const line of nameStatus.split('\n')) {
    const [status, from, to] = line.split('\t');
    if (status?.startsWith('R') && from && to) renames.set(from, to);
  }
  return renames;
}
