/**
 * A static table of generated facts with a filter box and sortable columns. Every row is in the
 * server-rendered HTML (readable and searchable without JavaScript); filtering and sorting only
 * reorder or hide rows in the browser. Hydration keeps the server's rows as they are (hundreds of
 * rows, each with links); React takes them over the first time a reader filters or sorts.
 */
import React, {type ReactNode, useEffect, useMemo, useRef, useState} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {breakableHtml} from './breakable';
import {KEPT_SERVER_HTML, useKeptServerHtml} from '@site/src/client/use-kept-server-html';
import styles from './styles.module.css';

/** An identifier as code that may wrap at `_`, `/` and `.` (see breakable.ts). One HTML string, not a node per piece. */
export function Ident({text}: {text: string}): ReactNode {
  return <code dangerouslySetInnerHTML={{__html: breakableHtml(text)}} />;
}

export interface Column<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  /** The value the column sorts by; columns without one are not sortable. */
  sortBy?: (row: Row) => string | number;
  /** false: the site search skips this column (details that would only bloat the index). */
  searchable?: false;
}

interface Props<Row extends {anchor: string; drift?: string}> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** All the text a filter query is matched against (case-insensitive). */
  filterText: (row: Row) => string;
  /**
   * false: every card is laid out on load. By default a card away from the viewport waits until a
   * reader nears it (content-visibility, styles.module.css). A table whose cards hold lists of
   * links opts out: until a waiting card is drawn its links' boxes move with every measurement, and
   * a checker of tap-target spacing (axe's target-size, in Lighthouse) sees them overlap.
   */
  lazyCards?: boolean;
}

export default function FactTable<Row extends {anchor: string; drift?: string}>({caption, columns, rows, filterText, lazyCards = true}: Props<Row>): ReactNode {
  const isBrowser = useIsBrowser();
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
        {/* --columns sizes a waiting card before it is first drawn. */}
        <table className={styles.table} data-lazy-cards={lazyCards ? '' : undefined} style={lazyCards ? ({'--columns': columns.length} as React.CSSProperties) : undefined}>
          <caption className={styles.caption}>{caption}</caption>
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
                <tr key={row.anchor} id={row.anchor} data-fact-row="" data-drift={row.drift}>
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
