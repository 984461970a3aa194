/**
 * Each excerpt line's anchor id and gutter link, added to the highlighted HTML where it is shown.
 * The build (src/rehype/excerpts.ts) leaves them out of the `code` prop because they follow from
 * the excerpt id and the line number: a page's JS chunk carries every prop, and the gutters alone
 * were a sixth of a large page's chunk. Server and browser expand the same string the same way, so
 * the HTML is identical on both sides. Browser-safe: no Node imports.
 */

/** The opening tag of a shown line as the build writes it: `<span class="excerpt-line" data-line="N"…>`. */
const COMPACT_LINE = /<span class="excerpt-line" data-line="(\d+)"([^>]*)>/g;

export function expandExcerptLines(id: string, compact: string): string {
  return compact.replace(COMPACT_LINE, (_, line: string, rest: string) => {
    const anchor = `${id}-L${line}`;
    return `<span class="excerpt-line" id="${anchor}" data-line="${line}"${rest}><a class="excerpt-gutter" href="#${anchor}" data-n="${line}" tabindex="-1" data-verify-ignore="" aria-hidden="true"></a>`;
  });
}
