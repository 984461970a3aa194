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
import styles from './styles.module.css';

interface Entry {
  alt: string;
  width: number;
  height: number;
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
  // On a wide screen, scale down to fit but never below 60% (or 480 px) of the natural size, so labels
  // stay legible and a very wide diagram scrolls sideways instead. On a phone it simply fits the
  // width (pinch-zoom works there); see styles.module.css.
  const size = {'--diagram-min-width': `${Math.min(width, Math.max(480, Math.round(width * 0.6)))}px`} as CSSProperties;
  const open = (
    <Translate id="diagram.open" description="Link under a diagram to its SVG file">
      Open the diagram full size
    </Translate>
  );
  return (
    <figure className={styles.diagram} data-diagram={name}>
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
