/** Prose that waits on a phone (src/rehype/deferred-prose.ts), through the real MDX compiler, static prose and React's server renderer. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import React from 'react';
import * as runtime from 'react/jsx-runtime';
import {renderToStaticMarkup} from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import diagramData from '../../src/data/diagrams.json';
import {narrowMinHeightPx} from '../../src/lib/diagram-size';
import rehypeDeferredProse, {SCREENS, textEm} from '../../src/rehype/deferred-prose';
import rehypeStaticProse from '../../src/rehype/static-prose';

/** Stands in for src/components/Excerpt: shows the props deferred-prose sets. */
const Excerpt = (props: {drawnAtOnceOn?: string}) => React.createElement('figure', {'data-at-once-on': props.drawnAtOnceOn ?? ''});
const Wrapper = (props: {children?: React.ReactNode}) => React.createElement('section', null, props.children);

async function render(page: string): Promise<string> {
  // @mdx-js/mdx is ESM-only; the tests run as CommonJS.
  const {evaluate} = await import('@mdx-js/mdx');
  const {default: Content} = await evaluate(page, {
    ...runtime,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeDeferredProse, [rehypeStaticProse, {baseUrl: '/'}]] as never,
  } as never);
  return renderToStaticMarkup(React.createElement(Content, {components: {StaticHtmlLinks: () => null, Excerpt, Wrapper, Diagram: () => null}}));
}

const LONG = 'A sentence of some length that fills part of a line on a phone. '.repeat(6);

describe('deferred prose', () => {
  test('text width: a CJK character is an em, other text about half, inline code a little more and its padding', () => {
    const text = (value: string) => ({type: 'text', value}) as const;
    assert.equal(textEm(text('中文字')), 3);
    assert.ok(Math.abs(textEm(text("abcd")) - 4 * 0.52) < 1e-9);
    const code = {type: 'element', tagName: 'code', properties: {}, children: [text('ab')]} as const;
    assert.ok(Math.abs(textEm(code as never) - (2 * 0.56 + 0.4)) < 1e-9);
    // Runs of white space set as one space.
    assert.equal(textEm(text("中 \n  文")), 2 + 0.52);
  });

  test('the first screen of the tallest phone and tablet stays drawn; paragraphs and lists below wait, with their size hints', async () => {
    const paragraphs = Array.from({length: 40}, (_, i) => `Paragraph ${i}: ${LONG}`).join('\n\n');
    const html = await render(`${paragraphs}\n\n- one\n- two \`code\`\n- three\n\n## Heading\n\n中文段落。`);
    const blocks = [...html.matchAll(/<(p|ul|h2)([^>]*)>/g)].map(([, tag, attrs]) => ({tag, attrs}));
    const waitingFrom = (className: string) => blocks.findIndex((b) => b.attrs.includes(`${className}"`) || b.attrs.includes(`${className} `));
    const phone = waitingFrom(SCREENS.phone.className);
    const tablet = waitingFrom(SCREENS.tablet.className);
    assert.ok(phone > 0, 'some paragraphs wait on a phone');
    // Each paragraph takes 3 lines or more at 568 px: the first 960 px hold more than 5.
    assert.ok(phone >= 5, `the first ${phone} paragraphs stay drawn on a phone`);
    assert.ok(tablet > phone, `on a tablet, with wider lines, waiting starts later (${tablet} > ${phone})`);
    // Once waiting starts, every later paragraph and list waits; a heading never does.
    for (const [i, b] of blocks.entries()) {
      if (b.tag === 'h2') assert.doesNotMatch(b.attrs, /prose-deferred/);
      else if (i >= phone) assert.match(b.attrs, new RegExp(`class="${SCREENS.phone.className}`), `block ${i}`);
    }
    // A list reserves each item's lines, rounded up, over the column less the list's indent (custom.css).
    const list = blocks.find((b) => b.tag === 'ul')!;
    assert.match(list.attrs, /style="--prose-lines:round\(up,1\.6em\/var\(--prose-column\),1\) \+ round\(up,4\.8em\/var\(--prose-column\),1\) \+ round\(up,2\.6em\/var\(--prose-column\),1\);--prose-gaps:2"/);
    const cjk = blocks.at(-1)!;
    assert.match(cjk.attrs, /style="--prose-lines:round\(up,5em\/var\(--prose-column\),1\)"/, 'four CJK characters and a full stop');
  });

  test('a paragraph reserves each run between line breaks rounded up on its own', async () => {
    const paragraphs = Array.from({length: 40}, (_, i) => `Paragraph ${i}: ${LONG}`).join('\n\n');
    const html = await render(`${paragraphs}\n\n中文  \n中文字`);
    assert.match(html, /<p class="prose-deferred[^"]*" style="--prose-lines:round\(up,2em\/var\(--prose-column\),1\) \+ round\(up,3\.\d+em\/var\(--prose-column\),1\)">中文<br>/);
  });

  test("the page's first excerpt frame is drawn at once on each screen where it may start in view, and only there", async () => {
    const frame = '<Excerpt shownLines="1-30" />';
    assert.match(await render(`${LONG}\n\n${frame}`), /<figure data-at-once-on="phone tablet desktop">/, 'near the top: everywhere');
    // Eight paragraphs pass 960 px at a phone's widest column, not 1,400 px at a tablet's.
    const paragraphs = (n: number) => Array.from({length: n}, (_, i) => `Paragraph ${i}: ${LONG}`).join('\n\n');
    assert.match(await render(`${paragraphs(8)}\n\n${frame}`), /data-at-once-on="tablet desktop"/);
    // A desktop counts nothing: there the first frame is always drawn at once.
    assert.match(await render(`${paragraphs(40)}\n\n${frame}`), /data-at-once-on="desktop"/);
    // Inside another component it is still the first, counted from where that component starts.
    assert.match(await render(`${paragraphs(40)}\n\n<Wrapper>\n\n${frame}\n\n</Wrapper>`), /<section><figure data-at-once-on="desktop">/);
    // Only the first frame is marked: a later one always waits.
    const two = await render(`${frame}\n\n${paragraphs(40)}\n\n<Excerpt shownLines="1-3" />`);
    assert.deepEqual([...two.matchAll(/data-at-once-on="([^"]*)"/g)].map((m) => m[1]), ['phone tablet desktop', '']);
  });

  test('a diagram counts at the height its legible width gives it (src/data/diagrams.json)', async () => {
    // datapath-load-flow (en) is drawn at least 661 px wide below 997 px: about 1,400 px tall.
    const below = narrowMinHeightPx(diagramData.diagrams['datapath-load-flow.en']) + 16;
    const expected = (['phone', 'tablet'] as const).filter((s) => below > SCREENS[s].firstScreenPx).map((s) => SCREENS[s].className);
    assert.ok(expected.includes(SCREENS.phone.className), `${below} px is past a phone's first screen`);
    const html = await render(`<Diagram name="datapath-load-flow" />\n\nRight below the diagram.`);
    assert.match(html, new RegExp(`<p class="${expected.join(' ')}"`));
    assert.doesNotMatch(await render(`<Diagram name="no-such-diagram" />\n\nRight below.`), /prose-deferred/, 'an unknown diagram counts nothing');
  });

  test('a short page waits for nothing', async () => {
    assert.doesNotMatch(await render(`${LONG}\n\n- a\n- b`), /prose-deferred/);
  });
});
