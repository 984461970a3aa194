/** Token colours become palette classes; anything the palette cannot express stops the build. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ThemedToken} from 'shiki';
import {getHighlighter} from '../../src/rehype/excerpts';
import {tokenClasses, tokenCss, tokenPalette} from '../../src/rehype/token-classes';

const token = (htmlStyle: Record<string, string>): ThemedToken => ({content: 'x', offset: 0, htmlStyle}) as ThemedToken;

test('a coloured token gets one light and one dark class; plain text gets none', async () => {
  const palette = tokenPalette(await getHighlighter());
  const [light, dark] = [palette.light[3], palette.dark[5]];
  assert.deepEqual(tokenClasses(token({color: light.toUpperCase(), '--excerpt-dark': dark}), palette), ['tl3', 'td5']);
  assert.deepEqual(tokenClasses(token({color: palette.light[0], '--excerpt-dark': palette.dark[0]}), palette), []);
  assert.deepEqual(tokenClasses(token({color: light, 'font-style': 'italic', '--excerpt-dark-font-style': 'italic'}), palette), ['tl3', 'td0', 'fi']);
  const css = tokenCss(palette);
  assert.match(css, new RegExp(`\\.tl3\\{color:${light}\\}`));
  assert.match(css, new RegExp(`\\[data-theme='dark'\\] \\[data-cilium-excerpt\\] \\.td5\\{color:${dark}\\}`));
});

test('a colour outside the palette or an unknown style throws, naming it', async () => {
  const palette = tokenPalette(await getHighlighter());
  assert.throws(() => tokenClasses(token({color: '#123456'}), palette), /#123456 \(color\), which is not in the theme palette/);
  assert.throws(() => tokenClasses(token({'text-shadow': '1px'}), palette), /text-shadow:1px, which has no class/);
});
