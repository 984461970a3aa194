/**
 * Reads many files of a commit with one `git cat-file --batch` instead of one `git show` each:
 * the extractors read a few thousand C and Go files, which takes minutes one process at a time.
 */
import {execFileSync} from 'node:child_process';
import type {CiliumSource} from '../lib/cilium-git';
import type {FileReader} from './source';

/** The files the extractors read: C and Go, of the vendored modules only cilium's own (hive, statedb, ...). */
function wanted(path: string): boolean {
  return /\.(c|h|go)$/.test(path) && (!path.startsWith('vendor/') || path.startsWith('vendor/github.com/cilium/'));
}

export class BatchedSource implements FileReader {
  private texts: Map<string, string> | null = null;

  constructor(private readonly source: CiliumSource) {}

  listFiles(dir?: string): string[] {
    return this.source.listFiles(dir);
  }

  read(path: string): string {
    this.texts ??= this.fetchAll();
    return this.texts.get(path) ?? this.source.read(path);
  }

  private fetchAll(): Map<string, string> {
    const git = (args: string[], input?: string): Buffer =>
      execFileSync('git', ['--git-dir', this.source.gitDir, ...args], {input, maxBuffer: 1024 * 1024 * 1024});
    const entries = git(['ls-tree', '-r', this.source.commit])
      .toString('utf8')
      .split('\n')
      .map((line) => /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && wanted(m[2]));
    const output = git(['cat-file', '--batch'], entries.map((m) => m[1]).join('\n') + '\n');
    return parseBatch(output, entries.map((m) => m[2]));
  }
}

/** Splits `<id> blob <size>\n<content>\n` records (or `<id> missing\n`) in request order. */
function parseBatch(output: Buffer, paths: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  let at = 0;
  for (const path of paths) {
    const eol = output.indexOf(0x0a, at);
    const header = output.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header[1] !== 'blob') continue;
    const size = Number(header[2]);
    texts.set(path, output.toString('utf8', at, at + size));
    at += size + 1;
  }
  return texts;
}
