/** npm run excerpts:sync -- --cilium <git-dir> [--commit <sha>]: writes src/data/excerpts.json from the pages' references. */
import {writeFileSync} from 'node:fs';
import {CiliumSource, parseArgs} from '../lib/cilium-git';
import {scanSite} from '../../src/lib/mdx-scan';
import {EXCERPT_DATA_PATH} from '../../src/lib/excerpt-data';
import {buildExcerptData} from './build-data';

const args = parseArgs(process.argv.slice(2), ['cilium'], 'npm run excerpts:sync -- --cilium <git-dir> [--commit <sha>]');
const source = new CiliumSource(args.cilium, args.commit);
const {data, problems} = buildExcerptData(scanSite(), source);
if (problems.length > 0) {
  console.error(`excerpts:sync found ${problems.length} problem(s); nothing written:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
writeFileSync(EXCERPT_DATA_PATH, `${JSON.stringify(data, null, 2)}\n`);
console.log(
  `Wrote ${EXCERPT_DATA_PATH}: ${Object.keys(data.excerpts).length} excerpts, ` +
    `${Object.keys(data.links).length} line links, ${Object.keys(data.files).length} files at ${source.commit}.`,
);
