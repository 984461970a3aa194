/**
 * Links inside frozen HTML (src/rehype/static-prose.ts, excerpt notes, server-kept tables) are
 * plain <a> elements, not <Link>. One set of listeners on the document gives them what <Link>
 * gives a link: a click on a link to a page of this site moves through the router (no reload),
 * and hover, focus or touch preloads that page's chunks. Links React already handled
 * (defaultPrevented), new-tab clicks, downloads, other origins and files that are not pages
 * (an SVG, a PDF) keep the browser's own behaviour.
 */
import routes from '@generated/routes';
import {matchRoutes} from 'react-router-config';

interface History {
  push(path: string): void;
}

/** The same-origin page a link leads to, or null when the router has no page for it. */
export function routedPath(anchor: HTMLAnchorElement): string | null {
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // Pages are exact routes; a file under static/ only matches the not-found catch-all.
  const matches = matchRoutes(routes, url.pathname);
  if (!matches.length || !matches[matches.length - 1].route.exact) return null;
  return url.pathname + url.search + url.hash;
}

const anchorOf = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null);

export function followStaticLinks(history: History): () => void {
  const preloaded = new Set<string>();
  const preload = (event: Event) => {
    const anchor = anchorOf(event);
    const path = anchor && routedPath(anchor);
    if (!path) return;
    const pathname = new URL(path, window.location.href).pathname;
    if (preloaded.has(pathname)) return;
    preloaded.add(pathname);
    void window.docusaurus.preload(pathname);
  };
  const click = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = anchorOf(event);
    const path = anchor && routedPath(anchor);
    if (!path) return;
    const here = window.location;
    // A jump within the page stays a native fragment navigation (:target, hashchange).
    if (path.startsWith(here.pathname + here.search + '#')) return;
    event.preventDefault();
    history.push(path);
  };
  const events = [['mouseover', preload], ['focusin', preload], ['touchstart', preload], ['click', click]] as const;
  for (const [type, listener] of events) document.addEventListener(type, listener as EventListener, {passive: type !== 'click'});
  return () => events.forEach(([type, listener]) => document.removeEventListener(type, listener as EventListener));
}
