/**
 * <Diagram name="agent-startup" />: a mermaid diagram rendered ahead of time to static SVG
 * (npm run diagrams:render, from src/diagrams/<name>.<locale>.mmd). No mermaid in the browser and
 * no client code: two <img>, light and dark, of which CSS shows the one that matches
 * html[data-theme] (light when there is none, e.g. without JavaScript). width/height come from the
 * SVG's viewBox, so the page reserves the space before the image arrives.
 */
import React, {type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import data from '@site/src/data/diagrams.json';
import {type DiagramSize, legibleWidth} from '@site/src/lib/diagram-size';
import {DESKTOP_MIN_PX} from '@site/src/lib/docs-column';
import styles from './styles.module.css';

interface Entry extends DiagramSize {
  alt: string;
  light: string;
  dark: string;
}

const diagrams: Record<string, Entry | undefined> = data.diagrams;

export default function Diagram({name}: {name: string}): ReactNode {
  const {
    i18n: {currentLocale},
  } = useDocusaurusContext();
  const key = `${name}.${currentLocale}`;
  const entry = diagrams[key];
  // Thrown during the build's server render, so a page cannot ship a missing diagram.
  if (!entry) {
    throw new Error(
      `<Diagram name="${name}" />: src/data/diagrams.json has no diagram "${key}". ` +
        `Write src/diagrams/${key}.mmd (first line "%% alt: …") and run npm run diagrams:render.`,
    );
  }
  const light = useBaseUrl(entry.light);
  const dark = useBaseUrl(entry.dark);
  const {alt, width, height} = entry;
  const narrow = legibleWidth(entry, 'narrow');
  const desktop = legibleWidth(entry, 'desktop');
  const size = {'--diagram-min-width-narrow': `${narrow}px`, '--diagram-min-width-desktop': `${desktop}px`} as CSSProperties;
  // The hint shows only while the figure is narrower than the diagram's legible width: a container
  // query per diagram, since the widths are this diagram's own (no JavaScript needed).
  const scope = `[data-diagram-key="${key}"]`;
  const hintRule =
    `@media (max-width:${DESKTOP_MIN_PX - 1}px){@container diagram (max-width:${narrow - 1}px){${scope} .${styles.hint}{display:block}}}` +
    `@media (min-width:${DESKTOP_MIN_PX}px){@container diagram (max-width:${desktop - 1}px){${scope} .${styles.hint}{display:block}}}`;
  const open = (
    <Translate id="diagram.open" description="Link under a diagram to its SVG file">
      Open the diagram full size
    </Translate>
  );
  return (
    <figure className={styles.diagram} data-diagram={name} data-diagram-key={key}>
      {/* As HTML, not a text child: the build minifies inline CSS, and hydration must not compare it. */}
      <style dangerouslySetInnerHTML={{__html: hintRule}} />
      <div
        className={styles.scroll}
        // A very wide diagram scrolls sideways; the scroll box must be reachable by keyboard.
        tabIndex={0}
        role="group"
        aria-label={translate({
          id: 'diagram.scroll',
          message: 'Diagram',
          description: 'Accessible name of the box that holds a diagram and scrolls sideways on narrow screens',
        })}>
        {(['light', 'dark'] as const).map((theme) => (
          <img
            key={theme}
            className={clsx(styles.image, styles[theme])}
            src={theme === 'light' ? light : dark}
            width={width}
            height={height}
            alt={alt}
            loading="lazy"
            decoding="async"
            style={size}
          />
        ))}
      </div>
      <p className={styles.hint}>
        <Translate id="diagram.scrollHint" description="Shown under a diagram that is wider than the page">
          Wider than the page: scroll it sideways, or open it full size.
        </Translate>
      </p>
      <p className={styles.open}>
        <a className={styles.light} href={light}>
          {open}
        </a>
        <a className={styles.dark} href={dark}>
          {open}
        </a>
      </p>
    </figure>
  );
}
