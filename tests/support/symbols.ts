/** Symbol data for fixture excerpts: the links given (none by default), stamped with each excerpt's hash. */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {ExcerptData} from '../../src/lib/excerpt-data';
import type {SymbolData, SymbolEntry, SymbolOccurrence} from '../../src/lib/symbols';

export function symbolsFixture(excerpts: ExcerptData, symbols: Record<string, SymbolEntry> = {}, links: Record<string, SymbolOccurrence[]> = {}): SymbolData {
  return {
    $comment: '',
    commit: excerpts.commit,
    generatedBy: {command: '', script: ''},
    symbols,
    excerpts: Object.fromEntries(Object.entries(excerpts.excerpts).map(([id, e]) => [id, {sha256: e.sha256, links: links[id] ?? [], definitions: 0, unlinked: 0}])),
  };
}

/** Writes a fixture into `dir` and returns its path (a new file per content, so the renderer's cache sees it). */
export function symbolsFixtureFile(dir: string, data: SymbolData): string {
  const path = join(dir, `symbols-${Buffer.from(JSON.stringify(data)).toString('base64url').slice(-24)}.json`);
  writeFileSync(path, JSON.stringify(data));
  return path;
}
