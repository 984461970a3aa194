/** Reading the built Markdown twins: parse, list code blocks per excerpt, collect anchors and links. */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Code, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

const parser = unified().use(remarkParse).use(remarkGfm);
export const parseMarkdown = (text: string): Root => parser.parse(text) as Root;

export interface Twin {
  path: string;
  text: string;
  frontMatter: Record<string, string>;
  tree: Root;
}

/** The twin of the HTML page at `htmlPath` (e.g. `/zh-Hans/docs/intro`) in `buildDir`. */
export function readTwin(buildDir: string, htmlPath: string, basePath = '/'): Twin {
  const path = `${htmlPath}.md`;
  const file = join(buildDir, path.slice(basePath.length));
  if (!existsSync(file)) throw new Error(`${path}: no Markdown twin at ${file}`);
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${path}: no front matter`);
  const frontMatter: Record<string, string> = {};
  for (const line of match[1].split('\n')) {
    const field = /^([a-z_]+): (".*")$/.exec(line);
    if (!field) throw new Error(`${path}: front matter line is not key: "json string": ${line}`);
    frontMatter[field[1]] = JSON.parse(field[2]) as string;
  }
  return {path, text, frontMatter, tree: parser.parse(text.slice(match[0].length)) as Root};
}

/** Ids written as `{#id}` after a heading, an excerpt caption or a reference row's name. */
export function anchorsOf(twin: Twin): Set<string> {
  const anchors = new Set<string>();
  visit(twin.tree, 'text', (node) => {
    for (const m of node.value.matchAll(/\{#([A-Za-z0-9_-]+)\}/g)) anchors.add(m[1]);
  });
  return anchors;
}

export function linksOf(twin: Twin): string[] {
  const urls: string[] = [];
  visit(twin.tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
  });
  return urls;
}

/** The code blocks that follow the caption of excerpt `id`, up to the next non-code content. */
export function excerptBlocks(twin: Twin, id: string): Code[] | null {
  const nodes = twin.tree.children;
  const at = nodes.findIndex((n) => n.type === 'paragraph' && toString(n).includes(`{#${id}}`));
  if (at === -1) return null;
  const blocks: Code[] = [];
  for (const node of nodes.slice(at + 1) as RootContent[]) {
    if (node.type === 'code') blocks.push(node);
    // Several ranges: a "Lines a–b:" link sits above each block.
    else if (!(node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'link')) break;
  }
  return blocks;
}

const ENTITIES: Record<string, string> = {amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'"};

/** The attributes of every `<tag …>` in built (minified: maybe unquoted) HTML, entities decoded. */
export function tagAttributes(html: string, tag: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map(([, attrs]) => {
    const out: Record<string, string> = {};
    for (const m of attrs.matchAll(/([a-zA-Z:-]+)(?:=("([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      out[m[1].toLowerCase()] = (m[3] ?? m[4] ?? m[5] ?? '').replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
    }
    return out;
  });
}
