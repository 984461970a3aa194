/** The docs column's width as the classic theme lays it out, measured in Chromium at these widths (deferred-layout.test.ts checks the row estimates built on it). */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {docsColumnCss, docsColumnPx} from '../../src/lib/docs-column';

test('below 997 px the column is the viewport less its gutters, with or without a table of contents', () => {
  assert.equal(docsColumnPx(412, {toc: true}), 380);
  assert.equal(docsColumnPx(996, {toc: false}), 964);
});

test('from 997 px the sidebar takes 300 px and the table of contents a quarter of the rest', () => {
  assert.equal(docsColumnPx(1200, {toc: false}), 868);
  assert.equal(docsColumnPx(1200, {toc: true}), 643);
  assert.equal(docsColumnPx(1350, {toc: true}), 755.5);
});

test("past Infima's container width the column stops growing", () => {
  assert.equal(docsColumnPx(1920, {toc: false}), 1288);
  assert.equal(docsColumnPx(1920, {toc: true}), 958);
  assert.equal(docsColumnPx(1440, {toc: false}), 1108);
});

test('the CSS lengths for an image are the same column', () => {
  assert.deepEqual(docsColumnCss(), ['calc(100vw - 32px)', 'calc(75vw - 257px)']);
});
