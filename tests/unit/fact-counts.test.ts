/** The FactCount remark plugin renders counts from src/data/facts at build time and fails on an unknown name. */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import type {Root} from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import remarkFactCounts, {FACT_COUNTS, factCount, loadFacts, type FactCountName} from '../../src/remark/fact-counts';

const factsFile = (name: string) => JSON.parse(readFileSync(new URL(`../../src/data/facts/${name}`, import.meta.url), 'utf8'));

async function run(source: string): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFactCounts);
  const file = new VFile({path: 'docs/x.mdx', value: source});
  return (await processor.run(processor.parse(file), file)) as Root;
}

const paragraphText = (tree: Root, n = 0): string => {
  const paragraph = tree.children[n];
  assert.equal(paragraph.type, 'paragraph');
  return paragraph.children.map((c) => ('value' in c ? c.value : c.type)).join('');
};

describe('remarkFactCounts', () => {
  test('renders the entry-program count the extractor wrote, as plain text', async () => {
    const expected = factsFile('programs.json').counts.entry as number;
    assert.ok(expected > 0);
    const tree = await run('The objects hold <FactCount of="entryPrograms" /> entry programs.\n');
    assert.equal(paragraphText(tree), `The objects hold ${expected} entry programs.`);
    assert.ok(tree.children[0].type === 'paragraph' && tree.children[0].children.every((c) => c.type === 'text'));
  });

  test('renders the map and tail-call totals the extractor wrote', async () => {
    const tree = await run('<FactCount of="maps" /> maps, <FactCount of="tailCallPrograms" /> tail calls\n');
    assert.equal(paragraphText(tree), `${factsFile('maps.json').count} maps, ${factsFile('tailcalls.json').count} tail calls`);
  });

  test('renders the module count of the agent cell tree the extractor wrote', async () => {
    const tree = await run('<FactCount of="agentModules" /> modules\n');
    assert.equal(paragraphText(tree), `${factsFile('cells.json').totals.modules} modules`);
  });

  test('works inside link text and on a line of its own', async () => {
    const tree = await run('[<FactCount of="socketLbPrograms" /> programs](/x)\n\n<FactCount of="maps" />\n');
    const link = tree.children[0].type === 'paragraph' ? tree.children[0].children[0] : null;
    assert.ok(link?.type === 'link' && link.children[0].type === 'text');
    assert.match(link.children[0].value, /^\d+$/);
    assert.equal(paragraphText(tree, 1), String(factsFile('maps.json').count));
  });

  test('names file and line of an unknown count', async () => {
    await assert.rejects(run('Fine.\n\nThere are <FactCount of="nonsense" /> of them.\n'), (error: Error) => {
      assert.match(error.message, /docs\/x\.mdx:3: <FactCount of="nonsense" \/> names no count\. Known: entryPrograms,/);
      return true;
    });
  });

  test('names file and line of a FactCount without "of"', async () => {
    await assert.rejects(run('<FactCount />\n'), /docs\/x\.mdx:1: <FactCount of="" \/> names no count/);
  });

  test('every named count is a positive integer at the pinned commit', () => {
    const facts = loadFacts();
    for (const name of Object.keys(FACT_COUNTS) as FactCountName[]) {
      const value = factCount(name, facts);
      assert.ok(Number.isInteger(value) && value > 0, `${name} = ${value}`);
    }
  });

  test('a count the data no longer supports fails instead of rendering 0', () => {
    const facts = {...loadFacts(), maps: []};
    assert.throws(() => factCount('callPolicyObjects', facts), /FactCount "callPolicyObjects" is 0/);
  });
});
