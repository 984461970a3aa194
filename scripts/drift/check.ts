/**
 * npm run drift:check -- --cilium <git-dir>
 * Re-derives src/data/drift.json for its own target commit and label, and fails naming every
 * excerpt and table whose result differs from the committed data.
 */
import {isDeepStrictEqual} from 'node:util';
import {parseArgs} from '../lib/cilium-git';
import {DRIFT_COMMAND, DRIFT_DATA_PATH, REFERENCE_TABLES, type TableDrift, checkDriftData, loadDriftData} from '../../src/lib/drift';
import {loadExcerptData} from '../../src/lib/excerpt-data';
import {deriveDrift} from './derive';
import {driftSummary} from './summary';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cilium'], 'npm run drift:check -- --cilium <git-dir>');
  const committed = loadDriftData();
  const excerpts = loadExcerptData();
  const fresh = await deriveDrift({gitDir: args.cilium, to: committed.to, label: committed.label}, excerpts);
  const problems = checkDriftData(committed, excerpts);
  for (const field of ['$comment', 'command', 'from', 'to', 'label'] as const) {
    if (committed[field] !== fresh[field]) problems.push(`${field}: committed ${JSON.stringify(committed[field])}, derived ${JSON.stringify(fresh[field])}`);
  }
  for (const id of new Set([...Object.keys(committed.excerpts), ...Object.keys(fresh.excerpts)])) {
    const [was, now] = [committed.excerpts[id], fresh.excerpts[id]];
    if (isDeepStrictEqual(was, now)) continue;
    problems.push(`excerpt "${id}": committed ${was ? `${was.status} ${JSON.stringify(was.ranges ?? [])}` : 'nothing'}, derived ${now ? `${now.status} ${JSON.stringify(now.ranges ?? [])}` : 'nothing'}`);
  }
  for (const table of REFERENCE_TABLES) {
    if (!isDeepStrictEqual(committed.reference[table], fresh.reference[table])) problems.push(`reference table ${table} differs:\n    committed ${describe(committed.reference[table])}\n    derived   ${describe(fresh.reference[table])}`);
  }
  if (problems.length > 0) {
    console.error(`drift:check: ${DRIFT_DATA_PATH} differs from Cilium ${committed.to} (${problems.length}):\n- ${problems.join('\n- ')}\nRun: ${committed.command || DRIFT_COMMAND}`);
    process.exit(1);
  }
  console.log(`drift:check: ${DRIFT_DATA_PATH} matches Cilium ${committed.to}:\n${driftSummary(fresh)}`);
}

function describe(t: TableDrift): string {
  return t.status === 'compared' ? `${t.present} present, removed [${t.removed.map((r) => r.key).join(', ')}], added [${t.added.map((r) => r.key).join(', ')}]` : `failed: ${t.error.split('\n')[0]}`;
}

main().catch((err: unknown) => {
  console.error(`drift:check: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
