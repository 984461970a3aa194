/**
 * npm run drift -- --cilium <git-dir> --to <commit> [--label <name>]
 * Writes src/data/drift.json: what became of every excerpt and reference row at <commit>.
 */
import {writeFileSync} from 'node:fs';
import {parseArgs} from '../lib/cilium-git';
import {DRIFT_COMMAND, DRIFT_DATA_PATH, DRIFT_STATUSES, checkDriftData} from '../../src/lib/drift';
import {loadExcerptData} from '../../src/lib/excerpt-data';
import {deriveDrift, resolveCommit} from './derive';
import {driftSummary, serialiseDrift} from './summary';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cilium', 'to'], DRIFT_COMMAND);
  const started = Date.now();
  const excerpts = loadExcerptData();
  const to = resolveCommit(args.cilium, excerpts.commit, args.to);
  const data = await deriveDrift({gitDir: args.cilium, to, label: args.label ?? to.slice(0, 12)}, excerpts);
  const problems = checkDriftData(data, excerpts, 'drift');
  if (problems.length > 0) throw new Error(`nothing written:\n- ${problems.join('\n- ')}`);
  writeFileSync(DRIFT_DATA_PATH, serialiseDrift(data));
  console.log(`Wrote ${DRIFT_DATA_PATH} in ${((Date.now() - started) / 1000).toFixed(1)} s (${DRIFT_STATUSES.length} statuses):`);
  console.log(driftSummary(data));
}

main().catch((err: unknown) => {
  console.error(`drift: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
