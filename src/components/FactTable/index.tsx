/**
 * A static table of generated facts with a filter box and sortable columns. Every row is in the
 * server-rendered HTML (readable and searchable without JavaScript); filtering and sorting only
 * reorder or hide rows in the browser. Hydration keeps the server's rows as they are (hundreds of
 * rows, each with links); React takes them over the first time a reader filters or sorts. It reads
 * its page's front matter (useDoc), so it belongs on a docs page.
 */
import React, {type ReactNode, useEffect, useMemo, useRef, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import {docsColumnPx} from '@site/src/lib/docs-column';
import {breakableHtml} from './breakable';
import {CARD_LINE_UNITS, lineUnits} from './card-lines';
import {KEPT_SERVER_HTML, useKeptServerHtml} from '@site/src/client/use-kept-server-html';
import styles from './styles.module.css';

/** An identifier as code that may wrap at `_`, `/` and `.` (see breakable.ts). One HTML string, not a node per piece. */
export function Ident({text}: {text: string}): ReactNode {
  return <code dangerouslySetInnerHTML={{__html: breakableHtml(text)}} />;
}

/** The link from a reference row to the guide section that explains it. */
export const explainedInTheGuide = (): string => translate({id: 'reference.explained', message: 'explained in the guide'});

export interface Column<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  /** The value the column sorts by; columns without one are not sortable. */
  sortBy?: (row: Row) => string | number;
  /** false: the site search skips this column (details that would only bloat the index). */
  searchable?: false;
  /**
   * The column's share of a wide table. Given for every column, the table's layout is fixed: its
   * columns do not widen as later rows arrive (a shift a reader sees while the page loads), and
   * long identifiers wrap rather than push the table past its column.
   */
  width?: string;
  /** Lines the value takes at most in a line of `lineUnits` (textLines): a card on a phone, or the column's cell; 1 when omitted. */
  lines?: (row: Row, lineUnits: number) => number;
}

/**
 * On a wide screen a fixed table's rows wait to be drawn too (styles.module.css, from 1200 px). A
 * row reserves its tallest cell, wrapped at the column's share of the narrowest table drawn so: the
 * docs column at 1200 px, with the page's table of contents beside it or not. From 1440 px the
 * column is wider (about 1.3×; less wrapping) and a row reserves for that width where it differs.
 */
const ROW_TABLE_VIEWPORTS_PX = {narrowest: 1200, wide: 1440};
/**
 * A classic scrollbar (Windows, most Linux desktops) is inside the width a media query sees, so the
 * column is that much narrower there than in a browser with overlay scrollbars (headless Chromium).
 */
const CLASSIC_SCROLLBAR_PX = 17;
/** A cell's horizontal padding (Infima's 0.75rem on each side). */
const CELL_PADDING_PX = 24;

function columnUnits(width: string, tablePx: number): number {
  const share = /^(\d+(?:\.\d+)?)%$/.exec(width);
  if (!share) throw new Error(`FactTable: a column width is a share of the table, like "20%" (got "${width}").`);
  return lineUnits((Number(share[1]) / 100) * tablePx - CELL_PADDING_PX);
}

interface Props<Row extends {anchor: string; drift?: string}> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** All the text a filter query is matched against (case-insensitive). */
  filterText: (row: Row) => string;
}

export default function FactTable<Row extends {anchor: string; drift?: string}>({caption, columns, rows, filterText}: Props<Row>): ReactNode {
  const isBrowser = useIsBrowser();
  const {frontMatter} = useDoc();
  const serverRows = useKeptServerHtml();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{column: number; direction: 1 | -1} | null>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  // A reader may type before the runtime runs (src/client/before-runtime.ts enables the box): filter by it.
  useEffect(() => {
    const typed = filterBox.current?.value;
    if (!typed) return;
    serverRows.release();
    setQuery(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  const brokenLinks = useBrokenLinks();
  for (const row of rows) brokenLinks.collectAnchor(row.anchor);

  const haystacks = useMemo(() => rows.map((row) => filterText(row).toLowerCase()), [rows, filterText]);
  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const shown = rows.filter((_, i) => !needle || haystacks[i].includes(needle));
    const key = sort && columns[sort.column].sortBy;
    if (!sort || !key) return shown;
    return [...shown].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order * sort.direction;
    });
  }, [rows, haystacks, query, sort, columns]);

  const fixedLayout = columns.every((column) => column.width);
  // On a phone a card away from the viewport waits to be laid out (styles.module.css), as tall as
  // its labels and values may be: a line for each label, and each value's lines.
  const cardLines = (row: Row) => Math.ceil(columns.reduce((lines, column) => lines + 1 + Math.max(1, column.lines?.(row, CARD_LINE_UNITS) ?? 1), 0));
  // On a wide screen a fixed table's row waits as tall as its tallest cell may be.
  const toc = !frontMatter.hide_table_of_contents;
  const unitsAt = (viewportPx: number) => columns.map((column) => columnUnits(column.width!, docsColumnPx(viewportPx - CLASSIC_SCROLLBAR_PX, {toc})));
  const units = fixedLayout ? {narrowest: unitsAt(ROW_TABLE_VIEWPORTS_PX.narrowest), wide: unitsAt(ROW_TABLE_VIEWPORTS_PX.wide)} : null;
  const rowLines = (row: Row, cellUnits: number[]) => Math.ceil(Math.max(...columns.map((column, i) => Math.max(1, column.lines?.(row, cellUnits[i]) ?? 1))));
  const rowSize = (row: Row): React.CSSProperties => {
    const size: Record<string, number> = {'--card-lines': cardLines(row)};
    if (units) {
      size['--row-lines'] = rowLines(row, units.narrowest);
      const wide = rowLines(row, units.wide);
      if (wide !== size['--row-lines']) size['--row-lines-wide'] = wide;
    }
    return size as React.CSSProperties;
  };

  const toggleSort = (column: number) => {
    serverRows.release();
    setSort((current) => ({column, direction: current?.column === column && current.direction === 1 ? -1 : 1}));
  };

  return (
    <div className={styles.factTable}>
      <div className={styles.toolbar}>
        <label className={styles.filter}>
          <span>
            <Translate id="facttable.filter" description="Label of the filter box above a reference table">Filter</Translate>
          </span>
          <input
            ref={filterBox}
            type="search"
            value={query}
            disabled={!isBrowser}
            data-until-runtime=""
            onChange={(event) => {
              serverRows.release();
              setQuery(event.target.value);
            }}
            placeholder={translate({id: 'facttable.filter.placeholder', message: 'name, file, type…'})}
          />
        </label>
        <output aria-live="polite" className={styles.count}>
          <Translate id="facttable.count" values={{shown: visible.length, total: rows.length}} description="How many rows the filter shows">
            {'{shown} of {total}'}
          </Translate>
        </output>
      </div>
      <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
        {/* --columns and each row's --card-lines size a waiting card before it is first drawn; a
            fixed table's --column-widths and --row-lines (--row-lines-wide) lay out and size its waiting rows. */}
        <table
          className={clsx(styles.table, fixedLayout && styles.fixed)}
          data-lazy-cards=""
          style={{'--columns': columns.length, ...(fixedLayout && {'--column-widths': columns.map((column) => column.width).join(' '), '--table-min-width': `${Math.floor(docsColumnPx(ROW_TABLE_VIEWPORTS_PX.narrowest, {toc}))}px`})} as React.CSSProperties}>
          <caption className={styles.caption}>{caption}</caption>
          {fixedLayout && (
            <colgroup>
              {columns.map((column) => (
                <col key={column.label} style={{width: column.width}} />
              ))}
            </colgroup>
          )}
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th
                  key={column.label}
                  scope="col"
                  aria-sort={sort?.column === i ? (sort.direction === 1 ? 'ascending' : 'descending') : undefined}>
                  {column.sortBy ? (
                    // On the server too (disabled until React runs), so the header keeps its size on hydration.
                    <button type="button" className={styles.sort} disabled={!isBrowser} data-until-runtime="" onClick={() => toggleSort(i)}>
                      {column.label}
                      <span aria-hidden="true">{sort?.column === i ? (sort.direction === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {serverRows.kept ? (
            <tbody {...KEPT_SERVER_HTML} />
          ) : (
            <tbody>
              {visible.map((row) => (
                <tr key={row.anchor} id={row.anchor} data-fact-row="" data-drift={row.drift} style={rowSize(row)}>
                  {columns.map((column) => (
                    // The label heads each stacked card on a narrow screen (styles.module.css).
                    <td key={column.label} data-label={column.label} data-search-skip={column.searchable === false ? '' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          )}
        </table>
      </div>
    </div>
  );
}
