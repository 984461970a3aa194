/**
 * The "Since v1.18.2" page's tables, from src/data/drift.json (through the reference data): per
 * guide page how many excerpts are unchanged, moved, changed or gone at the newer commit, and per
 * reference table what was removed and added there.
 */
import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import reference from '@generated/reference-data/default/reference.json';
import type {ReferenceData} from '@site/src/plugins/reference-data';
import type {DriftStatus, ReferenceTable} from '@site/src/lib/drift';
import {REFERENCE_TABLE_PAGE} from '@site/src/lib/reference-pages';
import {ciliumTreeAt} from '@site/src/lib/cilium';

const {drift} = reference as ReferenceData;
// The order of src/lib/drift.ts, kept by the data (that module reads files, so it stays out of the bundle).
const DRIFT_STATUSES = Object.keys(drift.pages[0]?.counts ?? {}) as DriftStatus[];
const REFERENCE_TABLES = Object.keys(drift.tables) as ReferenceTable[];

const statusLabel = (status: DriftStatus): string =>
  ({
    unchanged: translate({id: 'drift.status.unchanged', message: 'Unchanged'}),
    moved: translate({id: 'drift.status.moved', message: 'Moved'}),
    changed: translate({id: 'drift.status.changed', message: 'Changed'}),
    deleted: translate({id: 'drift.status.deleted', message: 'File removed'}),
  })[status];

/** Each table's page on the site, and its name there. */
const TABLES: Record<ReferenceTable, {page: string; name: () => string}> = {
  programs: {page: REFERENCE_TABLE_PAGE.programs, name: () => translate({id: 'drift.table.programs', message: 'Entry programs'})},
  tailCalls: {page: REFERENCE_TABLE_PAGE.tailCalls, name: () => translate({id: 'drift.table.tailCalls', message: 'Tail calls'})},
  maps: {page: REFERENCE_TABLE_PAGE.maps, name: () => translate({id: 'drift.table.maps', message: 'Maps'})},
  cells: {page: REFERENCE_TABLE_PAGE.cells, name: () => translate({id: 'drift.table.cells', message: 'Hive modules'})},
};

/** The target commit, linked to its tree on GitHub. */
export function DriftTarget(): ReactNode {
  return (
    <a href={ciliumTreeAt(drift.to)} target="_blank" rel="noopener noreferrer">
      {drift.label} (<code>{drift.to.slice(0, 12)}</code>)
    </a>
  );
}

export function DriftCommand(): ReactNode {
  return <code>{drift.command}</code>;
}

export function ExcerptDriftTable(): ReactNode {
  const total = (s: DriftStatus) => drift.pages.reduce((n, p) => n + p.counts[s], 0);
  return (
    <table data-drift-summary="excerpts">
      <caption>
        <Translate id="drift.excerpts.caption" values={{label: drift.label}}>{'Excerpts per guide page, compared with {label}'}</Translate>
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <Translate id="drift.col.page">Page</Translate>
          </th>
          {DRIFT_STATUSES.map((s) => (
            <th scope="col" key={s}>
              {statusLabel(s)}
            </th>
          ))}
          <th scope="col">
            <Translate id="drift.col.reread">To re-read</Translate>
          </th>
        </tr>
      </thead>
      <tbody>
        {drift.pages.map((page) => (
          <tr key={page.route} data-drift-page={page.route}>
            <th scope="row">
              <Link to={page.route}>{page.title}</Link>
            </th>
            {DRIFT_STATUSES.map((s) => (
              <td key={s} data-drift-count={s}>
                {page.counts[s]}
              </td>
            ))}
            <td>
              {page.excerpts.map((e, i) => (
                <React.Fragment key={e.id}>
                  {i > 0 && ', '}
                  <Link to={`${page.route}#${e.id}`} data-drift={e.status}>
                    <code>{e.id}</code>
                  </Link>
                </React.Fragment>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">
            <Translate id="drift.total">All pages</Translate>
          </th>
          {DRIFT_STATUSES.map((s) => (
            <td key={s} data-drift-total={s}>
              {total(s)}
            </td>
          ))}
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

export function ReferenceDriftList(): ReactNode {
  return (
    <ul data-drift-summary="reference">
      {REFERENCE_TABLES.map((table) => {
        const t = drift.tables[table];
        const {page, name} = TABLES[table];
        return (
          <li key={table} data-drift-table={table}>
            <Link to={page}>{name()}</Link>
            {': '}
            {t.status === 'failed' ? (
              <Translate id="drift.table.failed" values={{error: <code>{t.error.split('\n')[0]}</code>}}>
                {'not compared; the facts extractor could not read it at the newer commit ({error}).'}
              </Translate>
            ) : (
              <>
                <Translate id="drift.table.counts" values={{present: t.present, removed: t.removed.length, added: t.added.length}}>
                  {'{present} still there, {removed} removed, {added} added.'}
                </Translate>
                {t.removed.length > 0 && (
                  <>
                    {' '}
                    <Translate id="drift.table.removed">Removed:</Translate>{' '}
                    {t.removed.map((r, i) => (
                      <React.Fragment key={r.anchor}>
                        {i > 0 && ', '}
                        <Link to={`${page}#${r.anchor}`} data-drift="removed">
                          <code>{r.name}</code>
                        </Link>
                      </React.Fragment>
                    ))}
                    .
                  </>
                )}
                {t.added.length > 0 && (
                  <>
                    {' '}
                    <Translate id="drift.table.added">Added:</Translate>{' '}
                    {t.added.map((r, i) => (
                      <React.Fragment key={`${r.file}:${r.line}:${r.name}`}>
                        {i > 0 && ', '}
                        <a href={r.permalink} target="_blank" rel="noopener noreferrer" data-drift="added">
                          <code>{r.name}</code>
                        </a>
                      </React.Fragment>
                    ))}
                    .
                  </>
                )}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
