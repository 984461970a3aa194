/**
 * Re-derives the symbol data in memory and compares it with the committed file:
 *   npm run symbols:check -- --cilium <git-dir>
 * Exits 1 naming the symbols and excerpts that differ.
 */
import {existsSync, readFileSync} from 'node:fs';
import {loadExcerptData} from '../../src/lib/excerpt-data';
import {SYMBOL_DATA_PATH, SYMBOLS_COMMAND, type SymbolData} from '../../src/lib/symbols';
import {CiliumSource, parseArgs} from '../lib/cilium-git';
import {BatchedSource} from '../facts/git-batch';
import {generateSymbols, serialiseSymbols} from './generate';

const USAGE = 'npm run symbols:check -- --cilium <git-dir>';
const MAX_LINES = 40;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cilium'], USAGE);
  if (!existsSync(SYMBOL_DATA_PATH)) throw new Error(`no committed ${SYMBOL_DATA_PATH}: run ${SYMBOLS_COMMAND}`);
  const committed = JSON.parse(readFileSync(SYMBOL_DATA_PATH, 'utf8')) as SymbolData;
  const excerpts = loadExcerptData();
  const fresh = await generateSymbols(new BatchedSource(new CiliumSource(args.cilium, excerpts.commit)), excerpts, excerpts.commit);
  if (serialiseSymbols(committed) === serialiseSymbols(fresh)) {
    console.log(`symbols up to date (${Object.keys(fresh.symbols).length} symbols) for ${fresh.commit}`);
    return;
  }
  const problems = [
    ...differences('symbol', committed.symbols, fresh.symbols),
    ...differences('excerpt', committed.excerpts, fresh.excerpts),
    ...(committed.commit !== fresh.commit ? [`commit: ${committed.commit} -> ${fresh.commit}`] : []),
  ];
  const shown = problems.slice(0, MAX_LINES);
  if (problems.length > MAX_LINES) shown.push(`... and ${problems.length - MAX_LINES} more differences`);
  console.error(`Committed symbols differ from the Cilium tree:\n${(shown.length ? shown : ['formatting only']).map((p) => `  ${p}`).join('\n')}\nRun: ${SYMBOLS_COMMAND}`);
  process.exit(1);
}

function differences(what: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((k) => {
    if (!(k in after)) return [`- ${what} ${k}`];
    if (!(k in before)) return [`+ ${what} ${k}`];
    return JSON.stringify(before[k]) === JSON.stringify(after[k]) ? [] : [`~ ${what} ${k}`];
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
