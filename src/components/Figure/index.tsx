/**
 * <Figure img={require('@site/src/figures/<name>.png')} alt="…" />  (source: src/figures/<name>.html)
 *
 * A raster figure made by `npm run figures:render`, resized and fingerprinted at build time by
 * @docusaurus/plugin-ideal-image's loader, shown as one plain <img>: srcset, intrinsic
 * width/height (no layout shift), native lazy loading unless it is in the first screen, and no client JavaScript, so it looks the
 * same without JS. The plugin's low-quality preview is the placeholder painted until the image
 * arrives. The figures are drawn at deviceScaleFactor `scale` (2), so the CSS size is half the
 * largest variant.
 */
import React, {type ReactNode} from 'react';
import {DESKTOP_MIN_PX, docsColumnCss} from '@site/src/lib/docs-column';
import styles from './styles.module.css';

interface Variant {
  path: string;
  width: number;
  height: number;
}

/** What `require('….png')` returns through the ideal-image loaders (lqip-loader over responsive-loader). */
export interface IdealImageModule {
  src: {src: string; width: number; height: number; images: Variant[]};
  preSrc?: string;
}

/** How wide the figure is drawn, for the browser to pick a variant before layout: at most its own width, else the docs column's. */
function drawnWidth(width: number): string {
  const [phone, desktop] = docsColumnCss();
  return `(max-width: ${DESKTOP_MIN_PX - 1}px) min(${width}px, ${phone}), min(${width}px, ${desktop})`;
}

export default function Figure({
  img,
  alt,
  scale = 2,
  firstScreen = false,
}: {
  img: IdealImageModule;
  alt: string;
  scale?: number;
  /** The figure shows in the first screen, even on a phone: fetch it at once, as the page's largest paint. */
  firstScreen?: boolean;
}): ReactNode {
  const images = img && typeof img === 'object' && 'src' in img ? img.src?.images : undefined;
  if (!Array.isArray(images) || images.length === 0) {
    throw new Error(
      '<Figure>: pass img={require("@site/src/figures/<name>.png")}; the PNG must go through @docusaurus/plugin-ideal-image.',
    );
  }
  if (!alt?.trim()) throw new Error(`<Figure>: ${img.src.src} needs a non-empty alt text.`);
  const sorted = [...images].sort((a, b) => a.width - b.width);
  const largest = sorted[sorted.length - 1];
  const width = Math.round(largest.width / scale);
  const height = Math.round(largest.height / scale);
  return (
    <img
      className={styles.figure}
      src={largest.path}
      srcSet={sorted.map((v) => `${v.path} ${v.width}w`).join(', ')}
      sizes={drawnWidth(width)}
      width={width}
      height={height}
      alt={alt}
      loading={firstScreen ? 'eager' : 'lazy'}
      fetchPriority={firstScreen ? 'high' : undefined}
      decoding="async"
      style={img.preSrc ? {backgroundImage: `url(${img.preSrc})`} : undefined}
    />
  );
}
