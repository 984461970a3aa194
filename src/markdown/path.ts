/**
 * Where a doc page's Markdown twin lives: its HTML path plus `.md` (`/docs/intro` → `/docs/intro.md`).
 * A category index's permalink may end in `/` (`/docs/reference/`); the site serves it without
 * (trailingSlash: false), and so does its twin: `/docs/reference.md`. Shared by the build and the page.
 */
export const markdownPath = (permalink: string): string => `${permalink.replace(/(.)\/$/, '$1')}.md`;
