/**
 * Fenced code blocks (shell commands, config), highlighted by the theme's Prism. The server
 * renders them in full; in the browser they stay that static HTML — no Prism download, no
 * hydration — until a reader reaches for one (pointer, touch, keyboard focus: its copy button
 * needs React). The server HTML carries the light theme's colours inline and each token's dark
 * colour as a custom property (src/theme/CodeBlock/Line/Token), which CSS applies in the dark theme.
 * A block mounted by client-side navigation has no server HTML and loads Prism at once.
 * Cilium excerpts never come here: they are highlighted at build time (src/rehype/excerpts.ts).
 */
import React, {lazy, type ComponentProps, type ReactNode, Suspense, useCallback, useEffect, useRef} from 'react';
import {KEPT_SERVER_HTML, useKeptServerHtml} from '@site/src/client/use-kept-server-html';
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
  const {kept, release} = useKeptServerHtml();
  const live = !kept;
  const island = useRef<HTMLDivElement>(null);
  const serverHtml = useRef('');
  const goLive = useCallback(() => {
    serverHtml.current = island.current?.innerHTML ?? '';
    release();
  }, [release]);

  useEffect(() => {
    const el = island.current;
    if (live || !el) return undefined;
    // A reader who reached for the block before React hydrated it would otherwise wait for the next reach.
    if (el.matches(':hover') || el.contains(document.activeElement)) {
      goLive();
      return undefined;
    }
    for (const type of READER_REACHES) el.addEventListener(type, goLive, {once: true, passive: true});
    return () => READER_REACHES.forEach((type) => el.removeEventListener(type, goLive));
  }, [live, goLive]);

  if (!live) {
    return <div ref={island} data-code-block="" {...KEPT_SERVER_HTML} />;
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
