/**
 * Regenerates the fact files in memory and compares them with the committed ones:
 *   npm run facts:check -- --cilium <git-dir>
 * Exits 1 with a summary of what differs (items added, removed or changed, by key).
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {CiliumSource, parseArgs} from '../lib/cilium-git';
import {diffFacts} from './diff';
import {FACT_FILES} from '../../src/lib/facts';
import {generateFacts} from './facts';
import {BatchedSource} from './git-batch';
import {FACTS_DIR, serialise} from './output';

const USAGE = 'npm run facts:check -- --cilium <git-dir>';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cilium'], USAGE);
  const committed = new Map(FACT_FILES.map((name) => [name, readCommitted(name)]));
  const commit = (committed.get('programs.json') as {commit?: string} | null)?.commit;
  if (!commit) throw new Error(`no committed ${join(FACTS_DIR, 'programs.json')}: run npm run facts:extract first`);
  const facts = await generateFacts(new BatchedSource(new CiliumSource(args.cilium, commit)), commit);
  const problems = FACT_FILES.flatMap((name) => {
    const old = committed.get(name);
    if (old === null) return [`${name}: not committed`];
    if (serialise(old) === serialise(facts[name])) return [];
    return diffFacts(name, old, facts[name]);
  });
  if (problems.length > 0) {
    console.error(`Committed facts differ from the Cilium tree at ${commit}:\n${problems.map((p) => `  ${p}`).join('\n')}\nRun: npm run facts:extract -- --cilium <git-dir>`);
    process.exit(1);
  }
  console.log(`facts up to date (${FACT_FILES.join(', ')}) for ${commit}`);
}

function readCommitted(name: string): unknown {
  const path = join(FACTS_DIR, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : null;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
