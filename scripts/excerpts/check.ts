/** npm run excerpts:check -- --cilium <git-dir>: re-reads every excerpt and link from the source and compares with the committed data. */
import {isDeepStrictEqual} from 'node:util';
import {checkExcerptData, checkLocaleParity} from '../../src/lib/content-checks';
import {CiliumSource, parseArgs} from '../lib/cilium-git';
import {scanSite} from '../../src/lib/mdx-scan';
import {buildExcerptData} from './build-data';
import {SYNC_COMMAND, loadExcerptData} from '../../src/lib/excerpt-data';

const args = parseArgs(process.argv.slice(2), ['cilium'], 'npm run excerpts:check -- --cilium <git-dir>');
const site = scanSite();
const committed = loadExcerptData();
const {data: fresh, problems} = buildExcerptData(site, new CiliumSource(args.cilium, committed.commit));
problems.push(...checkLocaleParity(site), ...checkExcerptData(site, committed));

for (const [id, entry] of Object.entries(fresh.excerpts)) {
  if (!isDeepStrictEqual(entry, committed.excerpts[id])) {
    problems.push(`excerpt "${id}" (${entry.path} ${entry.lines}) differs from the source; run ${SYNC_COMMAND}.`);
  }
}
for (const [path, file] of Object.entries(fresh.files)) {
  if (!isDeepStrictEqual(file, committed.files[path])) problems.push(`file ${path}: blob or line count differs from the source.`);
}
for (const [target, link] of Object.entries(fresh.links)) {
  if (!isDeepStrictEqual(link, committed.links[target])) problems.push(`link cilium:${target} differs from the source.`);
}

if (problems.length > 0) {
  console.error(`excerpts:check: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `excerpts:check: ${Object.keys(fresh.excerpts).length} excerpts, ${Object.keys(fresh.links).length} line links and ` +
    `${Object.keys(fresh.files).length} files match Cilium ${committed.commit} byte for byte.`,
);
