/**
 * Client module: what a reader can do with an excerpt frame (src/components/Excerpt), through
 * listeners on the document rather than React state, so it works the moment the main bundle runs
 * and costs hydration nothing:
 * - hover, focus or tap on a callout marker or its note relates the two (class is-related);
 * - the copy button copies exactly the shown lines and says so for a moment (data-copied).
 * <html data-excerpt-frames> tells the CSS that the copy button can work.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

const FRAME = '[data-cilium-excerpt]';
const COPIED_FOR_MS = 1500;

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

function onPoint(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  const callout = target?.closest<HTMLElement>(`${FRAME} [data-callout]`);
  relate(callout?.closest(FRAME) ?? null, callout?.dataset.callout ?? null);
}

async function onClick(event: MouseEvent): Promise<void> {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>(`${FRAME} [data-excerpt-copy]`) : null;
  const frame = button?.closest(FRAME);
  if (!button || !frame) return;
  await navigator.clipboard.writeText(shownCode(frame));
  button.setAttribute('data-copied', '');
  window.setTimeout(() => button.removeAttribute('data-copied'), COPIED_FOR_MS);
}

if (ExecutionEnvironment.canUseDOM) {
  document.addEventListener('mouseover', onPoint, {passive: true});
  document.addEventListener('focusin', onPoint);
  document.addEventListener('touchstart', onPoint, {passive: true});
  document.addEventListener('click', (event) => void onClick(event));
  document.documentElement.setAttribute('data-excerpt-frames', '');
}
