/**
 * Client module: the back and forward buttons bring the reader back to the lines they left.
 *
 * Excerpt frames and reference cards away from the viewport are not laid out until a reader nears
 * them (content-visibility: auto): until then each takes an estimated height, and once drawn the
 * browser remembers its real one. Those heights belong to the elements, so a page the router renders
 * again starts from estimates, and Chrome's own restoration then shows other lines (80–130 px off on
 * the FAQ once the reader had read down past its frames). So this module restores: it keeps, per history
 * entry, the scroll offset and the deferred elements' heights as laid out when the reader left, and
 * on return gives the heights back as sizes-before-drawing, then the offset. Reloads and other
 * documents keep the browser's own restoration. A #hash target the router scrolls to is kept in
 * view while the frames around it are drawn.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type {ClientModule} from '@docusaurus/types';
import type {Location} from 'history';
import {hashTarget} from './hash-target';

/** What waits to be laid out (src/components/Excerpt, src/components/FactTable, src/rehype/deferred-prose.ts). */
const DEFERRED = 'figure[data-cilium-excerpt], table[data-lazy-cards] > tbody > tr, .markdown > .prose-deferred, .markdown > .prose-deferred-tablet';

interface Place {
  y: number;
  /** The content-box block size of each DEFERRED element, in document order. */
  heights?: number[];
}

const places = new Map<string, Place>();
// A history entry the router did not create (the first one, a native #fragment jump) has no key.
const entryOf = (key: string | undefined, {pathname, search, hash}: {pathname: string; search: string; hash: string}) =>
  key ?? `${pathname}${search}${hash}`;
const entry = (location: Location) => entryOf(location.key, location);
const currentEntry = () => entryOf((window.history.state as {key?: string} | null)?.key, window.location);
let routing = false;

function contentHeight(el: Element): number {
  const style = getComputedStyle(el);
  const frame = ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'] as const;
  return el.getBoundingClientRect().height - frame.reduce((sum, side) => sum + parseFloat(style[side]), 0);
}

if (ExecutionEnvironment.canUseDOM) {
  window.history.scrollRestoration = 'manual';
  // A reload or a return from another site restores natively; set per entry, so hand it back.
  window.addEventListener('pagehide', () => (window.history.scrollRestoration = 'auto'));
  window.addEventListener('pageshow', () => (window.history.scrollRestoration = 'manual'));
  // Where the reader is on the current entry, native #fragment jumps included (they bypass the router).
  window.addEventListener('scroll', () => routing || places.set(currentEntry(), {...places.get(currentEntry()), y: window.scrollY}), {passive: true});
}

export const onRouteUpdate: ClientModule['onRouteUpdate'] = ({previousLocation, location}) => {
  if (!previousLocation) return;
  routing = true;
  // The page being left is still in the DOM: the router renders the next one once its chunks load.
  // (Within a page the elements stay, and the scroll listener has the offset.)
  if (previousLocation.pathname !== location.pathname) {
    places.set(entry(previousLocation), {y: window.scrollY, heights: Array.from(document.querySelectorAll(DEFERRED), contentHeight)});
  }
};

export const onRouteDidUpdate: ClientModule['onRouteDidUpdate'] = ({previousLocation, location}) => {
  if (!previousLocation) return;
  routing = false;
  const place = places.get(entry(location));
  // A new entry has no place yet: Docusaurus has scrolled it to the top or to its #hash.
  if (!place) {
    keepInView(hashTarget());
    return;
  }
  const elements = document.querySelectorAll<HTMLElement>(DEFERRED);
  if (place.heights?.length === elements.length) {
    elements.forEach((el, i) => el.style.setProperty('contain-intrinsic-block-size', `auto ${place.heights![i]}px`));
  }
  window.scrollTo(0, place.y);
};

/**
 * Docusaurus scrolls a new entry's #hash target into view against estimated heights; the frames then
 * drawn around it take their real size, which can move it. Once they are drawn, put it back.
 */
function keepInView(target: HTMLElement | null): void {
  if (!target) return;
  const top = target.getBoundingClientRect().top;
  const y = window.scrollY;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // Unless the reader has scrolled meanwhile.
      if (window.scrollY === y && Math.abs(target.getBoundingClientRect().top - top) > 1) target.scrollIntoView();
    }),
  );
}
