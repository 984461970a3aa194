/**
 * Client module: marks the element the URL's #hash names with data-hash-target. The browser's
 * :target follows only real fragment navigations; after the router moves to `page#id` it keeps
 * pointing at nothing, so the styles that show a linked excerpt line or note use both.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/** The element the URL's #hash names, if any. */
export function hashTarget(): HTMLElement | null {
  const id = decodeURIComponent(window.location.hash.slice(1));
  return id ? document.getElementById(id) : null;
}

function markHashTarget(): void {
  document.querySelectorAll('[data-hash-target]').forEach((el) => el.removeAttribute('data-hash-target'));
  hashTarget()?.setAttribute('data-hash-target', '');
}

if (ExecutionEnvironment.canUseDOM) window.addEventListener('hashchange', markHashTarget);

/** Runs after each page (the first one included) is in the DOM. */
export function onRouteDidUpdate(): void {
  markHashTarget();
}
