/** Components every guide page may use without importing them. */
import MDXComponents from '@theme-original/MDXComponents';
import Diagram from '@site/src/components/Diagram';
import Excerpt from '@site/src/components/Excerpt';
import Figure from '@site/src/components/Figure';

export default {
  ...MDXComponents,
  Diagram,
  Excerpt,
  Figure,
};
