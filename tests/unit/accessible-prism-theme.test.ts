/** The Prism themes the site configures reach 5:1 on their own background, token by token. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {themes} from 'prism-react-renderer';
import {accessiblePrismTheme, contrast, parseColour} from '../../src/lib/accessible-prism-theme';

for (const name of ['github', 'vsDark'] as const) {
  test(`${name}: every token colour reaches 5:1 and none is dimmed`, () => {
    const original = themes[name];
    const fixed = accessiblePrismTheme(original);
    const background = parseColour(fixed.plain.backgroundColor!)!;
    const colours = [fixed.plain.color, ...fixed.styles.map((s) => s.style.color)].filter((c): c is string => Boolean(c));
    for (const colour of colours) {
      const rgb = parseColour(colour);
      assert.ok(rgb, `parses ${colour}`);
      assert.ok(contrast(rgb, background) >= 5, `${colour} on ${fixed.plain.backgroundColor}: ${contrast(rgb, background).toFixed(2)}:1`);
    }
    assert.ok(fixed.styles.every((s) => !('opacity' in s.style)));
    // The original really needed it, so this test can fail.
    const before = original.styles.map((s) => s.style.color).filter((c): c is string => Boolean(c)).map((c) => parseColour(c)).filter((c): c is number[] => c !== null);
    if (name === 'github') assert.ok(before.some((c) => contrast(c, background) < 4.5));
  });
}
