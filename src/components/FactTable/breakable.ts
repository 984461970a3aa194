/** Break points for long identifiers in the reference tables. */
const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'};

/**
 * An identifier as code that may wrap after `_` and `/` and before `.`, so long names fit a narrow
 * column. The break points are <wbr>, which adds no character: copying or finding the name
 * on the page still sees it whole.
 */
export function breakableHtml(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => ESCAPES[c])
    .replace(/(?<=[^\s_/])(_+|\/)(?=[^\s])/g, '$1<wbr>')
    .replace(/(?<=[^\s.])\.(?=[^\s.])/g, '<wbr>.');
}

