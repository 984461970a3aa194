/**
 * How many lines a value takes in a reference card on the narrowest phone (320 px), at most: the
 * space a card reserves before it is drawn. Less, and a waiting card's content spills over the
 * next card's, so their links overlap while they wait (axe's target-size measures them then).
 */

/** Width units in one line of a 320 px card; a character is 1, a CJK character 2. About 35 fit. */
const LINE_UNITS = 30;
/** CJK characters: twice as wide as others, and a line may break before or after each. */
const CJK = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${CJK}]`, 'u');
/** A list's bottom margin (1rem) and the gap between its items (0.25rem), in lines of 1.41rem. */
const LIST_MARGIN_LINES = 0.75;
const ITEM_GAP_LINES = 0.2;

const units = (text: string): number => Array.from(text).reduce((sum, c) => sum + (WIDE.test(c) ? 2 : 1), 0);

/** Words as a line breaker sees them: text between spaces, each CJK character on its own, and spaces. */
const WORD = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, 'gu');

/**
 * The lines one run of text takes, wrapped as the browser does: a word that does not fit the rest of
 * a line starts the next, and only a word longer than a line breaks inside (overflow-wrap: anywhere).
 */
export function textLines(text: string): number {
  let lines = 1;
  let fill = 0;
  let spaced = false;
  for (const [word] of text.matchAll(WORD)) {
    if (/^\s/u.test(word)) {
      spaced = fill > 0;
      continue;
    }
    const width = units(word);
    const gap = spaced ? 1 : 0;
    spaced = false;
    if (fill + gap + width <= LINE_UNITS) {
      fill += gap + width;
      continue;
    }
    if (fill > 0) lines++;
    lines += Math.ceil(width / LINE_UNITS) - 1;
    fill = width % LINE_UNITS || LINE_UNITS;
  }
  return lines;
}

/** The lines a <ul> of these items takes, its margins included. */
export function listLines(items: string[]): number {
  return items.reduce((sum, item) => sum + textLines(item), 0) + LIST_MARGIN_LINES + ITEM_GAP_LINES * Math.max(0, items.length - 1);
}
