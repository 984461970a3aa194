/**
 * What a page does before the Docusaurus runtime runs, and what makes the runtime run.
 *
 * Built pages ship without <script src> tags (src/plugins/deferred-runtime.ts): the runtime's URLs
 * wait in a JSON block, and this script, inlined at the end of <body>, loads them the first time a
 * reader reaches for something the runtime drives: hovers, touches or focuses a link, button, tab,
 * input or code block, or presses a key. Reading and scrolling never load it; a page marked
 * <html data-needs-runtime="q"> (the search results) loads it at once when the URL has ?q=. Until
 * it has hydrated:
 * - a click on a link to a page of this site, a button or a tab shows a progress bar at once, and
 *   is replayed on the same element once React owns it, so a page link still moves through the
 *   router (no reload), the language switch still carries the #hash, and the colour-mode toggle
 *   (which the theme renders disabled until it runs) is enabled to take the click;
 * - Ctrl/⌘-K focuses the search box; the search bar picks up the focus and what was typed on mount;
 * - the table of contents marks the section in view, as the theme does once it runs;
 * - excerpt frames and "Copy page" work on their own, before and after: hover, focus or tap on a
 *   callout marker or its note relates the two (class is-related), an excerpt's copy button copies
 *   the shown lines, and "Copy page" copies the page's Markdown twin. <html data-page-script> shows
 *   the copy buttons, which stay hidden without JavaScript.
 * In `docusaurus start` the runtime loads as usual (no JSON block) and only the last item applies.
 *
 * Transpiled alone (no imports, no bundler): keep it plain DOM code.
 */

export {};

const FRAME = '[data-cilium-excerpt]';
const COPIED_FOR_MS = 1500;
/** Elements whose behaviour is the runtime's; reaching for one loads it. */
const RUNTIME_DRIVEN = 'a[href], button, [role="button"], [role="tab"], input, select, textarea, [data-code-block]';
const COPY_PAGE = '[data-copy-page]';
/** What this script does itself (below): never queued for the runtime. */
const OWN_CONTROLS = `${FRAME} [data-excerpt-copy], ${FRAME} [data-callout], ${COPY_PAGE}`;

const html = document.documentElement;

// ---- Excerpt frames: listeners on the document, not React state, so they cost hydration nothing.

/** The text of the shown lines only: no line numbers, markers or elisions. */
function shownCode(frame: Element): string {
  return Array.from(frame.querySelectorAll('[data-line] > .excerpt-code'))
    .map((el) => el.textContent ?? '')
    .join('\n');
}

/** Relates the callout `n` of `frame` (or none) and unrelates what was related before. */
function relate(frame: Element | null, n: string | null): void {
  document.querySelectorAll(`${FRAME} .is-related`).forEach((el) => {
    if (el.closest(FRAME) !== frame || (el as HTMLElement).dataset.callout !== n) el.classList.remove('is-related');
  });
  if (frame && n) frame.querySelectorAll(`[data-callout="${CSS.escape(n)}"]`).forEach((el) => el.classList.add('is-related'));
}

/** How the current relation was made: a pointer leaving the callout undoes only a hover's. */
let relatedBy: string | null = null;

function relateCalloutAt(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  const callout = target?.closest<HTMLElement>(`${FRAME} [data-callout]`);
  // Chrome also sends mouseover when the page scrolls under a still pointer (a tapped marker jumps to
  // its note): that must not undo a relation made by a tap or by focus.
  if (!callout && event.type === 'mouseover' && relatedBy !== 'mouseover') return;
  relatedBy = callout ? event.type : null;
  relate(callout?.closest(FRAME) ?? null, callout?.dataset.callout ?? null);
}

async function copyExcerpt(event: MouseEvent): Promise<void> {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>(`${FRAME} [data-excerpt-copy]`) : null;
  const frame = button?.closest(FRAME);
  if (!button || !frame) return;
  await navigator.clipboard.writeText(shownCode(frame));
  button.setAttribute('data-copied', '');
  window.setTimeout(() => button.removeAttribute('data-copied'), COPIED_FOR_MS);
}

document.addEventListener('mouseover', relateCalloutAt, {passive: true});
document.addEventListener('focusin', relateCalloutAt);
document.addEventListener('touchstart', relateCalloutAt, {passive: true});
document.addEventListener('click', (event) => void copyExcerpt(event));

// ---- "Copy page" (src/components/PageMarkdown): the page's Markdown twin, fetched and copied.

async function copyMarkdown(url: string): Promise<void> {
  const text = fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  });
  // Safari only lets a click write to the clipboard synchronously: hand it the pending text.
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    const blob = text.then((value) => new Blob([value], {type: 'text/plain'}));
    await navigator.clipboard.write([new ClipboardItem({'text/plain': blob})]);
  } else {
    await navigator.clipboard.writeText(await text);
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>(COPY_PAGE) : null;
  if (!button) return;
  void copyMarkdown(button.dataset.copyPage!).then(
    () => button.setAttribute('data-copy-state', 'copied'),
    () => button.setAttribute('data-copy-state', 'failed'),
  ).finally(() => window.setTimeout(() => button.removeAttribute('data-copy-state'), 2000));
});

// Tells the CSS that the copy buttons can work.
html.setAttribute('data-page-script', '');

// ---- The runtime gate.

const runtimeBlock = document.getElementById('__runtime-scripts');
const runtimeScripts: string[] = runtimeBlock ? JSON.parse(runtimeBlock.textContent ?? '[]') : [];
let hydrated: Promise<void> | null = null;

const isHydrated = () => html.getAttribute('data-has-hydrated') === 'true';

/** Loads the runtime once, in order; resolves when React has hydrated the page. */
function loadRuntime(): Promise<void> {
  if (hydrated) return hydrated;
  html.setAttribute('data-runtime', 'loading');
  hydrated = new Promise<void>((resolve) => {
    const done = () => {
      html.setAttribute('data-runtime', 'ready');
      resolve();
    };
    if (isHydrated()) return done();
    const watch = new MutationObserver(() => {
      if (!isHydrated()) return;
      watch.disconnect();
      done();
    });
    watch.observe(html, {attributes: true, attributeFilter: ['data-has-hydrated']});
  });
  for (const src of runtimeScripts) {
    const script = document.createElement('script');
    script.src = src;
    // Inserted scripts run as soon as they arrive unless told otherwise; the runtime chunk goes first.
    script.async = false;
    document.head.appendChild(script);
  }
  return hydrated;
}

const waiting = () => runtimeScripts.length > 0 && !isHydrated();

// A page whose content is the runtime's work for what the URL asks asks for it at once: the search
// page names its query parameter (data-needs-runtime="q"), so /search?q=… loads the runtime and a
// bare /search, a search box and nothing else, waits like every other page.
const neededFor = html.getAttribute('data-needs-runtime');
if (waiting() && neededFor && new URLSearchParams(window.location.search).has(neededFor)) void loadRuntime();

function reachFor(event: Event): void {
  if (!waiting()) return;
  const target = event.target instanceof Element ? event.target : null;
  // The page focused an autofocus field, not the reader; their key, touch or pointer will follow.
  if (event.type === 'focusin' && target?.hasAttribute('autofocus')) return;
  if (event.type === 'keydown' || event.type === 'focusin' || target?.closest(RUNTIME_DRIVEN)) void loadRuntime();
}

/** Shows the progress bar until the runtime is ready, then runs `action`. */
function afterRuntime(action: () => void): void {
  html.setAttribute('data-runtime-pending', '');
  void loadRuntime().then(() => {
    html.removeAttribute('data-runtime-pending');
    action();
  });
}

/** A link the browser follows well without the runtime: to this page's own #fragment, another origin, a new tab. */
function followsNatively(anchor: HTMLAnchorElement): boolean {
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return true;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return true;
  return url.pathname === window.location.pathname && url.search === window.location.search && url.hash !== '';
}

function queueClick(event: MouseEvent): void {
  if (!waiting() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.target instanceof Element ? event.target : null;
  if (!target || target.closest(OWN_CONTROLS)) return;
  const driven = target.closest<HTMLElement>('a[href], button, [role="button"], [role="tab"]');
  if (!driven || (driven instanceof HTMLAnchorElement && followsNatively(driven))) return;
  event.preventDefault();
  event.stopPropagation();
  afterRuntime(() => driven.click());
}

function searchShortcut(event: KeyboardEvent): void {
  if (!waiting() || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'k') return;
  const input = document.querySelector<HTMLInputElement>('.navbar__search-input');
  if (!input) return;
  event.preventDefault();
  // On mount the search bar sees the focused box (and any typed query), loads its index and opens.
  input.focus();
}

// Controls rendered disabled until React runs (ours carry data-until-runtime; the theme's colour-mode
// toggle): enabled now, a click on one waits for the runtime and is replayed, a typed filter is read on mount.
if (runtimeScripts.length) {
  document.querySelectorAll('[data-until-runtime][disabled], .navbar button[class*="toggleButton"][disabled]').forEach((el) => el.removeAttribute('disabled'));
}

// input: text can arrive without a keydown the page sees (an IME's commit, a paste from the menu).
for (const type of ['mouseover', 'touchstart', 'focusin', 'keydown', 'input']) {
  document.addEventListener(type, reachFor, {capture: true, passive: true});
}
document.addEventListener('click', queueClick, {capture: true});
document.addEventListener('keydown', searchShortcut, {capture: true});

// ---- The table of contents, until the theme's own highlighter runs: the same rule as its
// useTOCHighlight (the first heading below the navbar if it is in the top half, else the one before).

const ACTIVE_TOC_LINK = 'table-of-contents__link--active';

function markTocSection(): void {
  if (!waiting()) return;
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('a.toc-highlight'));
  if (!links.length) return;
  const headings = links
    .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
    .filter((el): el is HTMLElement => el !== null);
  const navbarHeight = document.querySelector('.navbar')?.clientHeight ?? 0;
  const next = headings.find((h) => h.getBoundingClientRect().top >= navbarHeight);
  let active: HTMLElement | undefined = headings[headings.length - 1];
  if (next) {
    const rect = next.getBoundingClientRect();
    active = rect.top > 0 && rect.bottom < window.innerHeight / 2 ? next : headings[headings.indexOf(next) - 1];
  }
  for (const link of links) link.classList.toggle(ACTIVE_TOC_LINK, !!active && link.hash === `#${active.id}`);
}

if (runtimeScripts.length) {
  let frame = 0;
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), markTocSection()));
  };
  // From the first scroll on (a #hash arrival scrolls too): measuring now would force a layout while the page is still parsing.
  window.addEventListener('scroll', onScroll, {passive: true});
  // Fetched, not run, once the page is idle: a reader's first action then waits on CPU only.
  const prefetch = () => {
    for (const src of runtimeScripts) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.as = 'script';
      link.href = src;
      document.head.appendChild(link);
    }
  };
  window.addEventListener('load', () => ('requestIdleCallback' in window ? requestIdleCallback(prefetch) : setTimeout(prefetch, 1)));
}

// ---- Prose below the first screen (src/rehype/deferred-prose.ts) is skipped by the page's first
// layout on a phone or tablet. Chromium leaves skipped content out of the accessibility tree, so
// once the page has loaded it is drawn, a few blocks at a time while the page is idle, each slice
// short enough not to hold up a reader's tap. A page the router renders later is drawn the same way.

const WAITING_PROSE = '.markdown > :is(.prose-deferred, .prose-deferred-tablet):not([style*="content-visibility"])';
/** Stop a slice once it has taken this long; the next one waits for the next idle period. */
const PROSE_SLICE_MS = 5;
const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run, 1));
let proseScheduled = false;

function drawWaitingProse(): void {
  const start = performance.now();
  for (const block of document.querySelectorAll<HTMLElement>(WAITING_PROSE)) {
    block.style.contentVisibility = 'visible';
    // Laid out now, inside this slice, rather than in one long frame after the last.
    void block.offsetHeight;
    if (performance.now() - start > PROSE_SLICE_MS) {
      whenIdle(drawWaitingProse);
      return;
    }
  }
  proseScheduled = false;
}

function scheduleProse(): void {
  if (proseScheduled || !document.querySelector(WAITING_PROSE)) return;
  proseScheduled = true;
  whenIdle(drawWaitingProse);
}

// Where nothing waits (from 997 px, or without typed arithmetic in CSS: custom.css), nothing to draw.
if (matchMedia('(max-width: 996px)').matches && CSS.supports('width: calc(1px / 1px * 1px)')) {
  window.addEventListener('load', scheduleProse);
  new MutationObserver(() => document.readyState === 'complete' && scheduleProse()).observe(document.body, {childList: true, subtree: true});
}
