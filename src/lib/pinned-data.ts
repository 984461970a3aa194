/** Reading the committed JSON under src/data/ that a command made from the pinned Cilium commit. */
import {readFileSync} from 'node:fs';
import {CILIUM_COMMIT} from './cilium';

/**
 * The data at `path`, refused with the command that remakes it when the file is unreadable or was
 * made from another commit than src/lib/cilium.ts pins (`commitOf` says which field names it).
 */
export function readPinnedData<T>(path: string, command: string, commitOf: (data: T) => string = (data) => (data as {commit: string}).commit): T {
  let data: T;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}. Run ${command}.`);
  }
  const commit = commitOf(data);
  if (commit !== CILIUM_COMMIT) {
    throw new Error(`${path} was made from Cilium ${commit}, but src/lib/cilium.ts pins ${CILIUM_COMMIT}. Run ${command}.`);
  }
  return data;
}
