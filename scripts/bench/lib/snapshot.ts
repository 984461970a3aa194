/**
 * A frozen copy of build/ for the length of a benchmark. Other engineers rebuild and replace
 * build/ while a full run (about an hour) is under way; serving build/ directly then measures a
 * mix of builds or fails on a vanished file. run.ts serves the copy with scripts/lib/server.ts.
 */
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BUILD_DIR} from '../../lib/server';

export interface Snapshot {
  dir: string;
  remove(): void;
}

export function snapshotBuild(): Snapshot {
  const dir = join(mkdtempSync(join(tmpdir(), 'cilium-guide-bench-')), 'build');
  cpSync(BUILD_DIR, dir, {recursive: true});
  return {dir, remove: () => rmSync(join(dir, '..'), {recursive: true, force: true})};
}
