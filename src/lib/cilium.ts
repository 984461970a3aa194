/**
 * The one place that names the Cilium commit this guide reads.
 * Scripts, plugins and components import it; nothing else spells the hash.
 */
export const CILIUM_VERSION = '1.18.2';
export const CILIUM_COMMIT = '5bd307a8f6fbf3489005944ded2ed085fc642cc2';
export const CILIUM_REPO_URL = 'https://github.com/cilium/cilium';

/** A GitHub permalink to `path` at the pinned commit, optionally to a line range. */
export function ciliumPermalink(path: string, from?: number, to?: number): string {
  const base = `${CILIUM_REPO_URL}/blob/${CILIUM_COMMIT}/${path}`;
  if (from === undefined) return base;
  return to === undefined || to === from ? `${base}#L${from}` : `${base}#L${from}-L${to}`;
}

/** The whole tree at the pinned commit on GitHub. */
export const CILIUM_TREE_URL = `${CILIUM_REPO_URL}/tree/${CILIUM_COMMIT}`;
