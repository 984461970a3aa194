/**
 * The docs column's width, as the classic theme lays it out, for sizes chosen before layout (an
 * image's `sizes`, the space a waiting table row reserves). Below DESKTOP_MIN_PX the column is the
 * viewport less a gutter on each side; from it, the sidebar sits to the left and, where the page
 * shows its table of contents (hide_table_of_contents unset; docusaurus.config.ts sets it on a page
 * with one heading or none), the table of contents takes a quarter of the rest, which is at most
 * Infima's container width. `viewportPx` is the layout width: less any classic scrollbar.
 */

/** Infima's desktop breakpoint: the docs sidebar and the table of contents show from here. */
export const DESKTOP_MIN_PX = 997;
/** Docusaurus's --doc-sidebar-width. */
const SIDEBAR_PX = 300;
/** Infima's --ifm-spacing-horizontal, on each side of the column. */
const GUTTER_PX = 16;
/** Infima's .container max-width: --ifm-container-width, and --ifm-container-width-xl from 1440 px. */
const containerMaxPx = (viewportPx: number): number => (viewportPx >= 1440 ? 1320 : 1140);
/** The table of contents' share (col--3) of the space beside the sidebar. */
const TOC_SHARE = 0.25;

/** The column's content width at a viewport `viewportPx` wide. */
export function docsColumnPx(viewportPx: number, {toc}: {toc: boolean}): number {
  if (viewportPx < DESKTOP_MIN_PX) return viewportPx - 2 * GUTTER_PX;
  return Math.min(viewportPx - SIDEBAR_PX, containerMaxPx(viewportPx)) * (toc ? 1 - TOC_SHARE : 1) - 2 * GUTTER_PX;
}

/** The same as CSS lengths for `sizes`: [below DESKTOP_MIN_PX, from it], on a page with a table of contents, below the container's cap. */
export function docsColumnCss(): [phone: string, desktop: string] {
  const share = 1 - TOC_SHARE;
  return [`calc(100vw - ${2 * GUTTER_PX}px)`, `calc(${share * 100}vw - ${share * SIDEBAR_PX + 2 * GUTTER_PX}px)`];
}
