/** Components every guide page may use without importing them. */
import MDXComponents from '@theme-original/MDXComponents';
import Diagram from '@site/src/components/Diagram';
import Excerpt from '@site/src/components/Excerpt';
import Figure from '@site/src/components/Figure';
import StaticHtmlLinks from '@site/src/components/StaticHtmlLinks';

export default {
  ...MDXComponents,
  Diagram,
  Excerpt,
  Figure,
  // Added by src/rehype/static-prose.ts, never written by hand.
  StaticHtmlLinks,
};
