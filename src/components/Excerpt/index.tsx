/**
 * The frame around a build-time rendered excerpt (see src/rehype/excerpts.ts): header with the
 * path, version and permalink, a copy button, and the link between callout markers and notes.
 */
import React, {type ReactNode, useCallback, useEffect, useRef, useState} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {DriftBadge, DriftPanel, type DriftProps} from './Drift';
import styles from './styles.module.css';

export interface ExcerptProps extends DriftProps {
  id: string;
  path: string;
  title?: string;
  commit: string;
  version: string;
  permalink: string;
  lang: string;
  /** The shown line ranges, e.g. "10-20,31-40" (set by the build). */
  shownLines: string;
  noteCount: string;
  /** The highlighted lines as HTML, rendered by src/rehype/excerpts.ts at build time. */
  code: string;
  /** The notes (<ol>), when the excerpt has callouts. */
  children?: ReactNode;
}

function* lineNumbers(spec: string): Generator<number> {
  for (const part of spec.split(',')) {
    const [from, to] = part.split('-').map(Number);
    for (let n = from; n <= to; n++) yield n;
  }
}

/** The text of the shown lines only: no line numbers, markers or elisions. */
function shownCode(root: HTMLElement): string {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-line] > .excerpt-code'))
    .map((el) => el.textContent ?? '')
    .join('\n');
}

function CopyButton({target, ready}: {target: React.RefObject<HTMLElement | null>; ready: boolean}) {
  const [copied, setCopied] = useState(false);
  const copy = useCallback(async () => {
    if (!target.current) return;
    await navigator.clipboard.writeText(shownCode(target.current));
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  }, [target]);
  return (
    // Rendered on the server too, so the header never changes size; shown once it can work.
    <button type="button" className={styles.copy} onClick={copy} aria-live="polite" disabled={!ready} hidden={!ready}>
      {copied ? (
        <Translate id="excerpt.copied" description="Shown after the excerpt's code was copied">Copied</Translate>
      ) : (
        <Translate id="excerpt.copy" description="Button that copies the excerpt's code">Copy</Translate>
      )}
    </button>
  );
}

export default function Excerpt(props: ExcerptProps): ReactNode {
  const {id, path, title, commit, version, permalink, lang, shownLines, noteCount, code, children, drift, driftCommit, driftLines} = props;
  const root = useRef<HTMLElement>(null);
  const [activeNote, setActiveNote] = useState<string | null>(null);

  // Let Docusaurus' broken-anchor check know every line and note id we render.
  const brokenLinks = useBrokenLinks();
  brokenLinks.collectAnchor(id);
  for (const n of lineNumbers(shownLines)) brokenLinks.collectAnchor(`${id}-L${n}`);
  for (let n = 1; n <= Number(noteCount); n++) brokenLinks.collectAnchor(`${id}-note-${n}`);

  // Hover or focus on a marker or a note relates the two (keyboard and touch alike).
  const relate = (event: React.SyntheticEvent) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-callout]');
    setActiveNote(el?.dataset.callout ?? null);
  };
  useEffect(() => {
    const related = activeNote ? root.current?.querySelectorAll(`[data-callout="${activeNote}"]`) : undefined;
    related?.forEach((el) => el.classList.add('is-related'));
    return () => related?.forEach((el) => el.classList.remove('is-related'));
  }, [activeNote]);
  // Copying needs JavaScript; without it the button stays hidden.
  const isBrowser = useIsBrowser();
  const [from] = lineNumbers(shownLines);
  const to = shownLines.split(',').pop()!.split('-')[1];

  return (
    <figure
      ref={root}
      id={id}
      className={styles.excerpt}
      data-cilium-excerpt=""
      data-commit={commit}
      data-path={path}
      data-lang={lang}
      data-drift={drift}
      data-drift-commit={driftCommit}
      data-drift-lines={driftLines}
      data-active-callout={activeNote ?? undefined}
      onMouseOver={relate}
      onFocus={relate}
      onMouseLeave={() => setActiveNote(null)}
      onBlur={() => setActiveNote(null)}>
      <figcaption className={styles.header}>
        <span className={styles.title}>
          {title && <span className={styles.caption}>{title}</span>}
          <code className={styles.path}>{path}</code>
          <span className={styles.meta}>
            <Translate id="excerpt.lines" values={{from, to, version}} description="Line range and Cilium version of an excerpt">
              {'lines {from}–{to} · Cilium v{version}'}
            </Translate>
          </span>
          <DriftBadge {...props} />
        </span>
        <span className={styles.actions}>
          <CopyButton target={root} ready={isBrowser} />
          <a className={styles.github} href={permalink} target="_blank" rel="noopener noreferrer"
            title={translate({id: 'excerpt.permalink.title', message: 'Open these lines on GitHub at the pinned commit'})}>
            <Translate id="excerpt.permalink" description="Link from an excerpt to the same lines on GitHub">View on GitHub</Translate>
          </a>
        </span>
      </figcaption>
      {/* Static HTML: React hydrates one node here, not one per token. */}
      <pre className="excerpt-pre" tabIndex={0} data-lang={lang}>
        <code dangerouslySetInnerHTML={{__html: code}} />
      </pre>
      <DriftPanel {...props} />
      {children}
    </figure>
  );
}
