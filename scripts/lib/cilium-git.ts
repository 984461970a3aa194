/** Reads files of the Cilium tree at one commit straight from a (bare) git directory. */
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {CILIUM_COMMIT} from '../../src/lib/cilium';

export class CiliumSource {
  private readonly cache = new Map<string, string>();

  constructor(
    readonly gitDir: string,
    readonly commit: string = CILIUM_COMMIT,
  ) {
    if (!existsSync(gitDir)) throw new Error(`Cilium git directory not found: ${gitDir}`);
    const type = this.git(['cat-file', '-t', commit]).trim();
    if (type !== 'commit') throw new Error(`${commit} is not a commit in ${gitDir}`);
  }

  /** Runs git on this git dir and returns its output (throws when git fails). */
  git(args: string[]): string {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  }

  /** Every file path in the tree at the commit (optionally below `dir`). */
  listFiles(dir?: string): string[] {
    const args = ['ls-tree', '-r', '--name-only', this.commit];
    if (dir) args.push('--', dir);
    return this.git(args).split('\n').filter(Boolean);
  }

  /** The git blob id of `path` at the commit, or null when the path does not exist. */
  blobId(path: string): string | null {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${this.commit}:${path}`]).trim() || null;
    } catch {
      return null;
    }
  }

  /** The file's text at the commit; throws naming the path when it does not exist. */
  read(path: string): string {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    if (this.blobId(path) === null) {
      throw new Error(`${path} does not exist at Cilium commit ${this.commit}`);
    }
    const text = this.git(['show', `${this.commit}:${path}`]);
    this.cache.set(path, text);
    return text;
  }

  /** The file split into lines exactly as GitHub numbers them (line 1 is index 0). */
  lines(path: string): string[] {
    return splitLines(this.read(path));
  }
}

/** Splits text into lines without their terminating "\n"; a final newline adds no empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Parses `--name value` pairs from argv; exits with a usage message when a required one is missing. */
export function parseArgs(argv: string[], required: string[], usage: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      out[arg.slice(2)] = 'true';
    } else {
      out[arg.slice(2)] = value;
      i++;
    }
  }
  const missing = required.filter((name) => !out[name]);
  if (missing.length > 0) {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\nUsage: ${usage}`);
    process.exit(2);
  }
  return out;
}
