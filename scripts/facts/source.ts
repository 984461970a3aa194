/** Where the extractors read source files from: the Cilium git tree, or a fixture directory in tests. */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

/** The two read operations the extractors need; `CiliumSource` from scripts/lib satisfies it as is. */
export interface FileReader {
  /** Every file path (relative, `/`-separated) in the tree, optionally below `dir`. */
  listFiles(dir?: string): string[];
  /** The file's text; throws naming the path when it does not exist. */
  read(path: string): string;
}

/** Reads a directory on disk as if it were the Cilium tree (used for test fixtures). */
export class DirectoryReader implements FileReader {
  constructor(readonly root: string) {}

  listFiles(dir?: string): string[] {
    const start = dir ? join(this.root, dir) : this.root;
    return walk(start).map((p) => relative(this.root, p).split('\\').join('/')).sort();
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
