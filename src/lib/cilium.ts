/**
 * The one place that names the Cilium commit this guide reads.
 * Scripts, plugins and components import it; nothing else spells the hash.
 */
export const CILIUM_VERSION = '1.18.2';
export const CILIUM_COMMIT = '5bd307a8f6fbf3489005944ded2ed085fc642cc2';
export const CILIUM_REPO_URL = 'https://github.com/cilium/cilium';

/** A GitHub permalink to `path` at the pinned commit, optionally to a line range. */
export function ciliumPermalink(path: string, from?: number, to?: number): string {
  return ciliumPermalinkAt(CILIUM_COMMIT, path, from, to);
}

/** A GitHub permalink to `path` at any full commit (e.g. the drift target in src/data/drift.json). */
export function ciliumPermalinkAt(commit: string, path: string, from?: number, to?: number): string {
  const base = `${atCommit('blob', commit)}/${path}`;
  if (from === undefined) return base;
  return to === undefined || to === from ? `${base}#L${from}` : `${base}#L${from}-L${to}`;
}

/** A folder (or, without one, the whole tree) at a full commit on GitHub. */
export function ciliumTreeAt(commit: string, dir = ''): string {
  return `${atCommit('tree', commit)}${dir && dir !== '.' ? `/${dir}` : ''}`;
}

function atCommit(kind: 'blob' | 'tree', commit: string): string {
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`"${commit}" is not a full commit sha; links never name a branch`);
  return `${CILIUM_REPO_URL}/${kind}/${commit}`;
}

/** The whole tree at the pinned commit on GitHub. */
export const CILIUM_TREE_URL = ciliumTreeAt(CILIUM_COMMIT);
