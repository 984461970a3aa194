/** The heading-id remark plugin fails the build for a heading without an explicit id. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import remarkHeadingIds from '../../src/remark/heading-ids';

async function run(source: string) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkHeadingIds);
  const file = new VFile({path: 'docs/x.mdx', value: source});
  await processor.run(processor.parse(file), file);
}

describe('remarkHeadingIds', () => {
  test('accepts explicit ASCII ids', async () => {
    await run('## 启动 {/* #startup */}\n\n### Maps {/* #maps-2 */}\n');
  });
  test('names file and line of a heading without an id', async () => {
    await assert.rejects(run('## Fine {/* #fine */}\n\n## Missing\n'), /docs\/x\.mdx:3: heading "Missing" has no explicit id/);
  });
  test('rejects a non-ASCII id', async () => {
    await assert.rejects(run('## 启动 {/* #启动 */}\n'), /has no explicit id/);
  });
  test('rejects a repeated id', async () => {
    await assert.rejects(run('## A {/* #a */}\n\n## B {/* #a */}\n'), /heading id "a" is already used on line 1/);
  });
});
