/**
 * How many lines a value takes, at most, in a line of a given width: in a reference card on the
 * narrowest phone (320 px), or in a table cell on a wide screen. It is the space a card or row
 * reserves before it is drawn. Less, and a waiting card's content spills over the next card's, so
 * their links overlap while they wait (axe's target-size measures them then).
 */
import {CJK_CHARACTER, CJK_RANGES} from '../../lib/cjk';
import {identifierPieces} from './breakable';

/** Width units in one line of a 320 px card; a character is 1, a CJK character 2. About 35 fit. */
export const CARD_LINE_UNITS = 30;
/** CSS px per width unit: a card's line (262 px of content) over its units, so as safe as a card. */
const PX_PER_UNIT = 262 / CARD_LINE_UNITS;

/** The width units of a line `px` wide. */
export const lineUnits = (px: number): number => Math.max(1, Math.floor(px / PX_PER_UNIT));
/** A list's bottom margin (1rem) and the gap between its items (0.25rem), in lines of 1.41rem. */
const LIST_MARGIN_LINES = 0.75;
const ITEM_GAP_LINES = 0.2;

const units = (text: string): number => Array.from(text).reduce((sum, c) => sum + (CJK_CHARACTER.test(c) ? 2 : 1), 0);

/** Words as a line breaker sees them: text between spaces, each CJK character on its own, and spaces. */
const WORD = new RegExp(`[${CJK_RANGES}]|[^\\s${CJK_RANGES}]+|\\s+`, 'gu');

/**
 * The lines one run of text takes, wrapped as the browser does: a word that does not fit the rest of
 * a line starts the next, and only a word longer than a line breaks inside (overflow-wrap: anywhere).
 * In `identifiers` (Ident's <wbr>, breakable.ts) a word may also wrap between its pieces, and only a
 * piece longer than a line breaks inside.
 */
export function textLines(text: string, lineUnits = CARD_LINE_UNITS, {identifiers = false} = {}): number {
  let lines = 1;
  let fill = 0;
  let spaced = false;
  for (const [word] of text.matchAll(WORD)) {
    if (/^\s/u.test(word)) {
      spaced = fill > 0;
      continue;
    }
    for (const piece of identifiers ? identifierPieces(word) : [word]) {
      const width = units(piece);
      const gap = spaced ? 1 : 0;
      spaced = false;
      if (fill + gap + width <= lineUnits) {
        fill += gap + width;
        continue;
      }
      if (fill > 0) lines++;
      lines += Math.ceil(width / lineUnits) - 1;
      fill = width % lineUnits || lineUnits;
    }
  }
  return lines;
}

/** The lines a <ul> of these items takes, its margins included. */
export function listLines(items: string[], lineUnits = CARD_LINE_UNITS, options: {identifiers?: boolean} = {}): number {
  return items.reduce((sum, item) => sum + textLines(item, lineUnits, options), 0) + LIST_MARGIN_LINES + ITEM_GAP_LINES * Math.max(0, items.length - 1);
}
