/**
 * Each excerpt line's anchor id and gutter link, added to the highlighted HTML where it is shown.
 * The build (src/rehype/excerpts.ts) leaves them out of the `code` prop because they follow from
 * the excerpt id and the line number: a page's JS chunk carries every prop, and the gutters alone
 * were a sixth of a large page's chunk. Server and browser expand the same string the same way, so
 * the HTML is identical on both sides. Also: the line numbers a `shownLines` spec names, for the
 * component and the build. Browser-safe: no Node imports.
 */

/** The opening tag of a shown line as the build writes it: `<span class="excerpt-line" data-line="N"…>`. */
const COMPACT_LINE = /<span class="excerpt-line" data-line="(\d+)"([^>]*)>/g;

export function expandExcerptLines(id: string, compact: string): string {
  return compact.replace(COMPACT_LINE, (_, line: string, rest: string) => {
    const anchor = `${id}-L${line}`;
    return `<span class="excerpt-line" id="${anchor}" data-line="${line}"${rest}><a class="excerpt-gutter" href="#${anchor}" data-n="${line}" tabindex="-1" data-verify-ignore="" aria-hidden="true"></a>`;
  });
}

/** The line numbers a `shownLines` spec shows, in order: "10-12,20-21" gives 10, 11, 12, 20, 21. */
export function* lineNumbers(spec: string): Generator<number> {
  for (const part of spec.split(',')) {
    const [from, to] = part.split('-').map(Number);
    for (let n = from; n <= to; n++) yield n;
  }
}
