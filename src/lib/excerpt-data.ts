/**
 * The committed excerpt data (src/data/excerpts.json): its shape, how an author's attributes
 * are parsed, and the integrity rules the build enforces without a Cilium checkout.
 */
import {createHash} from 'node:crypto';
import {join} from 'node:path';
import {readPinnedData} from './pinned-data';
import {ASCII_ID, SITE_ROOT} from './mdx-scan';

export const EXCERPT_DATA_PATH = join(SITE_ROOT, 'src/data/excerpts.json');
export const SYNC_COMMAND = 'npm run excerpts:sync -- --cilium <git-dir>';

export interface LineRange {
  from: number;
  to: number;
}

export interface StoredRange {
  from: number;
  /** The source lines, byte for byte, without line terminators. */
  lines: string[];
}

export interface StoredExcerpt {
  path: string;
  lines: string;
  anchor?: string;
  highlight?: string;
  /** sha256 of all shown lines joined by "\n". */
  sha256: string;
  ranges: StoredRange[];
}

export interface StoredFile {
  blob: string;
  lineCount: number;
}

export interface ExcerptData {
  $comment: string;
  commit: string;
  files: Record<string, StoredFile>;
  excerpts: Record<string, StoredExcerpt>;
  /** `path#Lx-Ly` → sha256 of those lines, so prose links notice drift too. */
  links: Record<string, {sha256: string}>;
}

/** Attributes that define what an excerpt shows; they must agree across locales and with the data. */
export const IDENTITY_ATTRS = ['path', 'lines', 'anchor', 'highlight'] as const;
export const KNOWN_ATTRS = new Set(['id', 'title', ...IDENTITY_ATTRS]);

export function sha256(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** "10-20,31-40" → ranges; throws a message for the author when malformed. */
export function parseLineSpec(spec: string): LineRange[] {
  const ranges = spec.split(',').map((part) => {
    const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!match) throw new Error(`"${spec}" is not a line list; write e.g. lines="120-150" or "120-130,170-175"`);
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < from) throw new Error(`"${part.trim()}" in "${spec}" is not an ascending range of lines`);
    return {from, to};
  });
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].from <= ranges[i - 1].to + 1) {
      throw new Error(`ranges in "${spec}" must ascend with a gap between them (a gap is shown folded)`);
    }
  }
  return ranges;
}

export function lineInRanges(line: number, ranges: LineRange[]): boolean {
  return ranges.some((r) => line >= r.from && line <= r.to);
}

export function countLines(ranges: LineRange[]): number {
  return ranges.reduce((sum, r) => sum + r.to - r.from + 1, 0);
}

/** The longest excerpt the guide quotes; longer quotes must be split or cut. */
export const MAX_EXCERPT_LINES = 40;

/** `path#L10-L20` (or `#L10`, or no fragment) → parts; throws a message for the author. */
export function parseLinkTarget(target: string): {path: string; from?: number; to?: number} {
  const match = /^([^#\s]+?)(?:#L(\d+)(?:-L(\d+))?)?$/.exec(target);
  if (!match) throw new Error(`"cilium:${target}" is not a source link; write cilium:path/to/file.go#L10-L20`);
  const [, path, a, b] = match;
  if (a === undefined) return {path};
  const from = Number(a);
  const to = b === undefined ? from : Number(b);
  if (from < 1 || to < from) throw new Error(`"cilium:${target}" has a descending line range`);
  return {path, from, to};
}

export function loadExcerptData(path = EXCERPT_DATA_PATH): ExcerptData {
  return readPinnedData<ExcerptData>(path, SYNC_COMMAND);
}

export function isExcerptId(id: string): boolean {
  return ASCII_ID.test(id);
}
