/**
 * What an excerpt became in a newer Cilium (props set by src/rehype/excerpt-drift.ts): a badge
 * for the excerpt's header, and for changed code a closed <details> with the line diff, whose rows
 * arrive as one HTML string.
 */
import React, {type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

export type DriftStatus = 'unchanged' | 'moved' | 'changed' | 'deleted';

export interface DriftProps {
  drift: DriftStatus;
  driftCommit: string;
  driftLabel: string;
  /** The file at the target (differs from the quoted path after a rename). */
  driftPath: string;
  driftLink: string;
  /** moved and changed: the new line ranges, "a-b,c-d". */
  driftLines?: string;
  /** changed: the diff's <tbody> rows as HTML. */
  driftDiff?: string;
}

/** "a-b,c-d" as readers write it: "a–b, c–d" (a one-line range as one number). */
function readableLines(spec: string): string {
  return spec
    .split(',')
    .filter(Boolean)
    .map((r) => {
      const [from, to] = r.split('-');
      return from === to ? from : `${from}–${to}`;
    })
    .join(', ');
}

function badgeText({drift, driftLabel: label, driftLines, driftPath}: DriftProps, renamed: boolean): ReactNode {
  const path = <code>{driftPath}</code>;
  switch (drift) {
    case 'unchanged':
      return (
        <Translate id="excerpt.drift.unchanged" values={{label}} description="Badge: the excerpt is identical, same lines, in a newer Cilium">
          {'unchanged in {label}'}
        </Translate>
      );
    case 'moved':
      return renamed ? (
        <Translate id="excerpt.drift.movedRenamed" values={{label, lines: readableLines(driftLines ?? ''), path}} description="Badge: the excerpt is identical in a renamed file">
          {'moved to {path} lines {lines} in {label}'}
        </Translate>
      ) : (
        <Translate id="excerpt.drift.moved" values={{label, lines: readableLines(driftLines ?? '')}} description="Badge: the excerpt is identical at other lines">
          {'moved to lines {lines} in {label}'}
        </Translate>
      );
    case 'changed':
      return renamed ? (
        <Translate id="excerpt.drift.changedRenamed" values={{label, path}} description="Badge: the excerpt's code differs, in a renamed file">
          {'changed in {label}, now in {path}'}
        </Translate>
      ) : (
        <Translate id="excerpt.drift.changed" values={{label}} description="Badge: the excerpt's code differs in a newer Cilium">
          {'changed in {label}'}
        </Translate>
      );
    case 'deleted':
      return (
        <Translate id="excerpt.drift.deleted" values={{label}} description="Badge: the quoted file no longer exists in a newer Cilium">
          {'file removed in {label}'}
        </Translate>
      );
  }
}

export function DriftBadge(props: DriftProps & {path: string}): ReactNode {
  return (
    <a
      className={styles.driftBadge}
      data-drift-badge={props.drift}
      href={props.driftLink}
      target="_blank"
      rel="noopener noreferrer"
      title={translate({id: 'excerpt.drift.title', message: 'Open the same place in the newer Cilium on GitHub'})}>
      {badgeText(props, props.driftPath !== props.path)}
    </a>
  );
}

export function DriftPanel({driftDiff, driftLabel, version, path, title, shownLines}: DriftProps & {version: string; path: string; title?: string; shownLines: string}): ReactNode {
  if (!driftDiff) return null;
  const caption = translate(
    {id: 'excerpt.drift.diffCaption', message: 'Quoted lines (Cilium v{version}) against the same region in {label}'},
    {version, label: driftLabel},
  );
  // Several panels can share a page; each scroll region needs its own name.
  const regionName = `${caption}: ${title ?? `${path} ${shownLines}`}`;
  return (
    <details className={styles.driftPanel} data-drift-panel="">
      <summary>
        <Translate id="excerpt.drift.summary" values={{label: driftLabel}} description="Opens the diff of an excerpt against a newer Cilium">
          {'How this code reads in {label}'}
        </Translate>
      </summary>
      <div className={styles.driftScroll} role="region" aria-label={regionName} tabIndex={0}>
        <table className="drift-diff">
          <caption className={styles.driftCaption}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">v{version}</th>
              <th scope="col">{driftLabel}</th>
              <th scope="col">
                <Translate id="excerpt.drift.code" description="Column of the diff that holds the code">Code</Translate>
              </th>
            </tr>
          </thead>
          {/* Static HTML rows: no React node per line. */}
          <tbody dangerouslySetInnerHTML={{__html: driftDiff}} />
        </table>
      </div>
    </details>
  );
}
