/**
 * Fenced code blocks (shell commands, config) highlighted by the theme's Prism, which is too big
 * to ship on pages without one. The server renders the block in full; in the browser the Prism
 * chunk loads in the background and hydrates it, so nothing moves. Cilium excerpts never come
 * here: they are highlighted at build time (src/rehype/excerpts.ts).
 */
import React, {lazy, type ComponentProps, type ReactNode, Suspense} from 'react';
import type CodeBlockType from '@theme-original/CodeBlock';

const Highlighted = lazy(() => import('./Highlighted'));
type Props = ComponentProps<typeof CodeBlockType>;

/** Shown only on client-side navigation until the chunk arrives: the same text, unhighlighted. */
function Plain({children, className}: Props): ReactNode {
  return (
    <pre className={className}>
      <code>{typeof children === 'string' ? children.replace(/\n$/, '') : children}</code>
    </pre>
  );
}

export default function CodeBlock(props: Props): ReactNode {
  return (
    <Suspense fallback={<Plain {...props} />}>
      <Highlighted {...props} />
    </Suspense>
  );
}
