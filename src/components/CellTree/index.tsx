/**
 * The agent's hive module tree as nested <details>: it opens and closes without JavaScript;
 * with it, "expand all"/"collapse all" and opening the ancestors of a #module-… deep link. All of
 * that works on the DOM, so hydration keeps the server's tree as it is instead of walking it.
 */
import React, {type ReactNode, useEffect, useRef} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {KEPT_SERVER_HTML, useKeptServerHtml} from '@site/src/client/use-kept-server-html';
import reference from '@generated/reference-data/default/reference.json';
import type {ModuleRow, ReferenceData} from '@site/src/plugins/reference-data';
import {DriftNote, RemovedMark} from '@site/src/components/ReferenceTables/Drift';
import styles from './styles.module.css';

const {root} = (reference as ReferenceData).cells;
/** Levels open on first load: the agent and its top-level parts. */
const OPEN_DEPTH = 2;

function Module({node, depth}: {node: ModuleRow; depth: number}): ReactNode {
  useBrokenLinks().collectAnchor(node.anchor);
  // Cell kinds are identifiers (cell.Provide, …), shown as code in every locale.
  const counts = Object.entries(node.counts)
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(', ');
  return (
    <li>
      <details id={node.anchor} open={depth < OPEN_DEPTH} data-module={node.id} data-drift={node.drift} className={styles.module}>
        <summary>
          <code className={styles.id}>{node.id}</code> <span lang="en">{node.description}</span>{' '}
          {node.children.length > 0 && <span className={styles.children}>({node.children.length})</span>}
          {node.drift === 'removed' && <RemovedMark />}
        </summary>
        <div className={styles.body}>
          {/* Where a module is written and what it holds: for reading, not for site search. */}
          <a href={node.permalink} target="_blank" rel="noopener noreferrer" data-search-skip="">
            <code>
              {node.file}:{node.line}
            </code>
          </a>
          {counts && <span className={styles.counts} data-search-skip=""> · <code>{counts}</code></span>}
          {node.guide && (
            <>
              {' · '}
              <Link to={node.guide}>{translate({id: 'reference.explained', message: 'explained in the guide'})}</Link>
            </>
          )}
          {node.children.length > 0 && (
            <ul className={styles.tree}>
              {node.children.map((child) => (
                <Module key={child.anchor} node={child} depth={depth + 1} />
              ))}
            </ul>
          )}
        </div>
      </details>
    </li>
  );
}

export default function CellTree(): ReactNode {
  const isBrowser = useIsBrowser();
  const {kept} = useKeptServerHtml();
  const tree = useRef<HTMLUListElement>(null);
  const setAll = (open: boolean) => tree.current?.querySelectorAll('details').forEach((d) => (d.open = open));

  // A deep link to a nested module opens the modules around it, then scrolls to it.
  useEffect(() => {
    const reveal = () => {
      const target = decodeURIComponent(window.location.hash.slice(1));
      const el = target && tree.current?.querySelector<HTMLElement>(`[id="${CSS.escape(target)}"]`);
      if (!el) return;
      for (let d: HTMLElement | null = el; d; d = d.parentElement?.closest('details') ?? null) (d as HTMLDetailsElement).open = true;
      el.scrollIntoView();
    };
    reveal();
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, []);

  return (
    <div className={styles.cellTree}>
      <div className={styles.toolbar}>
        <button type="button" className="button button--sm button--secondary" disabled={!isBrowser} data-until-runtime="" onClick={() => setAll(true)}>
          <Translate id="celltree.expandAll">Expand all</Translate>
        </button>
        <button type="button" className="button button--sm button--secondary" disabled={!isBrowser} data-until-runtime="" onClick={() => setAll(false)}>
          <Translate id="celltree.collapseAll">Collapse all</Translate>
        </button>
      </div>
      <ul className={styles.tree} ref={tree} aria-label={translate({id: 'celltree.label', message: 'Hive modules of cilium-agent'})}
        {...(kept ? KEPT_SERVER_HTML : {children: <Module node={root} depth={0} />})} />
      <DriftNote table="cells" />
    </div>
  );
}
