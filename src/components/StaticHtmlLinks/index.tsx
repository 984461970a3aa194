/**
 * Tells Docusaurus' broken-link check about the internal links and ids inside a page's frozen
 * HTML (src/rehype/static-prose.ts), as <Link> and the theme's heading would have. Renders
 * nothing; in the browser the hook is a no-op.
 */
import type {ReactNode} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';

export default function StaticHtmlLinks({links, anchors}: {links: string[]; anchors: string[]}): ReactNode {
  const brokenLinks = useBrokenLinks();
  for (const link of links) brokenLinks.collectLink(link);
  for (const anchor of anchors) brokenLinks.collectAnchor(anchor);
  return null;
}
