/** Where the fact files live and how they are written, shared by extract.ts and check.ts. */
import {fileURLToPath} from 'node:url';

export const FACTS_DIR = fileURLToPath(new URL('../../src/data/facts/', import.meta.url));

/** Stable JSON: two-space indent and a final newline, so diffs stay small. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
