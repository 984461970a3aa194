/**
 * `llms.txt` (llmstxt.org: an H1, a one-paragraph blockquote summary, then sections of links to
 * Markdown files with their descriptions) and `llms-full.txt` (every page in reading order).
 */
import type {Translate} from './twin';

export interface LlmsPage {
  title: string;
  description: string;
  /** Absolute URLs of the HTML page and of its Markdown twin. */
  url: string;
  markdownUrl: string;
  /** The twin without its front matter, starting with its `# Title`. */
  body: string;
}

export interface LlmsSection {
  title: string;
  pages: LlmsPage[];
}

export interface LlmsSite {
  title: string;
  version: string;
  commit: string;
  /** Absolute URL of llms-full.txt. */
  fullUrl: string;
  /** Every page in the sidebar's reading order (llms-full.txt). */
  pages: LlmsPage[];
  /** The same pages grouped for llms.txt. */
  sections: LlmsSection[];
  translate: Translate;
}

function summary(site: LlmsSite): string {
  return site.translate(
    {
      id: 'markdown.llms.summary',
      message:
        'A guide to reading the Cilium source code, pinned to Cilium v{version} (commit {commit}). Each code excerpt is the exact text of the source at that commit, with its GitHub permalink.',
    },
    {version: site.version, commit: site.commit},
  );
}

/** Markdown link text and descriptions stay on one line each. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
const linkText = (value: string) => oneLine(value).replace(/([\\[\]])/g, '\\$1');

export function llmsTxt(site: LlmsSite): string {
  const about = site.translate(
    {
      id: 'markdown.llms.about',
      message: 'Every page below is the Markdown twin of an HTML page of the guide. All pages in reading order, in one file: {full}',
    },
    {full: site.fullUrl},
  );
  const sections = site.sections.map(
    (section) =>
      `## ${oneLine(section.title)}\n\n${section.pages
        .map((page) => `- [${linkText(page.title)}](${page.markdownUrl}): ${oneLine(page.description)}`)
        .join('\n')}\n`,
  );
  return [`# ${site.title}\n`, `> ${oneLine(summary(site))}\n`, `${about}\n`, ...sections].join('\n');
}

export function llmsFullTxt(site: LlmsSite): string {
  const parts = site.pages.map((page) => {
    const [heading, ...rest] = page.body.split('\n');
    return [heading, '', `URL: ${page.url}`, ...rest].join('\n').trimEnd();
  });
  return [`# ${site.title}\n`, `> ${oneLine(summary(site))}\n`, ...parts.map((p) => `${p}\n`)].join('\n');
}
