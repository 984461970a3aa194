/**
 * How a reference table compares with the newer Cilium of src/data/drift.json: a mark on rows
 * removed there, and under each table the rows new there with their permalinks at that commit.
 */
import React, {type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import reference from '@generated/reference-data/default/reference.json';
import type {ReferenceData} from '@site/src/plugins/reference-data';
import type {ReferenceTable} from '@site/src/lib/drift';
import styles from './styles.module.css';

const {drift} = reference as ReferenceData;

/** Beside the name of a row that is gone at the target. */
export function RemovedMark(): ReactNode {
  return (
    <span className={styles.removed} data-drift-mark="removed">
      <Translate id="reference.drift.removed" values={{label: drift.label}} description="Mark on a reference row that no longer exists in a newer Cilium">
        {'removed in {label}'}
      </Translate>
    </span>
  );
}

export function DriftNote({table}: {table: ReferenceTable}): ReactNode {
  const t = drift.tables[table];
  const label = drift.label;
  if (t.status === 'failed') {
    return (
      <p className={styles.driftNote} data-drift-table={table} data-drift-failed="">
        <Translate id="reference.drift.failed" values={{label, error: <code>{t.error.split('\n')[0]}</code>}} description="A reference table could not be compared with a newer Cilium">
          {'Not compared with {label}: the facts extractor could not read this table at that commit ({error}).'}
        </Translate>
      </p>
    );
  }
  return (
    <div className={styles.driftNote} data-drift-table={table}>
      <p>
        <Translate id="reference.drift.counts" values={{label, present: t.present, removed: t.removed.length, added: t.added.length}} description="How a reference table compares with a newer Cilium">
          {'In {label}: {present} of these rows are still there, {removed} are removed (marked above), {added} are new:'}
        </Translate>
      </p>
      {t.added.length > 0 && (
        <ul className={styles.added}>
          {t.added.map((row) => (
            <li key={`${row.file}:${row.line}:${row.name}`} data-drift="added">
              <a href={row.permalink} target="_blank" rel="noopener noreferrer">
                <code>{row.name}</code>
              </a>{' '}
              <code className={styles.where}>
                {row.file}:{row.line}
              </code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
