/**
 * Fenced code blocks (shell commands, config), highlighted by the theme's Prism. The server
 * renders them in full; in the browser they stay that static HTML — no Prism download, no
 * hydration — until a reader reaches for one (pointer, touch, keyboard focus: its copy button
 * needs React) or reads in the dark theme (the server HTML carries the light theme's colours).
 * A block mounted by client-side navigation has no server HTML and loads Prism at once.
 * Cilium excerpts never come here: they are highlighted at build time (src/rehype/excerpts.ts).
 */
import React, {lazy, type ComponentProps, type ReactNode, Suspense, useCallback, useEffect, useRef, useState} from 'react';
import {useColorMode} from '@docusaurus/theme-common';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type CodeBlockType from '@theme-original/CodeBlock';

const Highlighted = lazy(() => import('./Highlighted'));
type Props = ComponentProps<typeof CodeBlockType>;

/** Until the Prism chunk arrives after client-side navigation: the same text, unhighlighted. */
function Plain({children, className}: Props): ReactNode {
  return (
    <pre className={className}>
      <code>{typeof children === 'string' ? children.replace(/\n$/, '') : children}</code>
    </pre>
  );
}

const READER_REACHES = ['pointerenter', 'focusin', 'touchstart'] as const;

export default function CodeBlock(props: Props): ReactNode {
  const isBrowser = useIsBrowser();
  // Decided once, at the first render: false on the server and after client-side navigation.
  const [hydrating] = useState(() => typeof window !== 'undefined' && !isBrowser);
  const [live, setLive] = useState(!hydrating);
  const island = useRef<HTMLDivElement>(null);
  const serverHtml = useRef('');
  const goLive = useCallback(() => {
    serverHtml.current = island.current?.innerHTML ?? '';
    setLive(true);
  }, []);

  const {colorMode} = useColorMode();
  useEffect(() => {
    if (!live && colorMode === 'dark') goLive();
  }, [live, colorMode, goLive]);
  useEffect(() => {
    const el = island.current;
    if (live || !el) return undefined;
    for (const type of READER_REACHES) el.addEventListener(type, goLive, {once: true, passive: true});
    return () => READER_REACHES.forEach((type) => el.removeEventListener(type, goLive));
  }, [live, goLive]);

  if (!live) {
    // Keeps the server's HTML as it is: React does not hydrate (or touch) an innerHTML subtree.
    return <div ref={island} data-code-block="" dangerouslySetInnerHTML={{__html: ''}} suppressHydrationWarning />;
  }
  const fallback = serverHtml.current ? <div dangerouslySetInnerHTML={{__html: serverHtml.current}} /> : <Plain {...props} />;
  return (
    <div ref={island} data-code-block="">
      <Suspense fallback={fallback}>
        <Highlighted {...props} />
      </Suspense>
    </div>
  );
}
