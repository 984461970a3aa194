/**
 * Writes src/data/symbols.json from the Cilium tree at the pinned commit and the committed excerpts:
 *   npm run symbols:extract -- --cilium <git-dir>
 */
import {writeFileSync} from 'node:fs';
import {loadExcerptData} from '../../src/lib/excerpt-data';
import {SYMBOL_DATA_PATH, SYMBOLS_COMMAND} from '../../src/lib/symbols';
import {CiliumSource, parseArgs} from '../lib/cilium-git';
import {BatchedSource} from '../facts/git-batch';
import {generateSymbols, serialiseSymbols} from './generate';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cilium'], SYMBOLS_COMMAND);
  const started = Date.now();
  const excerpts = loadExcerptData();
  const source = new CiliumSource(args.cilium, excerpts.commit);
  const data = await generateSymbols(new BatchedSource(source), excerpts, source.commit);
  writeFileSync(SYMBOL_DATA_PATH, serialiseSymbols(data));
  const links = Object.values(data.excerpts).flatMap((e) => e.links);
  const sum = (key: 'definitions' | 'unlinked') => Object.values(data.excerpts).reduce((n, e) => n + e[key], 0);
  console.log(
    `Wrote ${SYMBOL_DATA_PATH}: ${Object.keys(data.symbols).length} symbols; identifier occurrences: ${links.length} linked ` +
      `(${links.filter((l) => l[3] < 0).length} of them ambiguous), ${sum('definitions')} at their own definition, ${sum('unlinked')} unlinked; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
