/** Prose that waits on a phone (src/rehype/deferred-prose.ts), through the real MDX compiler, static prose and React's server renderer. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import React from 'react';
import * as runtime from 'react/jsx-runtime';
import {renderToStaticMarkup} from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import rehypeDeferredProse, {SCREENS, textEm} from '../../src/rehype/deferred-prose';
import rehypeStaticProse from '../../src/rehype/static-prose';

async function render(page: string): Promise<string> {
  // @mdx-js/mdx is ESM-only; the tests run as CommonJS.
  const {evaluate} = await import('@mdx-js/mdx');
  const {default: Content} = await evaluate(page, {
    ...runtime,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeDeferredProse, [rehypeStaticProse, {baseUrl: '/'}]] as never,
  } as never);
  return renderToStaticMarkup(React.createElement(Content, {components: {StaticHtmlLinks: () => null}}));
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

  test('a short page waits for nothing', async () => {
    assert.doesNotMatch(await render(`${LONG}\n\n- a\n- b`), /prose-deferred/);
  });
});
