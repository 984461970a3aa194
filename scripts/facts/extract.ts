/**
 * Writes the reference data of src/data/facts/ from the Cilium tree at a commit:
 *   npm run facts:extract -- --cilium <git-dir> [--commit <sha>]
 * See scripts/facts/README.md for what each file holds and how it is derived.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {CILIUM_COMMIT} from '../../src/lib/cilium';
import {CiliumSource, parseArgs} from '../lib/cilium-git';
import {FACT_FILES} from '../../src/lib/facts';
import {generateFacts} from './facts';
import {BatchedSource} from './git-batch';
import {FACTS_DIR, serialise} from './output';

const USAGE = 'npm run facts:extract -- --cilium <git-dir> [--commit <sha>]';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cilium'], USAGE);
  const started = Date.now();
  const source = new CiliumSource(args.cilium, args.commit ?? CILIUM_COMMIT);
  const facts = await generateFacts(new BatchedSource(source), source.commit);
  mkdirSync(FACTS_DIR, {recursive: true});
  for (const name of FACT_FILES) writeFileSync(join(FACTS_DIR, name), serialise(facts[name]));
  console.log(`Wrote ${FACT_FILES.join(', ')} to ${FACTS_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
