/**
 * How wide a pre-rendered diagram is drawn (src/components/Diagram): never narrower than the
 * width that keeps its smallest label legible; a wider one scrolls sideways. The build's estimate
 * of how far down a page things start (src/rehype/deferred-prose.ts) reads the same numbers.
 */

/** A diagram's size as src/data/diagrams.json stores it: the SVG's viewBox and its smallest label, in px. */
export interface DiagramSize {
  width: number;
  height: number;
  labelPx: number;
}

/**
 * The smallest label size a reader gets, in CSS px, on phones and tablets and on desktops (a hair
 * above the 12 and 13 px the tests demand, for rounding).
 */
const LEGIBLE_PX = {narrow: 12.5, desktop: 13.5} as const;

/** The width below which the diagram is not drawn, on a screen class: its labels stay `LEGIBLE_PX` tall. */
export function legibleWidth({width, labelPx}: DiagramSize, screen: keyof typeof LEGIBLE_PX): number {
  return Math.min(width, Math.ceil((width * LEGIBLE_PX[screen]) / labelPx));
}

/** At least how tall the diagram is drawn below the desktop breakpoint: at its legible width or wider. */
export function narrowMinHeightPx(size: DiagramSize): number {
  return Math.floor((legibleWidth(size, 'narrow') * size.height) / size.width);
}
