/** Break points for long identifiers in the reference tables. */
const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'};

/** After a run of `_` or a `/` inside a name, and before a `.` inside one. */
const BREAK_AFTER = /(?<=[^\s_/])(?:_+|\/)(?=\S)/g;
const BREAK_BEFORE = /(?<=[^\s.])\.(?=[^\s.])/g;

/** The pieces an identifier may wrap between (card-lines.ts wraps them as the browser does). */
export function identifierPieces(text: string): string[] {
  const cuts = new Set<number>();
  for (const match of text.matchAll(BREAK_AFTER)) cuts.add(match.index + match[0].length);
  for (const match of text.matchAll(BREAK_BEFORE)) cuts.add(match.index);
  const pieces: string[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * An identifier as code that may wrap after `_` and `/` and before `.`, so long names fit a narrow
 * column. The break points are <wbr>, which adds no character: copying or finding the name
 * on the page still sees it whole.
 */
export function breakableHtml(text: string): string {
  return identifierPieces(text)
    .map((piece) => piece.replace(/[&<>"]/g, (c) => ESCAPES[c]))
    .join('<wbr>');
}
