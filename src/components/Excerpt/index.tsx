/**
 * The frame around a build-time rendered excerpt (see src/rehype/excerpts.ts): header with the
 * path, version and permalink, a copy button, and the link between callout markers and notes
 * (behaviour in src/client/before-runtime.ts).
 */
import React, {type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {expandExcerptLines, lineNumbers} from '@site/src/lib/excerpt-lines';
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
  /** How wide the notes' text sets, in Latin characters (a CJK one counts two; set by the build). */
  noteTextWidth: string;
  /** The highlighted lines as HTML, rendered by src/rehype/excerpts.ts at build time, without
   *  each line's id and gutter (see src/lib/excerpt-lines.ts). */
  code: string;
  /** On the page's first excerpt only: the screen classes ("phone tablet desktop") where it may
   *  start in the first screen, so it is drawn at once (set by src/rehype/deferred-prose.ts). */
  drawnAtOnceOn?: string;
  /** The notes (<ol>), when the excerpt has callouts. */
  children?: ReactNode;
}

function CopyButton() {
  return (
    // Rendered on the server too, so the header never changes size; shown and made to work by
    // src/client/before-runtime.ts, which swaps the label through data-copied.
    <button type="button" className={styles.copy} data-excerpt-copy="" aria-live="polite">
      <span className={styles.copyIdle}>
        <Translate id="excerpt.copy" description="Button that copies the excerpt's code">Copy</Translate>
      </span>
      <span className={styles.copyDone}>
        <Translate id="excerpt.copied" description="Shown after the excerpt's code was copied">Copied</Translate>
      </span>
    </button>
  );
}

const AT_ONCE_ON: Record<string, string | undefined> = {phone: styles.atOnceOnPhone, tablet: styles.atOnceOnTablet, desktop: styles.atOnceOnDesktop};

const frameClass = (drawnAtOnceOn = ''): string =>
  [styles.excerpt, ...drawnAtOnceOn.split(' ').map((s) => AT_ONCE_ON[s])].filter(Boolean).join(' ');

export default function Excerpt(props: ExcerptProps): ReactNode {
  const {id, path, title, commit, version, permalink, lang, shownLines, noteCount, noteTextWidth, drawnAtOnceOn, code, children, drift, driftCommit, driftLines} = props;
  const shown = [...lineNumbers(shownLines)];
  // Let Docusaurus' broken-anchor check know every line and note id we render.
  const brokenLinks = useBrokenLinks();
  brokenLinks.collectAnchor(id);
  for (const n of shown) brokenLinks.collectAnchor(`${id}-L${n}`);
  for (let n = 1; n <= Number(noteCount); n++) brokenLinks.collectAnchor(`${id}-note-${n}`);

  const [from, to] = [shown[0], shown[shown.length - 1]];
  // What the frame's height before it is first drawn is estimated from (content-visibility in
  // styles.module.css): one row per shown line and per elision between ranges, and the notes.
  const rows = shown.length + shownLines.split(',').length - 1;
  const sizeHint = {'--excerpt-rows': rows, '--excerpt-notes': Number(noteCount), '--excerpt-note-text': Number(noteTextWidth)} as React.CSSProperties;

  return (
    // No React state or handlers: copying and relating markers to notes live in one delegated
    // page script (src/client/before-runtime.ts), so they work before the runtime, too.
    <figure id={id} className={frameClass(drawnAtOnceOn)} style={sizeHint} data-cilium-excerpt="" data-commit={commit} data-path={path} data-lang={lang}
      data-drift={drift} data-drift-commit={driftCommit} data-drift-lines={driftLines}>
      {/* The {' '} between the header's parts only matter without CSS (flex layout drops them):
          a text browser or a reader view would otherwise run the parts into one word. */}
      <figcaption className={styles.header}>
        <span className={styles.title}>
          {title && <span className={styles.caption}>{title}</span>}{' '}
          <code className={styles.path}>{path}</code>{' '}
          <span className={styles.meta} data-search-skip="">
            <Translate id="excerpt.lines" values={{from, to, version}} description="Line range and Cilium version of an excerpt">
              {'lines {from}–{to} · Cilium v{version}'}
            </Translate>
          </span>
          <DriftBadge {...props} />
        </span>{' '}
        <span className={styles.actions} data-search-skip="">
          <CopyButton />{' '}
          <a className={styles.github} href={permalink} target="_blank" rel="noopener noreferrer"
            title={translate({id: 'excerpt.permalink.title', message: 'Open these lines on GitHub at the pinned commit'})}>
            <Translate id="excerpt.permalink" description="Link from an excerpt to the same lines on GitHub">View on GitHub</Translate>
          </a>
        </span>{' '}
        <span className="excerpt-permalink-text">{permalink}</span>
      </figcaption>
      {/* Static HTML: React hydrates one node here, not one per token. */}
      <pre className="excerpt-pre" tabIndex={0} data-lang={lang}>
        <code dangerouslySetInnerHTML={{__html: expandExcerptLines(id, code)}} />
      </pre>
      <DriftPanel {...props} />
      {children}
    </figure>
  );
}
