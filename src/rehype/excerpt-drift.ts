/**
 * What an excerpt became in a newer Cilium (src/data/drift.json), as the props the Excerpt frame
 * needs: its status, the target commit and new lines (the data-drift-* contract), a link to the
 * same place at the target, and for `changed` the rows of a line diff, built here as one HTML
 * string with upstream line numbers on both sides.
 */
import {statSync} from 'node:fs';
import {dirname} from 'node:path';
import type {Element, ElementContent} from 'hast';
import {toHtml} from 'hast-util-to-html';
import {ciliumPermalinkAt, ciliumTreeAt} from '../lib/cilium';
import {EXCERPT_WORDS} from '../lib/generated-text';
import {DRIFT_DATA_PATH, type DiffOp, type DriftData, type ExcerptDrift, checkDriftData, lineDiff, loadDriftData, rangesSpec} from '../lib/drift';
import type {Locale} from '../lib/mdx-scan';
import type {ExcerptData, LineRange, StoredExcerpt} from '../lib/excerpt-data';

/** Highlighted lines, one list of inline nodes per line (the excerpt's own highlighter and palette). */
export type HighlightLines = (lines: string[]) => ElementContent[][];

// Re-read and re-check only when `npm run drift` rewrote the file.
let cached: {mtimeMs: number; excerpts: ExcerptData; data: DriftData} | undefined;
/** The drift data, checked against the excerpt data it describes; throws a message naming what to run. */
export function driftData(excerpts: ExcerptData, path = DRIFT_DATA_PATH): DriftData {
  const {mtimeMs} = statSync(path);
  if (cached && cached.mtimeMs === mtimeMs && cached.excerpts === excerpts) return cached.data;
  const data = loadDriftData(path);
  const problems = checkDriftData(data, excerpts, path);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  cached = {mtimeMs, excerpts, data};
  return data;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({type: 'element', tagName, properties, children});
const text = (value: string): ElementContent => ({type: 'text', value});
const nonEmpty = (ranges: LineRange[]): LineRange[] => ranges.filter((r) => r.to >= r.from);

/** Where the badge points: the shown lines, their new region, or the folder a removed file was in. */
function targetLink(to: string, stored: StoredExcerpt, entry: ExcerptDrift): string {
  if (entry.status === 'deleted') return ciliumTreeAt(to, dirname(entry.path));
  const shown = stored.ranges.map((r) => ({from: r.from, to: r.from + r.lines.length - 1}));
  const regions = entry.ranges ? nonEmpty(entry.ranges) : shown;
  // A range deleted outright has no lines; point at the line where it used to be.
  if (regions.length === 0) return ciliumPermalinkAt(to, entry.path, Math.max(1, entry.ranges![0].from - 1));
  return ciliumPermalinkAt(to, entry.path, regions[0].from, regions[regions.length - 1].to);
}

/** The props an <Excerpt> gets for its drift; `driftLines` and `driftDiff` only where the contract has them. */
export function excerptDriftProps(id: string, stored: StoredExcerpt, data: DriftData, highlight: HighlightLines, locale: Locale): Record<string, string> {
  const entry = data.excerpts[id];
  const props: Record<string, string> = {
    drift: entry.status,
    driftCommit: data.to,
    driftLabel: data.label,
    driftPath: entry.path,
    driftLink: targetLink(data.to, stored, entry),
  };
  if (entry.ranges) props.driftLines = rangesSpec(nonEmpty(entry.ranges));
  if (entry.status === 'changed') props.driftDiff = diffRows(id, stored, entry, data.to, highlight, locale);
  return props;
}

/** The <tbody> rows of the diff of each quoted range against its region at the target. */
export function diffRows(excerptId: string, stored: StoredExcerpt, entry: ExcerptDrift, to: string, highlight: HighlightLines, locale: Locale): string {
  const targetLines = new Map<number, string>();
  for (const range of entry.target ?? []) range.lines.forEach((line, i) => targetLines.set(range.from + i, line));
  const rows: Element[] = [];
  stored.ranges.forEach((quoted, i) => {
    const region = entry.ranges![i];
    if (i > 0) rows.push(el('tr', {className: ['drift-gap']}, [el('td', {colSpan: 3}, [text('⋯')])]));
    // The panel quotes some lines of a long region; the rest are added lines, folded into a link.
    const kept = [...targetLines.keys()].filter((n) => n >= region.from && n <= region.to).sort((a, b) => a - b);
    const newLines = kept.map((n) => targetLines.get(n)!);
    const [oldTokens, newTokens] = [highlight(quoted.lines), highlight(newLines)];
    let next = region.from;
    const fold = (upTo: number) => {
      if (upTo > next) rows.push(foldedRow(entry.path, to, next, upTo - 1));
    };
    const ops = lineDiff(quoted.lines, newLines);
    const shown = nearChanges(ops);
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k];
      if (op.op !== 'del') {
        fold(kept[op.b]);
        next = kept[op.b] + 1;
      }
      if (!shown[k]) {
        // A run of unchanged lines far from any change: the excerpt above shows them already.
        let end = k;
        while (end + 1 < ops.length && !shown[end + 1]) end++;
        const lastOp = ops[end] as Extract<DiffOp, {op: 'same'}>;
        rows.push(unchangedRow(excerptId, quoted.from + (op as Extract<DiffOp, {op: 'same'}>).a, quoted.from + lastOp.a, locale));
        next = kept[lastOp.b] + 1;
        k = end;
        continue;
      }
      const oldLine = op.op === 'add' ? '' : String(quoted.from + op.a);
      const newLine = op.op === 'del' ? '' : String(kept[op.b]);
      const code = op.op === 'add' ? newTokens[op.b] : oldTokens[op.a];
      rows.push(diffRow(op.op, oldLine, newLine, code));
    }
    fold(region.to + 1);
  });
  return toHtml(rows);
}

/** Unchanged lines kept on each side of a change, as in a unified diff. */
const CONTEXT = 2;
const MIN_FOLD = 3;

/** Which diff rows to show: every change, and the unchanged lines within CONTEXT of one. */
function nearChanges(ops: DiffOp[]): boolean[] {
  const shown = ops.map((op) => op.op !== 'same');
  ops.forEach((op, k) => {
    if (op.op === 'same') return;
    for (let d = Math.max(0, k - CONTEXT); d <= Math.min(ops.length - 1, k + CONTEXT); d++) shown[d] = true;
  });
  // A fold row is worth it only in place of MIN_FOLD lines or more.
  for (let k = 0; k < ops.length; ) {
    let end = k;
    while (end < ops.length && !shown[end]) end++;
    if (end - k < MIN_FOLD) for (let d = k; d < end; d++) shown[d] = true;
    k = end + 1;
  }
  return shown;
}

/** Quoted lines the target has unchanged, far from any change: one row linking to them in the excerpt. */
function unchangedRow(excerptId: string, from: number, last: number, locale: Locale): Element {
  return el('tr', {className: ['drift-gap'], dataUnchanged: `${from}-${last}`}, [
    el('td', {colSpan: 3}, [el('a', {href: `#${excerptId}-L${from}`}, [text(EXCERPT_WORDS[locale].unchanged(last - from + 1, from, last))])]),
  ]);
}

/** Unchanged code sits bare in its cell; removed and added code in <del> and <ins>. The +/- signs and
 * the cells' looks come from CSS on tr[data-diff], so a row is three cells and its tokens. */
function diffRow(op: 'same' | 'del' | 'add', oldLine: string, newLine: string, code: ElementContent[]): Element {
  return el('tr', {dataDiff: op}, [
    el('td', {}, oldLine ? [text(oldLine)] : []),
    el('td', {}, newLine ? [text(newLine)] : []),
    el('td', {}, op === 'same' ? code : [el(op === 'del' ? 'del' : 'ins', {}, code)]),
  ]);
}

function foldedRow(path: string, to: string, from: number, last: number): Element {
  const count = last - from + 1;
  return el('tr', {className: ['drift-fold']}, [
    el('td', {colSpan: 3}, [
      el('a', {href: ciliumPermalinkAt(to, path, from, last), target: '_blank', rel: ['noopener', 'noreferrer']}, [text(`⋯ +${count} (${from}–${last})`)]),
    ]),
  ]);
}
